package io.idp.platform.policy;

import io.idp.platform.GeneratedDocs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** docs/policies.md carries the whole rule table, and the table is every group's rules in order. */
class PolicyDocsTest {
    /** The rules built afresh from each group, as PolicyRules assembles them once. */
    static List<Rule> fresh() {
        var rules = new ArrayList<Rule>();
        rules.addAll(EksRules.rules());
        rules.addAll(S3Rules.rules());
        rules.addAll(IamRules.rules());
        rules.addAll(InfrastructureRules.rules());
        rules.addAll(GithubRules.rules());
        rules.addAll(ArgoCdRules.rules());
        rules.addAll(TenancyRules.rules());
        rules.addAll(CloudflareRules.rules());
        rules.addAll(TrustRules.rules());
        rules.addAll(RecoveryRules.rules());
        rules.addAll(PeopleRules.rules());
        rules.addAll(QueueRules.rules());
        return rules;
    }

    @Test
    void docsCarryTheWholeTable() throws Exception {
        GeneratedDocs.assertCarries(Path.of("docs/policies.md"), PolicyTable.markdown(PolicyRules.list()), PolicyRules.list().size() + 2,
                "regenerate its table with ./platform policies");
    }

    @Test
    void theTableHasARowPerRuleWithEveryColumn() {
        var rule = PolicyRules.find("CKV_AWS_37").orElseThrow();
        var rows = PolicyTable.markdown(List.of(rule, PolicyRules.find("CKV_AWS_274").orElseThrow())).lines().toList();
        assertEquals(List.of("| id | severity | resource | rule | source | fix |", "|---|---|---|---|---|---|",
                "| CKV_AWS_37 | mandatory | `aws:eks/cluster:Cluster` | control plane logging is enabled for every log type | "
                        + "checkov CKV_AWS_37; CIS Amazon EKS Benchmark 2.1.1 | set enabledClusterLogTypes to api, audit, authenticator, controllerManager, scheduler |",
                "| CKV_AWS_274 | advisory | `aws:iam/rolePolicyAttachment:RolePolicyAttachment` | no role holds AdministratorAccess | "
                        + "checkov CKV_AWS_274 | grant the actions the role needs, or waive with the reason |"), rows);
        var piped = new Rule("X", "s", Severity.ADVISORY, "t", "title", "a | b", (r, p) -> java.util.Optional.empty(), null);
        assertTrue(PolicyTable.markdown(List.of(piped)).endsWith("| a \\| b |\n"));
    }

    @Test
    void everyGroupContributesItsRulesInOrder() {
        assertEquals(PolicyRules.ids(), fresh().stream().map(Rule::id).toList());
        assertEquals(93, PolicyRules.ids().size());
        assertEquals("CKV_AWS_21", PolicyRules.find("CKV_AWS_21").orElseThrow().id());
        assertTrue(PolicyRules.find("CKV_NOPE").isEmpty());
    }

    @Test
    void findingsFormatWithTheirWaiver() {
        var mandatory = PolicyRules.find("CKV_AWS_7").orElseThrow();
        var advisory = PolicyRules.find("CKV_AWS_18").orElseThrow();
        var open = new Finding(mandatory, "urn:k", "key", "the key does not rotate", null);
        assertFalse(open.waived());
        assertTrue(open.failsThePlan());
        assertEquals("CKV_AWS_7 (mandatory) key: the key does not rotate. Fix: set enableKeyRotation true", open.format());
        var waived = new Finding(mandatory, "urn:k", "key", "the key does not rotate", "imported key");
        assertTrue(waived.waived());
        assertFalse(waived.failsThePlan());
        assertEquals(open.format() + " [waived: imported key]", waived.format());
        assertFalse(new Finding(advisory, "urn:b", "b", "d", null).failsThePlan(), "advisory findings never fail a plan");
    }

    @Test
    void theEngineAppliesWaiversByRuleIdToEveryRule() {
        var plan = PlanFacts.plan(PlanFacts.resource(InfrastructureRules.KEY, "k", Map.of("enableKeyRotation", false, "deletionWindowInDays", 7L)));
        var findings = PolicyEngine.evaluate(plan, Map.of("CKV_AWS_7", "imported"));
        assertEquals(List.of("CKV_AWS_7 imported", "PLAT_KMS_1 null"),
                findings.stream().map(f -> f.rule().id() + " " + f.waiver()).toList());
        assertEquals("urn:pulumi:example::platform::aws:kms/key:Key::k", findings.get(0).urn());
        assertEquals("k", findings.get(0).resourceName());
    }
}
