package io.idp.platform.gitops;

import io.idp.platform.config.CiSettings;
import io.idp.platform.config.Observability;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/** The small parts of the management cluster's facts: the stores' variables, the edge's lists and names, the CI services' names. */
class ManagementFactsPartsTest {

    @Test
    void theStoresGiveTheirBucketsRolesAndRetentionInHours() {
        var stores = TelemetryStores.pending("mgmt", "us-east-1", 30, 14).withRoles("arn:aws:iam::1:role/logs", "arn:aws:iam::1:role/traces");
        var variables = new TreeMap<String, String>();
        stores.addTo(variables);
        assertEquals(Map.of(
                "stores.logsBucket", "mgmt-logs-us-east-1",
                "stores.logsRoleArn", "arn:aws:iam::1:role/logs",
                "stores.logsRetentionHours", "720",
                "stores.tracesBucket", "mgmt-traces-us-east-1",
                "stores.tracesRoleArn", "arn:aws:iam::1:role/traces",
                "stores.tracesRetentionHours", "336"), variables);
        var pending = new TreeMap<String, String>();
        TelemetryStores.pending("mgmt", "eu-west-1", 2, 3).addTo(pending);
        assertEquals("pending", pending.get("stores.logsRoleArn"));
        assertEquals("48", pending.get("stores.logsRetentionHours"));
        assertEquals("72", pending.get("stores.tracesRetentionHours"));
    }

    @Test
    void theFactsTakeTheStoresTheProgramMade() {
        var facts = Fixtures.management(Observability.PROMETHEUS);
        var stores = TelemetryStores.pending("mgmt", "us-east-1", 7, 1).withRoles("logs-role", "traces-role");
        var withStores = facts.withStores(stores);
        assertEquals(stores, withStores.stores());
        assertEquals(facts.hostname(), withStores.hostname());
        assertEquals(facts.capabilities(), withStores.capabilities());
        assertEquals(facts.ci(), withStores.ci());
    }

    @Test
    void theEdgeWritesCidrListsAndApplicationHostnames() {
        assertEquals("[\"10.0.0.0/8\", \"192.168.0.0/16\"]", Edge.cidrList(List.of("10.0.0.0/8", "192.168.0.0/16")));
        assertEquals("[]", Edge.cidrList(List.of()));
        assertEquals("hello-development.production-east.example.com",
                Edge.applicationHostname("hello", "development", ".production-east.example.com"));
        assertEquals("hello-development-staging.mgmt.example.com",
                Edge.applicationHostname("hello", "development", "-staging.mgmt.example.com"));
    }

    @Test
    void theCiServicesAreNamedAsTheProgramNamesThem() {
        assertEquals(CiSettings.artifactBucket("mgmt", "us-east-1"), GitopsLayout.Ci.bucketName("mgmt", "us-east-1"));
        assertEquals(CiSettings.workflowsRoleName("mgmt"), GitopsLayout.Ci.roleName("mgmt"));
        assertTrue(GitopsLayout.Ci.bucketName("mgmt", "us-east-1").contains("mgmt"));
        assertTrue(GitopsLayout.Ci.roleName("mgmt").contains("mgmt"));
        var defaults = GitopsLayout.Ci.defaults("mgmt", "us-east-1");
        assertEquals(new GitopsLayout.Ci(CiSettings.DEFAULT.runnersMax(), CiSettings.artifactBucket("mgmt", "us-east-1"),
                CiSettings.workflowsRoleName("mgmt")), defaults);
    }
}
