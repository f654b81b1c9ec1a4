package io.idp.platform.graph;

import io.idp.platform.graph.DeliveryTimes.ToolTime;
import io.idp.platform.graph.HealthyPlatform.Delivery;
import io.idp.platform.graph.HealthyPlatform.Order;
import io.idp.platform.graph.HealthyPlatform.Stage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The time to a healthy platform on small synthetic clusters, computed by hand alongside. */
class HealthyPlatformTest {
    static Delivery tool(String name, int wave, int install, int ready, boolean loadBalancer, String... needs) {
        return new Delivery(name, wave, new ToolTime(install, ready, Set.of(needs), loadBalancer, "test"));
    }

    // crds (wave 10, 100 s), edge (wave 20, 40 s + load balancer), config (wave 30, 20 s, needs crds), late (wave 40, 10 s, needs crds)
    static final List<Delivery> FOUR = List.of(
            tool("crds", 10, 40, 60, false),
            tool("edge", 20, 10, 30, true),
            tool("config", 30, 5, 15, false, "crds"),
            tool("late", 40, 4, 6, false, "crds"));

    @Test
    void wavesRunOneAfterAnotherEachAsLongAsItsSlowestTool() {
        var estimate = HealthyPlatform.estimate("hub", 600, FOUR, Order.WAVES, false, Optional.empty());
        int root = 600 + DeliveryTimes.ROOT_SYNC_SECONDS;                    // 630
        int crds = root + 100;                                               // 730
        int edge = crds + DeliveryTimes.WAVE_SECONDS + 40;                   // 775
        int lb = edge + DeliveryTimes.LOAD_BALANCER_SECONDS;                 // 955
        int config = lb + DeliveryTimes.WAVE_SECONDS + 20;                   // 980
        int late = config + DeliveryTimes.WAVE_SECONDS + 10;                 // 995
        assertEquals(List.of(
                new Stage("pulumi up (its critical path)", 0, 600),
                new Stage("Argo CD syncs the root Application", 600, root),
                new Stage("wave 10: crds", root, crds),
                new Stage("wave 20: edge", crds + 5, edge),
                new Stage("load balancer for edge provisioned", edge, lb),
                new Stage("wave 30: config", lb + 5, config),
                new Stage("wave 40: late", config + 5, late)), estimate.path());
        assertEquals(995, estimate.healthySeconds());
    }

    @Test
    void theEdgeAddsDnsAndCertificatesSideBySide() {
        var estimate = HealthyPlatform.estimate("hub", 600, FOUR, Order.WAVES, true, Optional.empty());
        var last = estimate.path().subList(estimate.path().size() - 2, estimate.path().size());
        assertEquals(List.of(new Stage("DNS records created by external-dns and propagated", 995, 995 + DeliveryTimes.DNS_SECONDS),
                new Stage("certificates issued by Let's Encrypt (DNS-01)", 995, 995 + DeliveryTimes.CERTIFICATE_SECONDS)), last);
        assertEquals(995 + Math.max(DeliveryTimes.DNS_SECONDS, DeliveryTimes.CERTIFICATE_SECONDS), estimate.healthySeconds());
    }

    @Test
    void aWaveNamesItsSlowestToolAndTheOthers() {
        var estimate = HealthyPlatform.estimate("hub", 0, List.of(tool("b", 1, 10, 10, false), tool("a", 1, 5, 5, false),
                tool("c", 1, 21, 0, false)), Order.WAVES, false, Optional.empty());
        assertEquals("wave 1: c (with a, b)", estimate.path().get(2).what());
        assertEquals(DeliveryTimes.ROOT_SYNC_SECONDS + 21, estimate.healthySeconds());
        // a tool waiting for its load balancer is slower than a tool that installs a little longer
        var lb = HealthyPlatform.estimate("hub", 0, List.of(tool("slow", 1, 100, 0, false), tool("edge", 1, 10, 0, true)),
                Order.WAVES, false, Optional.empty());
        assertEquals("wave 1: edge (with slow)", lb.path().get(2).what());
        assertEquals(DeliveryTimes.ROOT_SYNC_SECONDS + 10 + DeliveryTimes.LOAD_BALANCER_SECONDS, lb.healthySeconds());
        // equal times: the first name
        var tie = HealthyPlatform.estimate("hub", 0, List.of(tool("y", 1, 5, 0, false), tool("x", 1, 5, 0, false)),
                Order.WAVES, false, Optional.empty());
        assertEquals("wave 1: x (with y)", tie.path().get(2).what());
    }

    @Test
    void wavesThatWaitForNothingTheyNeedAreProposedEarlier() {
        var estimate = HealthyPlatform.estimate("hub", 600, FOUR, Order.WAVES, false, Optional.empty());
        // config and late need only crds (wave 10): wave 20 is the first after it; edge needs nothing: wave 10
        assertEquals(List.of("edge: wave 20 -> 10 (needs nothing the earlier waves install)",
                "config: wave 30 -> 20 (needs only crds)",
                "late: wave 40 -> 20 (needs only crds)"), estimate.proposals());
        // with them: wave 10 = max(crds 100, edge 40 + lb 180) = 220, wave 20 = max(config 20, late 10) = 20
        assertEquals(Optional.of(630 + 220 + DeliveryTimes.WAVE_SECONDS + 20), estimate.proposedSeconds());
    }

