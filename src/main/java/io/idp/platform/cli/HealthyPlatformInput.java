package io.idp.platform.cli;

import io.idp.platform.config.Observability;
import io.idp.platform.config.PlatformConfig;
import io.idp.platform.config.Role;
import io.idp.platform.config.WorkloadSettings;
import io.idp.platform.gitops.Catalog;
import io.idp.platform.graph.DeliveryTimes;
import io.idp.platform.graph.HealthyPlatform;
import io.idp.platform.graph.HealthyPlatform.Delivery;
import io.idp.platform.local.Plan;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link HealthyPlatform} needs from a plan: on the management cluster, the objects the root
 * Application syncs (the rendered files of {@code registry/clusters/<cluster>/}, each with its sync
 * wave); on a workload cluster, the catalog's tools for its kind, which the fleet's ApplicationSets
 * deliver without waves, and its own directory.
 */
final class HealthyPlatformInput {
    static final String REPOSITORY_FILE = "github:index/repositoryFile:RepositoryFile";
    static final int MANAGEMENT_TARGET_SECONDS = 25 * 60;
    static final int VIRTUAL_TARGET_SECONDS = 5 * 60;

    private HealthyPlatformInput() {
    }

    static HealthyPlatform estimate(Plan plan, PlatformConfig config, Catalog catalog, int pulumiUpSeconds) {
        var cluster = config.clusterName();
        if (config.role() == Role.MANAGEMENT) {
            // Proposals move only the tools and what configures them: the waves before the first tool's are the foundation.
            int firstTool = catalog.tools().values().stream().filter(t -> t.clusters().contains("management") && !t.name().equals("argo-cd"))
                    .mapToInt(Catalog.Tool::wave).min().orElse(0);
            return HealthyPlatform.estimate(cluster + " (management)", pulumiUpSeconds, rootDeliveries(plan, cluster),
                    HealthyPlatform.Order.WAVES, true, Optional.of(MANAGEMENT_TARGET_SECONDS), firstTool);
        }
        boolean virtual = config.workload().map(w -> w.clusterType() == WorkloadSettings.ClusterType.VCLUSTER).orElse(false);
        var kind = virtual ? "workload-vcluster" : "workload-eks";
        var deliveries = new ArrayList<Delivery>();
        for (var tool : catalog.tools().values()) {
            if (tool.clusters().contains(kind) && chosen(tool.name(), config.observability())) {
                deliveries.add(new Delivery(tool.name(), tool.wave()));
            }
        }
        deliveries.add(new Delivery("cluster-settings", 0));
        if (!virtual) {
            deliveries.add(new Delivery("cluster-gateway", 0));
        }
        deliveries.sort(java.util.Comparator.comparing(Delivery::name));
        // A virtual cluster has no load balancer, DNS records or certificates of its own: the host's Gateway serves it.
        return HealthyPlatform.estimate(cluster + (virtual ? " (virtual workload)" : " (EKS workload)"), pulumiUpSeconds, deliveries,
                HealthyPlatform.Order.RETRIES, !virtual, virtual ? Optional.of(VIRTUAL_TARGET_SECONDS) : Optional.empty());
    }

    /** The fleet offers both observability stacks; a cluster gets the one it chose. */
    static boolean chosen(String tool, Observability observability) {
        for (var choice : Observability.values()) {
            if (choice.tool().equals(tool)) {
                return choice == observability;
            }
        }
        return true;
    }

    /** Every object with a sync wave in the files at the top of the cluster's directory, as the root Application syncs them. */
    @SuppressWarnings("unchecked")
    static List<Delivery> rootDeliveries(Plan plan, String cluster) {
        var prefix = "registry/clusters/" + cluster + "/";
        var deliveries = new ArrayList<Delivery>();
        for (var file : plan.ofType(REPOSITORY_FILE)) {
            var path = String.valueOf(file.inputs().get("file"));
            if (!path.startsWith(prefix) || path.substring(prefix.length()).contains("/") || !(file.inputs().get("content") instanceof String content)) {
                continue;
            }
            for (var document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(content)) {
                if (!(document instanceof Map<?, ?> object) || !(object.get("metadata") instanceof Map<?, ?> metadata)) {
                    continue;
                }
                var wave = metadata.get("annotations") instanceof Map<?, ?> a ? a.get("argocd.argoproj.io/sync-wave") : null;
                var kind = String.valueOf(object.get("kind"));
                var name = String.valueOf(metadata.get("name"));
                int waveNumber = wave == null ? 0 : Integer.parseInt(String.valueOf(wave).trim());
                deliveries.add(new Delivery(kind.equals("Application") ? name : kind + "/" + name, waveNumber,
                        DeliveryTimes.of(kind, name)));
            }
        }
        return deliveries;
    }
}
