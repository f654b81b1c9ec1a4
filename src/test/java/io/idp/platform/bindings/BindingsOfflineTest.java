package io.idp.platform.bindings;

import com.pulumi.Context;
import com.pulumi.cloudflare.ApiToken;
import com.pulumi.cloudflare.ApiTokenArgs;
import com.pulumi.cloudflare.CloudflareFunctions;
import com.pulumi.cloudflare.inputs.ApiTokenPolicyArgs;
import com.pulumi.cloudflare.inputs.ApiTokenPolicyPermissionGroupArgs;
import com.pulumi.cloudflare.inputs.GetApiTokenPermissionGroupsListArgs;
import com.pulumi.cloudflare.inputs.GetZoneArgs;
import com.pulumi.cloudflare.inputs.GetZoneFilterArgs;
import com.pulumi.core.Output;
import com.pulumi.github.Provider;
import com.pulumi.github.ProviderArgs;
import com.pulumi.github.Repository;
import com.pulumi.github.RepositoryArgs;
import com.pulumi.github.RepositoryDeployKey;
import com.pulumi.github.RepositoryDeployKeyArgs;
import com.pulumi.github.RepositoryFile;
import com.pulumi.github.RepositoryFileArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.tls.PrivateKey;
import com.pulumi.tls.PrivateKeyArgs;
import io.idp.platform.TestProject;
import io.idp.platform.config.PlatformConfig;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlanFailure;
import io.idp.platform.local.PlannedResource;
import io.idp.platform.local.StackFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/** The bindings used as the official SDKs are used, planned by the offline engine. */
class BindingsOfflineTest {
    @TempDir
    Path dir;
    OfflineEngine engine;

    @BeforeEach
    void setUp() {
        TestProject.copyOfRepository(dir);
        engine = new OfflineEngine(dir);
    }

    Plan plan(Consumer<Context> program) {
        var raw = StackFile.read(dir, "mgmt");
        return engine.plan("mgmt", raw, PlatformConfig.load("mgmt", raw), program).plan();
    }

    static PlannedResource only(Plan plan, String type) {
        var found = plan.ofType(type);
        assertEquals(1, found.size(), type);
        return found.get(0);
    }

    static void gitopsRepository(Context ctx) {
        var github = new Provider("github", ProviderArgs.builder().owner("acme").token(Output.of("ghp_not_a_real_token")).build());
        var options = CustomResourceOptions.builder().provider(github).build();
        var repository = new Repository("gitops", RepositoryArgs.builder()
                .name("gitops").visibility("private").vulnerabilityAlerts(true).archiveOnDestroy(true).build(), options);
        var key = new PrivateKey("argocd", PrivateKeyArgs.builder().algorithm("ED25519").build());
        new RepositoryDeployKey("argocd", RepositoryDeployKeyArgs.builder()
                .repository(repository.name()).title("argocd").key(key.publicKeyOpenssh()).readOnly(true).build(), options);
        new RepositoryFile("readme", RepositoryFileArgs.builder()
                .repository(repository.name()).file("README.md").content("# gitops\n").commitMessage("Add README").build(), options);
        ctx.export("cloneUrl", repository.sshCloneUrl());
    }

    @Test
    void privateKeyMaterialIsSecretAndItsPublicHalfFlowsIntoTheDeployKey() {
        var plan = plan(BindingsOfflineTest::gitopsRepository);
        var key = only(plan, "tls:index/privateKey:PrivateKey");
        assertEquals("[secret]", key.outputs().get("privateKeyPem"));
        assertEquals("[secret]", key.outputs().get("privateKeyOpenssh"));
        var publicKey = String.valueOf(key.outputs().get("publicKeyOpenssh"));
        assertTrue(publicKey.startsWith("ssh-ed25519 "), publicKey);
        var deployKey = only(plan, "github:index/repositoryDeployKey:RepositoryDeployKey");
        assertEquals(publicKey, deployKey.inputs().get("key"));
        assertEquals(true, deployKey.inputs().get("readOnly"));
        assertTrue(deployKey.dependencies().contains(key.urn()));
    }

    @Test
    void explicitProviderCarriesOwnerAndASecretToken() {
        var plan = plan(BindingsOfflineTest::gitopsRepository);
        var provider = only(plan, "pulumi:providers:github");
        assertEquals("[secret]", provider.inputs().get("token"));
        assertEquals("acme", provider.inputs().get("owner"));
        var repository = only(plan, "github:index/repository:Repository");
        assertEquals(provider.urn() + "::" + provider.outputs().get("id"), repository.provider());
        assertEquals("acme/gitops", repository.outputs().get("fullName"));
        assertEquals("git@github.com:acme/gitops.git", plan.outputs().get("cloneUrl"));
        assertTrue(only(plan, "tls:index/privateKey:PrivateKey").provider().startsWith("default_tls_5_5_1"),
                "default providers carry the binding's pinned plugin version");
    }

    @Test
    void committedFilesGetCommitShas() {
        var file = only(plan(BindingsOfflineTest::gitopsRepository), "github:index/repositoryFile:RepositoryFile");
        assertEquals("gitops/README.md", file.outputs().get("id"));
        assertTrue(String.valueOf(file.outputs().get("commitSha")).matches("[0-9a-f]{40}"));
        assertEquals("main", file.outputs().get("branch"));
    }

    @Test
    void zoneLookupAndScopedTokenUseTheCloudflareBindings() {
        var plan = plan(ctx -> {
            var zone = CloudflareFunctions.getZone(GetZoneArgs.builder()
                    .filter(GetZoneFilterArgs.builder().name("example.com").match("all").build()).build());
            var dnsWrite = CloudflareFunctions.getApiTokenPermissionGroupsList(
                    GetApiTokenPermissionGroupsListArgs.builder().name("DNS Write").build());
            var token = new ApiToken("external-dns", ApiTokenArgs.builder()
                    .name("mgmt-external-dns")
                    .policies(ApiTokenPolicyArgs.builder()
                            .effect("allow")
                            .resources(zone.applyValue(z -> "{\"com.cloudflare.api.account.zone." + z.id().orElseThrow() + "\":\"*\"}"))
                            .permissionGroups(dnsWrite.applyValue(groups -> List.of(ApiTokenPolicyPermissionGroupArgs.builder()
                                    .id(groups.results().orElseThrow().get(0).id().orElseThrow()).build())))
                            .build())
                    .build());
            ctx.export("token", token.value());
        });
        var token = only(plan, "cloudflare:index/apiToken:ApiToken");
        assertEquals("[secret]", token.outputs().get("value"));
        assertEquals(List.of("token"), plan.secretOutputs());
        var policy = (java.util.Map<?, ?>) ((List<?>) token.inputs().get("policies")).get(0);
        assertEquals("4755a26eedb94da69e1066d98aa820be", ((java.util.Map<?, ?>) ((List<?>) policy.get("permissionGroups")).get(0)).get("id"));
        assertTrue(String.valueOf(policy.get("resources")).matches("\\{\"com.cloudflare.api.account.zone.[0-9a-f]{32}\":\"\\*\"}"));
    }

    @Test
    void githubRulesAreEnforced() {
        var failure = assertThrows(PlanFailure.class, () -> plan(ctx -> new RepositoryFile("abs", RepositoryFileArgs.builder()
                .repository("gitops").file("/etc/passwd").content("x").build())));
        assertEquals(List.of("github:index/repositoryFile:RepositoryFile 'abs': file = \"/etc/passwd\": "
                + "repository file paths are relative, without '..' segments or a trailing '/'"), failure.reasons());
    }
}
