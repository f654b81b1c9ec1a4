package io.idp.platform.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

class OutputChangesTest {
    @Test
    void aFirstPlanListsEveryOutput() {
        var lines = OutputChanges.lines(null, new TreeMap<>(Map.of("a", "1", "b", "2")), 80);
        assertEquals(List.of("a: 1", "b: 2"), lines);
    }

    @Test
    void aRePlanListsAddedRemovedAndChangedOutputsOnly() {
        var lines = OutputChanges.lines(Map.of("same", "1", "changed", "a", "removed", "x"),
                Map.of("same", "1", "changed", "b", "added", "y"), 80);
        assertEquals(List.of("+ added: y", "~ changed: a => b", "- removed: x"), lines);
    }

    @Test
    void aLongValueShowsItsStartAndLength() {
        var blob = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t".repeat(10);
        var line = OutputChanges.lines(null, Map.of("ca", blob), 80).get(0);
        assertTrue(line.startsWith("ca: LS0tLS1CRUdJTiBD"), line);
        assertTrue(line.endsWith("(" + blob.length() + " characters)"), line);
        assertTrue(line.length() + 4 <= 80, line.length() + ": " + line);
        assertEquals("ca: " + "short", OutputChanges.lines(null, Map.of("ca", "short"), 80).get(0));
    }

    @Test
    void proseWrapsAtSpacesWithinTheWidth() {
        var lines = Wrap.lines("one two three four five six seven eight nine ten eleven twelve", 20);
        assertEquals(List.of("one two three four", "five six seven eight", "nine ten eleven", "twelve"), lines);
        assertTrue(Wrap.lines("x".repeat(50), 20).stream().allMatch(l -> l.length() <= 20));
    }
}
