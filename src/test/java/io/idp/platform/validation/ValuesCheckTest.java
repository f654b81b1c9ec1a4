package io.idp.platform.validation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.idp.platform.validation.ObjectCheckTest.json;
import static org.junit.jupiter.api.Assertions.*;

/** Every key a source sets against a small chart: defaults, subcharts, free-form maps, schema-only keys, the values schema. */
class ValuesCheckTest {
    static final ReferenceData.ChartPack CHART = new ReferenceData.ChartPack("web", "1.0.0",
            json("{'replicas': 1, 'image': {'repository': 'nginx', 'tag': ''}, 'extra': {}, 'db': {'enabled': false},"
                    + " 'podAnnotations': {}, 'resources': {'limits': {}}}"),
            Map.of("db", json("{'enabled': true, 'size': '1Gi', 'auth': {'user': 'app'}}"), "cache", json("{'ttl': 60}")),
            json("{'type': 'object', 'properties': {'replicas': {'type': 'integer'}, 'schemaOnly': {'type': 'object',"
                    + " 'properties': {'inner': {'type': 'string'}}}}}"),
            List.of());

    static List<String> check(Map<String, Object> values) {
        return ValuesCheck.check(new HelmSource("w.yaml", "Application/web", "web", "1.0.0", values), CHART);
    }

    @Test
    void keysOfTheDefaultsOfSubchartsAndOfFreeFormMapsPass() {
        assertEquals(List.of(), check(Map.of("replicas", 2, "image", Map.of("tag", "1.27"), "extra", Map.of("anything", Map.of("goes", 1)),
                "db", Map.of("size", "2Gi", "enabled", true, "auth", Map.of("user", "web")), "cache", Map.of("ttl", 5),
                "podAnnotations", Map.of("a", "b"), "resources", Map.of("limits", Map.of("cpu", "1")),
                "schemaOnly", Map.of("inner", "x"))));
    }

    @Test
    void anUnknownKeyNamesItsPathTheChartAndTheNearestKey() {
        assertEquals(List.of("w.yaml Application/web (chart web 1.0.0): image.tga is not a value of web 1.0.0 (did you mean tag?)"),
                check(Map.of("image", Map.of("tga", "1.27"))));
        assertEquals(List.of("w.yaml Application/web (chart web 1.0.0): db.auth.usr is not a value of web 1.0.0 (did you mean user?)"),
                check(Map.of("db", Map.of("auth", Map.of("usr", "x")))));
        assertEquals(List.of("w.yaml Application/web (chart web 1.0.0): cache.zzzzzzzz is not a value of web 1.0.0 (its keys here: ttl)"),
                check(Map.of("cache", Map.of("zzzzzzzz", 1))));
    }

    @Test
    void whereNothingIsNearTheFirstTwelveKeysAreListed() {
        var many = new StringBuilder("{");
        for (int i = 0; i < 13; i++) {
            many.append(i == 0 ? "" : ", ").append("'k").append(i).append("': 0");
        }
        var pack = new ReferenceData.ChartPack("many", "1", json(many + "}"), Map.of(), null, List.of());
        var twelve = new ReferenceData.ChartPack("twelve", "1", json("{'k0': 0, 'k1': 0, 'k2': 0, 'k3': 0, 'k4': 0, 'k5': 0, 'k6': 0, 'k7': 0,"
                + " 'k8': 0, 'k9': 0, 'k10': 0, 'k11': 0}"), Map.of(), null, List.of());
        var empty = new ReferenceData.ChartPack("empty", "1", json("{}"), Map.of(), null, List.of());
        var source = new HelmSource("f", "o", "c", "1", Map.of("zzzzzzzzzz", 1));
        assertEquals(List.of("f o (chart c 1): zzzzzzzzzz is not a value of many 1 (its keys here: k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, k10, k11, ...)"),
                ValuesCheck.check(source, pack));
        assertEquals(List.of("f o (chart c 1): zzzzzzzzzz is not a value of twelve 1 (its keys here: k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, k10, k11)"),
                ValuesCheck.check(source, twelve));
        assertEquals(List.of("f o (chart c 1): zzzzzzzzzz is not a value of empty 1"), ValuesCheck.check(source, empty));
    }

