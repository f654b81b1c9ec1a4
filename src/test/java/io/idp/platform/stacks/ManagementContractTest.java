package io.idp.platform.stacks;

import io.idp.platform.contract.ManagementOutputs;
import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.idp.platform.TestProject;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.PlanFailure;
import io.idp.platform.local.PlanStore;
import io.idp.platform.local.PlannedResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A workload stack reads the management outputs and checks the whole contract before it registers
 * anything: with a broken contract, a pulumi up would create nothing, and says what is wrong.
 */
class ManagementContractTest {
    /** What a workload stack registers before its contract check: the stack and its reference. */
    static final Set<String> BEFORE_THE_CHECK = Set.of("pulumi:pulumi:Stack", "pulumi:pulumi:StackReference");

    @TempDir
    Path dir;
    OfflineEngine engine;
    TestProject project;

    @BeforeEach
    void planManagement() {
        project = TestProject.copyOfRepository(dir);
        engine = new OfflineEngine(dir);
        engine.plans().write(engine.plan("mgmt").plan());
    }

    private void editManagementOutputs(Consumer<com.google.gson.JsonObject> edit) throws Exception {
        var file = engine.plans().path("mgmt");
        var json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        edit.accept(json.getAsJsonObject("outputs"));
        Files.writeString(file, PlanStore.toJson(json));
    }

    private static Set<String> registeredTypes(PlanFailure failure) {
        return failure.registered().stream().map(PlannedResource::type).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"production-east", "staging"})
    void aMissingOutputRegistersNothingAndNamesTheOutput(String stack) throws Exception {
        editManagementOutputs(outputs -> outputs.remove(ManagementOutputs.DNS_ZONE_ID));
        var failure = assertThrows(PlanFailure.class, () -> engine.plan(stack));
        assertEquals(1, failure.reasons().size(), failure.reasons().toString());
        var reason = failure.reasons().get(0);
        assertTrue(reason.startsWith("management stack 'mgmt' does not export 'dnsZoneId' (a non-empty string)"), reason);
        assertTrue(reason.contains("pulumi up -s mgmt") && reason.contains("platform:managementStack in Pulumi." + stack + ".yaml"), reason);
        assertEquals(BEFORE_THE_CHECK, registeredTypes(failure));
    }

    @Test
    void everyBrokenOutputIsReportedTogether() throws Exception {
        editManagementOutputs(outputs -> {
            outputs.remove(ManagementOutputs.REGION);
            outputs.add(ManagementOutputs.DOMAIN, new JsonPrimitive(""));
            outputs.add(ManagementOutputs.PRIVATE_SUBNET_IDS, new JsonPrimitive("subnet-1"));
            var list = new JsonArray();
            list.add("example.com");
            outputs.add(ManagementOutputs.GITOPS_REPO, list);
            outputs.add(ManagementOutputs.ENVIRONMENTS, new JsonPrimitive(true));
        });
        var failure = assertThrows(PlanFailure.class, () -> engine.plan("production-east"));
        var reasons = failure.reasons();
        assertEquals(5, reasons.size(), reasons.toString());
        assertContainsOne(reasons, "does not export 'region' (a non-empty string)");
        assertContainsOne(reasons, "exports 'domain' as an empty string, but the contract needs a non-empty string");
        assertContainsOne(reasons, "exports 'privateSubnetIds' as a string, but the contract needs a list of non-empty strings");
        assertContainsOne(reasons, "exports 'gitopsRepo' as a list, but the contract needs a non-empty string");
        assertContainsOne(reasons, "exports 'environments' as a boolean, but the contract needs a list of non-empty strings");
        assertEquals(BEFORE_THE_CHECK, registeredTypes(failure));
    }

    @Test
    void aListWithAnEmptyItemBreaksTheContract() throws Exception {
        editManagementOutputs(outputs -> {
            var list = new JsonArray();
            list.add("subnet-1");
            list.add("");
            outputs.add(ManagementOutputs.PRIVATE_SUBNET_IDS, list);
        });
        var failure = assertThrows(PlanFailure.class, () -> engine.plan("staging"));
        assertEquals(1, failure.reasons().size(), failure.reasons().toString());
        assertTrue(failure.reasons().get(0).contains("exports 'privateSubnetIds' as a list, but the contract needs a list of non-empty strings"));
        assertEquals(BEFORE_THE_CHECK, registeredTypes(failure));
    }

    /**
     * The CLI refuses such a stack file before planning (it reads every stack file); under the engine
     * only the program sees the management outputs, so the program checks too.
     */
    @Test
    void aConflictWithTheWorkloadStackAlsoRegistersNothing() {
        project.set("staging", "platform:environments", List.of("qa"));
        var raw = io.idp.platform.local.StackFile.read(dir, "staging");
        var config = io.idp.platform.config.PlatformConfig.load("staging", raw);
        var failure = assertThrows(PlanFailure.class, () -> engine.plan("staging", raw, config));
        assertTrue(failure.reasons().get(0).contains("[qa] is not an environment of the platform"), failure.reasons().toString());
        assertEquals(BEFORE_THE_CHECK, registeredTypes(failure));
    }

    @Test
    void aHealthyContractPlansTheWholeStack() {
        var plan = engine.plan("production-east").plan();
        assertTrue(plan.resources().size() > 50, "a physical workload cluster registers its network, cluster and registration");
    }

    private static void assertContainsOne(List<String> reasons, String part) {
        assertEquals(1, reasons.stream().filter(r -> r.contains(part)).count(), part + " in " + reasons);
    }
}
