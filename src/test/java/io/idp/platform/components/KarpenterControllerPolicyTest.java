package io.idp.platform.components;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The controller policy follows Karpenter's documented statements, each scoped to this cluster, region and role. */
class KarpenterControllerPolicyTest {
    static final String NODE_ROLE = "arn:aws:iam::111122223333:role/east-karpenter-nodes";
    static final String QUEUE = "arn:aws:sqs:eu-west-1:111122223333:east-karpenter-interruptions";

    static List<JsonObject> statements() {
        var doc = JsonParser.parseString(KarpenterControllerPolicy.document("east", "eu-west-1", "111122223333", NODE_ROLE, QUEUE))
                .getAsJsonObject();
        assertEquals("2012-10-17", doc.get("Version").getAsString());
        var list = new ArrayList<JsonObject>();
        doc.getAsJsonArray("Statement").forEach(s -> list.add(s.getAsJsonObject()));
        return list;
    }

    @Test
    void theStatementsAreTheDocumentedOnesInOrder() {
        assertEquals(List.of("AllowScopedEC2InstanceAccessActions", "AllowScopedEC2LaunchTemplateAccessActions",
                        "AllowScopedEC2InstanceActionsWithTags", "AllowScopedResourceCreationTagging", "AllowScopedResourceTagging",
                        "AllowScopedDeletion", "AllowRegionalReadActions", "AllowSSMReadActions", "AllowPricingReadActions",
                        "AllowInterruptionQueueActions", "AllowPassingInstanceRole", "AllowScopedInstanceProfileCreationActions",
                        "AllowScopedInstanceProfileTagActions", "AllowScopedInstanceProfileActions", "AllowInstanceProfileReadActions",
                        "AllowUnscopedInstanceProfileListAction", "AllowAPIServerEndpointDiscovery"),
                statements().stream().map(s -> s.get("Sid").getAsString()).toList());
        assertTrue(statements().stream().allMatch(s -> "Allow".equals(s.get("Effect").getAsString())));
    }

    @Test
    void everyWriteIsConditionedOnThisClustersOwnershipTag() {
        for (var sid : List.of("AllowScopedEC2LaunchTemplateAccessActions", "AllowScopedEC2InstanceActionsWithTags",
                "AllowScopedResourceCreationTagging", "AllowScopedResourceTagging", "AllowScopedDeletion",
                "AllowScopedInstanceProfileCreationActions", "AllowScopedInstanceProfileTagActions", "AllowScopedInstanceProfileActions")) {
            var statement = statements().stream().filter(s -> s.get("Sid").getAsString().equals(sid)).findFirst().orElseThrow();
            var text = statement.get("Condition").toString();
            assertTrue(text.contains("/kubernetes.io/cluster/east\":\"owned\""), sid + ": " + text);
        }
    }

    @Test
    void onlyReadsAndListsTakeEveryResourceAndRegionalReadsStayInTheRegion() {
        var unscoped = statements().stream().filter(s -> s.getAsJsonArray("Resource").toString().equals("[\"*\"]"))
                .map(s -> s.get("Sid").getAsString()).toList();
        assertEquals(List.of("AllowRegionalReadActions", "AllowPricingReadActions", "AllowUnscopedInstanceProfileListAction"), unscoped);
        var reads = statements().get(6);
        assertEquals("eu-west-1", reads.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("aws:RequestedRegion").getAsString());
        for (var s : statements()) {
            for (var resource : s.getAsJsonArray("Resource")) {
                var arn = resource.getAsString();
                assertTrue(arn.equals("*") || arn.startsWith("arn:aws:ec2:eu-west-1:") || arn.startsWith("arn:aws:ssm:eu-west-1::")
                        || arn.startsWith("arn:aws:iam::111122223333:") || arn.equals(QUEUE)
                        || arn.equals("arn:aws:eks:eu-west-1:111122223333:cluster/east"), s.get("Sid") + ": " + arn);
            }
        }
    }

    @Test
    void itPassesOnlyTheNodeRoleAndReadsOnlyItsQueue() {
        var pass = statements().get(10);
        assertEquals("[\"" + NODE_ROLE + "\"]", pass.getAsJsonArray("Resource").toString());
        assertEquals("[\"iam:PassRole\"]", pass.getAsJsonArray("Action").toString());
        var queue = statements().get(9);
        assertEquals("[\"" + QUEUE + "\"]", queue.getAsJsonArray("Resource").toString());
        assertEquals("[\"sqs:DeleteMessage\",\"sqs:GetQueueUrl\",\"sqs:ReceiveMessage\"]", queue.getAsJsonArray("Action").toString());
    }
}
