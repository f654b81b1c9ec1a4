package io.idp.platform.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * From the start of {@code pulumi up} to a usable platform: {@code pulumi up}'s own critical path, then
 * Argo CD's sync of the root, then the tools (wave by wave on the management cluster, where each wave
 * waits for the last to be healthy; all at once on a workload cluster, where a tool that needs another
 * retries until it is there), the load balancer, DNS and certificates. Pure.
 *
 * @param path          the steps that make up the time, in order (parallel steps share a start)
 * @param healthySeconds when the last of them ends
 * @param targetSeconds  the goal for this kind of cluster, if it has one
 * @param proposals      waits the waves impose without a need behind them, each with the wave it could have
 * @param proposedSeconds the estimate with those waves, when there are proposals
 */
public record HealthyPlatform(String cluster, List<Stage> path, int healthySeconds, Optional<Integer> targetSeconds,
                              List<String> proposals, Optional<Integer> proposedSeconds) {

    /** One step on the way, from when it can start to when it is done. */
    public record Stage(String what, int startSeconds, int finishSeconds) {
    }

    /** A tool (or group of configuration objects) delivered by Argo CD, with its sync wave. */
    public record Delivery(String name, int wave, DeliveryTimes.ToolTime time) {
        public Delivery(String name, int wave) {
            this(name, wave, DeliveryTimes.of(name));
        }

        int seconds() {
            return time.seconds();
        }
    }

    /** How Argo CD orders a cluster's deliveries. */
    public enum Order {
        /** An app of apps whose sync waves each wait for the previous one's health (the management cluster). */
        WAVES,
        /** One ApplicationSet per tool: all start together, dependencies met by retries (workload clusters). */
        RETRIES
    }

    /**
     * @param pulumiUpSeconds the minimum {@code pulumi up} ({@link CriticalPath#minimumSeconds()})
     * @param edge            whether the cluster serves hostnames: a load balancer, DNS records and certificates
     */
    public static HealthyPlatform estimate(String cluster, int pulumiUpSeconds, List<Delivery> deliveries, Order order, boolean edge,
                                           Optional<Integer> targetSeconds) {
        return estimate(cluster, pulumiUpSeconds, deliveries, order, edge, targetSeconds, Integer.MIN_VALUE);
    }

    /**
     * @param movableFrom the first wave a proposal may move a delivery to, and the first it looks at: the waves
     *                    before it hold what everything relies on by design (projects, network policies, Argo CD)
     */
    public static HealthyPlatform estimate(String cluster, int pulumiUpSeconds, List<Delivery> deliveries, Order order, boolean edge,
                                           Optional<Integer> targetSeconds, int movableFrom) {
        var path = order == Order.WAVES ? waves(pulumiUpSeconds, deliveries) : retries(pulumiUpSeconds, deliveries);
        int end = path.get(path.size() - 1).finishSeconds();
        if (edge) {
            // DNS records and certificates are made side by side once the hostnames' objects exist.
            path.add(new Stage("DNS records created by external-dns and propagated", end, end + DeliveryTimes.DNS_SECONDS));
            path.add(new Stage("certificates issued by Let's Encrypt (DNS-01)", end, end + DeliveryTimes.CERTIFICATE_SECONDS));
            end += Math.max(DeliveryTimes.DNS_SECONDS, DeliveryTimes.CERTIFICATE_SECONDS);
        }
        var proposals = order == Order.WAVES ? needlessWaits(deliveries, movableFrom) : Map.<Delivery, Integer>of();
        Optional<Integer> proposed = Optional.empty();
        if (!proposals.isEmpty()) {
            var moved = deliveries.stream().map(d -> new Delivery(d.name(), proposals.getOrDefault(d, d.wave()), d.time())).toList();
            proposed = Optional.of(estimate(cluster, pulumiUpSeconds, moved, order, edge, targetSeconds, movableFrom).healthySeconds());
        }
        var lines = proposals.entrySet().stream().map(e -> e.getKey().name() + ": wave " + e.getKey().wave() + " -> " + e.getValue()
                + (e.getKey().time().needs().isEmpty() ? " (needs nothing the earlier waves install)"
                : " (needs only " + String.join(", ", new java.util.TreeSet<>(e.getKey().time().needs())) + ")")).toList();
        return new HealthyPlatform(cluster, path, end, targetSeconds, lines, proposed);
    }

    private static List<Stage> waves(int pulumiUp, List<Delivery> deliveries) {
        var path = new ArrayList<Stage>();
        path.add(new Stage("pulumi up (its critical path)", 0, pulumiUp));
        int t = pulumiUp + DeliveryTimes.ROOT_SYNC_SECONDS;
        path.add(new Stage("Argo CD syncs the root Application", pulumiUp, t));
        var byWave = new TreeMap<Integer, List<Delivery>>();
        deliveries.forEach(d -> byWave.computeIfAbsent(d.wave(), w -> new ArrayList<>()).add(d));
        boolean first = true;
        for (var wave : byWave.entrySet()) {
            if (!first) {
                t += DeliveryTimes.WAVE_SECONDS;
            }
            first = false;
            var slowest = wave.getValue().stream().max(Comparator.comparingInt(HealthyPlatform::withLoadBalancer)
                    .thenComparing(Delivery::name, Comparator.reverseOrder())).orElseThrow();
            var others = wave.getValue().stream().map(Delivery::name).filter(n -> !n.equals(slowest.name())).sorted().toList();
            path.add(new Stage("wave " + wave.getKey() + ": " + slowest.name()
                    + (others.isEmpty() ? "" : " (with " + String.join(", ", others) + ")"), t, t + slowest.seconds()));
            t += slowest.seconds();
            if (slowest.time().loadBalancer()) {
                path.add(new Stage("load balancer for " + slowest.name() + " provisioned", t, t + DeliveryTimes.LOAD_BALANCER_SECONDS));
                t += DeliveryTimes.LOAD_BALANCER_SECONDS;
            }
        }
        return path;
    }

    private static int withLoadBalancer(Delivery d) {
        return d.seconds() + (d.time().loadBalancer() ? DeliveryTimes.LOAD_BALANCER_SECONDS : 0);
    }

    private static List<Stage> retries(int pulumiUp, List<Delivery> deliveries) {
        var byName = new LinkedHashMap<String, Delivery>();
        deliveries.forEach(d -> byName.put(d.name(), d));
        int start = pulumiUp + DeliveryTimes.ROOT_SYNC_SECONDS;
        var finish = new HashMap<String, Integer>();
        var after = new HashMap<String, String>();
        for (var d : deliveries) {
            finishByRetries(d.name(), byName, start, finish, after, new java.util.HashSet<>());
        }
        var path = new ArrayList<Stage>();
        path.add(new Stage("pulumi up (its critical path)", 0, pulumiUp));
        path.add(new Stage("Argo CD's ApplicationSets generate the cluster's Applications", pulumiUp, start));
        var last = deliveries.stream().map(Delivery::name).max(Comparator.comparingInt((String n) -> finish.get(n))
                .thenComparing(Comparator.reverseOrder()));
        var chain = new ArrayList<Stage>();
        for (var name = last.orElse(null); name != null; name = after.get(name)) {
            var d = byName.get(name);
            int end = finish.get(name);
            int lb = d.time().loadBalancer() ? DeliveryTimes.LOAD_BALANCER_SECONDS : 0;
            if (lb > 0) {
                chain.add(0, new Stage("load balancer for " + name + " provisioned", end - lb, end));
            }
            var retried = after.containsKey(name) ? " (retries until " + after.get(name) + " is there)" : "";
            chain.add(0, new Stage(name + retried, end - lb - d.seconds(), end - lb));
        }
        path.addAll(chain);
        return path;
    }

    private static int finishByRetries(String name, Map<String, Delivery> byName, int start, Map<String, Integer> finish,
                                       Map<String, String> after, java.util.Set<String> visiting) {
        var known = finish.get(name);
        if (known != null) {
            return known;
        }
        if (!visiting.add(name)) {
            throw new IllegalStateException("the tools' needs form a cycle through " + name);
        }
        var d = byName.get(name);
        int begin = start;
        for (var need : new java.util.TreeSet<>(d.time().needs())) {
            if (byName.containsKey(need)) {
                int ready = finishByRetries(need, byName, start, finish, after, visiting) + DeliveryTimes.RETRY_SECONDS;
                if (ready > begin) {
                    begin = ready;
                    after.put(name, need);
                }
            }
        }
        int end = begin + d.seconds() + (d.time().loadBalancer() ? DeliveryTimes.LOAD_BALANCER_SECONDS : 0);
        finish.put(name, end);
        visiting.remove(name);
        return end;
    }

    /**
     * Deliveries whose wave is later than their needs require: the first wave after the last of their
     * needs' waves (the first wave of all when they need nothing delivered here).
     */
    static Map<Delivery, Integer> needlessWaits(List<Delivery> deliveries, int movableFrom) {
        var waveOf = new HashMap<String, Integer>();
        deliveries.forEach(d -> waveOf.put(d.name(), d.wave()));
        var waves = new java.util.TreeSet<Integer>(waveOf.values()).tailSet(movableFrom, true);
        var moves = new LinkedHashMap<Delivery, Integer>();
        for (var d : deliveries) {
            // The earliest wave offered is never below movableFrom, so the foundation never moves.
            var needed = d.time().needs().stream().filter(waveOf::containsKey).mapToInt(waveOf::get).max();
            var earliest = needed.isPresent() ? waves.higher(needed.getAsInt()) : waves.first();
            if (earliest != null && earliest < d.wave()) {
                moves.put(d, earliest);
            }
        }
        return moves;
    }

    public String format() {
        return format(Integer.MAX_VALUE);
    }

    /** The estimate and its path for a terminal of {@code width} columns: long lines wrap at spaces, indented. */
    public String format(int width) {
        var heading = new StringBuilder("time to a healthy platform (" + cluster + "): platform healthy in about "
                + aboutMinutes(healthySeconds) + " min");
        targetSeconds.ifPresent(target -> heading.append(healthySeconds <= target
                ? " (target " + target / 60 + " min: met)"
                : " (target " + target / 60 + " min: missed by about " + aboutMinutes(healthySeconds - target) + " min)"));
        var text = new StringBuilder(wrap(heading.toString(), width, "", "  "));
        for (var stage : path) {
            var times = String.format("  %6s - %6s  ", CriticalPath.minutes(stage.startSeconds()), CriticalPath.minutes(stage.finishSeconds()));
            text.append(wrap(stage.what(), width, times, " ".repeat(times.length() + 2)));
        }
        if (!proposals.isEmpty()) {
            text.append(wrap("waits without need (proposed waves; the waves are set in stacks/):", width, "", "  "));
            proposals.forEach(p -> text.append(wrap(p, width, "  - ", "    ")));
            proposedSeconds.ifPresent(s -> text.append("  with them: about ").append(aboutMinutes(s)).append(" min\n"));
        }
        return text.toString();
    }

    /** {@code text} after {@code first}, broken at spaces so no line passes {@code width}; later lines start with {@code next}. */
    static String wrap(String text, int width, String first, String next) {
        var out = new StringBuilder();
        var line = new StringBuilder(first);
        boolean empty = true;
        for (var word : text.split(" ")) {
            if (!empty && line.length() + 1 + word.length() > width) {
                out.append(line).append('\n');
                line = new StringBuilder(next);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        return out.append(line).append('\n').toString();
    }

    /** Whole minutes, rounded up: "about 5 min" never promises less than the estimate. */
    static int aboutMinutes(int seconds) {
        return (seconds + 59) / 60;
    }
}
