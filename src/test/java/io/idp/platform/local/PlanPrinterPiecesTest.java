package io.idp.platform.local;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The printer's cutting and shortening at their edges: pure functions, no plan needed. */
class PlanPrinterPiecesTest {
    @Test
    void aLineOfExactlyTheWidthIsLeftWhole() {
        var line = "a".repeat(60);
        assertEquals(line, new PlanPrinter(false, 60).fit(line));
    }

    @Test
    void aLineOneColumnTooLongEndsInTheMark() {
        assertEquals("a".repeat(59) + "…", new PlanPrinter(false, 60).fit("a".repeat(61)));
    }

    @Test
    void aCellOfOnlyTreeIsAllTree() {
        assertEquals(6, PlanPrinter.treeWidth("│  ├─ "));
        assertEquals(0, PlanPrinter.treeWidth("aws:iam/role:Role"));
    }

    @Test
    void aDeepTreeGivesUpColumnsSoTheTypeEndStays() {
        var cell = "│  │  │  └─ aws:iam/role:Role";
        assertEquals("│  │  │…le:Role", PlanPrinter.shortenType(cell, 15));
    }

    @Test
    void aMapIsItsOwnMap() {
        var tags = Map.of("team", "core");
        assertSame(tags, PlanPrinter.asMap(tags));
    }
}
