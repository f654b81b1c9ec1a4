package io.idp.platform.stacks;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Real validation with the real tools, installed by tools/ci/install (which .ci/run calls):
 * action-validator on every workflow file, helm lint and helm template on the sample chart.
 */
class DeliveryToolsTest {
    static final Path VALIDATOR = Path.of("tools/ci/node_modules/.bin/action-validator");
    static final Path HELM = Path.of("tools/ci/bin/helm");

    /** Each test skips alone, naming the command that brings its tool; the others (the Dockerfile's) still run. */
    static String validator() {
        Assumptions.assumeTrue(Files.isExecutable(VALIDATOR),
                "action-validator is not installed here: run tools/ci/install (.ci/run does)");
        return VALIDATOR.toString();
    }

    static String helm() {
        Assumptions.assumeTrue(Files.isExecutable(HELM), "helm is not installed here: run tools/ci/install (.ci/run does)");
        return HELM.toString();
    }

    record Result(int exit, String output) {
    }

    static Result run(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
        return new Result(process.exitValue(), output);
    }

    static List<Path> workflows() throws IOException {
        var files = new ArrayList<Path>();
        for (var dir : List.of(Path.of(".github/workflows"), Path.of("apps/template/.github/workflows"))) {
            try (var list = Files.list(dir)) {
                list.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void everyWorkflowFileIsValid() throws Exception {
        var files = workflows();
        assertEquals(5, files.size(), files.toString());
        for (var file : files) {
            var result = run(validator(), file.toString());
            assertEquals(0, result.exit(), file + ":\n" + result.output());
        }
    }

    /** The gitops repository's check, on either kind of runner platform:ciRunners chooses. */
    @Test
    void theGitopsValidateWorkflowIsValidOnEitherRunners(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        for (var runsOn : List.of("ubuntu-latest", "platform")) {
            var text = io.idp.platform.components.GitopsBoundaries.files("acme-platform", "platform-admins", List.of("hello"), runsOn)
                    .get(io.idp.platform.components.GitopsBoundaries.VALIDATE_WORKFLOW);
            assertTrue(text.contains("    runs-on: " + runsOn + "\n"), text);
            var file = dir.resolve("validate-" + runsOn + ".yaml");
            Files.writeString(file, text);
            var result = run(validator(), file.toString());
            assertEquals(0, result.exit(), runsOn + ":\n" + result.output());
        }
    }

    @Test
    void theValidatorRejectsAnInvalidWorkflow(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        var bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    stepz: []\n");
        var result = run(validator(), bad.toString());
        assertNotEquals(0, result.exit());
        assertTrue(result.output().contains("stepz"), result.output());
    }

    @Test
    void theChartLints() throws Exception {
        var result = run(helm(), "lint", "apps/template/chart", "--set", "image.tag=ci");
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("1 chart(s) linted, 0 chart(s) failed"), result.output());
    }

    @Test
    void theChartRendersANonRootDeploymentWithTheTagCiSets() throws Exception {
        var result = run(helm(), "template", "hello", "apps/template/chart", "--set", "image.tag=0.1.7");
        assertEquals(0, result.exit(), result.output());
        var out = result.output();
        assertTrue(out.contains("image: \"111122223333.dkr.ecr.us-east-1.amazonaws.com/app:0.1.7\""), out);
        assertTrue(out.contains("runAsNonRoot: true"), out);
        assertTrue(out.contains("allowPrivilegeEscalation: false"), out);
        assertTrue(out.contains("readOnlyRootFilesystem: true"), out);
    }

    @Test
    void withADigestTheChartRunsExactlyThatImage() throws Exception {
        var digest = "sha256:" + "0123456789abcdef".repeat(4);
        var result = run(helm(), "template", "hello", "apps/template/chart", "--set", "image.tag=0.1.7",
                "--set", "image.digest=" + digest);
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("image: \"111122223333.dkr.ecr.us-east-1.amazonaws.com/app@" + digest + "\""), result.output());
        assertFalse(result.output().contains("app:0.1.7\""), result.output());
    }

    @Test
    void theChartRefusesADigestThatIsNotSha256() throws Exception {
        var result = run(helm(), "template", "hello", "apps/template/chart", "--set", "image.tag=0.1.7",
                "--set", "image.digest=latest");
        assertNotEquals(0, result.exit());
        assertTrue(result.output().contains("image.digest \"latest\" is not sha256:<64 hex digits>"), result.output());
    }

    @Test
    void theChartRefusesToRenderWithoutATag() throws Exception {
        var result = run(helm(), "template", "hello", "apps/template/chart");
        assertNotEquals(0, result.exit());
        assertTrue(result.output().contains("image.tag is set by CI"), result.output());
    }

    @Test
    void theChartScalesOnCpuKeepsOneReplicaThroughDrainsAndProbesTheService() throws Exception {
        var result = run(helm(), "template", "hello", "apps/template/chart", "--set", "image.tag=0.1.7", "--set", "replicaCount=3");
        assertEquals(0, result.exit(), result.output());
        var objects = objects(result.output());
        var deployment = objects.get("Deployment");
        assertNull(at(deployment, "spec", "replicas"), "the autoscaler owns the replica count");
        var hpa = objects.get("HorizontalPodAutoscaler");
        assertEquals(3, at(hpa, "spec", "minReplicas"));
        assertEquals(6, at(hpa, "spec", "maxReplicas"));
        assertEquals("hello", at(hpa, "spec", "scaleTargetRef", "name"));
        var metric = (Map<?, ?>) ((List<?>) at(hpa, "spec", "metrics")).get(0);
        assertEquals(70, at(metric, "resource", "target", "averageUtilization"));
        assertEquals(1, at(objects.get("PodDisruptionBudget"), "spec", "minAvailable"));
        assertEquals(Map.of("app.kubernetes.io/name", "hello"), at(objects.get("PodDisruptionBudget"), "spec", "selector", "matchLabels"));
        var container = (Map<?, ?>) ((List<?>) at(deployment, "spec", "template", "spec", "containers")).get(0);
        for (var probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertEquals("/healthz", at(container, probe, "httpGet", "path"), probe);
        }
        assertEquals(Map.of("cpu", "50m", "memory", "64Mi"), at(container, "resources", "requests"));
        assertFalse(objects.containsKey("ExternalSecret"), "no secrets path, no ExternalSecret");
        assertNull(container.get("envFrom"));

        var fixed = run(helm(), "template", "hello", "apps/template/chart", "--set", "image.tag=0.1.7", "--set", "autoscaling.enabled=false");
        assertEquals(2, at(objects(fixed.output()).get("Deployment"), "spec", "replicas"));
        assertFalse(objects(fixed.output()).containsKey("HorizontalPodAutoscaler"));
        var inverted = run(helm(), "template", "hello", "apps/template/chart", "--set", "image.tag=0.1.7", "--set", "replicaCount=8");
        assertNotEquals(0, inverted.exit());
        assertTrue(inverted.output().contains("autoscaling.maxReplicas 6 is below replicaCount 8"), inverted.output());
    }

    @Test
    void theChartReadsItsOwnSecretsThroughTheClustersStore() throws Exception {
        var path = "platform/mgmt/clusters/production-east/apps/hello/";
        var result = run(helm(), "template", "hello", "apps/template/chart", "--set", "image.tag=0.1.7", "--set", "secrets.path=" + path);
        assertEquals(0, result.exit(), result.output());
        var objects = objects(result.output());
        var secret = objects.get("ExternalSecret");
        assertEquals(Map.of("kind", "ClusterSecretStore", "name", "platform"), at(secret, "spec", "secretStoreRef"));
        assertEquals("hello-secrets", at(secret, "spec", "target", "name"));
        var find = (Map<?, ?>) ((List<?>) at(secret, "spec", "dataFrom")).get(0);
        assertEquals(path, at(find, "find", "path"));
        assertEquals("^" + path, at(((List<?>) find.get("rewrite")).get(0), "regexp", "source"));
        var container = (Map<?, ?>) ((List<?>) at(objects.get("Deployment"), "spec", "template", "spec", "containers")).get(0);
        assertEquals(List.of(Map.of("secretRef", Map.of("name", "hello-secrets"))), container.get("envFrom"));

        var unterminated = run(helm(), "template", "hello", "apps/template/chart", "--set", "image.tag=0.1.7",
                "--set", "secrets.path=platform/mgmt/clusters/production-east/apps/hello");
        assertNotEquals(0, unterminated.exit());
        assertTrue(unterminated.output().contains("must end with /"), unterminated.output());
    }

    /** The rendered objects by kind (the sample chart makes one of each). */
    private static Map<String, Map<?, ?>> objects(String output) {
        var objects = new java.util.TreeMap<String, Map<?, ?>>();
        for (var document : new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions()))
                .loadAll(output)) {
            if (document instanceof Map<?, ?> object) {
                objects.put(String.valueOf(object.get("kind")), object);
            }
        }
        return objects;
    }

    private static Object at(Object node, String... path) {
        for (var key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    @ParameterizedTest
    @ValueSource(strings = {"USER 10001", "useradd --uid 10001"})
    void theImageRunsAsAnUnprivilegedUser(String line) throws Exception {
        assertTrue(Files.readString(Path.of("apps/template/Dockerfile")).contains(line), line);
    }
}
