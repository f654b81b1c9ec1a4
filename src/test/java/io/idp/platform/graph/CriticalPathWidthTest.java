package io.idp.platform.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The critical-path table laid out for a terminal of a given width. */
class CriticalPathWidthTest {
    static final String HEADING = "critical path (estimated minimum pulumi up: 0m00s; all creations one after another: 0m00s):";
    static final String TYPE = "0123456789abcdefghijABCDEFGHIJ";
    static final String NAME = "nameABCDEFGHIJKLMNOPQRSTUVWXYZ";

    static CriticalPath oneStep(String type, String name, int finish) {
        return new CriticalPath(List.of(new CriticalPath.Step("urn:x", type, name, 0, finish)), finish, finish);
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }

    @Test
    void aHeadingAsWideAsTheTerminalStaysOnOneLine() {
        var empty = new CriticalPath(List.of(), 0, 0);
        assertEquals(91, HEADING.length());
        assertEquals(HEADING + "\n", empty.format(91));
    }

    @Test
    void aHeadingOneColumnTooWideBreaksAtTheLastSpaceThatFits() {
        assertEquals("critical path (estimated minimum pulumi up: 0m00s; all creations one after another:\n  0m00s):\n",
                new CriticalPath(List.of(), 0, 0).format(90));
    }

    @Test
    void aSpaceExactlyAtTheWidthIsWhereTheHeadingBreaks() {
        assertEquals("critical path (estimated minimum pulumi up: 0m00s;\n  all creations one after another: 0m00s):\n",
                new CriticalPath(List.of(), 0, 0).format(50));
    }

    @Test
    void aHeadingWithNoSpaceWithinTheWidthIsLeftWhole() {
        assertEquals(HEADING + "\n", new CriticalPath(List.of(), 0, 0).format(7));
    }

    @Test
    void shortTypesArePaddedToFourColumns() {
        assertEquals(List.of(HEADING.replace("0m00s", "0m10s"), "   0m10s  ab   n"), lines(oneStep("ab", "n", 10).format()));
    }

    @Test
    void typesArePaddedToTheLongestSoNamesLineUp() {
        var path = new CriticalPath(List.of(
                new CriticalPath.Step("urn:a", "aws:iam/role:Role", "role", 0, 10),
                new CriticalPath.Step("urn:b", "aws:eks/cluster:Cluster", "cluster", 10, 610)), 610, 610);
        var text = lines(path.format());
        assertEquals("   0m10s  aws:iam/role:Role       role", text.get(1));
        assertEquals("  10m10s  aws:eks/cluster:Cluster cluster", text.get(2));
    }

    @Test
    void withoutAWidthNothingIsShortened() {
        var name = NAME.repeat(10);
        assertEquals("  10m00s  " + TYPE + " " + name, lines(oneStep(TYPE, name, 600).format()).get(1));
    }

    @Test
    void longTypeAndNameAreShortenedInTheMiddleToTheWidth() {
        var line = lines(oneStep(TYPE, NAME, 600).format(51)).get(2);
        assertEquals("  10m00s  0123456789a…ijABCDEFGHIJ nameABC…STUVWXYZ", line);
        assertEquals(51, line.length());
    }

    @Test
    void aNarrowTerminalStillGetsThirtyColumnsForTypeAndName() {
        var line = lines(oneStep(TYPE, NAME, 600).format(20)).get(lines(oneStep(TYPE, NAME, 600).format(20)).size() - 1);
        assertEquals("  10m00s  01234567…BCDEFGHIJ nameA…UVWXYZ", line);
        assertEquals(11 + 30, line.length());
    }

    @Test
    void aShortTypeLeavesTheRestOfTheRoomToTheName() {
        var name = "n".repeat(20) + "m".repeat(30);
        var line = lines(oneStep("aws:kms/ke", name, 600).format(51)).get(2);
        assertEquals("  10m00s  aws:kms/ke " + "n".repeat(14) + "…" + "m".repeat(15), line);
    }

    @Test
    void typeAndNameThatJustFitAreNotShortened() {
        var type = TYPE.substring(0, 20);
        var name = NAME.substring(0, 20);
        assertEquals("  10m00s  " + type + " " + name, lines(oneStep(type, name, 600).format(51)).get(2));
    }

    @Test
    void emptyNamesLeaveNoTrailingSpaces() {
        assertEquals("   0m03s  abcd", lines(oneStep("abcd", "", 3).format()).get(1));
    }
}
