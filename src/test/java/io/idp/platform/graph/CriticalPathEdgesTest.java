package io.idp.platform.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.idp.platform.graph.GraphFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** The critical path at its edges: ties, zero-time providers, empty plans, start times. */
class CriticalPathEdgesTest {
    static List<String> names(CriticalPath path) {
        return path.path().stream().map(CriticalPath.Step::name).toList();
    }

    @Test
    void anEmptyPlanTakesNoTime() {
        var path = CriticalPath.of(new ResourceGraph(plan()));
        assertEquals(0, path.minimumSeconds());
        assertEquals(0, path.serialSeconds());
        assertEquals(List.of(), path.path());
    }

    @Test
    void ofTwoEquallyLongChainsTheFirstIsShown() {
        var path = CriticalPath.of(new ResourceGraph(plan(
                custom("urn:a", "aws:iam/role:Role", ""),
                custom("urn:b", "aws:iam/role:Role", ""),
                custom("urn:c", "aws:eks/addon:Addon", "", "urn:a", "urn:b"),
                custom("urn:d", "aws:eks/addon:Addon", "", "urn:a"))));
        assertEquals(List.of("a", "c"), names(path), "a tie between dependencies keeps the first; between ends, too");
        assertEquals(70, path.minimumSeconds());
        assertEquals(10 + 10 + 60 + 60, path.serialSeconds());
    }

    @Test
    void eachStepStartsWhenTheStepBeforeItFinishes() {
        var path = CriticalPath.of(new ResourceGraph(plan(
                custom("urn:key", "aws:kms/key:Key", ""),
                custom("urn:cluster", "aws:eks/cluster:Cluster", "", "urn:key"))));
        assertEquals(List.of(new CriticalPath.Step("urn:key", "aws:kms/key:Key", "key", 0, 10),
                new CriticalPath.Step("urn:cluster", "aws:eks/cluster:Cluster", "cluster", 10, 610)), path.path());
    }

    @Test
    void aZeroTimeProviderIsNotAStepBeforeTheResourceThatUsesIt() {
        var path = CriticalPath.of(new ResourceGraph(plan(
                custom("urn:prov", "pulumi:providers:aws", ""),
                resource("urn:role", "aws:iam/role:Role", "role", "", true, false, "urn:prov::id", List.of(), java.util.Map.of()))));
        assertEquals(List.of("role"), names(path));
        assertEquals(10, path.minimumSeconds());
    }

    @Test
    void aLongerLaterChainWinsOverAnEarlierShorterOne() {
        var path = CriticalPath.of(new ResourceGraph(plan(
                custom("urn:short", "aws:iam/role:Role", ""),
                custom("urn:vpc", "aws:ec2/vpc:Vpc", ""),
                custom("urn:nat", "aws:ec2/natGateway:NatGateway", "", "urn:vpc"))));
        assertEquals(List.of("vpc", "nat"), names(path));
        assertEquals(125, path.minimumSeconds());
    }

    @Test
    void minutesArePaddedSeconds() {
        assertEquals("0m00s", CriticalPath.minutes(0));
        assertEquals("1m05s", CriticalPath.minutes(65));
        assertEquals("14m10s", CriticalPath.minutes(850));
    }

    @Test
    void aResourceListedBeforeWhatItWaitsForStillWaits() {
        var path = CriticalPath.of(new ResourceGraph(plan(
                custom("urn:cluster", "aws:eks/cluster:Cluster", "", "urn:key"),
                custom("urn:key", "aws:kms/key:Key", ""))));
        assertEquals(List.of("key", "cluster"), names(path));
        assertEquals(610, path.minimumSeconds());
    }
}
