package io.idp.platform.graph;

import io.idp.platform.local.PlannedResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;

import static io.idp.platform.graph.GraphFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Shared dependencies are timed once each, so large plans stay fast. */
class CriticalPathSharedTest {
    @Test
    void aLadderOfSharedDependenciesIsTimedInLinearTime() {
        // Each role waits for the two before it: walking every chain would take 2^60 steps.
        var roles = new ArrayList<PlannedResource>();
        roles.add(custom("urn:r0", "aws:iam/role:Role", ""));
        roles.add(custom("urn:r1", "aws:iam/role:Role", "", "urn:r0"));
        for (int i = 2; i < 60; i++) {
            roles.add(custom("urn:r" + i, "aws:iam/role:Role", "", "urn:r" + (i - 1), "urn:r" + (i - 2)));
        }
        var graph = new ResourceGraph(plan(roles.toArray(PlannedResource[]::new)));
        var path = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CriticalPath.of(graph));
        assertEquals(600, path.minimumSeconds());
        assertEquals(60, path.path().size());
    }
}
