package io.idp.platform.validation;

import io.idp.platform.config.Observability;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Every documented exception is still needed: its chart at the pinned version lacks the key, and the platform sets it. */
class ValuesExceptionsTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyCommentedKeyIsStillAbsentFromTheDefaultsAndStillSet() {
        var catalog = Rendered.catalog();
        var sources = new ArrayList<HelmSource>(Rendered.check(Observability.PROMETHEUS).helmSources());
        var stale = new ArrayList<String>();
        ValuesExceptions.COMMENTED.forEach((chart, paths) -> paths.keySet().forEach(path -> {
            var tool = catalog.tools().values().stream().filter(t -> t.chart().equals(chart)).findFirst().orElseThrow();
            var pack = ReferenceData.packaged().chart(chart, tool.version()).orElseThrow();
            var parts = path.split("\\.");
            var defaults = pack.subcharts().containsKey(parts[0]) ? pack.subcharts().get(parts[0]) : pack.values();
            var node = pack.subcharts().containsKey(parts[0]) ? defaults : defaults.path(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                node = node.path(parts[i]);
            }
            if (!node.isMissingNode()) {
                stale.add(chart + " " + tool.version() + " now has " + path + " in its defaults: drop the exception");
            }
            var set = sources.stream().filter(s -> s.chart().equals(chart)).anyMatch(s -> {
                Object value = s.values();
                for (var part : parts) {
                    value = value instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(part) : null;
                }
                return value != null;
            });
            if (!set) {
                stale.add("no rendered source sets " + chart + " " + path + ": drop the exception");
            }
        }));
        assertEquals(List.of(), stale);
        assertFalse(ValuesExceptions.COMMENTED.isEmpty());
        assertTrue(ValuesExceptions.freeForm("argo-cd", List.of("configs", "cm", "dex.config")));
        assertFalse(ValuesExceptions.freeForm("argo-cd", List.of("configs", "cmx", "url")));
        assertTrue(ValuesExceptions.freeForm("vcluster", List.of("controlPlane", "statefulSet", "resources", "limits", "cpu")));
    }
}
