package io.idp.platform.cli;

import com.google.gson.JsonParser;
import io.idp.platform.TestProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Policy results and loss prevention as a user meets them: ./platform plan. */
class PolicyAndLossTest {
    @TempDir
    Path dir;
    TestProject project;

    @BeforeEach
    void setUp() {
        project = TestProject.copyOfRepository(dir);
    }

    @Test
    void aMandatoryViolationFailsThePlanAndSaysHowToFixIt() {
        project.set("mgmt", "platform:apiPublicAccessCidrs", List.of("0.0.0.0/0"));
        assertEquals(1, project.cliWithColumns(400, "plan", "mgmt"));
        assertTrue(project.out().contains("✗ CKV_AWS_38 (mandatory) mgmt-cluster: the API endpoint is public to 0.0.0.0/0. "
                + "Fix: list your networks in platform:apiPublicAccessCidrs"), project.out());
    }

    @Test
    void aWaiverIsPrintedWithItsReasonAndNoLongerFails() {
        project.set("mgmt", "platform:apiPublicAccessCidrs", List.of("0.0.0.0/0"))
                .set("mgmt", "platform:policyWaivers", Map.of("CKV_AWS_38", "lab account, torn down nightly",
                        "CKV_AWS_39", "lab account", "CKV_AWS_18", "audited", "CKV_AWS_274", "bounded", "CKV_GIT_6", "api"));
        assertEquals(0, project.cli("plan", "mgmt"), project.out());
        assertTrue(project.out().contains("[waived: lab account, torn down nightly]"), project.out());
    }

    @Test
    void advisoryViolationsAreReportedWithoutFailing() {
        project.set("mgmt", "platform:policyWaivers", Map.of("CKV_AWS_274", "bounded"));
        assertEquals(0, project.cli("plan", "mgmt"));
        assertTrue(project.out().contains("! CKV_AWS_18 (advisory) state-bucket: access logging is not enabled"), project.out());
        assertTrue(project.out().contains("! CKV_AWS_18 (advisory) state-replica-bucket: access logging is not enabled"), project.out());
        assertTrue(project.out().contains("! CKV_AWS_18 (advisory) mgmt-backups-bucket: access logging is not enabled"), project.out());
        assertTrue(project.out().contains("! CKV_AWS_18 (advisory) mgmt-observability-logs-bucket: access logging is"), project.out());
        assertTrue(project.out().contains("! CKV_AWS_18 (advisory) mgmt-observability-traces-bucket: access logging is"), project.out());
        assertTrue(project.out().contains("! CKV_AWS_18 (advisory) mgmt-workflow-artifacts-bucket: access logging is not"), project.out());
        assertTrue(project.out().contains("0 mandatory violation(s), 6 advisory, 1 waived"), project.out());
    }

    @Test
    void jsonCarriesThePolicyResults() {
        assertEquals(0, project.cli("plan", "mgmt", "--json"));
        var json = JsonParser.parseString(project.out()).getAsJsonObject();
        var policy = json.getAsJsonArray("policy");
        assertEquals(7, policy.size(), "CKV_AWS_18 for the state bucket, its replica, the backup bucket, the log and trace buckets and "
                + "the workflow artifact bucket, CKV_AWS_274: " + policy);
        assertEquals("CKV_AWS_18", policy.get(0).getAsJsonObject().get("rule").getAsString());
        assertFalse(policy.get(0).getAsJsonObject().get("waived").isJsonNull());
    }

    @Test
    void replacingAProtectedResourceIsRefusedLoudlyUnlessAllowed() {
        assertEquals(0, project.cli("plan", "mgmt"));
        project.set("mgmt", "platform:stateBucket", "acme-platform-pulumi-state-2");
        assertEquals(1, project.cli("plan", "mgmt"));
        assertTrue(project.out().contains("DATA LOSS: this plan would destroy protected, data-bearing resources:"), project.out());
        assertTrue(project.out().contains("replace aws:s3/bucketV2:BucketV2 state-bucket"), project.out());
        assertTrue(project.out().contains("refused: re-run with --allow-loss"), project.out());
        assertEquals(1, project.cli("plan", "mgmt"), "a refused plan is not the next baseline");
        assertTrue(project.out().contains("plan refused: the plan file and the local repositories are unchanged"), project.out());
    }

    @Test
    void anExplicitlyAllowedLossPasses() throws Exception {
        assertEquals(0, project.cli("plan", "mgmt"));
        project.set("mgmt", "platform:stateBucket", "acme-platform-pulumi-state-2");
        assertEquals(0, project.cli("plan", "mgmt", "--allow-loss"));
        assertTrue(project.out().contains("allowed by --allow-loss"), project.out());
    }

    @Test
    void removingAWorkloadsClusterIsADataLossToo() {
        assertEquals(0, project.cli("plan", "mgmt"));
        assertEquals(0, project.cli("plan", "production-east"));
        project.set("production-east", "platform:clusterName", "production-east-2");
        assertEquals(1, project.cli("plan", "production-east"));
        assertTrue(project.out().contains("delete aws:eks/cluster:Cluster production-east-cluster"), project.out());
    }

    @Test
    void policiesListsEveryRule() {
        assertEquals(0, project.cli("policies"));
        assertTrue(project.out().contains("| CKV_AWS_58 | mandatory | `aws:eks/cluster:Cluster` |"), project.out());
        assertTrue(project.out().lines().filter(l -> l.startsWith("| ") && !l.startsWith("| id")).count() >= 35);
    }
}
