package io.idp.platform.policy;

import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.idp.platform.policy.QueueRules.*;
import static org.junit.jupiter.api.Assertions.*;

/** The queue and EventBridge rules, one checked value at a time. */
class QueueRulesTest {
    static List<String> details(String ruleId, Plan plan) {
        var rule = PolicyRules.find(ruleId).orElseThrow();
        return PolicyEngine.evaluate(plan, List.of(rule), Map.of()).stream().map(f -> f.resourceName() + ": " + f.detail()).toList();
    }

    static Plan queueOnly(Map<String, Object> inputs) {
        return PlanFacts.plan(queue("interruptions", inputs));
    }

    static Map<String, Object> inputs(Object... pairs) {
        var map = new HashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static final Map<String, Object> SSE = Map.of("sqsManagedSseEnabled", true);

    @Test
    void aQueueIsEncryptedBySqsManagedKeysOrByAKmsKey() {
        assertEquals(List.of(), details("CKV_AWS_27", queueOnly(SSE)));
        assertEquals(List.of(), details("CKV_AWS_27", queueOnly(Map.of("kmsMasterKeyId", "alias/queues"))));
        assertEquals(List.of(), details("CKV_AWS_27", queueOnly(Map.of("sqsManagedSseEnabled", false, "kmsMasterKeyId", "alias/queues"))));
        var unencrypted = List.of("interruptions: the queue is not encrypted");
        assertEquals(unencrypted, details("CKV_AWS_27", queueOnly(Map.of())));
        assertEquals(unencrypted, details("CKV_AWS_27", queueOnly(Map.of("sqsManagedSseEnabled", false))));
        assertEquals(unencrypted, details("CKV_AWS_27", queueOnly(Map.of("sqsManagedSseEnabled", "true"))), "a string is not the flag");
        assertEquals(unencrypted, details("CKV_AWS_27", queueOnly(Map.of("kmsMasterKeyId", " "))));
        assertEquals(unencrypted, details("CKV_AWS_27", queueOnly(Map.of("kmsMasterKeyId", 42))));
        assertEquals(unencrypted, details("CKV_AWS_27", queueOnly(inputs("kmsMasterKeyId", null))));
    }

    @Test
    void theQueuePolicyMustDenyRequestsWithoutTls() {
        assertEquals(List.of(), details("PLAT_SQS_1", queueWithPolicy(SSE, queuePolicy(SERVICES, true))));
        assertEquals(List.of("interruptions: requests without TLS are not denied"),
                details("PLAT_SQS_1", queueWithPolicy(SSE, queuePolicy(SERVICES, false))));
        assertEquals(List.of("interruptions: the queue has no policy"), details("PLAT_SQS_1", queueOnly(SSE)));
        var allowOnly = queuePolicy(SERVICES, false).replace("\"Action\":\"sqs:SendMessage\"",
                "\"Action\":\"sqs:SendMessage\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}");
        assertEquals(List.of("interruptions: requests without TLS are not denied"), details("PLAT_SQS_1", queueWithPolicy(SSE, allowOnly)),
                "an Allow on the same condition is no denial");
    }

    @Test
    void aPolicyOfAnotherQueueDoesNotCount() {
        var plan = PlanFacts.plan(queue("interruptions", SSE), queue("other", SSE),
                PlanFacts.resource(QUEUE_POLICY, "other-policy", Map.of("queueUrl", "https://sqs.us-east-1.amazonaws.com/111122223333/other",
                        "policy", queuePolicy(SERVICES, true))));
        assertEquals(List.of("interruptions: the queue has no policy"), details("PLAT_SQS_1", plan));
        var policy = QueueRules.policy(plan, plan.resources().get(1)).orElseThrow();
        assertEquals("other-policy", policy.name());
    }

    @Test
    void onlyAwsServicesMaySend() {
        assertEquals(List.of(), details("PLAT_SQS_2", queueWithPolicy(SSE, queuePolicy(SERVICES, true))));
        assertEquals(List.of(), details("PLAT_SQS_2", queueWithPolicy(SSE, queuePolicy("{\"Service\":\"events.amazonaws.com\"}", true))));
        assertEquals(List.of("interruptions: the queue policy allows *"), details("PLAT_SQS_2", queueWithPolicy(SSE, queuePolicy("\"*\"", true))));
        assertEquals(List.of("interruptions: the queue policy allows aws:*"),
                details("PLAT_SQS_2", queueWithPolicy(SSE, queuePolicy("{\"AWS\":\"*\"}", true))));
        assertEquals(List.of("interruptions: the queue policy allows aws:arn:aws:iam::444455556666:root"),
                details("PLAT_SQS_2", queueWithPolicy(SSE, queuePolicy(
                        "{\"Service\":\"events.amazonaws.com\",\"AWS\":[\"arn:aws:iam::444455556666:root\"]}", true))));
        assertEquals(List.of("interruptions: the queue policy allows service:events.example.com"),
                details("PLAT_SQS_2", queueWithPolicy(SSE, queuePolicy("{\"Service\":\"events.example.com\"}", true))));
        var noPrincipal = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\"}]}";
        assertEquals(List.of("interruptions: the queue policy allows (none)"), details("PLAT_SQS_2", queueWithPolicy(SSE, noPrincipal)));
        var listPrincipal = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":[\"x\"],\"Action\":\"sqs:SendMessage\"}]}";
        assertEquals(List.of("interruptions: the queue policy allows [\"x\"]"), details("PLAT_SQS_2", queueWithPolicy(SSE, listPrincipal)));
        assertEquals(List.of(), details("PLAT_SQS_2", queueOnly(SSE)), "a queue without a policy is PLAT_SQS_1's finding");
    }

    @Test
    void denyStatementsAndStatementsWithoutEffectAreNotGrants() {
        assertEquals(List.of(), nonServicePrincipals(queuePolicy(SERVICES, true)), "the TLS denial names '*' and grants nothing");
        assertEquals(List.of(), nonServicePrincipals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Principal\":\"*\",\"Action\":\"sqs:*\"}]}"));
        assertEquals(List.of("*"), nonServicePrincipals(queuePolicy("\"*\"", false)));
    }

