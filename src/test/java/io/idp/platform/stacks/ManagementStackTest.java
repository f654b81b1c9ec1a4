package io.idp.platform.stacks;

import io.idp.platform.contract.ManagementOutputs;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.idp.platform.TestProject;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The management stack as planned from Pulumi.mgmt.yaml: the settings themselves, not counts. */
class ManagementStackTest {
    @TempDir
    Path dir;
    TestProject project;

    @BeforeEach
    void setUp() {
        project = TestProject.copyOfRepository(dir);
    }

    Plan plan() {
        return new OfflineEngine(dir).plan("mgmt").plan();
    }

    static PlannedResource named(Plan plan, String type, String name) {
        return plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    static JsonObject json(Object text) {
        return JsonParser.parseString(String.valueOf(text)).getAsJsonObject();
    }

    static JsonObject firstStatement(Object policy) {
        return json(policy).getAsJsonArray("Statement").get(0).getAsJsonObject();
    }

    @Test
    void ciRolesTrustOnlyThisRepositoryThroughGithubOidcWithTheStsAudience() {
        var plan = plan();
        var oidc = plan.ofType("aws:iam/openIdConnectProvider:OpenIdConnectProvider").stream()
                .filter(r -> "https://token.actions.githubusercontent.com".equals(r.inputs().get("url"))).findFirst().orElseThrow();
        assertEquals(List.of("sts.amazonaws.com"), oidc.inputs().get("clientIdLists"));
        for (var role : Map.of(
                "bots-ci-preview", List.of("repo:acme-platform/platform:environment:preview", "repo:acme-platform/platform:environment:drift"),
                "bots-ci-deploy", List.of("repo:acme-platform/platform:environment:platform")).entrySet()) {
            var statement = firstStatement(named(plan, "aws:iam/role:Role", role.getKey()).inputs().get("assumeRolePolicy"));
            assertEquals(oidc.outputs().get("arn"), statement.getAsJsonObject("Principal").get("Federated").getAsString());
            assertEquals("sts:AssumeRoleWithWebIdentity", statement.getAsJsonArray("Action").get(0).getAsString());
            var equals = statement.getAsJsonObject("Condition").getAsJsonObject("StringEquals");
            assertEquals("sts.amazonaws.com", equals.get("token.actions.githubusercontent.com:aud").getAsString());
            assertEquals(role.getValue(), equals.getAsJsonArray("token.actions.githubusercontent.com:sub").asList()
                    .stream().map(e -> e.getAsString()).toList());
        }
        assertEquals(List.of(), plan.ofType("aws:iam/accessKey:AccessKey"), "no long-lived access keys");
    }

    @Test
    void previewRoleIsReadOnlyAndDeployRoleIsAdministrator() {
        var plan = plan();
        var attachments = plan.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment");
        assertEquals("arn:aws:iam::aws:policy/ReadOnlyAccess", attachments.stream()
                .filter(a -> "mgmt-ci-preview".equals(a.inputs().get("role"))).findFirst().orElseThrow().inputs().get("policyArn"));
        assertEquals("arn:aws:iam::aws:policy/AdministratorAccess", attachments.stream()
                .filter(a -> "mgmt-ci-deploy".equals(a.inputs().get("role"))).findFirst().orElseThrow().inputs().get("policyArn"));
    }

    @Test
    void existingOidcProviderIsReusedInsteadOfCreated() {
        var arn = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";
        project.set("mgmt", "platform:githubOidcProviderArn", arn);
        var plan = plan();
        assertTrue(plan.ofType("aws:iam/openIdConnectProvider:OpenIdConnectProvider").stream()
                .noneMatch(r -> "https://token.actions.githubusercontent.com".equals(r.inputs().get("url"))));
        var statement = firstStatement(named(plan, "aws:iam/role:Role", "bots-ci-deploy").inputs().get("assumeRolePolicy"));
        assertEquals(arn, statement.getAsJsonObject("Principal").get("Federated").getAsString());
    }

    @Test
    void everyBotCredentialIsInTheSecretStoreEncryptedWithItsKey() {
        var plan = plan();
        var key = named(plan, "aws:kms/key:Key", "secrets-key");
        assertEquals(true, key.inputs().get("enableKeyRotation"));
        var secrets = plan.ofType("aws:secretsmanager/secret:Secret");
        assertEquals(Set.of("platform/mgmt/bots/github-token", "platform/mgmt/bots/cloudflare-token",
                "platform/mgmt/argocd/gitops-deploy-key", "platform/mgmt/clusters/mgmt/argocd/github-webhook-secret",
                "platform/mgmt/clusters/mgmt/cloudflare/external-dns-token",
                "platform/mgmt/clusters/mgmt/cloudflare/cert-manager-token", "platform/mgmt/clusters/mgmt/sso/github-oauth-client-secret",
                "platform/mgmt/clusters/mgmt/sso/grafana-client-secret", "platform/mgmt/clusters/mgmt/sso/argo-workflows-client-secret",
                "platform/mgmt/clusters/mgmt/ci/github-app-id", "platform/mgmt/clusters/mgmt/ci/github-app-installation-id",
                "platform/mgmt/clusters/mgmt/ci/github-app-private-key",
                // Each workload Grafana's client secret: the cluster's copy and Argo CD's Dex's.
                "platform/mgmt/clusters/production-east/sso/grafana-client-secret",
                "platform/mgmt/clusters/mgmt/sso/grafana-production-east-client-secret",
                "platform/mgmt/clusters/production-west/sso/grafana-client-secret",
                "platform/mgmt/clusters/mgmt/sso/grafana-production-west-client-secret",
                // Each physical workload cluster's push password for logs and traces, its copy and the stores'.
                "platform/mgmt/clusters/production-east/telemetry/push-password", "platform/mgmt/clusters/mgmt/telemetry/push/production-east",
                "platform/mgmt/clusters/production-west/telemetry/push-password", "platform/mgmt/clusters/mgmt/telemetry/push/production-west"), secrets.stream().map(s -> String.valueOf(s.inputs().get("name"))).collect(Collectors.toSet()));
        secrets.forEach(s -> {
            assertEquals(key.outputs().get("arn"), s.inputs().get("kmsKeyId"));
            assertTrue(s.protect() && s.retainOnDelete(), s.name());
        });
        plan.ofType("aws:secretsmanager/secretVersion:SecretVersion").forEach(v -> assertEquals("[secret]", v.inputs().get("secretString")));
        var github = plan.ofType("pulumi:providers:github").get(0);
        assertEquals("[secret]", github.inputs().get("token"));
        assertEquals("acme-platform", github.inputs().get("owner"));
    }

    @Test
    void stateStoreIsAHardenedPulumiBackend() {
        var plan = plan();
        var key = named(plan, "aws:kms/key:Key", "state-key");
        assertEquals(true, key.inputs().get("enableKeyRotation"));
        assertEquals("Enabled", map(named(plan, "aws:s3/bucketVersioningV2:BucketVersioningV2", "state-versioning")
                .inputs().get("versioningConfiguration")).get("status"));
        var rule = map(((List<?>) named(plan, "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "state-encryption").inputs().get("rules")).get(0));
        assertEquals("aws:kms", map(rule.get("applyServerSideEncryptionByDefault")).get("sseAlgorithm"));
        assertEquals(key.outputs().get("arn"), map(rule.get("applyServerSideEncryptionByDefault")).get("kmsMasterKeyId"));
        var block = named(plan, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "state-public-access").inputs();
        for (var flag : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
            assertEquals(true, block.get(flag), flag);
        }
        assertEquals("BucketOwnerEnforced", map(named(plan, "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
                "state-ownership").inputs().get("rule")).get("objectOwnership"));
        var lifecycle = map(((List<?>) named(plan, "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "state-lifecycle").inputs().get("rules")).get(0));
        assertEquals(90L, map(lifecycle.get("noncurrentVersionExpiration")).get("noncurrentDays"));
        var deny = firstStatement(named(plan, "aws:s3/bucketPolicy:BucketPolicy", "state-tls-only").inputs().get("policy"));
        assertEquals("Deny", deny.get("Effect").getAsString());
        assertEquals("false", deny.getAsJsonObject("Condition").getAsJsonObject("Bool").get("aws:SecureTransport").getAsString());
    }

    @Test
    void clusterApiIsPrivateByDefaultAndPublicOnlyForListedCidrs() {
        var vpc = map(named(plan(), "aws:eks/cluster:Cluster", "mgmt-cluster").inputs().get("vpcConfig"));
        assertEquals(true, vpc.get("endpointPrivateAccess"));
        assertEquals(false, vpc.get("endpointPublicAccess"));
        assertNull(vpc.get("publicAccessCidrs"));

        project.set("mgmt", "platform:apiPublicAccessCidrs", List.of("203.0.113.0/24"));
        var open = map(named(plan(), "aws:eks/cluster:Cluster", "mgmt-cluster").inputs().get("vpcConfig"));
        assertEquals(true, open.get("endpointPublicAccess"));
        assertEquals(List.of("203.0.113.0/24"), open.get("publicAccessCidrs"));
    }

    @Test
    void firewallRulesAreDescribedAndNoIngressIsOpenToTheInternet() {
        var plan = plan();
        var ingress = plan.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        var egress = plan.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");
        assertFalse(ingress.isEmpty());
        for (var rule : ingress) {
            assertFalse(String.valueOf(rule.inputs().get("description")).isBlank(), rule.name());
            assertNull(rule.inputs().get("cidrIpv4"), rule.name() + " takes traffic from a security group only");
        }
        egress.forEach(rule -> assertFalse(String.valueOf(rule.inputs().get("description")).isBlank(), rule.name()));
        var api = named(plan, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "mgmt-firewall-api-from-nodes").inputs();
        assertEquals(443L, api.get("fromPort"));
        assertEquals(named(plan, "aws:ec2/securityGroup:SecurityGroup", "mgmt-firewall-nodes").outputs().get("id"),
                api.get("referencedSecurityGroupId"));
    }

    @Test
    void eksClusterIsEncryptedLoggedAndAdministeredThroughAccessEntries() {
        var plan = plan();
        var cluster = named(plan, "aws:eks/cluster:Cluster", "mgmt-cluster");
        var inputs = cluster.inputs();
        assertEquals("1.35", inputs.get("version"));
        assertEquals(List.of("api", "audit", "authenticator", "controllerManager", "scheduler"), inputs.get("enabledClusterLogTypes"));
        assertEquals(Map.of("authenticationMode", "API", "bootstrapClusterCreatorAdminPermissions", false), inputs.get("accessConfig"));
        var encryption = map(inputs.get("encryptionConfig"));
        assertEquals(List.of("secrets"), encryption.get("resources"));
        assertEquals(named(plan, "aws:kms/key:Key", "mgmt-secrets-key").outputs().get("arn"), map(encryption.get("provider")).get("keyArn"));
        assertTrue(cluster.protect());
        var network = plan.ofType("aws:ec2/subnet:Subnet").stream().filter(s -> s.name().contains("private"))
                .map(s -> s.outputs().get("id")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(network, new TreeSet<>((List<?>) map(inputs.get("vpcConfig")).get("subnetIds")));
        var deployAdmin = named(plan, "aws:eks/accessPolicyAssociation:AccessPolicyAssociation", "mgmt-deploy-admin").inputs();
        assertEquals("arn:aws:iam::111122223333:role/mgmt-ci-deploy", deployAdmin.get("principalArn"));
        assertEquals("arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", deployAdmin.get("policyArn"));
    }

    @Test
    void nodesRunInPrivateSubnetsWithImdsV2Required() {
        var plan = plan();
        var nodes = named(plan, "aws:eks/nodeGroup:NodeGroup", "mgmt-nodes");
        assertEquals("AL2023_x86_64_STANDARD", nodes.inputs().get("amiType"));
        assertEquals(List.of("m6i.large", "m6a.large"), nodes.inputs().get("instanceTypes"));
        assertEquals(Map.of("minSize", 3L, "desiredSize", 3L, "maxSize", 6L), nodes.inputs().get("scalingConfig"));
        assertEquals(List.of("scalingConfig.desiredSize"), nodes.ignoreChanges());
        var metadata = map(named(plan, "aws:ec2/launchTemplate:LaunchTemplate", "mgmt-nodes").inputs().get("metadataOptions"));
        assertEquals("required", metadata.get("httpTokens"));
        assertEquals(1L, metadata.get("httpPutResponseHopLimit"));

        project.set("mgmt", "platform:nodeInstanceTypes", List.of("m7g.large")).set("mgmt", "platform:nodeAmiFamily", "bottlerocket");
        assertEquals("BOTTLEROCKET_ARM_64", named(plan(), "aws:eks/nodeGroup:NodeGroup", "mgmt-nodes").inputs().get("amiType"));
    }

    @Test
    void argoCdsSelfManagedValuesKeepTheFleetSizingAndTheTeamsTheProgramInstalled() {
        // 30 clusters at 10 per shard: three controller shards, so the sharding algorithm is set too.
        project.set("mgmt", "platform:argocdClusters", 30);
        var plan = plan();
        var release = plan.ofType("kubernetes:helm.sh/v3:Release").stream().filter(r -> "argo-cd".equals(r.inputs().get("chart")))
                .findFirst().orElseThrow();
        var installed = map(release.inputs().get("values"));
        var file = plan.ofType("github:index/repositoryFile:RepositoryFile").stream()
                .filter(f -> "registry/clusters/mgmt/argo-cd.yaml".equals(f.inputs().get("file"))).findFirst().orElseThrow();
        Map<String, Object> application = new org.yaml.snakeyaml.Yaml().load(String.valueOf(file.inputs().get("content")));
        var selfManaged = map(map(map(map(application.get("spec")).get("source")).get("helm")).get("valuesObject"));
        assertEquals(3, ((Number) map(installed.get("controller")).get("replicas")).intValue());
        for (var component : List.of("controller", "server", "repoServer", "applicationSet")) {
            assertEquals(((Number) map(installed.get(component)).get("replicas")).longValue(),
                    ((Number) map(selfManaged.get(component)).get("replicas")).longValue(), component);
        }
        var params = map(map(selfManaged.get("configs")).get("params"));
        assertEquals("consistent-hashing", params.get("controller.sharding.algorithm"));
        assertEquals(map(map(installed.get("configs")).get("params")), params);
        // Dex asks GitHub about every team of people.yaml, the narrower ones included, in both.
        var dex = String.valueOf(map(map(selfManaged.get("configs")).get("cm")).get("dex.config"));
        assertTrue(dex.contains("teams: [platform-admins, developers, contractors]"), dex);
        assertEquals(map(map(installed.get("configs")).get("cm")).get("dex.config"), dex);
    }

    @Test
    void managedAddonsArePinnedFromTheCatalogAndUseIrsa() {
        var plan = plan();
        var addons = plan.ofType("aws:eks/addon:Addon").stream()
                .collect(Collectors.toMap(a -> String.valueOf(a.inputs().get("addonName")), a -> a));
        assertEquals(Set.of("vpc-cni", "coredns", "kube-proxy", "aws-ebs-csi-driver", "eks-pod-identity-agent"), addons.keySet());
        // 1.35's builds are not confirmed by the EKS docs: the catalog says default, so no version is sent.
        addons.values().forEach(addon -> assertFalse(addon.inputs().containsKey("addonVersion"), addon.name()));
        project.set("mgmt", "platform:kubernetesVersion", "1.33");
        var pinned = plan().ofType("aws:eks/addon:Addon").stream()
                .collect(Collectors.toMap(a -> String.valueOf(a.inputs().get("addonName")), a -> String.valueOf(a.inputs().get("addonVersion"))));
        assertEquals("v1.12.1-eksbuild.2", pinned.get("coredns"), "a confirmed pin is sent");
        assertEquals("v1.33.0-eksbuild.2", pinned.get("kube-proxy"));
        var cniRole = named(plan, "aws:iam/role:Role", "mgmt-vpc-cni");
        assertEquals(cniRole.outputs().get("arn"), addons.get("vpc-cni").inputs().get("serviceAccountRoleArn"));
        var issuer = String.valueOf(plan.outputs().get(ManagementOutputs.OIDC_ISSUER_URL)).replace("https://", "");
        var trust = firstStatement(cniRole.inputs().get("assumeRolePolicy")).getAsJsonObject("Condition").getAsJsonObject("StringEquals");
        assertEquals("system:serviceaccount:kube-system:aws-node", trust.getAsJsonArray(issuer + ":sub").get(0).getAsString());
        var oidc = plan.ofType("aws:iam/openIdConnectProvider:OpenIdConnectProvider").stream()
                .filter(r -> String.valueOf(r.inputs().get("url")).contains("oidc.eks")).findFirst().orElseThrow();
        assertEquals("https://" + issuer, oidc.inputs().get("url"));
    }

    @Test
    void argoCdIsInstalledHardenedAtTheCatalogPinAndPointsAtTheRegistry() {
        var plan = plan();
        var release = plan.ofType("kubernetes:helm.sh/v3:Release").get(0);
        assertEquals("argo-cd", release.inputs().get("chart"));
        assertEquals("10.1.1", release.inputs().get("version"));
        assertEquals("https://argoproj.github.io/argo-helm", map(release.inputs().get("repositoryOpts")).get("repo"));
        assertEquals(List.of("version", "values"), release.ignoreChanges(), "Argo CD owns its upgrades once installed");
        var values = map(release.inputs().get("values"));
        var cm = map(map(values.get("configs")).get("cm"));
        assertEquals(false, cm.get("admin.enabled"));
        assertEquals(false, cm.get("users.anonymous.enabled"));
        assertEquals(Map.of("enabled", true), values.get("redis-ha"));
        assertEquals(2L, map(values.get("server")).get("replicas"));

        var root = plan.ofType("kubernetes:argoproj.io/v1alpha1:Application").get(0);
        var spec = map(root.inputs().get("spec"));
        assertEquals(Map.of("repoURL", "git@github.com:acme-platform/gitops.git", "targetRevision", "main",
                "path", "registry/clusters/mgmt"), spec.get("source"));
        assertEquals("registry", spec.get("project"), "the root's own project, never default");
        var rootProject = named(plan, "kubernetes:argoproj.io/v1alpha1:AppProject", "argocd-root-project");
        assertTrue(root.dependencies().contains(rootProject.urn()));
        assertTrue(rootProject.dependencies().contains(release.urn()));
        var credentials = plan.ofType("kubernetes:core/v1:Secret").get(0);
        assertEquals("[secret]", credentials.inputs().get("stringData"));
        assertEquals("repository", map(map(credentials.inputs().get("metadata")).get("labels")).get("argocd.argoproj.io/secret-type"));
        project.set("mgmt", "platform:argocdHa", false);
        var single = map(plan().ofType("kubernetes:helm.sh/v3:Release").get(0).inputs().get("values"));
        assertEquals(Map.of("enabled", false), single.get("redis-ha"));
        assertEquals(1L, map(single.get("server")).get("replicas"));
    }

    @Test
    void argoCdReachesTheGitopsRepositoryWithAReadOnlyDeployKey() {
        var plan = plan();
        var deployKey = plan.ofType("github:index/repositoryDeployKey:RepositoryDeployKey").get(0);
        assertEquals(true, deployKey.inputs().get("readOnly"));
        assertEquals(plan.ofType("tls:index/privateKey:PrivateKey").get(0).outputs().get("publicKeyOpenssh"), deployKey.inputs().get("key"));
        var repository = named(plan, "github:index/repository:Repository", "gitops-repository");
        assertEquals("private", repository.inputs().get("visibility"));
        assertEquals(true, repository.inputs().get("vulnerabilityAlerts"));
        assertEquals(true, repository.inputs().get("archiveOnDestroy"));
        assertTrue(repository.protect());
    }

    @Test
    void gitopsMainBranchIsProtectedAndPushesReachArgoCd() {
        var plan = plan();
        assertEquals(List.of(), plan.ofType("github:index/branchProtection:BranchProtection"), "rulesets, which bind admins too");
        var ruleset = named(plan, "github:index/repositoryRuleset:RepositoryRuleset", "gitops-main").inputs();
        assertEquals("gitops", ruleset.get("repository"));
        assertEquals("active", ruleset.get("enforcement"));
        var rules = map(ruleset.get("rules"));
        assertEquals(true, rules.get("nonFastForward"));
        assertEquals(true, rules.get("deletion"));
        assertEquals(2L, map(rules.get("pullRequest")).get("requiredApprovingReviewCount"));
        assertEquals(true, map(rules.get("pullRequest")).get("requireCodeOwnerReview"));
        var hook = plan.ofType("github:index/repositoryWebhook:RepositoryWebhook").get(0).inputs();
        assertEquals(List.of("push"), hook.get("events"));
        var configuration = map(hook.get("configuration"));
        assertEquals("[secret]", configuration.get("url"), "the schema marks webhook URLs secret");
        assertEquals("json", configuration.get("contentType"));
        assertEquals(false, configuration.get("insecureSsl"));
    }

    @Test
    void renderedFilesAreCommittedWithoutTakingOverExistingOnes() {
        var files = plan().ofType("github:index/repositoryFile:RepositoryFile");
        assertTrue(files.size() > 20, "files: " + files.size());
        for (var file : files) {
            assertEquals("main", file.inputs().get("branch"));
            assertEquals(false, file.inputs().get("overwriteOnCreate"));
            assertTrue(String.valueOf(file.inputs().get("commitMessage")).startsWith("platform: " + file.inputs().get("file")));
            assertEquals(String.valueOf(file.inputs().get("file")).startsWith("environments/"), file.retainOnDelete(), file.name());
        }
        var issuers = files.stream().filter(f -> f.inputs().get("file").equals("registry/clusters/mgmt/external-secrets.yaml")).findFirst().orElseThrow();
        assertTrue(String.valueOf(issuers.inputs().get("content")).contains("eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/mgmt-external-secrets"));
    }

    @Test
    void anExistingGitopsRepositoryIsAdoptedWhenConfigured() {
        project.set("mgmt", "platform:gitopsRepoAdopt", true);
        var repository = named(plan(), "github:index/repository:Repository", "gitops-repository");
        assertEquals("gitops", repository.importId());
        assertEquals(0, project.cliWithColumns(200, "plan", "mgmt"));
        assertTrue(project.out().lines().anyMatch(l -> l.matches(" =   .*github:(index/repository:)?Repository +gitops-repository +import")), project.out());
    }

    @Test
    void eachClustersExternalSecretsRoleReadsOnlyItsOwnPath() {
        var plan = plan();
        var policy = json(plan.ofType("aws:iam/rolePolicy:RolePolicy").stream().filter(p -> p.name().equals("mgmt-external-secrets-read"))
                .findFirst().orElseThrow().inputs().get("policy"));
        var read = policy.getAsJsonArray("Statement").get(0).getAsJsonObject();
        assertEquals("arn:aws:secretsmanager:us-east-1:111122223333:secret:platform/mgmt/clusters/mgmt/*",
                read.getAsJsonArray("Resource").get(0).getAsString());
        var charts = policy.getAsJsonArray("Statement").get(3).getAsJsonObject();
        assertEquals("arn:aws:ecr:us-east-1:111122223333:repository/charts/*", charts.getAsJsonArray("Resource").get(0).getAsString(),
                "the management cluster may also pull the applications' charts, and nothing else from ECR");
    }

    @Test
    void clusterDnsTokensAreScopedToTheZoneAndStoredNotExported() {
        var plan = plan();
        var tokens = plan.ofType("cloudflare:index/apiToken:ApiToken");
        assertEquals(Set.of("mgmt-external-dns", "mgmt-cert-manager"), tokens.stream().map(PlannedResource::name).collect(Collectors.toSet()));
        var zone = plan.outputs().get(ManagementOutputs.DNS_ZONE_ID);
        for (var token : tokens) {
            var policy = map(((List<?>) token.inputs().get("policies")).get(0));
            assertEquals("{\"com.cloudflare.api.account.zone." + zone + "\":\"*\"}", policy.get("resources"));
            assertEquals(Set.of("4755a26eedb94da69e1066d98aa820be", "c8fed203ed3043cba015a93ad1616f1f"),
                    ((List<?>) policy.get("permissionGroups")).stream().map(g -> map(g).get("id")).collect(Collectors.toSet()));
            assertEquals("[secret]", token.outputs().get("value"));
        }
        assertTrue(plan.ofType("aws:secretsmanager/secret:Secret").stream()
                .anyMatch(s -> "platform/mgmt/clusters/mgmt/cloudflare/external-dns-token".equals(s.inputs().get("name"))));
    }

    @Test
    void exportsEveryOutputOfTheContractAndTheKubeconfigAsSecret() throws Exception {
        var plan = plan();
        assertEquals(new TreeSet<>(ManagementOutputs.CONTRACT), plan.outputs().keySet().stream()
                .filter(k -> !k.equals(ManagementOutputs.KUBECONFIG)).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(List.of(ManagementOutputs.KUBECONFIG), plan.secretOutputs());
        assertEquals("2026.11.0", plan.outputs().get(ManagementOutputs.CATALOG_VERSION));
        var doc = Files.readString(Path.of("docs/outputs.md"));
        for (var output : ManagementOutputs.CONTRACT) {
            assertTrue(doc.contains("`" + output + "`"), output + " is missing from docs/outputs.md");
        }
    }

    @Test
    void dataBearingResourcesAreProtectedAndRetained() {
        var protectedNames = plan().resources().stream().filter(PlannedResource::protect)
                .map(r -> r.type() + " " + r.name()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of(
                "aws:eks/cluster:Cluster mgmt-cluster",
                "aws:kms/key:Key mgmt-secrets-key",
                "aws:kms/key:Key secret-replicas-key",
                "aws:kms/key:Key state-replica-key",
                "aws:s3/bucketV2:BucketV2 state-replica-bucket",
                "aws:kms/key:Key secrets-key",
                "aws:kms/key:Key state-key",
                "aws:s3/bucketV2:BucketV2 state-bucket",
                "aws:kms/key:Key mgmt-backups-key",
                "aws:s3/bucketV2:BucketV2 mgmt-backups-bucket",
                "aws:kms/key:Key mgmt-observability-logs-key",
                "aws:s3/bucketV2:BucketV2 mgmt-observability-logs-bucket",
                "aws:kms/key:Key mgmt-observability-traces-key",
                "aws:s3/bucketV2:BucketV2 mgmt-observability-traces-bucket",
                "aws:kms/key:Key mgmt-workflow-artifacts-key",
                "aws:s3/bucketV2:BucketV2 mgmt-workflow-artifacts-bucket",
                "aws:secretsmanager/secret:Secret secret-clusters-mgmt-sso-argo-workflows-client-secret",
                "aws:secretsmanager/secret:Secret secret-clusters-mgmt-ci-github-app-id",
                "aws:secretsmanager/secret:Secret secret-clusters-mgmt-ci-github-app-installation-id",
                "aws:secretsmanager/secret:Secret secret-clusters-mgmt-ci-github-app-private-key",
                "aws:secretsmanager/secret:Secret secret-argocd-gitops-deploy-key",
                "aws:secretsmanager/secret:Secret secret-bots-cloudflare-token",
                "aws:secretsmanager/secret:Secret secret-clusters-mgmt-cloudflare-cert-manager-token",
                "aws:secretsmanager/secret:Secret secret-clusters-mgmt-cloudflare-external-dns-token",
                "aws:secretsmanager/secret:Secret secret-clusters-mgmt-sso-github-oauth-client-secret",
                "aws:secretsmanager/secret:Secret secret-clusters-mgmt-sso-grafana-client-secret",
                "aws:secretsmanager/secret:Secret secret-clusters-production-east-sso-grafana-client-secret",
                "aws:secretsmanager/secret:Secret secret-clusters-mgmt-sso-grafana-production-east-client-secret",
                "aws:secretsmanager/secret:Secret secret-clusters-production-west-sso-grafana-client-secret",
                "aws:secretsmanager/secret:Secret secret-clusters-mgmt-sso-grafana-production-west-client-secret",
                "aws:secretsmanager/secret:Secret secret-bots-github-token",
                "aws:secretsmanager/secret:Secret secret-clusters-mgmt-argocd-github-webhook-secret",
                "aws:secretsmanager/secret:Secret secret-clusters-mgmt-telemetry-push-production-east",
                "aws:secretsmanager/secret:Secret secret-clusters-mgmt-telemetry-push-production-west",
                "aws:secretsmanager/secret:Secret secret-clusters-production-east-telemetry-push-password",
                "aws:secretsmanager/secret:Secret secret-clusters-production-west-telemetry-push-password",
                "github:index/repository:Repository gitops-repository",
                "github:index/repository:Repository hello-repository")), protectedNames);
        project.set("mgmt", "platform:protect", false);
        var plan = plan();
        assertTrue(plan.resources().stream().noneMatch(PlannedResource::protect), "platform:protect false lifts protection");
        assertTrue(named(plan, "aws:s3/bucketV2:BucketV2", "state-bucket").retainOnDelete(), "the state bucket is still retained");
    }
}
