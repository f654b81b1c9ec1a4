package io.idp.platform.stacks;

import io.idp.platform.TestProject;
import io.idp.platform.config.ConfigException;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The management cluster's CI services as the mgmt stack plans them: the runners' GitHub App from the
 * stack's configuration to arc-runners, the scale set's size and the jobs' runs-on from configuration,
 * Argo Workflows' Dex client on both sides, and its artifact bucket and role.
 */
class CiServicesTest {
    static final String PREFIX = "platform/mgmt/clusters/mgmt/";
    @TempDir
    Path dir;
    TestProject project;
    OfflineEngine engine;

    @BeforeEach
    void setUp() {
        project = TestProject.copyOfRepository(dir);
        engine = new OfflineEngine(dir);
    }

    Plan plan() {
        var plan = engine.plan("mgmt").plan();
        engine.plans().write(plan);
        return plan;
    }

    static Map<String, String> gitops(Plan plan) {
        var files = new TreeMap<String, String>();
        for (var file : plan.ofType("github:index/repositoryFile:RepositoryFile")) {
            files.put(file.inputs().get("repository") + ":" + file.inputs().get("file"), String.valueOf(file.inputs().get("content")));
        }
        return files;
    }

    static List<Map<String, Object>> documents(String text) {
        var documents = new ArrayList<Map<String, Object>>();
        for (var document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    static Map<String, Object> named(String text, String kind, String name) {
        return documents(text).stream().filter(d -> kind.equals(d.get("kind")) && name.equals(map(d.get("metadata")).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " in\n" + text));
    }

    /** The Helm values of a tool's Application in registry/clusters/mgmt/. */
    static Map<String, Object> values(Map<String, String> files, String tool) {
        var application = named(files.get("gitops:registry/clusters/mgmt/" + tool + ".yaml"), "Application", tool);
        return map(map(map(map(application.get("spec")).get("source")).get("helm")).get("valuesObject"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertInstanceOf(Map.class, value);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        assertInstanceOf(List.class, value);
        return (List<Object>) value;
    }

    static PlannedResource resource(Plan plan, String type, String name) {
        return plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " " + name));
    }

    @Test
    void theRunnersGithubAppGoesFromConfigThroughTheStoreToArcRunnersUnderTheKeysTheControllerReads() throws Exception {
        var plan = plan();
        var stored = plan.ofType("aws:secretsmanager/secret:Secret").stream().map(s -> String.valueOf(s.inputs().get("name")))
                .collect(Collectors.toSet());
        for (var path : List.of("ci/github-app-id", "ci/github-app-installation-id", "ci/github-app-private-key")) {
            assertTrue(stored.contains(PREFIX + path), path);
        }
        var files = gitops(plan);
        var externalSecret = named(files.get("gitops:registry/clusters/mgmt/manifests/ci/runner-credentials.yaml"), "ExternalSecret", "github-app");
        assertEquals("arc-runners", map(externalSecret.get("metadata")).get("namespace"));
        var spec = map(externalSecret.get("spec"));
        var keys = new TreeMap<String, String>();
        for (var entry : list(spec.get("data"))) {
            keys.put(String.valueOf(map(entry).get("secretKey")), String.valueOf(map(map(entry).get("remoteRef")).get("key")));
        }
        assertEquals(Map.of("github_app_id", PREFIX + "ci/github-app-id",
                "github_app_installation_id", PREFIX + "ci/github-app-installation-id",
                "github_app_private_key", PREFIX + "ci/github-app-private-key"), keys);
        // The scale set reads the Secret the ExternalSecret writes, in the namespace it runs in.
        var scaleSet = values(files, "gha-runner-scale-set");
        assertEquals(map(spec.get("target")).get("name"), scaleSet.get("githubConfigSecret"));
        assertEquals("https://github.com/acme-platform", scaleSet.get("githubConfigUrl"));
        // The ClusterSecretStore serves arc-runners (and argo), or the ExternalSecret would be refused.
        var store = named(files.get("gitops:registry/clusters/mgmt/manifests/platform-secrets/cluster-secret-store.yaml"),
                "ClusterSecretStore", "platform");
        var namespaces = list(map(list(map(store.get("spec")).get("conditions")).get(0)).get("namespaces"));
        assertTrue(namespaces.containsAll(List.of("arc-runners", "argo")), String.valueOf(namespaces));
    }

    @Test
    void thePrivateKeyIsNeverInPlainTextInThePlanOrTheRenderedRepository() throws Exception {
        var stackFile = Files.readString(dir.resolve("Pulumi.mgmt.yaml"));
        var cipher = stackFile.substring(stackFile.indexOf("v1:", stackFile.indexOf("runnersGithubAppPrivateKey")) + 3).lines().findFirst().orElseThrow().trim();
        var plain = new String(Base64.getDecoder().decode(cipher), StandardCharsets.UTF_8);
        assertFalse(plain.isBlank());
        var plan = plan();
        var version = plan.ofType("aws:secretsmanager/secretVersion:SecretVersion").stream()
                .filter(v -> String.valueOf(v.inputs().get("secretId")).contains("ci/github-app-private-key")).findFirst().orElseThrow();
        assertEquals("[secret]", version.inputs().get("secretString"));
        assertFalse(Files.readString(dir.resolve(".platform/plans/mgmt.json")).contains(plain), "the plan file holds the key");
        // Every file the plan commits, to the gitops repository and to the application repositories.
        var files = gitops(plan);
        assertFalse(files.isEmpty());
        files.forEach((file, content) -> assertFalse(content.contains(plain), file));
    }

    @Test
    void theScaleSetIdlesAtNoneAndGrowsToPlatformRunnersMax() {
        project.set("mgmt", "platform:runnersMax", 37);
        var scaleSet = values(gitops(plan()), "gha-runner-scale-set");
        assertEquals(0, scaleSet.get("minRunners"));
        assertEquals(37, scaleSet.get("maxRunners"));
        assertEquals("platform", scaleSet.get("runnerScaleSetName"));
        assertEquals(Map.of("namespace", "arc-systems", "name", "arc-gha-rs-controller"), scaleSet.get("controllerServiceAccount"));
        var pod = map(map(scaleSet.get("template")).get("spec"));
        assertEquals(false, pod.get("hostUsers"));
        var podSecurity = map(pod.get("securityContext"));
        assertEquals(true, podSecurity.get("runAsNonRoot"));
        assertEquals(1001, podSecurity.get("runAsUser"));
        assertEquals(Map.of("type", "RuntimeDefault"), podSecurity.get("seccompProfile"));
        var runner = map(list(pod.get("containers")).get(0));
        var security = map(runner.get("securityContext"));
        assertEquals(false, security.get("privileged"));
        assertEquals(false, security.get("allowPrivilegeEscalation"));
        assertEquals(Map.of("drop", List.of("ALL")), security.get("capabilities"));
        var env = list(runner.get("env")).stream().map(CiServicesTest::map)
                .collect(Collectors.toMap(e -> String.valueOf(e.get("name")), e -> String.valueOf(e.get("value"))));
        assertEquals("chroot", env.get("BUILDAH_ISOLATION"));
        assertEquals("vfs", env.get("STORAGE_DRIVER"));
        assertTrue(map(runner.get("resources")).containsKey("requests"));
    }

    @Test
    void runnersMaxOutOfRangeIsAConfigError() {
        for (var bad : List.of(0, 101)) {
            project.set("mgmt", "platform:runnersMax", bad);
            var e = assertThrows(ConfigException.class, this::plan);
            assertEquals("platform:runnersMax", e.errors().get(0).key());
            assertEquals(String.valueOf(bad), e.errors().get(0).value());
            assertTrue(e.errors().get(0).allowed().contains("1 to 100"), e.errors().get(0).allowed());
        }
    }

    @Test
    void jobsRunOnTheScaleSetWhenSelfHostedAndOnGithubsRunnersOtherwise() {
        for (var choice : List.of("self-hosted", "github-hosted")) {
            project.set("mgmt", "platform:ciRunners", choice);
            var plan = plan();
            var expected = choice.equals("self-hosted") ? "platform" : "ubuntu-latest";
            var variable = plan.ofType("github:index/actionsVariable:ActionsVariable").stream()
                    .filter(v -> "CI_RUNS_ON".equals(v.inputs().get("variableName"))).toList();
            assertEquals(1, variable.size(), "one application, one variable");
            assertEquals(expected, variable.get(0).inputs().get("value"), choice);
            var validate = gitops(plan).get("gitops:.github/workflows/validate.yaml");
            assertEquals(expected, map(map(documents(validate).get(0).get("jobs")).get("validate")).get("runs-on"), choice);
        }
    }

    @Test
    void selfHostedNeedsTheWholeGithubApp() {
        project.set("mgmt", "platform:runnersGithubAppInstallationId", null);
        var e = assertThrows(ConfigException.class, this::plan);
        assertEquals(List.of("platform:runnersGithubAppInstallationId"), e.errors().stream().map(x -> x.key()).toList());
        assertTrue(e.errors().get(0).problem().contains("id, installation id and private key"), e.errors().get(0).problem());

        project.set("mgmt", "platform:runnersGithubAppId", null).set("mgmt", "platform:runnersGithubAppPrivateKey", null);
        var none = assertThrows(ConfigException.class, this::plan);
        assertEquals("platform:ciRunners", none.errors().get(0).key());
        assertTrue(none.errors().get(0).problem().contains("platform:runnersGithubAppId"), none.errors().get(0).problem());

        project.set("mgmt", "platform:ciRunners", "github-hosted");
        assertTrue(plan().ofType("platform:components:RunnerCredentials").isEmpty(), "no App, nothing written");
    }

    @Test
    void aGithubAppIdMustBeANumber() {
        project.set("mgmt", "platform:runnersGithubAppId", "my-app");
        var e = assertThrows(ConfigException.class, this::plan);
        assertEquals("platform:runnersGithubAppId", e.errors().get(0).key());
        assertEquals("my-app", e.errors().get(0).value());
        assertTrue(e.errors().get(0).problem().contains("not a GitHub App id"));
    }

    @Test
    void argoWorkflowsIsAStaticClientOfArgoCdsDexWithOneSecretOnBothSides() {
        var plan = plan();
        var files = gitops(plan);
        var redirect = "https://workflows.mgmt.example.com/oauth2/callback";
        // Dex's side: the program's release and Argo CD's self-managed values, the client after Grafana's (the
        // workload clusters' clients follow it).
        var release = plan.ofType("kubernetes:helm.sh/v3:Release").stream().filter(r -> "argocd".equals(r.inputs().get("name")))
                .findFirst().orElseThrow();
        var releaseDex = String.valueOf(map(map(map(release.inputs().get("values")).get("configs")).get("cm")).get("dex.config"));
        var selfManagedDex = String.valueOf(map(map(values(files, "argo-cd").get("configs")).get("cm")).get("dex.config"));
        for (var dex : List.of(releaseDex, selfManagedDex)) {
            var clients = list(map(new Yaml(new SafeConstructor(new LoaderOptions())).load(dex)).get("staticClients"));
            var last = map(clients.get(1));
            assertEquals("argo-workflows", last.get("id"));
            assertEquals("$argocd-sso:argoWorkflowsClientSecret", last.get("secret"));
            assertEquals(List.of(redirect), last.get("redirectURIs"));
            assertEquals("grafana", map(clients.get(0)).get("id"), "existing clients keep their place");
        }
        var argocdSso = named(files.get("gitops:registry/clusters/mgmt/manifests/platform-secrets/cluster-secret-store.yaml"),
                "ExternalSecret", "argocd-sso");
        var dexKeys = list(map(argocdSso.get("spec")).get("data")).stream().map(CiServicesTest::map)
                .collect(Collectors.toMap(d -> String.valueOf(d.get("secretKey")), d -> String.valueOf(map(d.get("remoteRef")).get("key"))));
        assertEquals(PREFIX + "sso/argo-workflows-client-secret", dexKeys.get("argoWorkflowsClientSecret"));
        // Argo Workflows' side: the same store entry, under the keys its sso settings name.
        var workflows = values(files, "argo-workflows");
        var server = map(workflows.get("server"));
        assertEquals(List.of("sso"), server.get("authModes"));
        var sso = map(server.get("sso"));
        assertEquals(true, sso.get("enabled"));
        assertEquals(redirect, sso.get("redirectUrl"));
        assertEquals("https://argocd.mgmt.example.com/api/dex", sso.get("issuer"));
        assertEquals(Map.of("enabled", true), sso.get("rbac"));
        var clientSecret = map(sso.get("clientSecret"));
        var ownSide = list(workflows.get("extraObjects")).stream().map(CiServicesTest::map)
                .filter(o -> "ExternalSecret".equals(o.get("kind"))).findFirst().orElseThrow();
        var target = map(map(ownSide.get("spec")).get("target"));
        assertEquals(clientSecret.get("name"), target.get("name"));
        assertEquals(map(sso.get("clientId")).get("name"), target.get("name"));
        assertEquals("argo-workflows", map(map(target.get("template")).get("data")).get(map(sso.get("clientId")).get("key")));
        var data = map(list(map(ownSide.get("spec")).get("data")).get(0));
        assertEquals(clientSecret.get("key"), data.get("secretKey"));
        assertEquals(PREFIX + "sso/argo-workflows-client-secret", map(data.get("remoteRef")).get("key"));
        assertTrue(plan.ofType("aws:secretsmanager/secret:Secret").stream()
                .anyMatch(s -> (PREFIX + "sso/argo-workflows-client-secret").equals(s.inputs().get("name"))));
        // Exposed on the shared Gateway's https listener.
        var route = map(server.get("httproute"));
        assertEquals(List.of("workflows.mgmt.example.com"), route.get("hostnames"));
        assertEquals(List.of(Map.of("name", "platform", "namespace", "envoy-gateway-system", "sectionName", "https")), route.get("parentRefs"));
    }

    @Test
    void theTeamsOfPeopleYamlMapToWorkflowServiceAccounts() {
        var rbac = gitops(plan()).get("gitops:registry/clusters/mgmt/manifests/ci/workflows-rbac.yaml");
        var admin = map(named(rbac, "ServiceAccount", "workflows-admin").get("metadata"));
        assertEquals("'acme-platform:platform-admins' in groups", map(admin.get("annotations")).get("workflows.argoproj.io/rbac-rule"));
        var developer = map(named(rbac, "ServiceAccount", "workflows-developer").get("metadata"));
        assertEquals("'acme-platform:developers' in groups", map(developer.get("annotations")).get("workflows.argoproj.io/rbac-rule"));
        assertTrue(Integer.parseInt(String.valueOf(map(admin.get("annotations")).get("workflows.argoproj.io/rbac-rule-precedence")))
                > Integer.parseInt(String.valueOf(map(developer.get("annotations")).get("workflows.argoproj.io/rbac-rule-precedence"))));
        var rules = list(map(named(rbac, "Role", "workflows-developer")).get("rules"));
        var verbs = rules.stream().map(CiServicesTest::map).flatMap(r -> list(r.get("verbs")).stream()).map(String::valueOf)
                .collect(Collectors.toSet());
        assertEquals(java.util.Set.of("get", "list", "watch", "create"), verbs, "read and submit only");
    }

    @Test
    void theArtifactBucketIsHardenedAndExpiresAfterTheConfiguredDays() {
        project.set("mgmt", "platform:workflowsArtifactExpiryDays", 14);
        var plan = plan();
        var bucket = resource(plan, "aws:s3/bucketV2:BucketV2", "mgmt-workflow-artifacts-bucket");
        assertEquals("mgmt-workflows-us-east-1", bucket.inputs().get("bucket"));
        assertTrue(bucket.protect() && bucket.retainOnDelete());
        var key = resource(plan, "aws:kms/key:Key", "mgmt-workflow-artifacts-key");
        assertEquals(true, key.inputs().get("enableKeyRotation"));
        assertTrue(key.protect());
        var encryption = resource(plan, "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "mgmt-workflow-artifacts-encryption").inputs().toString();
        assertTrue(encryption.contains("aws:kms"), encryption);
        assertEquals("Enabled", map(resource(plan, "aws:s3/bucketVersioningV2:BucketVersioningV2", "mgmt-workflow-artifacts-versioning")
                .inputs().get("versioningConfiguration")).get("status"));
        var block = resource(plan, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "mgmt-workflow-artifacts-public-access").inputs();
        for (var setting : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
            assertEquals(true, block.get(setting), setting);
        }
        var tls = String.valueOf(resource(plan, "aws:s3/bucketPolicy:BucketPolicy", "mgmt-workflow-artifacts-tls-only").inputs().get("policy"));
        assertTrue(tls.contains("\"aws:SecureTransport\":\"false\"") && tls.contains("\"Deny\""), tls);
        var rule = map(list(resource(plan, "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "mgmt-workflow-artifacts-lifecycle").inputs().get("rules")).get(0));
        assertEquals(14, ((Number) map(rule.get("expiration")).get("days")).intValue());
        // The chart's artifact repository is that bucket, with IRSA credentials.
        var workflows = values(gitops(plan), "argo-workflows");
        var s3 = map(map(workflows.get("artifactRepository")).get("s3"));
        assertEquals("mgmt-workflows-us-east-1", s3.get("bucket"));
        assertEquals(true, s3.get("useSDKCreds"));
        assertEquals(false, workflows.get("useStaticCredentials"));
    }

    @Test
    void theArtifactRoleTrustsOnlyArgoWorkflowsServiceAccountsAndReachesOnlyItsBucketKeyAndTheAppsRepositories() {
        var plan = plan();
        var role = resource(plan, "aws:iam/role:Role", "mgmt-workflow-artifacts-role");
        assertEquals("mgmt-argo-workflows", role.inputs().get("name"));
        var trust = String.valueOf(role.inputs().get("assumeRolePolicy"));
        assertTrue(trust.contains("\"sts:AssumeRoleWithWebIdentity\""), trust);
        assertTrue(trust.contains(":sub\":[\"system:serviceaccount:argo:argo-workflows-server\",\"system:serviceaccount:argo:argo-workflow\"]"), trust);
        assertTrue(trust.contains(":aud\":\"sts.amazonaws.com\""), trust);
        var bucketArn = "arn:aws:s3:::mgmt-workflows-us-east-1";
        var policy = String.valueOf(resource(plan, "aws:iam/rolePolicy:RolePolicy", "mgmt-workflow-artifacts-artifacts").inputs().get("policy"));
        var resources = new java.util.TreeSet<String>();
        var matcher = java.util.regex.Pattern.compile("\"(arn:aws:[^\"]+)\"").matcher(policy);
        while (matcher.find()) {
            resources.add(matcher.group(1));
        }
        var keyArn = resources.stream().filter(r -> r.startsWith("arn:aws:kms:")).toList();
        assertEquals(1, keyArn.size(), policy);
        assertEquals(new java.util.TreeSet<>(List.of(bucketArn, bucketArn + "/*", keyArn.get(0))), resources);
        assertFalse(policy.contains("\"*\""), "no wildcard resource: " + policy);
        var push = String.valueOf(resource(plan, "aws:iam/rolePolicy:RolePolicy", "mgmt-workflow-artifacts-ecr-push").inputs().get("policy"));
        assertTrue(push.contains("arn:aws:ecr:us-east-1:111122223333:repository/hello\""), push);
        assertTrue(push.contains("arn:aws:ecr:us-east-1:111122223333:repository/charts/hello\""), push);
        // The chart's service accounts carry that role.
        var workflows = values(gitops(plan), "argo-workflows");
        var arn = "arn:aws:iam::111122223333:role/mgmt-argo-workflows";
        assertEquals(arn, map(map(map(workflows.get("server")).get("serviceAccount")).get("annotations")).get("eks.amazonaws.com/role-arn"));
        var workflowAccount = map(map(workflows.get("workflow")).get("serviceAccount"));
        assertEquals("argo-workflow", workflowAccount.get("name"));
        assertEquals(arn, map(workflowAccount.get("annotations")).get("eks.amazonaws.com/role-arn"));
    }
}