    @Test
    void eventBridgeDeliversOnlyToEncryptedQueuesOfThePlan() {
        assertEquals(List.of(), details("PLAT_EVT_1", targetOf(SSE)));
        assertEquals(List.of(), details("PLAT_EVT_1", targetOf(Map.of("kmsMasterKeyId", "alias/queues"))));
        assertEquals(List.of("spot: the target queue interruptions is not encrypted"), details("PLAT_EVT_1", targetOf(Map.of())));
        assertEquals(List.of("spot: the target queue interruptions is not encrypted"),
                details("PLAT_EVT_1", targetOf(Map.of("sqsManagedSseEnabled", false))));
        var elsewhere = PlanFacts.plan(PlanFacts.resource(EVENT_TARGET, "spot", Map.of("rule", "spot", "arn", QUEUE_ARN)));
        assertEquals(List.of("spot: the target queue " + QUEUE_ARN + " is not in this plan, so its encryption is unknown"),
                details("PLAT_EVT_1", elsewhere));
        var lambda = PlanFacts.plan(PlanFacts.resource(EVENT_TARGET, "fn", Map.of("rule", "spot",
                "arn", "arn:aws:lambda:us-east-1:111122223333:function:f")));
        assertEquals(List.of(), details("PLAT_EVT_1", lambda), "not a queue: another rule's concern");
        var unknown = PlanFacts.plan(PlanFacts.resource(EVENT_TARGET, "x", Map.of("rule", "spot")));
        assertEquals(List.of(), details("PLAT_EVT_1", unknown));
    }

    @Test
    void aTargetMatchesItsQueueByArnNotByName() {
        var other = queue("other", Map.of());
        var plan = PlanFacts.plan(queue("interruptions", SSE), other,
                PlanFacts.resource(EVENT_TARGET, "spot", Map.of("rule", "spot", "arn", other.outputs().get("arn"))));
        assertEquals(List.of("spot: the target queue other is not encrypted"), details("PLAT_EVT_1", plan));
    }

    @Test
    void exampleQueuesCarryTheirUrlAndArn() {
        PlannedResource q = queue("q", SSE);
        assertEquals("https://sqs.us-east-1.amazonaws.com/111122223333/q", q.outputs().get("url"));
        assertEquals(q.outputs().get("url"), q.outputs().get("id"));
        assertEquals("arn:aws:sqs:us-east-1:111122223333:q", q.outputs().get("arn"));
        assertEquals(QUEUE, q.type());
        assertEquals(true, q.inputs().get("sqsManagedSseEnabled"));
    }
}
