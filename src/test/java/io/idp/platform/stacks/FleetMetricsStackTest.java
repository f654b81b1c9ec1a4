package io.idp.platform.stacks;

import io.idp.platform.TestProject;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.idp.platform.stacks.WorkloadStackTest.map;
import static io.idp.platform.stacks.WorkloadStackTest.named;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The fleet's remote-write logins as the stacks make them: a physical workload stack puts its password under
 * its own path and its htpasswd line under the management cluster's, which may list the store to find them;
 * the cluster Secret carries what the fleet's Prometheus values read. A virtual cluster has no Prometheus of its own.
 */
class FleetMetricsStackTest {
    @TempDir
    static Path dir;
    static Plan management;
    static Plan east;
    static Plan staging;

    @BeforeAll
    static void plan() {
        TestProject.copyOfRepository(dir);
        var engine = new OfflineEngine(dir);
        management = engine.plan("mgmt").plan();
        engine.plans().write(management);
        east = engine.plan("production-east").plan();
        staging = engine.plan("staging").plan();
    }

    static List<String> secretNames(Plan plan) {
        return plan.ofType("aws:secretsmanager/secret:Secret").stream().map(s -> String.valueOf(s.inputs().get("name"))).toList();
    }

    @Test
    void aPhysicalClusterStoresItsPasswordAtHomeAndOnlyItsHashWithTheManagementCluster() {
        var names = secretNames(east);
        assertTrue(names.contains("platform/mgmt/clusters/production-east/prometheus/remote-write-password"), names.toString());
        assertTrue(names.contains("platform/mgmt/clusters/mgmt/prometheus-write-users/production-east"), names.toString());
        assertFalse(secretNames(staging).stream().anyMatch(n -> n.contains("prometheus")), "a virtual cluster writes no metrics of its own");
    }

    @Test
    void theClusterSecretCarriesTheRetentionAndEnvironmentTheFleetValuesRead() {
        var secret = named(east, "kubernetes:core/v1:Secret", "cluster-production-east");
        var annotations = map(map(secret.inputs().get("metadata")).get("annotations"));
        assertEquals("2d", annotations.get("metrics_retention"));
        assertEquals("production", annotations.get("environment"));
    }

    @Test
    void theManagementExternalSecretsMayListSecretNamesToFindTheLogins() {
        var policy = management.ofType("aws:iam/rolePolicy:RolePolicy").stream()
                .filter(p -> String.valueOf(p.inputs().get("name")).equals("read-own-secrets"))
                .map(p -> String.valueOf(p.inputs().get("policy"))).filter(p -> p.contains("EcrTokens")).findFirst().orElseThrow();
        assertTrue(policy.contains("\"FindFleetMetricsLogins\""), policy);
        assertTrue(policy.contains("secretsmanager:ListSecrets"), policy);
    }

    @Test
    void theHtpasswdLineIsTheFormEnvoyGatewayChecks() {
        assertEquals("production-east:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=",
                io.idp.platform.components.FleetMetricsLoginAccess.htpasswd("production-east", "password"));
    }
}
