package io.idp.platform.validation;

import io.idp.platform.config.Observability;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The rendered repository, for each observability choice, passes every check that needs no external tool. */
class RenderedRepositoryCheckTest {

    @ParameterizedTest
    @EnumSource(Observability.class)
    void everyRenderedFileAndReleaseMatchesItsChartCrdAndTheKubernetesApi(Observability observability) {
        var report = Rendered.check(observability);
        assertTrue(report.problems().isEmpty(), "\n" + String.join("\n", report.problems()));
        assertTrue(report.objects() >= 30, "checked " + report.objects() + " objects");
        assertTrue(report.helmSources().size() >= 15, "checked " + report.helmSources().size() + " Helm sources");
        assertEquals(List.of(), report.notes());
    }
}
