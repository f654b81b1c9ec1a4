package io.idp.platform.stacks;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import io.idp.platform.gitops.ClusterKind;
import io.idp.platform.gitops.Tenancy;
import io.idp.platform.local.PlanException;
import io.idp.platform.local.StackDirectory;
import io.idp.platform.local.StackFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The workload clusters of the project, read from its stack files: each {@code platform:role: workload}
 * file's cluster name, type and environments. The management cluster's projects name them as
 * destinations, so a new cluster is a new stack file here too. A file that does not parse is left
 * out; it fails when that stack is planned.
 */
final class WorkloadClusters {
    private WorkloadClusters() {
    }

    static List<Tenancy.Cluster> read(Path projectDir) {
        var clusters = new ArrayList<Tenancy.Cluster>();
        for (var stack : new StackDirectory(projectDir).stacks()) {
            try {
                var config = StackFile.read(projectDir, stack);
                if (!"workload".equals(config.get("platform:role").orElse(""))) {
                    continue;
                }
                var name = config.get("platform:clusterName").orElse("");
                var kind = switch (config.get("platform:clusterType").orElse("")) {
                    case "eks" -> ClusterKind.WORKLOAD_EKS;
                    case "vcluster" -> ClusterKind.WORKLOAD_VCLUSTER;
                    default -> null;
                };
                var environments = config.get("platform:environments").map(WorkloadClusters::list).orElse(List.of());
                if (!name.isEmpty() && kind != null) {
                    clusters.add(new Tenancy.Cluster(name, kind, environments));
                }
            } catch (PlanException | JsonParseException ignored) {
                // reported when that stack is planned
            }
        }
        return clusters;
    }

    private static List<String> list(String json) {
        var items = new Gson().fromJson(json, String[].class);
        return items == null ? List.of() : List.of(items);
    }
}
