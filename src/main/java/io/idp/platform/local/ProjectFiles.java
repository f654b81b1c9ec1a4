package io.idp.platform.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files a plan reads from the project: the stack files, the people file, the GitOps templates and the app
 * template. Copied whole to plan a scratch copy (the benchmark, the tests) without touching the project.
 */
public final class ProjectFiles {
    public static final List<String> DIRECTORIES = List.of("stacks", "apps");

    private ProjectFiles() {
    }

    public static void copy(Path from, Path to) {
        try (var files = Files.list(from)) {
            for (var file : files.filter(f -> f.getFileName().toString().matches("Pulumi(\\..+)?\\.yaml|people\\.yaml")).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
            for (var directory : DIRECTORIES) {
                if (!Files.isDirectory(from.resolve(directory))) {
                    continue;
                }
                try (var tree = Files.walk(from.resolve(directory))) {
                    for (var file : tree.toList()) {
                        var target = to.resolve(from.relativize(file).toString());
                        if (Files.isDirectory(file)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(file, target);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the project from " + from + " to " + to, e);
        }
    }
}
