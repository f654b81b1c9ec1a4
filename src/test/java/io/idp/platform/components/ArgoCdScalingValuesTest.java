package io.idp.platform.components;

import io.idp.platform.config.ArgoCdScale;
import io.idp.platform.config.ArgoCdScale.ShardingAlgorithm;
import io.idp.platform.gitops.Catalog;
import io.idp.platform.validation.HelmSource;
import io.idp.platform.validation.ReferenceData;
import io.idp.platform.validation.ValuesCheck;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The argo-cd chart's values follow the fleet's size, and stay valid for the pinned chart. */
class ArgoCdScalingValuesTest {
    static final ArgoCdValues.Sso SSO = new ArgoCdValues.Sso("acme", "admins", "developers", "Ov23liExampleClient01", null);

    static Map<String, Object> values(boolean ha, ArgoCdScale scale) {
        return ArgoCdValues.render("argocd.mgmt.example.com", ha, scale, "arn:aws:iam::111122223333:role/mgmt-argocd-fleet", SSO);
    }

    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> values, String... path) {
        Object current = values;
        for (var part : path) {
            current = ((Map<String, Object>) current).get(part);
        }
        return current;
    }

    @Test
    void fortyClustersAtTenPerShardRunFourControllerShardsAndFourRepoServers() {
        var values = values(true, new ArgoCdScale(40, 10, ShardingAlgorithm.CONSISTENT_HASHING));
        assertEquals(4, at(values, "controller", "replicas"));
        assertEquals("consistent-hashing", at(values, "configs", "params", "controller.sharding.algorithm"));
        assertEquals(4, at(values, "repoServer", "replicas"));
        assertEquals(2, at(values, "applicationSet", "replicas"));
        assertEquals(2, at(values, "server", "replicas"));
        assertEquals(true, at(values, "redis-ha", "enabled"));
    }

    @Test
    void withoutHighAvailabilityOnlyTheControllerShards() {
        var values = values(false, new ArgoCdScale(25, 10, ShardingAlgorithm.ROUND_ROBIN));
        assertEquals(3, at(values, "controller", "replicas"));
        assertEquals("round-robin", at(values, "configs", "params", "controller.sharding.algorithm"));
        assertEquals(1, at(values, "repoServer", "replicas"));
        assertEquals(1, at(values, "applicationSet", "replicas"));
        assertEquals(1, at(values, "server", "replicas"));
    }

    @Test
    void oneShardSetsNoAlgorithmAndMatchesTheDefaults() {
        var values = values(true, ArgoCdScale.DEFAULT);
        assertEquals(1, at(values, "controller", "replicas"));
        assertFalse(((Map<?, ?>) at(values, "configs", "params")).containsKey("controller.sharding.algorithm"));
        assertEquals(2, at(values, "repoServer", "replicas"));
        assertEquals(values, ArgoCdValues.render("argocd.mgmt.example.com", true, "arn:aws:iam::111122223333:role/mgmt-argocd-fleet", SSO));
    }

    @Test
    void shardedValuesAreValidForThePinnedChart() {
        var chart = Catalog.load(Path.of(".")).tool("argo-cd");
        var pack = ReferenceData.packaged().chart(chart.chart(), chart.version()).orElseThrow();
        for (var ha : List.of(true, false)) {
            var source = new HelmSource("ArgoCdValues", "Release/argocd", chart.chart(), chart.version(),
                    values(ha, new ArgoCdScale(120, 10, ShardingAlgorithm.CONSISTENT_HASHING)));
            assertEquals(List.of(), ValuesCheck.check(source, pack));
        }
    }

    @Test
    void aValueTheChartDoesNotKnowIsCaught() {
        var chart = Catalog.load(Path.of(".")).tool("argo-cd");
        var pack = ReferenceData.packaged().chart(chart.chart(), chart.version()).orElseThrow();
        var values = new java.util.LinkedHashMap<>(values(true, ArgoCdScale.DEFAULT));
        values.put("controller", Map.of("shards", 4));
        var problems = ValuesCheck.check(new HelmSource("ArgoCdValues", "Release/argocd", chart.chart(), chart.version(), values), pack);
        assertTrue(problems.stream().anyMatch(p -> p.contains("controller.shards")), problems.toString());
    }
}