    @Test
    void proposalsKeepTheFoundationWavesAndNeverMoveALaterNeed() {
        var deliveries = List.of(tool("projects", -20, 2, 3, false), tool("crds", 10, 40, 60, false),
                tool("config", 30, 5, 15, false, "crds"), tool("misordered", 10, 5, 5, false, "config"),
                tool("free", 30, 1, 1, false));
        // projects wave -20 is the foundation; config is already in the first wave after crds; misordered's
        // need comes later, so there is no earlier wave to offer; free needs nothing: the first movable wave
        assertEquals(Map.of(deliveries.get(4), 10), HealthyPlatform.needlessWaits(deliveries, 10));
        // without a floor, whatever needs nothing moves to the very first wave
        assertEquals(Map.of(deliveries.get(1), -20, deliveries.get(4), -20),
                HealthyPlatform.needlessWaits(List.of(deliveries.get(0), deliveries.get(1), deliveries.get(4)), Integer.MIN_VALUE));
        assertEquals(Map.of(), HealthyPlatform.needlessWaits(List.of(tool("only", 10, 1, 1, false)), 10));
        var none = HealthyPlatform.estimate("hub", 0, List.of(tool("only", 10, 1, 1, false)), Order.WAVES, false, Optional.empty(), 10);
        assertEquals(List.of(), none.proposals());
        assertEquals(Optional.empty(), none.proposedSeconds());
    }

    @Test
    void withoutWavesToolsStartTogetherAndWaitForTheirNeedsByRetrying() {
        var estimate = HealthyPlatform.estimate("spoke", 180, FOUR, Order.RETRIES, false, Optional.empty());
        int start = 180 + DeliveryTimes.ROOT_SYNC_SECONDS;                        // 210
        int crds = start + 100;                                                   // 310
        int edge = start + 40 + DeliveryTimes.LOAD_BALANCER_SECONDS;              // 430
        int config = crds + DeliveryTimes.RETRY_SECONDS + 20;                     // 350
        assertTrue(edge > config);
        assertEquals(List.of(
                new Stage("pulumi up (its critical path)", 0, 180),
                new Stage("Argo CD's ApplicationSets generate the cluster's Applications", 180, start),
                new Stage("edge", start, start + 40),
                new Stage("load balancer for edge provisioned", start + 40, edge)), estimate.path());
        assertEquals(edge, estimate.healthySeconds());
        assertEquals(List.of(), estimate.proposals(), "no waves, nothing to move");

        var chain = HealthyPlatform.estimate("spoke", 0, List.of(tool("crds", 0, 50, 50, false),
                tool("config", 0, 10, 10, false, "crds", "absent")), Order.RETRIES, false, Optional.empty());
        assertEquals(List.of(new Stage("crds", 30, 130), new Stage("config (retries until crds is there)", 150, 170)),
                chain.path().subList(2, 4));
        assertEquals(170, chain.healthySeconds());
    }

    @Test
    void aCycleOfNeedsIsReported() {
        var cycle = List.of(tool("a", 0, 1, 1, false, "b"), tool("b", 0, 1, 1, false, "a"));
        var e = assertThrows(IllegalStateException.class, () -> HealthyPlatform.estimate("x", 0, cycle, Order.RETRIES, false, Optional.empty()));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }

    @Test
    void theSummarySaysAboutHowManyMinutesAndWhetherTheTargetIsMet() {
        var met = HealthyPlatform.estimate("v", 120, List.of(tool("t", 0, 30, 30, false)), Order.RETRIES, false, Optional.of(300));
        assertEquals(210, met.healthySeconds());
        assertTrue(met.format().startsWith("time to a healthy platform (v): platform healthy in about 4 min (target 5 min: met)\n"),
                met.format());
        assertTrue(met.format().contains("   2m00s -  2m30s  Argo CD's ApplicationSets generate the cluster's Applications\n"), met.format());
        var missed = HealthyPlatform.estimate("v", 290, List.of(tool("t", 0, 30, 30, false)), Order.RETRIES, false, Optional.of(300));
        assertEquals(380, missed.healthySeconds());
        assertTrue(missed.format().startsWith("time to a healthy platform (v): platform healthy in about 7 min (target 5 min: missed by about 2 min)\n"));
        var exact = HealthyPlatform.estimate("v", 240, List.of(tool("t", 0, 30, 0, false)), Order.RETRIES, false, Optional.of(300));
        assertTrue(exact.format().contains("about 5 min (target 5 min: met)"), exact.format());
        var none = HealthyPlatform.estimate("w", 0, FOUR, Order.WAVES, false, Optional.empty());
        assertTrue(none.format().startsWith("time to a healthy platform (w): platform healthy in about 7 min\n"), none.format());
        assertTrue(none.format().contains("waits without need (proposed waves; the waves are set in stacks/):\n"
                + "  - edge: wave 20 -> 10 (needs nothing the earlier waves install)\n"), none.format());
        assertTrue(none.format().endsWith("  with them: about 5 min\n"), none.format());
        assertEquals(0, HealthyPlatform.aboutMinutes(0));
        assertEquals(1, HealthyPlatform.aboutMinutes(1));
        assertEquals(1, HealthyPlatform.aboutMinutes(60));
        assertEquals(2, HealthyPlatform.aboutMinutes(61));
    }

