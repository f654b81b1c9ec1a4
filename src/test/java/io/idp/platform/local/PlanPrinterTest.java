package io.idp.platform.local;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.idp.platform.local.PlanFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** The preview tree: nesting, order, markers, property lines, colour and what a later plan leaves out. */
class PlanPrinterTest {
    static final String STACK = "pulumi:pulumi:Stack";
    static final String NET = "platform:components:Network";
    static final String VPC = "aws:ec2/vpc:Vpc";
    static final String SUBNET = "aws:ec2/subnet:Subnet";

    static PlannedResource child(String type, String name, String parent, Map<String, Object> inputs) {
        return resource(type, name, parent, !type.startsWith("pulumi:pulumi") && !type.startsWith("platform:"), false, inputs,
                false, false, List.of(), "");
    }

    static Plan tree(String cidr, String zone) {
        var stack = urn(STACK, "platform-s");
        var net = urn(NET, "net");
        return plan(child(STACK, "platform-s", "", Map.of()),
                child(NET, "net", stack, Map.of()),
                child(SUBNET, "b-subnet", net, Map.of("availabilityZone", zone)),
                child(SUBNET, "a-subnet", net, Map.of()),
                child(VPC, "vpc", net, Map.of("cidrBlock", cidr)),
                child(VPC, "other", stack, Map.of()));
    }

    @Test
    void theFirstPlanShowsEveryResourceNestedAndSorted() {
        var text = new PlanPrinter(false).render(PlanDiff.between(null, tree("10.0.0.0/16", "a")), true);
        assertEquals("""
                     Type                            Name        Plan
                 +   pulumi:pulumi:Stack             platform-s  create
                 +   ├─ platform:components:Network  net         create
                 +   │  ├─ aws:ec2/subnet:Subnet     a-subnet    create
                 +   │  ├─ aws:ec2/subnet:Subnet     b-subnet    create
                 +   │  └─ aws:ec2/vpc:Vpc           vpc         create
                 +   └─ aws:ec2/vpc:Vpc              other       create
                """, text);
    }

    @Test
    void aLaterPlanShowsOnlyChangesAndTheirAncestors() {
        var text = new PlanPrinter(false).render(PlanDiff.between(tree("10.0.0.0/16", "a"), tree("10.1.0.0/16", "a")), false);
        assertEquals("""
                     Type                            Name        Plan
                     pulumi:pulumi:Stack             platform-s
                     └─ platform:components:Network  net
                 ±      └─ aws:ec2/vpc:Vpc           vpc         replace
                              ± cidrBlock: "10.0.0.0/16" => "10.1.0.0/16"  (forces replacement)
                """, text);
    }

    @Test
    void anUnchangedPlanIsTheHeaderAlone() {
        var text = new PlanPrinter(false).render(PlanDiff.between(tree("10.0.0.0/16", "a"), tree("10.0.0.0/16", "a")), false);
        assertEquals("     Type  Name  Plan\n", text);
    }

    @Test
    void aResourceWhoseParentIsNotInThePlanIsARoot() {
        var orphan = resource(VPC, "vpc", "urn:elsewhere", true, false, Map.of(), true, false, List.of(), "");
        var text = new PlanPrinter(false).render(PlanDiff.between(plan(orphan), plan()), false);
        assertEquals("""
                     Type             Name  Plan
                 -   aws:ec2/vpc:Vpc  vpc   delete  (protected)
                """, text);
    }

    @Test
    void propertyLinesShowNoneQuotesAndTruncation() {
        var longText = "x".repeat(100);
        var before = custom(SUBNET, "s", Map.of("a", "old", "n", 1L, "long", longText));
        var after = custom(SUBNET, "s", Map.of("n", 2L, "b", "new", "long", longText + "y"));
        var text = new PlanPrinter(false).render(PlanDiff.between(plan(before), plan(after)), false);
        assertEquals("""
                     Type                   Name  Plan
                 ~   aws:ec2/subnet:Subnet  s     update
                        ~ a: "old" => (none)
                        ~ b: (none) => "new"
                        ~ long: "%s" => "%sy"
                        ~ n: 1 => 2
                """.formatted("x".repeat(100), "x".repeat(100)), text);
    }

    @Test
    void multiLineTextShowsTheChangedLines() {
        var before = custom("github:index/repositoryFile:RepositoryFile", "f", Map.of("content", "a: 1\nb: 2\nc: 3"));
        var after = custom("github:index/repositoryFile:RepositoryFile", "f", Map.of("content", "a: 1\nb: 20\nc: 3\nd: 4"));
        var text = new PlanPrinter(false).render(PlanDiff.between(plan(before), plan(after)), false);
        assertEquals("""
                     Type                                        Name  Plan
                 ~   github:index/repositoryFile:RepositoryFile  f     update
                        ~ content: text changed
                            - b: 2
                            + b: 20
                            + d: 4
                """, text);
        var single = custom("github:index/repositoryFile:RepositoryFile", "f", Map.of("content", "one line"));
        assertTrue(new PlanPrinter(false).render(PlanDiff.between(plan(single), plan(after)), false)
                .contains("        ~ content: text changed\n            - one line\n            + a: 1\n"));
    }

