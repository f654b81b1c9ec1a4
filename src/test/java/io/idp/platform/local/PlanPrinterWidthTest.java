package io.idp.platform.local;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** How the plan tree fits a terminal: pure functions, no plan needed. */
class PlanPrinterWidthTest {
    @Test
    void aTypeTakesItsShortFormWithoutTheModulePath() {
        assertEquals("aws:iam:RolePolicy", PlanPrinter.compactType("aws:iam/rolePolicy:RolePolicy"));
        assertEquals("│  ├─ github:Repository", PlanPrinter.compactType("│  ├─ github:index/repository:Repository"));
        assertEquals("kubernetes:argoproj.io:Application", PlanPrinter.compactType("kubernetes:argoproj.io/v1alpha1:Application"));
        assertEquals("platform:components:Network", PlanPrinter.compactType("platform:components:Network"), "no module path to drop");
        assertEquals("pulumi:providers:aws", PlanPrinter.compactType("pulumi:providers:aws"));
    }

    @Test
    void aLongTypeKeepsItsTreeAndItsEnd() {
        var cell = "│  ├─ platform:components:RepositoryFiles";
        var shortened = PlanPrinter.shortenType(cell, 30);
        assertEquals(30, shortened.length());
        assertTrue(shortened.startsWith("│  ├─ …"), shortened);
        assertTrue(shortened.endsWith("RepositoryFiles"), shortened);
        assertEquals(cell, PlanPrinter.shortenType(cell, cell.length()), "what fits is left alone");
    }

    @Test
    void aLongNameKeepsItsStartAndEnd() {
        var name = "gitops-files-registry-clusters-mgmt-external-secrets.yaml";
        var shortened = PlanPrinter.shortenMiddle(name, 25);
        assertEquals(25, shortened.length());
        assertEquals("gitops-files", shortened.substring(0, 12));
        assertTrue(shortened.endsWith("secrets.yaml"), shortened);
        assertTrue(shortened.contains("…"));
    }

    @Test
    void aMapDiffListsOnlyTheKeysThatChanged() {
        var changes = PlanPrinter.mapChanges("tags", Map.of("team", "platform", "cost-center", "1234", "gone", "x"),
                Map.of("team", "core", "cost-center", "1234", "owner", "sre"));
        var lines = changes.stream().map(c -> c[0] + ": " + c[1] + " => " + c[2]).toList();
        assertEquals(List.of("tags.gone: \"x\" => (none)", "tags.owner: (none) => \"sre\"", "tags.team: \"platform\" => \"core\""), lines);
    }

    @Test
    void nestedMapsAndJsonTextAreDiffedByPath() {
        var before = PlanPrinter.asMap("{\"tags\":{\"team\":\"platform\",\"managed-by\":\"pulumi\"}}");
        var after = PlanPrinter.asMap("{\"tags\":{\"team\":\"core\",\"managed-by\":\"pulumi\"}}");
        var changes = PlanPrinter.mapChanges("defaultTags", before, after);
        assertEquals(1, changes.size());
        assertEquals("defaultTags.tags.team", changes.get(0)[0]);
        assertNull(PlanPrinter.asMap("not json"));
        assertNull(PlanPrinter.asMap("{broken"));
    }
}
