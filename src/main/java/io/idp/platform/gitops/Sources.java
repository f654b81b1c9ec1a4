package io.idp.platform.gitops;

import io.idp.platform.config.People;
import io.idp.platform.config.PeopleFile;

import java.nio.file.Path;

/**
 * Where a stack program finds the GitOps templates, the catalog and the platform's people: the
 * project directory (the directory Pulumi runs the program in, or the offline engine's project).
 */
public record Sources(Path root, Catalog catalog, People people) {
    public static Sources load(Path root) {
        return new Sources(root, Catalog.load(root), PeopleFile.load(root));
    }
}
