package io.idp.platform.policy;

import io.idp.platform.config.KubernetesSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.idp.platform.policy.PlanFacts.plan;
import static io.idp.platform.policy.PlanFacts.resource;
import static org.junit.jupiter.api.Assertions.*;

/** PLAT_EKS_2 and PLAT_EKS_3 judge a cluster's Kubernetes version on the plan date, from the EKS calendar. */
class KubernetesSupportRulesTest {
    static Clock on(String date) {
        return Clock.fixed(LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    }

    static List<String> findings(String ruleId, String date, Object version) {
        var rule = PolicyRules.list(on(date)).stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow();
        var inputs = version == null ? Map.<String, Object>of() : Map.<String, Object>of("version", version);
        return PolicyEngine.evaluate(plan(resource(EksRules.CLUSTER, "c", inputs)), List.of(rule), Map.of()).stream()
                .map(f -> f.rule().severity() + " " + f.detail()).toList();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            // the last day of standard support still passes; the day after fails
            "1.33, 2026-07-29, ''",
            "1.33, 2026-07-30, MANDATORY Kubernetes 1.33 left EKS standard support on 2026-07-29 (plan date 2026-07-30); it bills extended support",
            "1.34, 2026-12-02, ''",
            "1.34, 2026-12-03, MANDATORY Kubernetes 1.34 left EKS standard support on 2026-12-02 (plan date 2026-12-03); it bills extended support",
            "1.35, 2027-03-27, ''",
            "1.35, 2027-03-28, MANDATORY Kubernetes 1.35 left EKS standard support on 2027-03-27 (plan date 2027-03-28); it bills extended support",
            "1.31, 2026-11-27, MANDATORY Kubernetes 1.31 left EKS standard support on 2025-11-26 (plan date 2026-11-27); extended support has ended too",
            "1.32, 2026-12-01, MANDATORY Kubernetes 1.32 left EKS standard support on 2026-03-23 (plan date 2026-12-01); it bills extended support",
            "1.27, 2026-12-01, 'MANDATORY Kubernetes 1.27 is not in the EKS support calendar (1.31, 1.32, 1.33, 1.34, 1.35)'",
            "1.36, 2026-12-01, 'MANDATORY Kubernetes 1.36 is not in the EKS support calendar (1.31, 1.32, 1.33, 1.34, 1.35)'",
    })
    void failsPastTheEndOfStandardSupportOrAnUnknownVersion(String version, String date, String expected) {
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), findings("PLAT_EKS_2", date, version));
    }

    @Test
    void aClusterWithoutAVersionIsUnknown() {
        assertEquals(List.of("MANDATORY Kubernetes null is not in the EKS support calendar (1.31, 1.32, 1.33, 1.34, 1.35)"),
                findings("PLAT_EKS_2", "2026-12-01", null));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            // 60 days before the end warns, 61 does not; after the end only PLAT_EKS_2 speaks
            "1.35, 2027-01-26, 'ADVISORY EKS standard support of Kubernetes 1.35 ends on 2027-03-27, within 60 days of the plan date 2027-01-26'",
            "1.35, 2027-01-25, ''",
            "1.35, 2027-03-27, 'ADVISORY EKS standard support of Kubernetes 1.35 ends on 2027-03-27, within 60 days of the plan date 2027-03-27'",
            "1.35, 2027-03-28, ''",
            "1.34, 2026-12-01, 'ADVISORY EKS standard support of Kubernetes 1.34 ends on 2026-12-02, within 60 days of the plan date 2026-12-01'",
            "1.36, 2026-12-01, ''",
    })
    void warnsWithinSixtyDaysOfTheEnd(String version, String date, String expected) {
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), findings("PLAT_EKS_3", date, version));
    }

    @Test
    void theExamplesFollowThePlanDate() {
        var rules = PolicyRules.list(on("2026-12-01"));
        var ending = rules.stream().filter(r -> r.id().equals("PLAT_EKS_3")).findFirst().orElseThrow();
        assertEquals("1.34", ending.examples().violating().resources().get(0).inputs().get("version"));
        assertEquals("1.35", ending.examples().compliant().resources().get(0).inputs().get("version"));
        var ended = rules.stream().filter(r -> r.id().equals("PLAT_EKS_2")).findFirst().orElseThrow();
        assertEquals(Severity.MANDATORY, ended.severity());
        assertEquals(Severity.ADVISORY, ending.severity());
    }

    @Test
    void thePlanDateComesFromTheBuildWhenItFixesIt() {
        // pom.xml fixes the tests' plan date, so their verdicts never change with the calendar
        assertEquals(LocalDate.parse("2026-12-01"), LocalDate.now(KubernetesSupport.planClock()));
    }
}
