package io.idp.platform.gitops;

import java.util.Comparator;

/** The catalog as a Markdown table (docs/catalog.md): tools in install order, with versions, clusters and the facts of each cluster they read. */
public final class CatalogTable {
    private CatalogTable() {
    }

    public static String markdown(Catalog catalog) {
        var table = new StringBuilder()
                .append("Catalog version `").append(catalog.catalogVersion()).append("`.\n\n")
                .append("| wave | tool | chart | version | namespace | clusters | needs |\n")
                .append("|---|---|---|---|---|---|---|\n");
        catalog.tools().values().stream()
                .sorted(Comparator.comparingInt(Catalog.Tool::wave).thenComparing(Catalog.Tool::name))
                .forEach(tool -> table.append("| ").append(tool.wave()).append(" | ").append(tool.name()).append(" | ")
                        .append(tool.repository()).append(" `").append(tool.chart()).append("` | `").append(tool.version())
                        .append("` | ").append(tool.namespace()).append(" | ")
                        .append(tool.clusters().isEmpty() ? "(makes virtual clusters)" : String.join(", ", tool.clusters()))
                        .append(" | ").append(String.join(", ", tool.needs())).append(" |\n"));
        table.append("\n| EKS add-on |");
        var versions = catalog.eksAddons().keySet().stream().sorted().toList();
        versions.forEach(v -> table.append(" Kubernetes ").append(v).append(" |"));
        table.append("\n|---|").append("---|".repeat(versions.size())).append('\n');
        for (var addon : Catalog.REQUIRED_ADDONS) {
            table.append("| ").append(addon).append(" |");
            versions.forEach(v -> {
                var pin = catalog.eksAddons().get(v).get(addon);
                table.append(Catalog.EKS_DEFAULT_ADDON.equals(pin) ? " EKS default |" : " `" + pin + "` |");
            });
            table.append('\n');
        }
        return table.toString();
    }
}
