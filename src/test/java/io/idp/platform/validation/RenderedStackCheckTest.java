package io.idp.platform.validation;

import io.idp.platform.config.PlatformConfig;
import io.idp.platform.config.RawConfig;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlanException;
import io.idp.platform.local.PlannedResource;
import io.idp.platform.local.PlanStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.idp.platform.validation.RenderedStackPartsTest.file;
import static io.idp.platform.validation.RenderedStackPartsTest.resource;
import static org.junit.jupiter.api.Assertions.*;

/** ./platform validate --rendered on a saved plan and its local gitops repository: what it prints and returns. */
class RenderedStackCheckTest {
    static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: tools\ndata:\n  a: b\n";

    static PlatformConfig config() {
        var values = new HashMap<String, String>();
        values.put("aws:region", "us-east-1");
        values.put("platform:role", "management");
        values.put("platform:clusterName", "mgmt");
        values.put("platform:vpcCidr", "10.0.0.0/16");
        values.put("platform:domain", "example.com");
        values.put("platform:githubOwner", "acme");
        values.put("platform:alertsEmail", "ops@example.com");
        values.put("github:token", "v1:cipher-github");
        values.put("cloudflare:apiToken", "v1:cipher-cloudflare");
        values.put("platform:githubOAuthClientId", "Ov23liExample");
        values.put("platform:githubOAuthClientSecret", "v1:cipher-oauth");
        return PlatformConfig.load("test", new RawConfig("Pulumi.test.yaml", values,
                Set.of("github:token", "cloudflare:apiToken", "platform:githubOAuthClientSecret")));
    }

    /** A project with this repository's catalog, people file and application chart, and a rendered repository holding one object. */
    static Path project(Path dir) throws IOException {
        var root = Path.of("").toAbsolutePath();
        for (var file : new String[] {"stacks/catalog.yaml", "people.yaml", "apps/template/chart/values.yaml"}) {
            Files.createDirectories(dir.resolve(file).getParent());
            Files.copy(root.resolve(file), dir.resolve(file));
        }
        var repository = dir.resolve(".platform/github/acme/gitops/registry/clusters/test");
        Files.createDirectories(repository);
        Files.writeString(repository.resolve("settings.yaml"), CONFIG_MAP);
        return dir;
    }

    static Plan plan(PlannedResource... resources) {
        return new Plan(Plan.FORMAT_VERSION, "platform", "test", "management", List.of(resources), Map.of(), List.of());
    }

    record Run(boolean passed, String out, String err) {
    }

    static Run run(Path project) {
        var out = new StringWriter();
        var err = new StringWriter();
        var passed = RenderedStack.check(project, config(), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(passed, out.toString(), err.toString());
    }

    @Test
    void aCleanRepositoryPassesWithItsCountsAndNotes(@TempDir Path dir) throws IOException {
        var project = project(dir);
        PlanStore.under(project).write(plan(file("gitops", "registry/clusters/test/settings.yaml"),
                        resource(RenderedStack.RELEASE_TYPE, "edge", Map.of("chart", "gateway-helm", "version", "v1.9.0",
                                "values", Map.of("deployment", Map.of("replicas", 2))))));
        var run = run(project);
        assertEquals(new Run(true, "stack test: the rendered repository passes every check (1 objects, 0 objects the program registers, 1 Helm sources, "
                + "0 Alertmanager configurations, 0 rule files in .platform/github/acme/gitops)\n", ""), run);
    }

    @Test
    void everyProblemIsPrintedWithTheirCount(@TempDir Path dir) throws IOException {
        var project = project(dir);
        Files.writeString(project.resolve(".platform/github/acme/gitops/registry/clusters/test/bad.yaml"),
                CONFIG_MAP.replace("name: settings", "name: Settings"));
        PlanStore.under(project).write(plan(file("gitops", "registry/clusters/test/settings.yaml"),
                resource("kubernetes:core/v1:ConfigMap", "x", Map.of("apiVersion", "v1", "kind", "ConfigMap",
                        "metadata", Map.of("name", "Bad")))));
        var run = run(project);
        assertFalse(run.passed());
        assertEquals("", run.out());
        assertEquals("error: registry/clusters/test/bad.yaml ConfigMap/Settings: metadata.name must be a lower-case DNS name, was Settings\n"
                + "error: plan test resource x (ConfigMap) ConfigMap/Bad: metadata.name must be a lower-case DNS name, was Bad\n"
                + "stack test: 2 problem(s) in the rendered repository (2 objects, 1 objects the program registers, 0 Helm sources, "
                + "0 Alertmanager configurations, 0 rule files in .platform/github/acme/gitops)\n", run.err());
    }

    @Test
    void aStackWithoutAPlanSaysWhatToRunFirst(@TempDir Path dir) throws IOException {
        var project = project(dir);
        var e = assertThrows(PlanException.class, () -> run(project));
        assertEquals("stack test has no plan yet; run ./platform plan test first, which renders the gitops repository", e.getMessage());
    }
}
