package io.idp.platform.stacks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Which workload clusters are Dex clients: EKS clusters running Grafana, and virtual clusters. */
class FleetSignOnClustersTest {
    static void stack(Path dir, String name, String body) throws IOException {
        Files.writeString(dir.resolve("Pulumi." + name + ".yaml"), "config:\n" + body);
    }

    @Test
    void onlyClustersThatRunGrafanaGetAGrafanaClient(@TempDir Path dir) throws IOException {
        stack(dir, "mgmt", "  platform:role: management\n  platform:clusterName: mgmt\n");
        stack(dir, "east", "  platform:role: workload\n  platform:clusterType: eks\n  platform:clusterName: east\n");
        stack(dir, "west", "  platform:role: workload\n  platform:clusterType: eks\n  platform:clusterName: west\n"
                + "  platform:observability: datadog\n");
        stack(dir, "north", "  platform:role: workload\n  platform:clusterType: eks\n  platform:clusterName: north\n"
                + "  platform:observability: prometheus\n");
        stack(dir, "staging", "  platform:role: workload\n  platform:clusterType: vcluster\n  platform:clusterName: staging\n");
        var signOn = WorkloadClusters.signOn(dir, "mgmt.example.com", "example.com");
        assertEquals(List.of("east", "north"), signOn.grafanaClusters(), "west runs Datadog, no Grafana");
        assertEquals(List.of("staging"), signOn.virtualClusters());
        assertEquals("https://argocd.mgmt.example.com/api/dex", signOn.issuer());
        assertEquals("https://grafana.north.example.com/login/generic_oauth", signOn.grafanaRedirect("north"));
        assertTrue(signOn.staticClients("  ").startsWith("  - id: grafana-east\n"), signOn.staticClients("  "));
    }

    @Test
    void withoutWorkloadClustersDexHasNoFleetClients(@TempDir Path dir) throws IOException {
        stack(dir, "mgmt", "  platform:role: management\n  platform:clusterName: mgmt\n");
        var signOn = WorkloadClusters.signOn(dir, "mgmt.example.com", "example.com");
        assertEquals("", signOn.staticClients("        "));
        assertEquals("", signOn.externalSecretData("platform/mgmt/clusters/mgmt/", "    "));
    }
}
