package io.idp.platform.gitops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a physical cluster's AWS side gives Karpenter and Velero (the roles, the node role, the
 * interruption queue, the backup bucket and its key) and what its configuration asks of them (the
 * NodePool's limits and capacity types, the backups' schedule and retention). The same facts fill the
 * management cluster's templates and, through the cluster Secret's annotations, the fleet's.
 *
 * <p>The cluster's own Karpenter and Velero objects are {@code stacks/physical/<tool>/}, rendered into
 * the management cluster's {@code manifests/<tool>/} (applied by the Application of
 * {@code stacks/management/<tool>.yaml}) and into a physical workload cluster's own directory.
 */
public record ClusterCapabilities(String karpenterRoleArn, String nodeRole, String interruptionQueue, int nodeVolumeGiB,
                                  int cpuLimit, String memoryLimit, List<String> capacityTypes,
                                  String veleroRoleArn, String backupBucket, String backupKeyArn, String backupSchedule,
                                  String backupTtl) {
    /** The templates every physical cluster gets: one directory per tool. */
    public static final Path TEMPLATES = GitopsLayout.STACKS.resolve("physical");
    /** The one template rendered only where application namespaces exist: an empty include list would back up everything. */
    static final String ENVIRONMENTS_SCHEDULE = "velero/schedule-environments.yaml";

    public ClusterCapabilities {
        capacityTypes = List.copyOf(capacityTypes);
    }

    /** The facts the tools' chart values read ({@link Catalog#NEEDS}), by variable. */
    public Map<String, String> chartFacts() {
        return Map.of("role.karpenter", karpenterRoleArn, "karpenter.interruptionQueue", interruptionQueue,
                "role.velero", veleroRoleArn);
    }

    /** The same facts with other values (those known once resources exist). */
    public ClusterCapabilities withResources(String karpenterRoleArn, String nodeRole, String interruptionQueue,
                                             String veleroRoleArn, String backupBucket, String backupKeyArn) {
        return new ClusterCapabilities(karpenterRoleArn, nodeRole, interruptionQueue, nodeVolumeGiB, cpuLimit, memoryLimit,
                capacityTypes, veleroRoleArn, backupBucket, backupKeyArn, backupSchedule, backupTtl);
    }

    /**
     * {@code stacks/physical/<tool>/} for each of Karpenter and Velero the cluster runs, under {@code target}.
     *
     * @param platformNamespaces   the namespaces of the platform's tools on the cluster (backed up daily)
     * @param applicationNamespaces the namespaces of the applications of the cluster's environments (backed up daily)
     */
    public SortedMap<String, String> render(Path root, Set<String> tools, String target, String clusterName, String region,
                                            List<String> platformNamespaces, List<String> applicationNamespaces) {
        var variables = new TreeMap<String, String>();
        if (tools.contains("karpenter")) {
            variables.put("cluster.name", clusterName);
            variables.put("karpenter.nodeRole", nodeRole);
            variables.put("karpenter.nodeVolume", nodeVolumeGiB + "Gi");
            variables.put("karpenter.cpuLimit", String.valueOf(cpuLimit));
            variables.put("karpenter.memoryLimit", memoryLimit);
            variables.put("karpenter.capacityTypes", flow(capacityTypes));
        }
        if (tools.contains("velero")) {
            variables.put("cluster.region", region);
            variables.put("velero.bucket", backupBucket);
            variables.put("velero.kmsKey", backupKeyArn);
            variables.put("velero.schedule", backupSchedule);
            variables.put("velero.ttl", backupTtl);
            variables.put("velero.platformNamespaces", flow(platformNamespaces));
            if (!applicationNamespaces.isEmpty()) {
                variables.put("velero.environmentNamespaces", flow(applicationNamespaces));
            }
        }
        if (variables.isEmpty()) {
            return new TreeMap<>();
        }
        return TemplateRenderer.render(root, TEMPLATES, target, variables, template -> {
            var tool = template.substring(0, Math.max(0, template.indexOf('/')));
            return tools.contains(tool) && (!template.equals(ENVIRONMENTS_SCHEDULE) || !applicationNamespaces.isEmpty());
        });
    }

    /** The platform's namespaces a kind of cluster runs tools in, but kube-system (the cluster's own, rebuilt with it). */
    public static List<String> platformNamespaces(Catalog catalog, Set<String> tools) {
        var namespaces = new java.util.TreeSet<String>();
        tools.forEach(tool -> namespaces.add(catalog.tool(tool).namespace()));
        namespaces.remove("kube-system");
        return new ArrayList<>(namespaces);
    }

    private static String flow(List<String> items) {
        return "[" + String.join(", ", items) + "]";
    }
}
