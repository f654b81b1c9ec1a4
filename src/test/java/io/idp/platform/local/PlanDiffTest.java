package io.idp.platform.local;

import io.idp.platform.local.PlanDiff.Op;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class PlanDiffTest {
    static PlannedResource resource(String type, String name, Map<String, Object> inputs, boolean protect) {
        return new PlannedResource("urn:pulumi:s::platform::" + type + "::" + name, type, name, "", true, false, "",
                inputs, Map.of(), List.of(), Map.of(), protect, false, List.of(), List.of(), false, "");
    }

    static Plan plan(PlannedResource... resources) {
        return new Plan(Plan.FORMAT_VERSION, "platform", "s", "management", List.of(resources), Map.of(), List.of());
    }

    static final String VPC = "aws:ec2/vpc:Vpc";

    static PlannedResource moved(PlannedResource r, List<String> aliases) {
        return new PlannedResource("urn:pulumi:s::platform::my:Cluster$" + r.type() + "::" + r.name(), r.type(), r.name(),
                "urn:pulumi:s::platform::my:Cluster::c", true, false, "", r.inputs(), Map.of(), List.of(), Map.of(), r.protect(),
                false, List.of(), List.of(), false, "", aliases);
    }

    @Test
    void aResourceMovedWithAnAliasOfItsFormerUrnIsUnchangedNotDeletedAndCreated() {
        var before = resource(VPC, "vpc", Map.of("cidrBlock", "10.0.0.0/16"), true);
        var diff = PlanDiff.between(plan(before), plan(moved(before, List.of(before.urn()))));
        assertEquals("0 to create, 0 to update, 0 to replace, 0 to delete, 1 unchanged", diff.summary());
        assertEquals(List.of(), diff.protectedLosses());
    }

    @Test
    void aResourceMovedWithoutAnAliasIsAProtectedLoss() {
        var before = resource(VPC, "vpc", Map.of("cidrBlock", "10.0.0.0/16"), true);
        var diff = PlanDiff.between(plan(before), plan(moved(before, List.of())));
        assertEquals("1 to create, 0 to update, 0 to replace, 1 to delete, 0 unchanged", diff.summary());
        assertEquals(1, diff.protectedLosses().size());
    }

    @Test
    void everythingIsCreatedWithoutAnEarlierPlan() {
        var diff = PlanDiff.between(null, plan(resource(VPC, "vpc", Map.of("cidrBlock", "10.0.0.0/16"), false)));
        assertEquals(List.of(Op.CREATE), diff.changes().stream().map(PlanDiff.Change::op).toList());
        assertEquals("1 to create, 0 to update, 0 to replace, 0 to delete, 0 unchanged", diff.summary());
    }

    @Test
    void identicalPlansHaveNoChanges() {
        var p = plan(resource(VPC, "vpc", Map.of("cidrBlock", "10.0.0.0/16", "tags", Map.of("Name", "a")), false));
        var diff = PlanDiff.between(p, p);
        assertFalse(diff.hasChanges());
        assertEquals("0 to create, 0 to update, 0 to replace, 0 to delete, 1 unchanged", diff.summary());
    }

    @Test
    void changingATagIsAnUpdateOfThatProperty() {
        var before = plan(resource(VPC, "vpc", Map.of("cidrBlock", "10.0.0.0/16", "tags", Map.of("Name", "a")), false));
        var after = plan(resource(VPC, "vpc", Map.of("cidrBlock", "10.0.0.0/16", "tags", Map.of("Name", "b")), false));
        var change = PlanDiff.between(before, after).changes().get(0);
        assertEquals(Op.UPDATE, change.op());
        assertEquals(List.of(new PlanDiff.PropertyChange("tags.Name", "a", "b", false)), change.properties());
    }

    @Test
    void changingAForceNewPropertyIsAReplacement() {
        var before = plan(resource(VPC, "vpc", Map.of("cidrBlock", "10.0.0.0/16"), true));
        var after = plan(resource(VPC, "vpc", Map.of("cidrBlock", "10.1.0.0/16"), true));
        var diff = PlanDiff.between(before, after);
        assertEquals(Op.REPLACE, diff.changes().get(0).op());
        assertTrue(diff.changes().get(0).properties().get(0).replaces());
        assertEquals(1, diff.protectedLosses().size(), "a protected resource being replaced is a loss to report");
    }

    @Test
    void removedResourcesAreDeleted() {
        var before = plan(resource(VPC, "vpc", Map.of(), false), resource("aws:s3/bucketV2:BucketV2", "b", Map.of(), true));
        var after = plan(resource(VPC, "vpc", Map.of(), false));
        var diff = PlanDiff.between(before, after);
        assertEquals("0 to create, 0 to update, 0 to replace, 1 to delete, 1 unchanged", diff.summary());
        assertEquals("b", diff.protectedLosses().get(0).resource().name());
    }

    @Test
    void numbersCompareByValueAfterAJsonRoundTrip() {
        var before = plan(resource("aws:kms/key:Key", "k", Map.of("deletionWindowInDays", 30L), false));
        var after = plan(resource("aws:kms/key:Key", "k", Map.of("deletionWindowInDays", 30.0), false));
        assertFalse(PlanDiff.between(before, after).hasChanges());
    }

    @Test
    void programReplaceOnChangesIsHonoured() {
        var type = "platform:test:Thing";
        var before = plan(new PlannedResource("urn:x", type, "t", "", true, false, "", Map.of("size", 1L), Map.of(), List.of(),
                Map.of(), false, false, List.of(), List.of("size"), false, ""));
        var after = plan(new PlannedResource("urn:x", type, "t", "", true, false, "", Map.of("size", 2L), Map.of(), List.of(),
                Map.of(), false, false, List.of(), List.of("size"), false, ""));
        assertEquals(Op.REPLACE, PlanDiff.between(before, after).changes().get(0).op());
    }

    @Test
    void unprotectingIsAVisibleUpdate() {
        var before = plan(resource(VPC, "vpc", Map.of(), true));
        var after = plan(resource(VPC, "vpc", Map.of(), false));
        var change = PlanDiff.between(before, after).changes().get(0);
        assertEquals(Op.UPDATE, change.op());
        assertEquals("[protect]", change.properties().get(0).path());
    }
}
