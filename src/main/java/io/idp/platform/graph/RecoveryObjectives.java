package io.idp.platform.graph;

import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recovery time and recovery point of a management stack, from its plan: the times come from the
 * same provisioning-time table as the critical path; the points from what the plan configures (state
 * replication and its replication time, secret replicas, cluster backups). Pure.
 *
 * <p>Management cluster lost: the cluster and everything that depends on it are recreated, the rest
 * (network, keys, secrets, repository, state) still exists. Region lost: the whole stack is created
 * again in the recovery region, after the backend is switched to the state replica.
 */
public record RecoveryObjectives(Scenario clusterLost, Scenario regionLost, List<Point> points) {
    static final String CLUSTER = "aws:eks/cluster:Cluster";
    static final String REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
    static final String SECRET = "aws:secretsmanager/secret:Secret";

    /** One loss: the least time pulumi up takes to recover from it, and its critical path. */
    public record Scenario(String name, int seconds, List<CriticalPath.Step> path) {
    }

    /** How much of one kind of data a loss can take: {@code minutes} empty when unbounded (no copy). */
    public record Point(String data, Optional<Integer> minutes, String basis) {
    }

    public static RecoveryObjectives of(ResourceGraph graph, Plan plan) {
        var cluster = plan.ofType(CLUSTER).stream().findFirst();
        var clusterLost = cluster.map(c -> rebuild("management cluster lost", graph, dependents(graph, c.urn())))
                .orElse(new Scenario("management cluster lost", 0, List.of()));
        var whole = CriticalPath.of(graph);
        var regionLost = new Scenario("region lost", whole.minimumSeconds(), whole.path());
        return new RecoveryObjectives(clusterLost, regionLost, points(plan));
    }

    /** The resource and everything that depends on it, directly or not. */
    static Set<String> dependents(ResourceGraph graph, String root) {
        var dependents = new HashMap<String, Set<String>>();
        for (var node : graph.nodes()) {
            for (var dependency : graph.dependencies(node.urn())) {
                dependents.computeIfAbsent(dependency, k -> new HashSet<>()).add(node.urn());
            }
        }
        var found = new HashSet<String>();
        var queue = new ArrayList<>(List.of(root));
        while (!queue.isEmpty()) {
            var urn = queue.remove(queue.size() - 1);
            if (found.add(urn)) {
                queue.addAll(dependents.getOrDefault(urn, Set.of()));
            }
        }
        return found;
    }

    /** The longest chain of creations among {@code recreated}; everything else already exists. */
    static Scenario rebuild(String name, ResourceGraph graph, Set<String> recreated) {
        var finish = new HashMap<String, Integer>();
        var previous = new HashMap<String, String>();
        String last = null;
        for (var node : graph.nodes()) {
            if (recreated.contains(node.urn())) {
                finish(node.urn(), graph, recreated, finish, previous);
                if (last == null || finish.get(node.urn()) > finish.get(last)) {
                    last = node.urn();
                }
            }
        }
        var path = new ArrayList<CriticalPath.Step>();
        for (var urn = last; urn != null; urn = previous.get(urn)) {
            var r = graph.resource(urn);
            int end = finish.get(urn);
            path.add(0, new CriticalPath.Step(urn, r.type(), r.name(), end - ProvisioningTimes.seconds(r.type()), end));
        }
        return new Scenario(name, last == null ? 0 : finish.get(last), path);
    }

    private static int finish(String urn, ResourceGraph graph, Set<String> recreated, Map<String, Integer> finish,
                              Map<String, String> previous) {
        var known = finish.get(urn);
        if (known != null) {
            return known;
        }
        int start = 0;
        String after = null;
        for (var dependency : graph.dependencies(urn)) {
            if (!recreated.contains(dependency)) {
                continue;
            }
            int end = finish(dependency, graph, recreated, finish, previous);
            if (end > start || after == null) {
                start = end;
                after = dependency;
            }
        }
        int end = start + ProvisioningTimes.seconds(graph.resource(urn).type());
        finish.put(urn, end);
        if (after != null) {
            previous.put(urn, after);
        }
        return end;
    }

    static List<Point> points(Plan plan) {
        var points = new ArrayList<Point>();
        var replication = plan.ofType(REPLICATION).stream().findFirst();
        var rtc = replication.map(RecoveryObjectives::replicationMinutes).orElse(Optional.empty());
        if (replication.isEmpty()) {
            points.add(new Point("Pulumi state", Optional.empty(), "one region only: lost with it (set platform:recoveryRegion)"));
        } else if (rtc.isEmpty()) {
            points.add(new Point("Pulumi state", Optional.empty(), "replicated without replication time control: no bound"));
        } else {
            points.add(new Point("Pulumi state", rtc, "S3 replication time control: 99.99% of objects within " + rtc.get() + " minutes"));
        }
        var secrets = plan.ofType(SECRET);
        long replicated = secrets.stream().filter(s -> s.inputs().get("replicas") instanceof List<?> l && !l.isEmpty()).count();
        if (!secrets.isEmpty() && replicated == secrets.size()) {
            points.add(new Point("secrets", Optional.of(0), "every secret (" + secrets.size()
                    + ") has a Secrets Manager replica, updated on each write (seconds, no stated bound)"));
        } else {
            points.add(new Point("secrets", Optional.empty(), (secrets.size() - replicated) + " of " + secrets.size()
                    + " secrets have no replica: lost with the region"));
        }
        points.add(new Point("cluster data", Optional.empty(), "no cluster backups (no Velero): what lives only in the management "
                + "cluster (virtual clusters' data, volumes) is lost; the rest comes back from git and the secret store"));
        return points;
    }

    private static Optional<Integer> replicationMinutes(PlannedResource replication) {
        if (!(replication.inputs().get("rules") instanceof List<?> rules) || rules.isEmpty() || !(rules.get(0) instanceof Map<?, ?> rule)) {
            return Optional.empty();
        }
        if (!(rule.get("destination") instanceof Map<?, ?> destination) || !(destination.get("replicationTime") instanceof Map<?, ?> time)
                || !"Enabled".equals(time.get("status")) || !(time.get("time") instanceof Map<?, ?> minutes)
                || !(minutes.get("minutes") instanceof Number number)) {
            return Optional.empty();
        }
        return Optional.of(number.intValue());
    }

    public String format() {
        var text = new StringBuilder("recovery objectives (times from the critical-path table; Argo CD's sync of the tools from git "
                + "comes after and is not included):\n");
        for (var scenario : List.of(clusterLost, regionLost)) {
            text.append("  recovery time, ").append(scenario.name()).append(": ").append(CriticalPath.minutes(scenario.seconds()))
                    .append(" (").append(scenario.path().size()).append(" steps on the path)\n");
            for (var step : scenario.path()) {
                text.append(String.format("    %6s  %-45s %s%n", CriticalPath.minutes(step.finishSeconds()), step.type(), step.name()));
            }
        }
        for (var point : points) {
            text.append("  recovery point, ").append(point.data()).append(": ")
                    .append(point.minutes().map(m -> m == 0 ? "seconds" : "at most " + m + " minutes").orElse("unbounded"))
                    .append(" (").append(point.basis()).append(")\n");
        }
        return text.toString();
    }
}
