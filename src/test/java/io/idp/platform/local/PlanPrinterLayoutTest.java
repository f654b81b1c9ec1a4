package io.idp.platform.local;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.idp.platform.local.PlanFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** How rows and property lines share a 60-column terminal. */
class PlanPrinterLayoutTest {
    private static List<String> created(String type, String name) {
        var diff = PlanDiff.between(null, plan(custom(type, name, Map.of())));
        return new PlanPrinter(false, 60).render(diff, true).lines().toList();
    }

    private static List<String> updated(PlanPrinter printer, PlannedResource before, PlannedResource after) {
        return printer.render(PlanDiff.between(plan(before), plan(after)), false).lines().toList();
    }

    @Test
    void aRowThatFitsExactlyKeepsTheFullType() {
        var name = "node-role-" + "a".repeat(18);
        var row = created("aws:iam/role:Role", name).get(1);
        assertEquals(" +   aws:iam/role:Role  " + name + "  create", row);
        assertEquals(60, row.length());
    }

    @Test
    void aRowOneColumnTooLongTakesTheShortType() {
        var name = "node-role-" + "a".repeat(19);
        var lines = created("aws:iam/role:Role", name);
        assertEquals("     Type          Name" + " ".repeat(25) + "  Plan", lines.get(0));
        assertEquals(" +   aws:iam:Role  " + name + "  create", lines.get(1));
    }

    @Test
    void aLongTypeAndNameShareTheRoomHalfAndHalf() {
        var name = "gitops-files-" + "b".repeat(27);
        var row = created("platform:components:RepositoryFiles", name).get(1);
        assertEquals(" +   …onents:RepositoryFiles  gitops-fil…" + "b".repeat(11) + "  create", row);
        assertEquals(60, row.length());
    }

    @Test
    void aShortTypeLeavesTheNameTheRest() {
        var name = "node-role-" + "c".repeat(30) + "-0123456789";
        var row = created("aws:iam/role:Role", name).get(1);
        assertEquals(" +   aws:iam:Role  node-role-cccccc…" + "c".repeat(5) + "-0123456789  create", row);
        assertEquals(60, row.length());
    }

    @Test
    void aPropertyLineOfExactlyTheWidthIsLeftWhole() {
        var type = "aws:ec2/vpc:Vpc";
        var lines = updated(new PlanPrinter(false, 60), custom(type, "main", Map.of("description", "abcdefghijklmno")),
                custom(type, "main", Map.of("description", "pqrstuvwxyzabc")));
        assertEquals("        ~ description: \"abcdefghijklmno\" => \"pqrstuvwxyzabc\"", lines.get(2));
        assertEquals(60, lines.get(2).length());
    }

    @Test
    void aLongReplacingChangeShortensBothValuesAndCutsTheLine() {
        var type = "aws:ec2/vpc:Vpc";
        var lines = updated(new PlanPrinter(false, 60),
                replacingOn(type, "main", Map.of("description", "before-" + "a".repeat(30)), "description"),
                replacingOn(type, "main", Map.of("description", "after-" + "z".repeat(30)), "description"));
        assertEquals("        ± description: \"bef…aaa\" => \"aft…zzz\"  (forces repl…", lines.get(2));
    }

    @Test
    void aValueOf200CharactersIsShownWhole() {
        var type = "aws:ec2/vpc:Vpc";
        var value = "b".repeat(198);
        var lines = updated(new PlanPrinter(false), custom(type, "main", Map.of("description", "a")),
                custom(type, "main", Map.of("description", value)));
        assertEquals("        ~ description: \"a\" => \"" + value + "\"", lines.get(2));
    }

    @Test
    void aLongerValueShowsItsStartAndLength() {
        var type = "aws:ec2/vpc:Vpc";
        var lines = updated(new PlanPrinter(false), custom(type, "main", Map.of("description", "a")),
                custom(type, "main", Map.of("description", "b".repeat(199))));
        assertEquals("        ~ description: \"a\" => \"" + "b".repeat(149) + "… (201 characters)", lines.get(2));
    }

    @Test
    void jsonTextInputsAreDiffedByKey() {
        var type = "aws:s3/bucketPolicy:BucketPolicy";
        var lines = updated(new PlanPrinter(false), custom(type, "state", Map.of("policy", "{\"team\":\"platform\",\"v\":\"1\"}")),
                custom(type, "state", Map.of("policy", "{\"team\":\"core\",\"v\":\"1\"}")));
        assertEquals(List.of("        ~ policy.team: \"platform\" => \"core\""), lines.subList(2, lines.size()));
    }
}