    @Test
    void theTimesTableKnowsThePlatformsToolsAndAssumesAMinuteOtherwise() {
        assertEquals(210, DeliveryTimes.of("kube-prometheus-stack").seconds());
        assertTrue(DeliveryTimes.of("platform-gateway").loadBalancer());
        assertFalse(DeliveryTimes.of("envoy-gateway").loadBalancer());
        assertTrue(DeliveryTimes.of("cluster-gateway").loadBalancer());
        assertEquals(Set.of("platform-secrets"), DeliveryTimes.of("external-dns").needs());
        assertEquals(60, DeliveryTimes.of("something-new").seconds());
        assertEquals(DeliveryTimes.PLAIN_OBJECT, DeliveryTimes.of("AppProject", "platform"));
        assertEquals(DeliveryTimes.EXTERNAL_SECRET, DeliveryTimes.of("ExternalSecret", "grafana-sso"));
        assertEquals(DeliveryTimes.of("cert-manager"), DeliveryTimes.of("Application", "cert-manager"));
        assertTrue(DeliveryTimes.table().values().stream().noneMatch(t -> t.source().isBlank()));
        assertEquals(new Delivery("cert-manager", 10, DeliveryTimes.of("cert-manager")), new Delivery("cert-manager", 10));
    }

    @Test
    void longLinesWrapAtSpacesForTheTerminal() {
        assertEquals("  - a bb\n    ccc d\n", HealthyPlatform.wrap("a bb ccc d", 10, "  - ", "    "));
        assertEquals("x\n", HealthyPlatform.wrap("x", 10, "", "  "));
        assertEquals("abcdefghijkl\n", HealthyPlatform.wrap("abcdefghijkl", 5, "", "  "), "a word longer than the line stays whole");
        var wide = HealthyPlatform.estimate("a-rather-long-cluster-name", 600, List.of(tool("one", 1, 1, 1, false),
                tool("two", 1, 1, 1, false), tool("three", 1, 1, 1, false), tool("four", 1, 1, 1, false)), Order.WAVES, false, Optional.of(60));
        for (var line : wide.format(40).split("\n")) {
            assertTrue(line.length() <= 40, line);
        }
        assertEquals(wide.format(Integer.MAX_VALUE), wide.format());
        assertTrue(wide.format(40).contains("  10m30s - 10m32s  wave 1: four (with\n"), wide.format(40));
    }

    @Test
    void aNeedListedLaterStillCountsAndTiesGoToTheFirstName() {
        // config comes before the tools it needs: their times are computed on the way
        var later = HealthyPlatform.estimate("spoke", 0, List.of(tool("config", 0, 10, 0, false, "b", "a"),
                tool("b", 0, 50, 0, false), tool("a", 0, 50, 0, false)), Order.RETRIES, false, Optional.empty());
        int start = DeliveryTimes.ROOT_SYNC_SECONDS;
        assertEquals(start + 50 + DeliveryTimes.RETRY_SECONDS + 10, later.healthySeconds());
        assertEquals(new Stage("config (retries until a is there)", start + 50 + DeliveryTimes.RETRY_SECONDS,
                start + 50 + DeliveryTimes.RETRY_SECONDS + 10), later.path().get(later.path().size() - 1));
        assertEquals(new Stage("a", start, start + 50), later.path().get(later.path().size() - 2));
    }

    @Test
    void wrappedStagesLineUpUnderTheirText() {
        var estimate = HealthyPlatform.estimate("c", 0, List.of(tool("alpha", 1, 1, 0, false), tool("beta", 1, 0, 0, false)),
                Order.WAVES, false, Optional.empty());
        var lines = estimate.format(40).split("\n");
        assertEquals("   0m30s -  0m31s  wave 1: alpha (with", lines[lines.length - 2]);
        assertEquals("                     beta)", lines[lines.length - 1]);
        assertEquals("aa bb\n", HealthyPlatform.wrap("aa bb", 5, "", ""), "a line as wide as the terminal stays whole");
        assertEquals("aa\nbbb\n", HealthyPlatform.wrap("aa bbb", 5, "", ""));
        assertTrue(DeliveryTimes.table().containsKey("cert-manager"));
        assertEquals(DeliveryTimes.of("trivy-operator"), DeliveryTimes.table().get("trivy-operator"));
    }
}
