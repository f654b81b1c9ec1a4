package io.idp.platform.stacks;

import io.idp.platform.config.Observability;
import io.idp.platform.gitops.ClusterKind;
import io.idp.platform.support.FleetSignOn;
import io.idp.platform.gitops.Tenancy;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The workload clusters of the project, read from its stack files: each {@code platform:role: workload}
 * file's cluster name, type and environments. The management cluster's projects name them as
 * destinations, so a new cluster is a new stack file here too. Read leniently and on its own (the
 * program does not use the offline tooling's strict reader): a file that does not parse, or a value
 * of the wrong shape, is left out; it fails when that stack is checked or planned.
 */
final class WorkloadClusters {
    private WorkloadClusters() {
    }

    /** The names of the physical (EKS) workload clusters: those that push logs and traces through the gateway. */
    static List<String> physical(Path projectDir) {
        return read(projectDir).stream().filter(c -> c.kind() == ClusterKind.WORKLOAD_EKS).map(Tenancy.Cluster::name).toList();
    }

    static List<Tenancy.Cluster> read(Path projectDir) {
        var clusters = new ArrayList<Tenancy.Cluster>();
        for (var file : stackFiles(projectDir)) {
            var config = config(file);
            if (!"workload".equals(config.get("platform:role"))) {
                continue;
            }
            var name = config.get("platform:clusterName") == null ? "" : String.valueOf(config.get("platform:clusterName"));
            var kind = switch (String.valueOf(config.get("platform:clusterType"))) {
                case "eks" -> ClusterKind.WORKLOAD_EKS;
                case "vcluster" -> ClusterKind.WORKLOAD_VCLUSTER;
                default -> null;
            };
            var environments = config.get("platform:environments") instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList() : List.<String>of();
            if (!name.isEmpty() && kind != null) {
                clusters.add(new Tenancy.Cluster(name, kind, environments));
            }
        }
        return clusters;
    }

    /**
     * Who signs in through the management cluster's Dex: each EKS workload cluster that runs Grafana
     * ({@code platform:observability} prometheus, the default) and each virtual cluster.
     */
    static FleetSignOn signOn(Path projectDir, String managementHostname, String domain) {
        var grafanas = new ArrayList<String>();
        var virtual = new ArrayList<String>();
        for (var file : stackFiles(projectDir)) {
            var config = config(file);
            var name = config.get("platform:clusterName") == null ? "" : String.valueOf(config.get("platform:clusterName"));
            if (!"workload".equals(config.get("platform:role")) || name.isEmpty()) {
                continue;
            }
            var observability = config.get("platform:observability") == null ? Observability.PROMETHEUS.configValue()
                    : String.valueOf(config.get("platform:observability"));
            var type = String.valueOf(config.get("platform:clusterType"));
            if (type.equals("eks") && observability.equals(Observability.PROMETHEUS.configValue())) {
                grafanas.add(name);
            } else if (type.equals("vcluster")) {
                virtual.add(name);
            }
        }
        return new FleetSignOn(managementHostname, domain, grafanas, virtual);
    }

    /** {@code Pulumi.<stack>.yaml} files, in stack-name order. */
    private static List<Path> stackFiles(Path projectDir) {
        try (var files = Files.list(projectDir)) {
            return files.filter(f -> {
                var n = f.getFileName().toString();
                return n.startsWith("Pulumi.") && n.endsWith(".yaml") && !n.equals("Pulumi.yaml");
            }).sorted(java.util.Comparator.comparing(WorkloadClusters::stackName)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the stack files in " + projectDir, e);
        }
    }

    private static String stackName(Path file) {
        var n = file.getFileName().toString();
        return n.substring("Pulumi.".length(), n.length() - ".yaml".length());
    }

    private static Map<?, ?> config(Path file) {
        try {
            Object root = new Yaml(new LoaderOptions()).load(Files.readString(file));
            return root instanceof Map<?, ?> top && top.get("config") instanceof Map<?, ?> config ? config : Map.of();
        } catch (IOException | YAMLException e) {
            return Map.of();
        }
    }
}
