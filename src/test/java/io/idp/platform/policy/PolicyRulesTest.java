package io.idp.platform.policy;

import io.idp.platform.TestProject;
import io.idp.platform.local.OfflineEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Every rule accepts its compliant example and rejects its violating one; the shipped stacks comply. */
class PolicyRulesTest {
    static Stream<Rule> rules() {
        return PolicyRules.list().stream();
    }

    static List<Finding> findings(Rule rule, io.idp.platform.local.Plan plan) {
        return PolicyEngine.evaluate(plan, List.of(rule), Map.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void acceptsItsCompliantExample(Rule rule) {
        assertEquals(List.of(), findings(rule, rule.examples().compliant()).stream().map(Finding::format).toList());
        assertFalse(rule.targets(rule.examples().compliant()).isEmpty(), "the compliant example has a " + rule.resourceType());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void rejectsItsViolatingExample(Rule rule) {
        var found = findings(rule, rule.examples().violating());
        assertEquals(1, found.size(), rule.id());
        assertEquals(rule.id(), found.get(0).rule().id());
        assertFalse(found.get(0).detail().isBlank());
    }

    @Test
    void thereAreAtLeast35RulesEachWithItsSourceAndFix() {
        assertTrue(PolicyRules.list().size() >= 35, "rules: " + PolicyRules.list().size());
        var ids = new HashSet<String>();
        for (var rule : PolicyRules.list()) {
            assertTrue(ids.add(rule.id()), "duplicate id " + rule.id());
            assertFalse(rule.source().isBlank() || rule.fix().isBlank() || rule.title().isBlank(), rule.id());
        }
        assertTrue(ids.containsAll(List.of("CKV_AWS_37", "CKV_AWS_38", "CKV_AWS_39", "CKV_AWS_58", "CKV_AWS_18", "CKV_AWS_19",
                "CKV_AWS_21", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "CKV_AWS_145", "CKV_AWS_7", "CKV_AWS_60",
                "CKV_AWS_61", "CKV_AWS_62", "CKV_AWS_274", "CKV_AWS_358", "CKV_GIT_1", "CKV_GIT_3", "CKV_GIT_4", "CKV_GIT_5", "CKV_GIT_6")));
    }

    @Test
    void docsListEveryRule() throws Exception {
        var doc = java.nio.file.Files.readString(Path.of("docs/policies.md"));
        for (var rule : PolicyRules.list()) {
            assertTrue(doc.contains("| " + rule.id() + " | " + rule.severity().name().toLowerCase() + " |"),
                    rule.id() + " is missing from docs/policies.md: regenerate it with ./platform policies");
        }
    }

    @Tag("stacks") // plans whole stacks: left out of the mutation run
    @ParameterizedTest
    @ValueSource(strings = {"mgmt", "production-east", "production-west", "staging"})
    void theShippedStacksHaveNoViolationsBeyondTheirWaivers(String stack, @TempDir Path dir) {
        TestProject.copyOfRepository(dir);
        var engine = new OfflineEngine(dir);
        if (!stack.equals("mgmt")) {
            engine.plans().write(engine.plan("mgmt").plan());
        }
        var outcome = engine.plan(stack);
        var findings = PolicyEngine.evaluate(outcome.plan(), outcome.config().policyWaivers());
        assertEquals(List.of(), findings.stream().filter(f -> !f.waived()).map(Finding::format).toList());
    }
}
