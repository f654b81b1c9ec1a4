package io.idp.platform.cli;

import com.google.gson.JsonParser;
import io.idp.platform.TestProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class PlanCommandTest {
    @TempDir
    Path dir;
    TestProject project;

    @BeforeEach
    void setUp() {
        project = TestProject.copyOfRepository(dir);
    }

    @Test
    void firstPlanPrintsTheTreeAndSummaryAndWritesThePlanFile() throws Exception {
        assertEquals(0, project.cli("plan", "mgmt"), project.err());
        var out = project.out();
        assertTrue(out.contains(" +   pulumi:pulumi:Stack"), out);
        assertTrue(out.contains("├─ platform:components:StateStore"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\d+ to create, 0 to update, 0 to replace, 0 to delete, 0 unchanged")), out);
        assertTrue(JsonParser.parseString(Files.readString(project.planFile("mgmt"))).getAsJsonObject().has("resources"));
    }

    @Test
    void secondPlanPrintsNoChanges() {
        assertEquals(0, project.cli("plan", "mgmt"));
        assertEquals(0, project.cli("plan", "mgmt"));
        assertTrue(project.out().lines().anyMatch(l -> l.equals("no changes")), project.out());
        assertTrue(project.out().contains("0 to create, 0 to update, 0 to replace, 0 to delete,"), project.out());
    }

    @Test
    void aChangedSettingShowsAsAPropertyDiff() {
        assertEquals(0, project.cli("plan", "mgmt"));
        project.set("mgmt", "platform:vpcCidr", "10.2.0.0/16");
        assertEquals(0, project.cliWithColumns(250, "plan", "mgmt"));
        var out = project.out();
        assertTrue(out.contains("± cidrBlock: \"10.0.0.0/16\" => \"10.2.0.0/16\"  (forces replacement)"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches(" ±   .*aws:ec2/vpc:Vpc +mgmt-vpc +replace")), out);
    }

    @Test
    void compareDiffsAgainstAnyEarlierPlanFile() throws Exception {
        assertEquals(0, project.cli("plan", "mgmt"));
        var base = dir.resolve("base.json");
        Files.copy(project.planFile("mgmt"), base);
        project.set("mgmt", "platform:tags", java.util.Map.of("team", "core"));
        assertEquals(0, project.cli("plan", "mgmt"));
        assertEquals(0, project.cli("plan", "mgmt", "--compare", base.toString(), "--json"));
        var json = JsonParser.parseString(project.out()).getAsJsonObject();
        // The stack's provider and the recovery region's carry the tags.
        assertEquals(2, json.getAsJsonObject("summary").get("update").getAsInt(), project.out());
        for (var change : json.getAsJsonArray("changes")) {
            assertEquals("pulumi:providers:aws", change.getAsJsonObject().get("type").getAsString());
        }
    }

    @Test
    void jsonGivesTheMachineReadableResult() {
        assertEquals(0, project.cli("plan", "mgmt", "--json"));
        var json = JsonParser.parseString(project.out()).getAsJsonObject();
        assertTrue(json.get("ok").getAsBoolean());
        assertEquals("management", json.get("role").getAsString());
        assertEquals(".platform/plans/mgmt.json", json.get("planFile").getAsString());
        assertEquals("mgmt", json.getAsJsonObject("outputs").get("clusterName").getAsString());
    }

    @Test
    void threeBadValuesAreAllReportedWithExitOneAndNoPlan() {
        project.set("mgmt", "platform:vpcCidr", "10.0.0.0/33")
                .set("mgmt", "platform:alertsEmail", "nobody")
                .set("mgmt", "platform:availabilityZones", "9");
        assertEquals(1, project.cli("plan", "mgmt"));
        var err = project.err();
        assertTrue(err.contains("3 configuration problems in Pulumi.mgmt.yaml; nothing was registered"), err);
        assertTrue(err.contains("platform:vpcCidr = \"10.0.0.0/33\""), err);
        assertTrue(err.contains("platform:alertsEmail = \"nobody\""), err);
        assertTrue(err.contains("platform:availabilityZones = \"9\": is out of range"), err);
        assertFalse(Files.exists(project.planFile("mgmt")));
    }

    @Test
    void workloadPlanWithoutManagementPlanNamesTheCommand() {
        assertEquals(1, project.cli("plan", "production-east"));
        assertTrue(project.err().contains("run ./platform plan mgmt first"), project.err());
        assertFalse(project.err().contains("\tat "), "no stack trace: " + project.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, project.cli("plan"));
        assertEquals(2, project.cli("plan", "mgmt", "--colour"));
        assertEquals(2, project.cli("deploy"));
    }

    @Test
    void validateChecksConfigurationOnly() {
        assertEquals(0, project.cli("validate", "production-east"));
        assertTrue(project.out().contains("configuration is valid (workload, production-east, us-east-1)"));
        assertFalse(Files.exists(project.planFile("production-east")));
    }
}
