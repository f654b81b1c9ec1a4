package io.idp.platform.policy;

import com.google.gson.JsonObject;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.idp.platform.policy.PlanFacts.*;

/**
 * SQS queues and the EventBridge rules that feed them (Karpenter's interruption queue): messages
 * encrypted at rest, the queue refusing requests without TLS and taking messages only from AWS
 * services, and EventBridge delivering only to encrypted queues.
 */
final class QueueRules {
    static final String QUEUE = "aws:sqs/queue:Queue";
    static final String QUEUE_POLICY = "aws:sqs/queuePolicy:QueuePolicy";
    static final String EVENT_TARGET = "aws:cloudwatch/eventTarget:EventTarget";
    static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:111122223333:interruptions";

    private QueueRules() {
    }

    /** SSE with SQS-managed keys or with a KMS key; either keeps messages encrypted at rest. */
    static boolean encrypted(PlannedResource queue) {
        var kmsKey = input(queue, "kmsMasterKeyId");
        return isTrue(queue, "sqsManagedSseEnabled") || (kmsKey instanceof String key && !key.isBlank());
    }

    /** The queue's policy: the QueuePolicy whose queueUrl is the queue's URL (its id). */
    static Optional<PlannedResource> policy(Plan plan, PlannedResource queue) {
        var url = queue.outputs().getOrDefault("url", queue.outputs().get("id"));
        return plan.ofType(QUEUE_POLICY).stream().filter(p -> url != null && url.equals(input(p, "queueUrl"))).findFirst();
    }

    /** Allow statements naming anything but AWS services as principals: '*', accounts, roles. */
    static List<String> nonServicePrincipals(Object document) {
        return IamRules.statements(document).stream()
                .filter(s -> s.get("Effect") != null && "Allow".equals(s.get("Effect").getAsString()))
                .flatMap(s -> principals(s).stream())
                .filter(principal -> !principal.matches("service:[a-z0-9.-]+\\.amazonaws\\.com"))
                .toList();
    }

    private static List<String> principals(JsonObject statement) {
        var principal = statement.get("Principal");
        if (principal == null || !principal.isJsonObject()) {
            return List.of(principal == null ? "(none)" : principal.isJsonPrimitive() ? principal.getAsString() : principal.toString());
        }
        return principal.getAsJsonObject().entrySet().stream().flatMap(e -> {
            var holder = new JsonObject();
            holder.add("v", e.getValue());
            return IamRules.values(holder, "v").stream().map(v -> e.getKey().toLowerCase() + ":" + v);
        }).toList();
    }

    // ---- examples ------------------------------------------------------------------------------

    static PlannedResource queue(String name, Map<String, Object> inputs) {
        var outputs = new java.util.TreeMap<String, Object>(inputs);
        var url = "https://sqs.us-east-1.amazonaws.com/111122223333/" + name;
        outputs.put("id", url);
        outputs.put("url", url);
        outputs.put("arn", "arn:aws:sqs:us-east-1:111122223333:" + name);
        return new PlannedResource("urn:pulumi:example::platform::" + QUEUE + "::" + name, QUEUE, name, "", true, false, "",
                inputs, outputs, List.of(), Map.of(), false, false, List.of(), List.of(), false, "");
    }

    static String queuePolicy(String principal, boolean denyWithoutTls) {
        var allow = "{\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + QUEUE_ARN + "\"}";
        var deny = "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"sqs:*\",\"Resource\":\"" + QUEUE_ARN
                + "\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}";
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + allow + (denyWithoutTls ? "," + deny : "") + "]}";
    }

    static final String SERVICES = "{\"Service\":[\"events.amazonaws.com\",\"sqs.amazonaws.com\"]}";

    static Plan queueWithPolicy(Map<String, Object> queueInputs, String policy) {
        return plan(queue("interruptions", queueInputs),
                resource(QUEUE_POLICY, "interruptions-policy", Map.of("queueUrl",
                        "https://sqs.us-east-1.amazonaws.com/111122223333/interruptions", "policy", policy)));
    }

    static Plan targetOf(Map<String, Object> queueInputs) {
        return plan(queue("interruptions", queueInputs),
                resource(EVENT_TARGET, "spot", Map.of("rule", "spot", "targetId", "queue", "arn", QUEUE_ARN)));
    }

    static List<Rule> rules() {
        return List.of(
                new Rule("CKV_AWS_27", "checkov CKV_AWS_27", Severity.MANDATORY, QUEUE, "messages are encrypted at rest",
                        "set sqsManagedSseEnabled true, or kmsMasterKeyId to a KMS key",
                        (r, p) -> fail(!encrypted(r), "the queue is not encrypted"),
                        examples(QUEUE, Map.of("sqsManagedSseEnabled", true), Map.of("sqsManagedSseEnabled", false))),
                new Rule("PLAT_SQS_1", "AWS SQS security best practices: enforce encryption in transit", Severity.MANDATORY, QUEUE,
                        "the queue policy denies requests without TLS", "add a QueuePolicy with a Deny statement on aws:SecureTransport false",
                        (r, p) -> fail(!policy(p, r).map(q -> S3Rules.deniesInsecureTransport(input(q, "policy"))).orElse(false),
                                policy(p, r).isEmpty() ? "the queue has no policy" : "requests without TLS are not denied"),
                        examples(queueWithPolicy(Map.of("sqsManagedSseEnabled", true), queuePolicy(SERVICES, true)),
                                queueWithPolicy(Map.of("sqsManagedSseEnabled", true), queuePolicy(SERVICES, false)))),
                new Rule("PLAT_SQS_2", "AWS SQS security best practices: least-privilege queue policies", Severity.MANDATORY, QUEUE,
                        "only AWS services may send to the queue", "allow only Service principals (events.amazonaws.com, sqs.amazonaws.com)",
                        (r, p) -> policy(p, r).flatMap(q -> {
                            var others = nonServicePrincipals(input(q, "policy"));
                            return fail(!others.isEmpty(), "the queue policy allows " + String.join(", ", others));
                        }),
                        examples(queueWithPolicy(Map.of("sqsManagedSseEnabled", true), queuePolicy(SERVICES, true)),
                                queueWithPolicy(Map.of("sqsManagedSseEnabled", true), queuePolicy("\"*\"", true)))),
                new Rule("PLAT_EVT_1", "AWS EventBridge: deliver to encrypted targets", Severity.MANDATORY, EVENT_TARGET,
                        "an SQS target is an encrypted queue of this plan", "target a queue with SSE (CKV_AWS_27) that the stack manages",
                        (r, p) -> {
                            var arn = input(r, "arn");
                            if (!(arn instanceof String target) || !target.startsWith("arn:aws:sqs:")) {
                                return Optional.empty();
                            }
                            var queue = p.ofType(QUEUE).stream().filter(q -> target.equals(q.outputs().get("arn"))).findFirst();
                            return queue.isEmpty() ? Optional.of("the target queue " + target + " is not in this plan, so its encryption is unknown")
                                    : fail(!encrypted(queue.get()), "the target queue " + queue.get().name() + " is not encrypted");
                        },
                        examples(targetOf(Map.of("sqsManagedSseEnabled", true)), targetOf(Map.of()))));
    }
}
