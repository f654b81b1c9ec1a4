package io.idp.platform.policy;

import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.idp.platform.policy.PlanFacts.plan;
import static io.idp.platform.policy.PlanFacts.resource;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A violating example for every value a rule checks, not only a missing resource; plans with two
 * buckets and two clusters, so a setting of one never counts for the other.
 */
class PolicyViolationsTest {
    static Rule rule(String id) {
        return PolicyDocsTest.fresh().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    static List<String> violators(String id, Plan plan) {
        return PolicyEngine.evaluate(plan, List.of(rule(id)), Map.of()).stream().map(Finding::resourceName).toList();
    }

    static String detail(String id, String type, Map<String, Object> inputs) {
        var found = PolicyEngine.evaluate(plan(resource(type, "r", inputs)), List.of(rule(id)), Map.of());
        assertEquals(1, found.size(), id + " on " + inputs);
        return found.get(0).detail();
    }

    static boolean violates(String id, String type, Map<String, Object> inputs) {
        return !violators(id, plan(resource(type, "r", inputs))).isEmpty();
    }

    static Map<String, Object> map(Object... pairs) {
        var map = new HashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    // ---- S3 ------------------------------------------------------------------------------

    /** The hardened bucket with the configuration of one type replaced (or removed, when inputs is null). */
    static Plan bucketWith(String type, Map<String, Object> inputs) {
        var resources = new ArrayList<PlannedResource>();
        S3Rules.hardened().resources().stream().filter(r -> !r.type().equals(type)).forEach(resources::add);
        if (inputs != null) {
            var withBucket = new HashMap<>(inputs);
            withBucket.putIfAbsent("bucket", "state-id");
            resources.add(resource(type, "changed", withBucket));
        }
        return plan(resources.toArray(PlannedResource[]::new));
    }

    static final List<String> S3_RULES = List.of("CKV_AWS_21", "CKV_AWS_19", "CKV_AWS_145", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55",
            "CKV_AWS_56", "CKV_AWS_18", "PLAT_S3_1", "CKV2_AWS_65", "CKV2_AWS_61");

    @Test
    void theHardenedBucketPassesEveryS3Rule() {
        for (var id : S3_RULES) {
            assertEquals(List.of(), violators(id, S3Rules.hardened()), id);
            assertEquals(List.of("state"), violators(id, S3Rules.bare()), id);
        }
    }

    @Test
    void suspendedVersioningIsNotVersioning() {
        assertEquals(List.of("state"), violators("CKV_AWS_21", bucketWith(S3Rules.VERSIONING, map("versioningConfiguration", map("status", "Suspended")))));
        assertEquals(List.of("state"), violators("CKV_AWS_21", bucketWith(S3Rules.VERSIONING, map())));
        assertEquals(List.of(), violators("CKV_AWS_21", bucketWith(S3Rules.VERSIONING, map("versioningConfiguration", map("status", "Enabled")))));
    }

    @Test
    void aes256IsEncryptionButNotKms() {
        var aes = bucketWith(S3Rules.ENCRYPTION, map("rules", List.of(map("applyServerSideEncryptionByDefault", map("sseAlgorithm", "AES256")))));
        assertEquals(List.of("state"), violators("CKV_AWS_145", aes));
        assertEquals(List.of(), violators("CKV_AWS_19", aes));
        assertEquals(List.of("state"), violators("CKV_AWS_145", bucketWith(S3Rules.ENCRYPTION, map("rules", List.of()))));
        assertEquals(List.of("state"), violators("CKV_AWS_19", bucketWith(S3Rules.ENCRYPTION, null)));
    }

    @Test
    void eachPublicAccessFlagIsCheckedOnItsOwn() {
        var flags = Map.of("CKV_AWS_53", "blockPublicAcls", "CKV_AWS_54", "blockPublicPolicy", "CKV_AWS_55", "ignorePublicAcls",
                "CKV_AWS_56", "restrictPublicBuckets");
        for (var off : flags.entrySet()) {
            var inputs = map("blockPublicAcls", true, "blockPublicPolicy", true, "ignorePublicAcls", true, "restrictPublicBuckets", true);
            inputs.put(off.getValue(), false);
            var plan = bucketWith(S3Rules.PUBLIC_ACCESS, inputs);
            for (var rule : flags.keySet()) {
                assertEquals(rule.equals(off.getKey()) ? List.of("state") : List.of(), violators(rule, plan), rule + " with " + off.getValue() + " false");
            }
            var detail = PolicyEngine.evaluate(plan, List.of(rule(off.getKey())), Map.of()).get(0).detail();
            assertEquals(off.getValue() + " is not set", detail);
        }
    }

    @Test
    void aBucketPolicyMustDenyInsecureTransport() {
        var allowOnly = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::1:root\"},\"Action\":\"s3:GetObject\"}]}";
        var allowOverTls = "{\"Statement\":[{\"Effect\":\"Allow\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";
        var denyOverTls = "{\"Statement\":[{\"Effect\":\"Deny\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}]}";
        var otherCondition = "{\"Statement\":[{\"Effect\":\"Deny\",\"Condition\":{\"StringEquals\":{\"aws:SecureTransport\":\"false\"}}}]}";
        var noCondition = "{\"Statement\":[{\"Effect\":\"Deny\",\"Sid\":\"aws:SecureTransport\"}]}";
        var listValue = "{\"Statement\":[{\"Effect\":\"Deny\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":[\"false\"]}}}]}";
        for (var policy : List.of(allowOnly, allowOverTls, denyOverTls, otherCondition, noCondition, listValue, "not json")) {
            assertEquals(List.of("state"), violators("PLAT_S3_1", bucketWith(S3Rules.POLICY, map("policy", policy))), policy);
        }
        var booleanFalse = "{\"Statement\":{\"Effect\":\"Deny\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":false}}}}";
        assertEquals(List.of(), violators("PLAT_S3_1", bucketWith(S3Rules.POLICY, map("policy", booleanFalse))));
        assertEquals(List.of("state"), violators("PLAT_S3_1", bucketWith(S3Rules.POLICY, null)));
    }

    @Test
    void objectWriterOwnershipStillAllowsAcls() {
        for (var ownership : List.of("ObjectWriter", "BucketOwnerPreferred")) {
            assertEquals(List.of("state"), violators("CKV2_AWS_65", bucketWith(S3Rules.OWNERSHIP, map("rule", map("objectOwnership", ownership)))));
        }
        assertEquals(List.of("state"), violators("CKV2_AWS_65", bucketWith(S3Rules.OWNERSHIP, null)));
    }

    @Test
    void loggingAndLifecycleMustExist() {
        assertEquals(List.of("state"), violators("CKV_AWS_18", bucketWith(S3Rules.LOGGING, null)));
        assertEquals(List.of("state"), violators("CKV2_AWS_61", bucketWith(S3Rules.LIFECYCLE, null)));
    }

    /** Two buckets: the hardened one's settings never count for the bare one, found by id or by name. */
    @Test
    void aSettingOfOneBucketNeverCountsForAnother() {
        var resources = new ArrayList<>(S3Rules.hardened().resources());
        resources.add(resource(S3Rules.BUCKET, "logs", Map.of("bucket", "logs-bucket")));
        var twoBuckets = plan(resources.toArray(PlannedResource[]::new));
        for (var id : S3_RULES) {
            assertEquals(List.of("logs"), violators(id, twoBuckets), id);
        }
        var byName = plan(resource(S3Rules.BUCKET, "a", Map.of("bucket", "bucket-a")), resource(S3Rules.BUCKET, "b", Map.of("bucket", "bucket-b")),
                resource(S3Rules.VERSIONING, "v", Map.of("bucket", "bucket-b", "versioningConfiguration", Map.of("status", "Enabled"))));
        assertEquals(List.of("a"), violators("CKV_AWS_21", byName), "a configuration names its bucket by name or by id");
    }

    // ---- EKS -----------------------------------------------------------------------------

    static Map<String, Object> cluster(Object... overrides) {
        var inputs = map("enabledClusterLogTypes", EksRules.LOG_TYPES,
                "vpcConfig", map("endpointPublicAccess", false, "endpointPrivateAccess", true),
                "encryptionConfig", map("resources", List.of("secrets"), "provider", map("keyArn", "arn:aws:kms:x")),
                "accessConfig", map("authenticationMode", "API", "bootstrapClusterCreatorAdminPermissions", false),
                "version", "1.35");
        inputs.putAll(map(overrides));
        return inputs;
    }

    static final List<String> CLUSTER_RULES = List.of("CKV_AWS_37", "CKV_AWS_38", "CKV_AWS_39", "CKV_AWS_58", "PLAT_EKS_1", "PLAT_EKS_2");

    @Test
    void everyLogTypeIsNeeded() {
        for (var missing : EksRules.LOG_TYPES) {
            var types = new ArrayList<>(EksRules.LOG_TYPES);
            types.remove(missing);
            assertEquals("control-plane log types not enabled: [" + missing + "]",
                    detail("CKV_AWS_37", EksRules.CLUSTER, cluster("enabledClusterLogTypes", types)));
        }
        assertEquals("control-plane log types not enabled: " + EksRules.LOG_TYPES,
                detail("CKV_AWS_37", EksRules.CLUSTER, cluster("enabledClusterLogTypes", "api,audit")));
    }

    @Test
    void aPublicEndpointWithoutNamedNetworksIsOpenToAll() {
        var open = List.of(map("endpointPublicAccess", true), map("endpointPublicAccess", true, "publicAccessCidrs", List.of()),
                map("endpointPublicAccess", true, "publicAccessCidrs", List.of("203.0.113.0/24", "0.0.0.0/0")));
        for (var vpc : open) {
            assertTrue(violates("CKV_AWS_38", EksRules.CLUSTER, cluster("vpcConfig", vpc)), "open: " + vpc);
        }
        assertFalse(violates("CKV_AWS_38", EksRules.CLUSTER, cluster("vpcConfig", map("endpointPublicAccess", true, "publicAccessCidrs", List.of("203.0.113.0/24")))));
        assertFalse(violates("CKV_AWS_38", EksRules.CLUSTER, cluster("vpcConfig", map("endpointPublicAccess", false))));
        assertTrue(violates("CKV_AWS_39", EksRules.CLUSTER, cluster("vpcConfig", map("endpointPublicAccess", true, "publicAccessCidrs", List.of("203.0.113.0/24")))));
        assertFalse(violates("CKV_AWS_39", EksRules.CLUSTER, cluster()));
    }

    @Test
    void secretsNeedTheirResourceAndAKey() {
        assertTrue(violates("CKV_AWS_58", EksRules.CLUSTER, cluster("encryptionConfig", map("resources", List.of("configmaps"), "provider", map("keyArn", "k")))));
        assertTrue(violates("CKV_AWS_58", EksRules.CLUSTER, cluster("encryptionConfig", map("resources", List.of("secrets"), "provider", map()))));
        assertTrue(violates("CKV_AWS_58", EksRules.CLUSTER, cluster("encryptionConfig", map("resources", "secrets", "provider", map("keyArn", "k")))));
        assertFalse(violates("CKV_AWS_58", EksRules.CLUSTER, cluster()));
    }

    @Test
    void accessEntriesAloneAndNoCreatorAdmin() {
        assertTrue(violates("PLAT_EKS_1", EksRules.CLUSTER, cluster("accessConfig", map("authenticationMode", "API", "bootstrapClusterCreatorAdminPermissions", true))));
        assertTrue(violates("PLAT_EKS_1", EksRules.CLUSTER, cluster("accessConfig", map("authenticationMode", "API"))));
        assertTrue(violates("PLAT_EKS_1", EksRules.CLUSTER, cluster("accessConfig", map("authenticationMode", "API_AND_CONFIG_MAP", "bootstrapClusterCreatorAdminPermissions", false))));
    }

    /** Two clusters: only the one that breaks a rule is named, whichever comes first. */
    @Test
    void aSettingOfOneClusterNeverCountsForAnother() {
        var bad = cluster("enabledClusterLogTypes", List.of(), "vpcConfig", map("endpointPublicAccess", true),
                "encryptionConfig", map(), "accessConfig", map(), "version", "1.27");
        for (var plan : List.of(plan(resource(EksRules.CLUSTER, "good", cluster()), resource(EksRules.CLUSTER, "bad", bad)),
                plan(resource(EksRules.CLUSTER, "bad", bad), resource(EksRules.CLUSTER, "good", cluster())))) {
            for (var id : CLUSTER_RULES) {
                assertEquals(List.of("bad"), violators(id, plan), id);
            }
        }
    }

    @Test
    void nodesRequireImdsV2WithHopLimitOneAndEncryptedVolumes() {
        var lt = EksRules.LAUNCH_TEMPLATE;
        assertTrue(violates("CKV_AWS_79", lt, map()));
        assertTrue(violates("CKV_AWS_79", lt, map("metadataOptions", map("httpTokens", "optional"))));
        assertFalse(violates("CKV_AWS_79", lt, map("metadataOptions", map("httpTokens", "required"))));
        assertFalse(violates("CKV_AWS_341", lt, map("metadataOptions", map("httpPutResponseHopLimit", 1L))));
        assertEquals("the metadata hop limit is 2", detail("CKV_AWS_341", lt, map("metadataOptions", map("httpPutResponseHopLimit", 2L))));
        assertEquals("the metadata hop limit is null", detail("CKV_AWS_341", lt, map()));
        assertTrue(violates("CKV_AWS_341", lt, map("metadataOptions", map("httpPutResponseHopLimit", "1"))));
        var encrypted = map("ebs", map("encrypted", true));
        var plain = map("ebs", map("encrypted", "false"));
        assertTrue(violates("CKV_AWS_8", lt, map("blockDeviceMappings", List.of(encrypted, plain))));
        assertTrue(violates("CKV_AWS_8", lt, map("blockDeviceMappings", List.of(map("ebs", map())))));
        assertFalse(violates("CKV_AWS_8", lt, map("blockDeviceMappings", List.of(encrypted, map("deviceName", "/dev/xvdb")))));
        assertFalse(violates("CKV_AWS_100", EksRules.NODE_GROUP, map("clusterName", "c")));
    }

    // ---- IAM -----------------------------------------------------------------------------

    static Map<String, Object> role(String policy) {
        return map("assumeRolePolicy", policy);
    }

    @Test
    void noTrustInEveryPrincipal() {
        assertTrue(violates("CKV_AWS_60", IamRules.ROLE, role("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}]}")));
        assertTrue(violates("CKV_AWS_60", IamRules.ROLE, role("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\"}}")));
        assertFalse(violates("CKV_AWS_60", IamRules.ROLE, role("{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\"}]}")));
        assertFalse(violates("CKV_AWS_60", IamRules.ROLE, role("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}]}")));
        assertFalse(violates("CKV_AWS_60", IamRules.ROLE, role("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"eks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}")));
        assertFalse(violates("CKV_AWS_60", IamRules.ROLE, role("[\"not a document\"]")));
        assertTrue(violates("CKV_AWS_60", IamRules.ROLE, role(IamRules.trust("*", null))), "the examples' open trust trusts everyone");
        var github = IamRules.statements(IamRules.githubTrust("repo:acme/platform:pull_request")).get(0);
        assertEquals("{\"Federated\":\"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com\"}", github.get("Principal").toString());
        var equals = github.getAsJsonObject("Condition").getAsJsonObject("StringEquals");
        assertEquals("sts.amazonaws.com", equals.get(IamRules.GITHUB + ":aud").getAsString());
        assertEquals("[\"repo:acme/platform:pull_request\"]", equals.get(IamRules.GITHUB + ":sub").toString());
        assertEquals(2, equals.size());
    }

    @Test
    void trustGrantsOnlyAssumeRoleActions() {
        assertTrue(violates("CKV_AWS_61", IamRules.ROLE, role("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"x\"},\"Action\":\"*\"}]}")));
        assertTrue(violates("CKV_AWS_61", IamRules.ROLE, role("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"x\"},\"Action\":[\"sts:AssumeRole\",\"sts:*\"]}]}")));
        assertFalse(violates("CKV_AWS_61", IamRules.ROLE, role("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"x\"},\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\"]}]}")));
    }

    static String github(Map<String, Object> condition) {
        return IamRules.trust("arn:aws:iam::111122223333:oidc-provider/" + IamRules.GITHUB, condition);
    }

    @Test
    void githubTrustNamesTheAudienceAndTheRepository() {
        var aud = IamRules.GITHUB + ":aud";
        var sub = IamRules.GITHUB + ":sub";
        assertFalse(violates("CKV_AWS_358", IamRules.ROLE, role(IamRules.githubTrust("repo:acme/platform:pull_request"))));
        assertTrue(violates("CKV_AWS_358", IamRules.ROLE, role(github(null))));
        assertTrue(violates("CKV_AWS_358", IamRules.ROLE, role(github(map("StringEquals", map(sub, "repo:acme/platform:pull_request"))))), "no audience");
        assertTrue(violates("CKV_AWS_358", IamRules.ROLE, role(github(map("StringEquals", map(aud, "sts.example.com", sub, "repo:acme/platform:x"))))), "wrong audience");
        assertTrue(violates("CKV_AWS_358", IamRules.ROLE, role(github(map("StringEquals", map(aud, "sts.amazonaws.com"))))), "no subject");
        assertTrue(violates("CKV_AWS_358", IamRules.ROLE, role(github(map("StringLike", map(aud, "sts.amazonaws.com", sub, "repo:*"))))), "any repository");
        assertTrue(violates("CKV_AWS_358", IamRules.ROLE, role(github(map("StringLike", map(aud, "sts.amazonaws.com", sub, "*"))))), "any subject");
        assertFalse(violates("CKV_AWS_358", IamRules.ROLE, role(IamRules.trust("arn:aws:iam::1:oidc-provider/oidc.eks.x/id/Y", null))), "not a GitHub role");
    }

    @Test
    void serviceAccountRolesNameTheirServiceAccounts() {
        var issuer = "arn:aws:iam::1:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/X";
        assertTrue(violates("PLAT_IAM_1", IamRules.ROLE, role(IamRules.trust(issuer, map("StringLike", map("oidc.eks.us-east-1.amazonaws.com/id/X:sub", "system:serviceaccount:*"))))));
        assertTrue(violates("PLAT_IAM_1", IamRules.ROLE, role(IamRules.trust(issuer, map("StringEquals", map("oidc.eks.us-east-1.amazonaws.com/id/X:aud", "sts.amazonaws.com"))))));
        assertFalse(violates("PLAT_IAM_1", IamRules.ROLE, role(IamRules.githubTrust("repo:a/b:x"))));
    }

    @Test
    void onlyAnAllowOfEveryActionOnEveryResourceIsAdministrator() {
        assertTrue(violates("CKV_AWS_62", IamRules.ROLE_POLICY, map("policy", IamRules.permissions("*", "*"))));
        assertFalse(violates("CKV_AWS_62", IamRules.ROLE_POLICY, map("policy", IamRules.permissions("*", "arn:aws:s3:::b"))));
        assertFalse(violates("CKV_AWS_62", IamRules.ROLE_POLICY, map("policy", IamRules.permissions("s3:GetObject", "*"))));
        assertFalse(violates("CKV_AWS_62", IamRules.ROLE_POLICY, map("policy", "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}")));
        assertTrue(violates("CKV_AWS_62", IamRules.ROLE_POLICY, map("policy", "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":[\"*\"]}}")));
        assertEquals("role deploy holds AdministratorAccess", detail("CKV_AWS_274", IamRules.ATTACHMENT,
                map("role", "deploy", "policyArn", "arn:aws:iam::aws:policy/AdministratorAccess")));
    }

    @Test
    void policyDocumentsReadAsStatements() {
        assertEquals(List.of(), IamRules.statements(null));
        assertEquals(List.of(), IamRules.statements("{\"Version\":\"2012-10-17\"}"));
        assertEquals(List.of(), IamRules.statements("{\"Statement\":\"text\"}"));
        assertEquals(1, IamRules.statements("{\"Statement\":{\"Effect\":\"Allow\"}}").size());
        var statement = IamRules.statements("{\"Statement\":[{\"Action\":[\"a\",{\"x\":1}],\"Resource\":{\"y\":2}}]}").get(0);
        assertEquals(List.of("a", "{\"x\":1}"), IamRules.values(statement, "Action"));
        assertEquals(List.of("{\"y\":2}"), IamRules.values(statement, "Resource"));
        assertEquals(List.of(), IamRules.values(statement, "Principal"));
    }

    // ---- network, keys, logs, registries, secrets ------------------------------------------

    @Test
    void flowLogsAndTheDefaultSecurityGroupBelongToTheirVpc() {
        var vpcA = resource(InfrastructureRules.VPC, "a", Map.of("cidrBlock", "10.0.0.0/16"));
        var vpcB = resource(InfrastructureRules.VPC, "b", Map.of("cidrBlock", "10.1.0.0/16"));
        var twoVpcs = plan(vpcA, vpcB, resource(InfrastructureRules.FLOW_LOG, "fl", Map.of("vpcId", "b-id")),
                resource(InfrastructureRules.DEFAULT_SG, "sg", Map.of("vpcId", "b-id")));
        assertEquals(List.of("a"), violators("CKV2_AWS_11", twoVpcs));
        assertEquals(List.of("a"), violators("CKV2_AWS_12", twoVpcs));
        var egressOnly = plan(vpcA, resource(InfrastructureRules.DEFAULT_SG, "sg", Map.of("vpcId", "a-id", "egress", List.of(Map.of("protocol", "-1")))));
        assertEquals(List.of("a"), violators("CKV2_AWS_12", egressOnly));
    }

    @Test
    void ingressFromTheInternetAndRulesWithoutReason() {
        var ingress = InfrastructureRules.INGRESS;
        assertTrue(violates("CKV_AWS_24", ingress, map("cidrIpv6", "::/0", "description", "d")));
        assertFalse(violates("CKV_AWS_24", ingress, map("cidrIpv4", "10.0.0.0/8", "description", "d")));
        for (var id : List.of("CKV_AWS_23", "PLAT_NET_1")) {
            var type = id.equals("CKV_AWS_23") ? ingress : InfrastructureRules.EGRESS;
            assertTrue(violates(id, type, map("description", "")), id);
            assertTrue(violates(id, type, map("description", "  ")), id);
            assertTrue(violates(id, type, map()), id);
            assertFalse(violates(id, type, map("description", "why")), id);
        }
        assertFalse(violates("CKV_AWS_130", InfrastructureRules.SUBNET, map()));
    }

    @Test
    void keysRotateAndWaitThirtyDays() {
        var key = InfrastructureRules.KEY;
        assertTrue(violates("CKV_AWS_7", key, map()));
        assertEquals("the deletion window is 29 days", detail("PLAT_KMS_1", key, map("deletionWindowInDays", 29L)));
        assertFalse(violates("PLAT_KMS_1", key, map("deletionWindowInDays", 30L)));
        assertEquals("the deletion window is null days", detail("PLAT_KMS_1", key, map()));
    }

    @Test
    void logsAreKeptAYearOrForever() {
        var group = InfrastructureRules.LOG_GROUP;
        for (var days : List.of(0L, 365L, 3653L)) {
            assertFalse(violates("CKV_AWS_338", group, map("retentionInDays", days)), "" + days);
        }
        for (var days : List.of(1L, 364L)) {
            assertEquals("logs are kept " + days + " days", detail("CKV_AWS_338", group, map("retentionInDays", days)));
        }
        assertTrue(violates("CKV_AWS_338", group, map()));
    }

    @Test
    void registriesAndSecretsNeedEachSetting() {
        var ecr = InfrastructureRules.ECR;
        assertTrue(violates("CKV_AWS_51", ecr, map()));
        assertTrue(violates("CKV_AWS_163", ecr, map()));
        assertTrue(violates("CKV_AWS_136", ecr, map()));
        assertTrue(violates("CKV_AWS_136", ecr, map("encryptionConfigurations", List.of())));
        assertFalse(violates("CKV_AWS_149", InfrastructureRules.SECRET, map("kmsKeyId", "k")));
    }

    // ---- GitHub --------------------------------------------------------------------------

    @Test
    void repositoriesArePrivateAndWatched() {
        var repo = GithubRules.REPOSITORY;
        assertFalse(violates("CKV_GIT_1", repo, map("private", true)));
        assertEquals("the repository is internal", detail("CKV_GIT_1", repo, map("visibility", "internal")));
        assertTrue(violates("CKV_GIT_1", repo, map("private", false)));
        assertTrue(violates("CKV_GIT_3", repo, map()));
        assertTrue(violates("PLAT_GIT_1", repo, map("securityAndAnalysis", map("secretScanning", map("status", "enabled"),
                "secretScanningPushProtection", map("status", "disabled")))));
        assertTrue(violates("PLAT_GIT_1", repo, map("securityAndAnalysis", map("secretScanning", map("status", "disabled"),
                "secretScanningPushProtection", map("status", "enabled")))));
        assertFalse(violates("CKV_GIT_4", GithubRules.SECRET, map("secretName", "X", "encryptedValue", "c2VjcmV0")));
        assertFalse(violates("CKV_GIT_2", GithubRules.WEBHOOK, map()));
    }

    @Test
    void theProtectedBranchNeedsTwoApprovalsAndNoRewrites() {
        var protection = GithubRules.PROTECTION;
        assertFalse(violates("CKV_GIT_5", protection, map("requiredPullRequestReviews", List.of(map("requiredApprovingReviewCount", 3L)))));
        assertTrue(violates("CKV_GIT_5", protection, map("requiredPullRequestReviews", List.of())));
        assertTrue(violates("CKV_GIT_5", protection, map()));
        assertTrue(violates("PLAT_GIT_2", protection, map("allowsDeletions", true)));
        assertTrue(violates("CKV_GIT_6", protection, map()));
    }

    // ---- Argo CD -------------------------------------------------------------------------

    @Test
    void argoCdFlagsMustBeFalseAndOnlyArgoCdIsJudged() {
        var release = ArgoCdRules.RELEASE;
        for (var id : List.of("ARGO_1", "ARGO_2", "ARGO_3")) {
            assertTrue(violates(id, release, map("chart", "argo-cd", "values", map())), id);
            assertTrue(violates(id, release, map("chart", "argo-cd", "values", map("configs", map("cm", map("admin.enabled", "false",
                    "users.anonymous.enabled", "false", "exec.enabled", "false"))))), id + ": the string \"false\" is not false");
            assertFalse(violates(id, release, map("chart", "grafana", "values", map())), id);
        }
        assertEquals("admin.enabled is not false", detail("ARGO_1", release, map("chart", "argo-cd")));
        assertEquals("everyone gets the chart's default role (readonly)", detail("ARGO_4", release, map("chart", "argo-cd")));
        assertEquals("everyone gets role:admin", detail("ARGO_4", release,
                map("chart", "argo-cd", "values", map("configs", map("rbac", map("policy.default", "role:admin"))))));
        assertFalse(violates("ARGO_4", release, map("chart", "kyverno")));
    }

    static String project(String spec) {
        return "kind: AppProject\nmetadata:\n  name: p\nspec:\n" + spec;
    }

    @Test
    void appProjectsNameWhatTheyAllowWhateverTheKeyOrder() {
        var file = ArgoCdRules.FILE;
        var repos = "  sourceRepos: [git@github.com:a/gitops.git]\n";
        var dest = "  destinations: [{server: https://kubernetes.default.svc, namespace: apps}]\n";
        var kinds = "  clusterResourceWhitelist: [{group: '', kind: Namespace}]\n";
        assertFalse(violates("ARGO_5", file, map("content", project(repos + dest + kinds))));
        assertFalse(violates("ARGO_5", file, map("content", project(repos + "  destinations: [{server: 'https://*.svc', namespace: '*'}]\n" + kinds))),
                "a wildcard namespace on named servers is the fleet project's design");
        var open = List.of("  sourceRepos: ['*']\n" + dest + kinds,
                repos + "  destinations: [{namespace: apps, server: '*'}]\n" + kinds,
                repos + "  destinations: [{name: '*', namespace: apps}]\n" + kinds,
                repos + dest + "  clusterResourceWhitelist: [{group: '*', kind: Namespace}]\n",
                repos + dest + "  clusterResourceWhitelist: [{kind: '*', group: ''}]\n");
        for (var spec : open) {
            assertEquals("AppProject p allows '*'", detail("ARGO_5", file, map("content", project(spec))), spec);
        }
        var second = project(repos + dest + kinds) + "---\nkind: AppProject\nmetadata:\n  name: q\nspec:\n  sourceRepos: ['*']\n";
        assertEquals("AppProject q allows '*'", detail("ARGO_5", file, map("content", second)));
        assertFalse(violates("ARGO_5", file, map("content", "kind: Application\nspec:\n  sourceRepos: ['*']\n")));
        assertFalse(violates("ARGO_5", file, map("content", "# an AppProject is described elsewhere\nkind: ConfigMap\n")));
        assertFalse(violates("ARGO_5", file, map("content", project("  - not: [a map"))), "a file that does not parse is judged by the renderer");
        assertFalse(ArgoCdRules.allowsAnything("not a map"));
    }

    // ---- Cloudflare ----------------------------------------------------------------------

    @Test
    void tokensAreZoneScopedAndDnsOnly() {
        var token = CloudflareRules.TOKEN;
        var zone = "{\"com.cloudflare.api.account.zone.0123456789abcdef0123456789abcdef\":\"*\"}";
        var twoZones = "{\"com.cloudflare.api.account.zone.0123456789abcdef0123456789abcdef\":\"*\",\"com.cloudflare.api.account.zone.fedcba9876543210fedcba9876543210\":\"*\"}";
        var dns = List.of(map("id", "4755a26eedb94da69e1066d98aa820be"), map("id", "c8fed203ed3043cba015a93ad1616f1f"));
        assertFalse(violates("CF_1", token, map("policies", List.of(map("resources", twoZones, "permissionGroups", dns)))));
        assertTrue(violates("CF_1", token, map("policies", List.of(map("resources", zone, "permissionGroups", dns),
                map("resources", "{\"com.cloudflare.api.account.0123456789abcdef0123456789abcdef\":\"*\"}", "permissionGroups", dns)))));
        assertFalse(violates("CF_2", token, map("policies", List.of(map("resources", zone, "permissionGroups", dns)))));
        assertTrue(violates("CF_2", token, map("policies", List.of(map("resources", zone, "permissionGroups",
                List.of(dns.get(0), map("id", "e6d2666161e84845a636613608cee8d5")))))));
        assertFalse(violates("CF_1", token, map()), "a token without policies reaches nothing");
    }

    // ---- reading plans ---------------------------------------------------------------------

    @Test
    void inputsByPathThroughMapsAndListItems() {
        var r = resource("t", "r", map("a", map("b", List.of(map("c", 1L), map("c", 2L)))));
        assertEquals(2L, PlanFacts.input(r, "a.b.1.c"));
        assertNull(PlanFacts.input(r, "a.b.2.c"), "past the end of the list");
        assertNull(PlanFacts.input(r, "a.b.x"));
        assertNull(PlanFacts.input(r, "a.b.0.c.d"));
        assertTrue(PlanFacts.json("{\"a\":1}").isPresent());
        assertTrue(PlanFacts.json("[1]").isEmpty(), "an array is no policy document");
        assertTrue(PlanFacts.json(42L).isEmpty());
        assertTrue(PlanFacts.json("{broken").isEmpty());
    }

    /** The rules' own examples, built afresh (the shared list is built once, before any test can look). */
    @Test
    void everyRuleJudgesItsOwnExamples() {
        for (var rule : PolicyDocsTest.fresh()) {
            assertEquals(List.of(), PolicyEngine.evaluate(rule.examples().compliant(), List.of(rule), Map.of()), rule.id());
            assertEquals(1, PolicyEngine.evaluate(rule.examples().violating(), List.of(rule), Map.of()).size(), rule.id());
        }
    }
}
