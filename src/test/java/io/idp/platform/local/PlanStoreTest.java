package io.idp.platform.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.idp.platform.local.PlanFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Plan files: where they live, what a round trip keeps, and what a broken one says. */
class PlanStoreTest {
    static Plan sample() {
        return new Plan(Plan.FORMAT_VERSION, "platform", "mgmt", "management",
                List.of(custom("aws:s3/bucketV2:BucketV2", "state", Map.of("bucket", "a<b>&c", "count", 3L, "ratio", 0.5))),
                Map.of("url", "s3://a"), List.of("kubeconfig"));
    }

    @Test
    void writesUnderTheProjectAndReadsBackTheSamePlan(@TempDir Path dir) throws Exception {
        var store = PlanStore.under(dir);
        assertEquals(dir.resolve(".platform/plans/mgmt.json"), store.path("mgmt"));
        assertEquals(store.path("mgmt"), store.write(sample()));
        assertEquals(sample(), store.read("mgmt").orElseThrow(), "numbers come back as longs and doubles, as written");
        var text = Files.readString(store.path("mgmt"));
        assertTrue(text.endsWith("}\n"), "one newline at the end");
        assertTrue(text.contains("\"bucket\": \"a<b>&c\""), "no HTML escaping, pretty printed: " + text);
        assertTrue(text.contains("\"importId\": \"\""), text);
        assertEquals(List.of("mgmt.json"), Files.list(dir.resolve(".platform/plans")).map(p -> p.getFileName().toString()).toList(),
                "the temporary file is moved into place");
    }

    @Test
    void aMissingPlanIsEmpty(@TempDir Path dir) {
        assertTrue(PlanStore.under(dir).read("mgmt").isEmpty());
    }

    @Test
    void nullsAreWritten() {
        var withNull = new java.util.HashMap<String, Object>();
        withNull.put("description", null);
        assertEquals("{\n  \"description\": null\n}", PlanStore.toJson(withNull));
    }

    @Test
    void aFileThatIsNoPlanSaysSo(@TempDir Path dir) throws Exception {
        var empty = dir.resolve("empty.json");
        Files.writeString(empty, "{}");
        assertEquals(empty + " is not a plan file (no stack or resources)", assertThrows(PlanException.class, () -> PlanStore.readFile(empty)).getMessage());
        var noStack = dir.resolve("nostack.json");
        Files.writeString(noStack, "{\"formatVersion\": 1, \"resources\": []}");
        assertEquals(noStack + " is not a plan file (no stack or resources)", assertThrows(PlanException.class, () -> PlanStore.readFile(noStack)).getMessage());
        var nothing = dir.resolve("nothing.json");
        Files.writeString(nothing, "");
        assertEquals(nothing + " is not a plan file (no stack or resources)", assertThrows(PlanException.class, () -> PlanStore.readFile(nothing)).getMessage());
        var garbage = dir.resolve("garbage.json");
        Files.writeString(garbage, "{\"stack\": [1, 2]}");
        assertTrue(assertThrows(PlanException.class, () -> PlanStore.readFile(garbage)).getMessage().startsWith(garbage + " is not a plan file: "));
    }

    @Test
    void anOlderFormatAsksForANewPlan(@TempDir Path dir) throws Exception {
        var old = dir.resolve("old.json");
        Files.writeString(old, "{\"formatVersion\": 0, \"stack\": \"mgmt\", \"resources\": []}");
        assertEquals(old + " has plan format 0; this program reads format " + Plan.FORMAT_VERSION + ": make the plan again",
                assertThrows(PlanException.class, () -> PlanStore.readFile(old)).getMessage());
    }

    @Test
    void unreadableAndUnwritablePlacesAreNamed(@TempDir Path dir) throws Exception {
        var folder = dir.resolve("folder.json");
        Files.createDirectories(folder);
        assertTrue(assertThrows(PlanException.class, () -> PlanStore.readFile(folder)).getMessage().startsWith("cannot read plan file " + folder + ": "));
        var blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where the plans folder should be");
        var store = new PlanStore(blocked);
        assertTrue(assertThrows(PlanException.class, () -> store.write(sample())).getMessage()
                .startsWith("cannot write plan file " + blocked.resolve("mgmt.json") + ": "));
    }
}