    @Test
    void moreThanEightChangedLinesAreCounted() {
        assertEquals(List.of("- a", "+ b"), PlanPrinter.lineChanges("a", "b"));
        var eight = PlanPrinter.lineChanges("1\n2\n3\n4", "5\n6\n7\n8");
        assertEquals(8, eight.size());
        assertEquals("+ 8", eight.get(7));
        var nine = PlanPrinter.lineChanges("1\n2\n3\n4\n5", "6\n7\n8\n9");
        assertEquals(List.of("- 1", "- 2", "- 3", "- 4", "- 5", "+ 6", "+ 7", "+ 8", "... 1 more changed line(s)"), nine);
    }

    @Test
    void componentsComeBeforeResourcesThenByNameThenType() {
        var text = new PlanPrinter(false).render(PlanDiff.between(null, plan(
                custom(VPC, "b", Map.of()), custom(VPC, "a", Map.of()), custom(SUBNET, "a", Map.of()),
                resource(NET, "z", "", false, false, Map.of(), false, false, List.of(), ""))), true);
        assertEquals(List.of("platform:components:Network", "aws:ec2/subnet:Subnet", "aws:ec2/vpc:Vpc", "aws:ec2/vpc:Vpc"),
                text.lines().skip(1).map(l -> l.substring(5).split(" +")[0]).toList());
        assertEquals(List.of("z", "a", "a", "b"), text.lines().skip(1).map(l -> l.substring(5).split(" +")[1]).toList());
    }

    @Test
    void colourOnlyWhenAskedAndNeverOnUnchangedLines() {
        var read = resource("pulumi:pulumi:StackReference", "ref", "", true, true, Map.of(), false, false, List.of(), "");
        var adopted = resource(VPC, "adopted", "", true, false, Map.of(), false, false, List.of(), "vpc-1");
        var kept = custom(SUBNET, "kept", Map.of());
        var diff = PlanDiff.between(plan(kept, custom(SUBNET, "gone", Map.of()), custom(SUBNET, "changed", Map.of("a", 1L))),
                plan(kept, read, adopted, custom(SUBNET, "changed", Map.of("a", 2L)), custom(SUBNET, "new", Map.of())));
        var colour = new PlanPrinter(true).render(diff, true);
        assertTrue(colour.contains("\u001b[32m +   aws:ec2/subnet:Subnet         new      create\u001b[0m\n"), colour);
        assertTrue(colour.contains("\u001b[33m ~   aws:ec2/subnet:Subnet         changed  update\u001b[0m\n"
                + "\u001b[33m        ~ a: 1 => 2\u001b[0m\n"), colour);
        assertTrue(colour.contains("\u001b[31m -   aws:ec2/subnet:Subnet         gone     delete\u001b[0m\n"), colour);
        assertTrue(colour.contains("\u001b[36m >   pulumi:pulumi:StackReference  ref      read\u001b[0m\n"), colour);
        assertTrue(colour.contains("\u001b[34m =   aws:ec2/vpc:Vpc               adopted  import\u001b[0m\n"), colour);
        assertTrue(colour.contains("\n     aws:ec2/subnet:Subnet         kept\n"), colour);
        var plain = new PlanPrinter(false).render(diff, true);
        assertFalse(plain.contains("\u001b"), plain);
        assertEquals(colour.replaceAll("\u001b\\[\\d+m", ""), plain);
        var later = new PlanPrinter(false).render(diff, false);
        assertFalse(later.contains("kept") || later.contains("ref"), "unchanged and read resources are left out of a later plan: " + later);
    }

    @Test
    void valuesUpToEightyCharactersAreShownWhole() {
        var eighty = "y".repeat(78);
        var text = new PlanPrinter(false).render(PlanDiff.between(plan(custom(SUBNET, "s", Map.of("a", eighty))),
                plan(custom(SUBNET, "s", Map.of("a", "z")))), false);
        assertTrue(text.contains("~ a: \"" + eighty + "\" => \"z\"\n"), text);
    }

    @Test
    void aProtectedReplacementIsMarked() {
        var before = resource(VPC, "vpc", "", true, false, Map.of("cidrBlock", "10.0.0.0/16"), true, false, List.of(), "");
        var after = resource(VPC, "vpc", "", true, false, Map.of("cidrBlock", "10.1.0.0/16"), true, false, List.of(), "");
        var updated = resource(VPC, "vpc", "", true, false, Map.of("cidrBlock", "10.0.0.0/16", "tags", Map.of("a", "b")), true, false, List.of(), "");
        assertTrue(new PlanPrinter(false).render(PlanDiff.between(plan(before), plan(after)), false)
                .contains(" ±   aws:ec2/vpc:Vpc  vpc   replace  (protected)\n"));
        assertTrue(new PlanPrinter(false).render(PlanDiff.between(plan(before), plan(updated)), false)
                .contains(" ~   aws:ec2/vpc:Vpc  vpc   update\n"), "an update in place loses nothing");
    }
}
