package io.idp.platform.config;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static io.idp.platform.config.PlatformConfigTest.*;
import static org.junit.jupiter.api.Assertions.*;

/** Checks whose one error must not bring a second one, and the Kubernetes calendar read from its file's shapes. */
class ConfigEdgesTest {
    @Test
    void aMisspeltInstanceTypeIsOneErrorNotAlsoAMixOfArchitectures() {
        var values = management();
        values.put("platform:nodeInstanceTypes", "[\"m7g.large\", \"m7g.larg\"]");
        var error = only(values);
        assertEquals("platform:nodeInstanceTypes", error.key());
        assertEquals("m7g.larg", error.value());
        assertEquals("is not an EC2 instance type; did you mean m7g.large?", error.problem());
        values.put("platform:nodeInstanceTypes", "[\"m7g.large\", \"m6i.large\"]");
        assertEquals("mixes arm64 (Graviton) and x86_64 instance types; one node group runs one architecture", only(values).problem());
    }

    @Test
    void badEnvironmentNamesAreNotAlsoReportedAsDuplicates() {
        var values = management();
        values.put("platform:environments", "[\"Dev_\", \"Dev_\"]");
        var errors = errors(values);
        assertEquals(List.of("is not an environment name", "is not an environment name"),
                errors.stream().map(ConfigError::problem).toList());
        values.put("platform:environments", "[qa, qa]");
        var twice = only(values);
        assertEquals("[qa, qa]", twice.value());
        assertEquals("names an environment twice", twice.problem());
    }

    @Test
    void argoCdsAllowedNetworksAreParsedAndEachBadOneReported() {
        var values = management();
        values.put("platform:argocdAllowedCidrs", "[\"10.0.0.0/8\", \"192.0.2.0/24\"]");
        assertEquals(List.of("10.0.0.0/8", "192.0.2.0/24"),
                load(values).managementSettings().argocdAllowedCidrs().stream().map(Cidr::toString).toList());
        values.put("platform:argocdAllowedCidrs", "[\"10.0.0.1/8\", \"10.0.0.0/8\", \"any\"]");
        var errors = errors(values);
        assertEquals(List.of("10.0.0.1/8", "any"), errors.stream().map(ConfigError::value).toList());
        assertEquals("is not an IPv4 CIDR with its host bits zero", errors.get(0).problem());
        assertEquals("platform:argocdAllowedCidrs", errors.get(1).key());
    }

    @Test
    void theCalendarReadsConsecutiveMinorsWithDatesAsTextOrAsYamlDates() {
        var released = Date.from(LocalDate.parse("2024-09-26").atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        var rows = KubernetesSupport.parse(Map.of("versions", List.of(
                Map.of("version", "1.31", "released", released, "endOfStandardSupport", "2025-11-26", "endOfExtendedSupport", "2026-11-26"),
                Map.of("version", "1.32", "released", "2025-01-23", "endOfStandardSupport", "2026-03-23", "endOfExtendedSupport", "2027-03-23"))));
        assertEquals(List.of(
                new KubernetesSupport.Release("1.31", LocalDate.parse("2024-09-26"), LocalDate.parse("2025-11-26"), LocalDate.parse("2026-11-26")),
                new KubernetesSupport.Release("1.32", LocalDate.parse("2025-01-23"), LocalDate.parse("2026-03-23"), LocalDate.parse("2027-03-23"))),
                rows);
        var extendedFirst = Map.<String, Object>of("versions", List.of(
                Map.of("version", "1.31", "released", "2026-12-01", "endOfStandardSupport", "2025-11-26", "endOfExtendedSupport", "2027-11-26")));
        assertTrue(assertThrows(IllegalStateException.class, () -> KubernetesSupport.parse(extendedFirst)).getMessage()
                .contains("1.31 must be released before standard support ends"));
    }

    @Test
    void theShippedCalendarIsOldestFirstAndItsNewestIsTheDefault() {
        var releases = KubernetesSupport.releases();
        assertTrue(releases.size() >= 3, releases.toString());
        assertEquals(KubernetesSupport.newest(), releases.get(releases.size() - 1).version());
        assertEquals(KubernetesSupport.versions(), releases.stream().map(KubernetesSupport.Release::version).toList());
    }

    @Test
    void aMinorVersionIsExactlyOneDotN() {
        assertEquals(33, KubernetesSupport.minor("1.33"));
        assertThrows(IllegalArgumentException.class, () -> KubernetesSupport.minor("1.2.3"));
        assertThrows(IllegalArgumentException.class, () -> KubernetesSupport.minor("1.1234"));
    }

    @Test
    void thePlanClockReadsThePlanDateProperty() {
        var before = System.getProperty(KubernetesSupport.PLAN_DATE_PROPERTY);
        try {
            System.setProperty(KubernetesSupport.PLAN_DATE_PROPERTY, "2027-05-04");
            assertEquals(LocalDate.parse("2027-05-04"), LocalDate.now(KubernetesSupport.planClock()));
        } finally {
            if (before == null) {
                System.clearProperty(KubernetesSupport.PLAN_DATE_PROPERTY);
            } else {
                System.setProperty(KubernetesSupport.PLAN_DATE_PROPERTY, before);
            }
        }
    }
}
