package io.idp.platform.local;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.idp.platform.local.PlanFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Aliases only matter when the resource's own URN is new. */
class PlanDiffAliasTest {
    static PlannedResource withAliases(PlannedResource r, String... aliases) {
        return new PlannedResource(r.urn(), r.type(), r.name(), r.parent(), r.custom(), r.read(), r.provider(), r.inputs(),
                r.outputs(), r.dependencies(), r.propertyDependencies(), r.protect(), r.retainOnDelete(), r.ignoreChanges(),
                r.replaceOnChanges(), r.deleteBeforeReplace(), r.importId(), List.of(aliases));
    }

    @Test
    void aResourceFoundUnderItsOwnUrnIgnoresAnUnusedAlias() {
        var bucket = custom("aws:s3/bucketV2:BucketV2", "state", Map.of("bucket", "state"));
        var moved = withAliases(bucket, urn("aws:s3/bucketV2:BucketV2", "old-state"));

        var diff = PlanDiff.between(plan(bucket), plan(moved));

        assertEquals(List.of(PlanDiff.Op.SAME), diff.changes().stream().map(PlanDiff.Change::op).toList());
    }
}