    @Test
    void aSubchartKeyTheParentOverridesIsCheckedAgainstBoth() {
        // db.enabled is in the parent's defaults, db.size only in the subchart's: both are values.
        assertEquals(List.of(), check(Map.of("db", Map.of("enabled", true, "size", "1Gi"))));
        assertEquals(List.of("w.yaml Application/web (chart web 1.0.0): db.sise is not a value of web 1.0.0 (did you mean size?)"),
                check(Map.of("db", Map.of("sise", "1Gi"))));
        // Only at the top level: a nested key named like a subchart is not the subchart.
        assertEquals(List.of("w.yaml Application/web (chart web 1.0.0): image.cache is not a value of web 1.0.0 (its keys here: repository, tag)"),
                check(Map.of("image", Map.of("cache", Map.of("ttl", 1)))));
    }

    @Test
    void aSubchartKeyOnlyTheParentsDefaultsHoldPassesAndIsWalked() {
        var pack = new ReferenceData.ChartPack("web", "1.0.0", json("{'db': {'parentOnly': {'depth': 1}}}"),
                Map.of("db", json("{'size': '1Gi'}")), null, List.of());
        var source = new HelmSource("w.yaml", "Application/web", "web", "1.0.0",
                Map.of("db", Map.of("parentOnly", Map.of("depht", 2), "size", "2Gi")));
        assertEquals(List.of("w.yaml Application/web (chart web 1.0.0): db.parentOnly.depht is not a value of web 1.0.0 (did you mean depth?)"),
                ValuesCheck.check(source, pack));
    }

    @Test
    void aKeyOnlyTheSchemaDeclaresPassesButNotBelowIt() {
        assertEquals(List.of(), check(Map.of("schemaOnly", Map.of("inner", "x"))));
        var problems = check(Map.of("schemaOnlyx", 1));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("schemaOnlyx is not a value of web 1.0.0"), problems.get(0));
    }

    @Test
    void valuesMergedWithTheDefaultsMustSatisfyTheValuesSchema() {
        assertEquals(List.of("w.yaml Application/web (chart web 1.0.0): values.schema.json: /replicas: string found, integer expected"),
                check(Map.of("replicas", "two")));
        var withoutSchema = new ReferenceData.ChartPack("web", "1.0.0", CHART.values(), CHART.subcharts(), null, List.of());
        assertEquals(List.of(), ValuesCheck.check(new HelmSource("w.yaml", "Application/web", "web", "1.0.0", Map.of("replicas", "two")),
                withoutSchema));
    }

    @Test
    void anAnnotationNameWithDotsUnderAnAnnotationsMapWithDefaultsIsFreeForm() {
        var pack = new ReferenceData.ChartPack("web", "1.0.0", json("{'server': {'annotations': {'existing': 'x'}, 'port': 80}}"),
                Map.of(), null, List.of());
        var source = new HelmSource("w.yaml", "Application/web", "web", "1.0.0",
                Map.of("server", Map.of("annotations", Map.of("example.com/x", "y"), "prot", 81)));
        assertEquals(List.of("w.yaml Application/web (chart web 1.0.0): server.prot is not a value of web 1.0.0 (did you mean port?)"),
                ValuesCheck.check(source, pack));
    }

    @Test
    void aSchemaKeyIsFoundByItsKeysNotBySplittingItsPath() {
        var pack = new ReferenceData.ChartPack("web", "1.0.0", json("{}"), Map.of(),
                json("{'type': 'object', 'properties': {'a.b': {'type': 'string'}}}"), List.of());
        assertEquals(List.of(), ValuesCheck.check(new HelmSource("w.yaml", "Application/web", "web", "1.0.0", Map.of("a.b", "x")), pack));
    }

    @Test
    void documentedExceptionsPass() {
        var pack = new ReferenceData.ChartPack("kube-prometheus-stack", "75.15.1", json("{'alertmanager': {'alertmanagerSpec': {}, 'config': {'global': {}}}}"),
                Map.of(), null, List.of());
        var source = new HelmSource("k.yaml", "Application/kps", "kube-prometheus-stack", "75.15.1",
                Map.of("alertmanager", Map.of("alertmanagerSpec", Map.of("configSecret", "x"), "config", Map.of("route", Map.of()))));
        assertEquals(List.of(), ValuesCheck.check(source, pack));
    }
}
