package io.idp.platform.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.idp.platform.local.PlanFixtures.custom;
import static org.junit.jupiter.api.Assertions.*;

/** Format-1 plan files: read and converted to the engine's URNs instead of refused. */
class PlanStoreFormat1Test {
    @Test
    void aFormat1PlanIsReadWithTheEnginesUrns(@TempDir Path dir) throws Exception {
        var role = custom("aws:iam/role:Role", "nodes", Map.of("name", "nodes"));
        var oldUrn = "urn:pulumi:mgmt::platform::" + EngineUrn.ROOT_STACK_TYPE + "$aws:iam/role:Role::nodes";
        var stored = new PlannedResource(oldUrn, role.type(), role.name(), "", true, false, "", role.inputs(), Map.of(), List.of(),
                Map.of(), false, false, List.of(), List.of(), false, "");
        var file = dir.resolve("mgmt.json");
        Files.writeString(file, PlanStore.toJson(new Plan(1, "platform", "mgmt", "management", List.of(stored), Map.of(), List.of())));

        var plan = PlanStore.readFile(file);

        assertEquals(Plan.FORMAT_VERSION, plan.formatVersion());
        assertEquals("urn:pulumi:mgmt::platform::aws:iam/role:Role::nodes", plan.resources().get(0).urn());
        assertEquals("mgmt", plan.stack());
    }
}
