package io.idp.platform.gitops;

import java.nio.file.Path;

/**
 * Where a stack program finds the GitOps templates and the catalog: the project directory (the
 * directory Pulumi runs the program in, or the offline engine's project).
 */
public record Sources(Path root, Catalog catalog) {
    public static Sources load(Path root) {
        return new Sources(root, Catalog.load(root));
    }
}
