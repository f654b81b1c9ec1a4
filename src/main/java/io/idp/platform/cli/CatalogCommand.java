package io.idp.platform.cli;

import io.idp.platform.gitops.Catalog;
import io.idp.platform.gitops.CatalogTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** {@code ./platform catalog}: the catalog's tools, versions and waves as the Markdown table of docs/catalog.md. */
@Command(name = "catalog", description = "Prints the catalog (stacks/catalog.yaml) as a Markdown table, in install order.")
final class CatalogCommand implements Runnable {
    private final Path projectDir;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    CatalogCommand(Path projectDir) {
        this.projectDir = projectDir;
    }

    @Override
    public void run() {
        spec.commandLine().getOut().print(CatalogTable.markdown(Catalog.load(projectDir)));
        spec.commandLine().getOut().flush();
    }
}
