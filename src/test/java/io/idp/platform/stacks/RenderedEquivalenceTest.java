package io.idp.platform.stacks;

import io.idp.platform.TestProject;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every stack's gitops repository, rendered from the tools' declarations, means what it meant when each
 * tool's Application and ApplicationSet were written by hand (src/test/resources/rendered-before/):
 * the same files, each the same YAML documents once parsed (key order, quoting, comments and line
 * breaks are free), apart from the deliberate differences below.
 */
class RenderedEquivalenceTest {
    static final Path BEFORE = Path.of("src/test/resources/rendered-before");
    static final List<String> STACKS = List.of("mgmt", "production-east", "production-west", "staging");

    /**
     * The deliberate differences, applied to the files from before: every Application and ApplicationSet
     * source of a chart below moved from the pin before to the pin now (the catalog's move to the newest
     * releases, each chart's upgrade notes handled in its values; vcluster is installed by the program,
     * not from the gitops repository). Chart, pin before, pin now.
     */
    static final Map<String, List<String>> PIN_BUMPS = Map.of(
            "argo-cd", List.of("8.5.0", "10.1.1"),
            "cert-manager", List.of("v1.18.2", "v1.21.1"),
            "external-secrets", List.of("0.19.2", "2.9.0"),
            "kyverno", List.of("3.4.4", "3.9.0"),
            "kube-prometheus-stack", List.of("75.15.1", "88.5.3"),
            "datadog", List.of("3.126.0", "3.240.0"),
            "external-dns", List.of("1.18.0", "1.21.1"),
            "reloader", List.of("2.1.5", "2.2.16"),
            "trivy-operator", List.of("0.29.3", "0.34.0"));

    /**
     * Objects of the management cluster moved to an earlier sync wave, each to the first wave after what
     * it needs (the waits without need {@code ./platform plan mgmt --critical-path} reported): the
     * object's (or ApplicationSet template's) name, its wave before and its wave now.
     */
    static final Map<String, List<String>> WAVE_MOVES = Map.of(
            "argocd-ingress", List.of("50", "35"),
            "environments", List.of("60", "10"),
            "grafana-sso", List.of("35", "30"),
            "alertmanager-platform", List.of("35", "30"),
            "kyverno-policies", List.of("30", "20"),
            "reloader", List.of("30", "20"),
            "reloader-{{.name}}", List.of("30", "20"),
            "trivy-operator", List.of("40", "20"),
            "trivy-operator-{{.name}}", List.of("40", "20"));

    /** Argo CD's self-managed Dex asks about every team of people.yaml, as the program's install does. */
    static final String DEX_TEAMS_BEFORE = "teams:\n            - platform-admins\n            - developers\n";
    static final String DEX_TEAMS_NOW = "teams: [platform-admins, developers, contractors]\n";

    /**
     * Tools added since: their files are additions (each listed in {@link #ADDED_FILES}), and what they add
     * to files that existed (their chart repository and namespace in the projects, their ApplicationSets in
     * the fleet's file) is taken out of the current files before those are compared, nothing else.
     */
    static final List<String> ADDED_TOOLS = List.of("metrics-server", "gha-runner-scale-set-controller", "gha-runner-scale-set", "argo-workflows");
    static final Map<String, List<String>> ADDED_FILES = Map.of(
            "mgmt", List.of(
                    "registry/clusters/mgmt/metrics-server.yaml",
                    "registry/clusters/mgmt/manifests/network-policies/metrics-server.yaml",
                    "registry/fleet/network-policies/workload-eks/metrics-server.yaml",
                    "registry/clusters/mgmt/gha-runner-scale-set-controller.yaml",
                    "registry/clusters/mgmt/gha-runner-scale-set.yaml",
                    "registry/clusters/mgmt/argo-workflows.yaml",
                    "registry/clusters/mgmt/manifests/network-policies/arc-systems.yaml",
                    "registry/clusters/mgmt/manifests/network-policies/arc-runners.yaml",
                    "registry/clusters/mgmt/manifests/network-policies/argo.yaml",
                    "registry/clusters/mgmt/manifests/ci/runner-credentials.yaml",
                    "registry/clusters/mgmt/manifests/ci/workflows-rbac.yaml",
                    "registry/clusters/mgmt/manifests/ci/workflow-template-buildah-build.yaml",
                    "registry/clusters/mgmt/manifests/ci/workflow-template-helm-publish.yaml"),
            "production-east", List.of(), "production-west", List.of(), "staging", List.of());

    /**
     * What the CI services (self-hosted runners, Argo Workflows) change in files that existed: Dex's static
     * client argo-workflows after Grafana's, Argo CD's OCI repository entry for the runner charts, the
     * platform store serving argo and arc-runners, and argocd-sso carrying the new client's secret.
     */
    static final String CI_DEX_CLIENT = "  - id: argo-workflows\n    name: Argo Workflows\n    secret: $argocd-sso:argoWorkflowsClientSecret\n"
            + "    redirectURIs:\n      - https://workflows.mgmt.example.com/oauth2/callback\n";
    static final Map<String, Object> CI_REPOSITORY = Map.of("actions-runner-controller", Map.of("name", "actions-runner-controller",
            "type", "helm", "url", "ghcr.io/actions/actions-runner-controller-charts", "enableOCI", "true"));
    static final List<String> CI_STORE_NAMESPACES = List.of("argo", "arc-runners");
    static final String CI_RUNS_ON = "platform";
    static final Map<String, Object> CI_DEX_SECRET = Map.of("secretKey", "argoWorkflowsClientSecret",
            "remoteRef", Map.of("key", "platform/mgmt/clusters/mgmt/sso/argo-workflows-client-secret"));

    @TempDir
    static Path dir;
    static final Map<String, Map<String, String>> NOW = new LinkedHashMap<>();

    @BeforeAll
    static void planEveryStack() {
        TestProject.copyOfRepository(dir);
        var engine = new OfflineEngine(dir);
        for (var stack : STACKS) {
            Plan plan = engine.plan(stack).plan();
            engine.plans().write(plan);
            var files = new TreeMap<String, String>();
            for (var file : plan.ofType("github:index/repositoryFile:RepositoryFile")) {
                if ("gitops".equals(file.inputs().get("repository"))) {
                    files.put(String.valueOf(file.inputs().get("file")), String.valueOf(file.inputs().get("content")));
                }
            }
            NOW.put(stack, files);
        }
    }

    @Test
    void everyStackWritesTheSameFilesPlusTheAddedToolsFiles() {
        for (var stack : STACKS) {
            var expected = new java.util.TreeSet<>(before(stack).keySet());
            expected.addAll(ADDED_FILES.get(stack));
            assertEquals(expected, NOW.get(stack).keySet(), stack);
        }
    }

    @Test
    void everyFileMeansTheSameApartFromTheDeliberateDifferences() {
        var differences = new ArrayList<String>();
        for (var stack : STACKS) {
            before(stack).forEach((file, text) -> {
                var now = NOW.get(stack).get(file);
                if (now == null) {
                    return;
                }
                if (!file.endsWith(".yaml") && !file.endsWith(".yml")) {
                    if (!text.equals(now)) {
                        differences.add(stack + ": " + file + " differs");
                    }
                    return;
                }
                var expected = parse(text);
                bumpPins(expected);
                if (stack.equals("mgmt")) {
                    moveWaves(expected);
                    listEveryTeam(expected);
                    if (file.startsWith("registry/clusters/mgmt/")) {
                        addCiServices(expected);
                    }
                    if (file.equals(".github/workflows/validate.yaml")) {
                        runOnTheScaleSet(expected);
                    }
                }
                if (!expected.equals(withoutAddedTools(parse(now)))) {
                    differences.add(stack + ": " + file + " means something else now");
                }
            });
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void theDeliberateDifferencesAreThere() {
        var pins = new TreeMap<String, Object>();
        NOW.get("mgmt").forEach((file, text) -> {
            if (file.endsWith(".yaml")) {
                collectPins(parse(text), pins);
            }
        });
        PIN_BUMPS.forEach((chart, pin) -> assertEquals(pin.get(1), pins.get(chart), chart));
        assertTrue(NOW.get("mgmt").get("registry/clusters/mgmt/argo-cd.yaml").contains("teams: [platform-admins, developers, contractors]"));
        var environments = document(parse(NOW.get("mgmt").get("registry/clusters/mgmt/cluster-registries.yaml")), "environments");
        assertEquals("10", String.valueOf(map(map(environments, "metadata"), "annotations").get("argocd.argoproj.io/sync-wave")));
        assertTrue(NOW.get("mgmt").get(".github/workflows/validate.yaml").contains("runs-on: " + CI_RUNS_ON));
        var argocd = NOW.get("mgmt").get("registry/clusters/mgmt/argo-cd.yaml");
        assertTrue(argocd.contains("- https://workflows.mgmt.example.com/oauth2/callback"), argocd);
        assertTrue(argocd.contains("url: ghcr.io/actions/actions-runner-controller-charts"), argocd);
        var secrets = parse(NOW.get("mgmt").get("registry/clusters/mgmt/manifests/platform-secrets/cluster-secret-store.yaml"));
        assertTrue(String.valueOf(map(document(secrets, "platform"), "spec").get("conditions")).contains("argo, arc-runners"));
        assertTrue(((List<?>) map(document(secrets, "argocd-sso"), "spec").get("data")).contains(CI_DEX_SECRET));
    }

    /** mgmt's platform:ciRunners is self-hosted: the gitops repository's check runs on the scale set. */
    @SuppressWarnings("unchecked")
    static void runOnTheScaleSet(List<Object> documents) {
        for (var document : documents) {
            if (document instanceof Map<?, ?> workflow && workflow.get("jobs") instanceof Map<?, ?> jobs) {
                jobs.values().forEach(job -> ((Map<String, Object>) job).replace("runs-on", "ubuntu-latest", CI_RUNS_ON));
            }
        }
    }

    @SuppressWarnings("unchecked")
    static void addCiServices(Object node) {
        if (node instanceof Map<?, ?> object) {
            var writable = (Map<String, Object>) object;
            if (object.get("dex.config") instanceof String dex && dex.contains("id: grafana")) {
                writable.put("dex.config", dex + CI_DEX_CLIENT);
            }
            if (object.containsKey("cm") && object.containsKey("rbac") && object.containsKey("params")) {
                writable.put("repositories", CI_REPOSITORY);
            }
            if (object.get("metadata") instanceof Map<?, ?> metadata && object.get("spec") instanceof Map<?, ?> spec) {
                if ("ClusterSecretStore".equals(object.get("kind")) && "platform".equals(metadata.get("name"))
                        && spec.get("conditions") instanceof List<?> conditions && !conditions.isEmpty()
                        && ((Map<String, Object>) conditions.get(0)).get("namespaces") instanceof List<?> namespaces) {
                    ((List<Object>) namespaces).addAll(CI_STORE_NAMESPACES);
                }
                if ("ExternalSecret".equals(object.get("kind")) && "argocd-sso".equals(metadata.get("name"))
                        && spec.get("data") instanceof List<?> data) {
                    ((List<Object>) data).add(CI_DEX_SECRET);
                }
            }
            object.values().forEach(RenderedEquivalenceTest::addCiServices);
        } else if (node instanceof List<?> list) {
            list.forEach(RenderedEquivalenceTest::addCiServices);
        }
    }

    /** Moves every source of a bumped chart from its pin before to its pin now; any other pin is left to differ. */
    static void bumpPins(Object node) {
        if (node instanceof Map<?, ?> object) {
            var pin = PIN_BUMPS.get(String.valueOf(object.get("chart")));
            if (pin != null && pin.get(0).equals(object.get("targetRevision"))) {
                @SuppressWarnings("unchecked")
                var source = (Map<String, Object>) object;
                source.put("targetRevision", pin.get(1));
            }
            object.values().forEach(RenderedEquivalenceTest::bumpPins);
        } else if (node instanceof List<?> list) {
            list.forEach(RenderedEquivalenceTest::bumpPins);
        }
    }

    static void moveWaves(Object node) {
        if (node instanceof Map<?, ?> object) {
            if (object.get("metadata") instanceof Map<?, ?> metadata && metadata.get("annotations") instanceof Map<?, ?> annotations) {
                var move = WAVE_MOVES.get(String.valueOf(metadata.get("name")));
                if (move != null && move.get(0).equals(String.valueOf(annotations.get("argocd.argoproj.io/sync-wave")))) {
                    @SuppressWarnings("unchecked")
                    var writable = (Map<String, Object>) annotations;
                    writable.put("argocd.argoproj.io/sync-wave", move.get(1));
                }
            }
            object.values().forEach(RenderedEquivalenceTest::moveWaves);
        } else if (node instanceof List<?> list) {
            list.forEach(RenderedEquivalenceTest::moveWaves);
        }
    }

    static void listEveryTeam(Object node) {
        if (node instanceof Map<?, ?> object) {
            if (object.get("dex.config") instanceof String dex) {
                @SuppressWarnings("unchecked")
                var writable = (Map<String, Object>) object;
                writable.put("dex.config", dex.replace(DEX_TEAMS_BEFORE, DEX_TEAMS_NOW));
            }
            object.values().forEach(RenderedEquivalenceTest::listEveryTeam);
        } else if (node instanceof List<?> list) {
            list.forEach(RenderedEquivalenceTest::listEveryTeam);
        }
    }

    static void collectPins(Object node, Map<String, Object> pins) {
        if (node instanceof Map<?, ?> object) {
            if (object.get("chart") instanceof String chart && object.containsKey("targetRevision")) {
                pins.put(chart, object.get("targetRevision"));
            }
            object.values().forEach(value -> collectPins(value, pins));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectPins(value, pins));
        }
    }

    static Map<String, String> before(String stack) {
        var root = BEFORE.resolve(stack);
        var files = new TreeMap<String, String>();
        try (var walk = Files.walk(root)) {
            for (var file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFalse(files.isEmpty(), "no files under " + root);
        return files;
    }

    /** The current documents without what the added tools put in them: their ApplicationSets, repositories and namespaces. */
    static List<Object> withoutAddedTools(List<Object> documents) {
        var catalog = io.idp.platform.gitops.Catalog.load(Path.of("."));
        var repositories = new java.util.HashSet<String>();
        var namespaces = new java.util.HashSet<String>();
        for (var tool : ADDED_TOOLS) {
            repositories.add(catalog.tool(tool).repository());
            namespaces.add(catalog.tool(tool).namespace());
        }
        // A repository an older tool shares (argo-helm: Argo CD's and Argo Workflows') was there before.
        catalog.tools().values().stream().filter(t -> !ADDED_TOOLS.contains(t.name())).forEach(t -> repositories.remove(t.repository()));
        documents.removeIf(d -> d instanceof Map<?, ?> object && object.get("metadata") instanceof Map<?, ?> metadata
                && ADDED_TOOLS.stream().anyMatch(t -> String.valueOf(metadata.get("name")).matches("fleet-" + java.util.regex.Pattern.quote(t) + "(-workload-(eks|vcluster))?")));
        documents.forEach(d -> strip(d, repositories, namespaces));
        return documents;
    }

    /** Removes, from every list, a repository URL of an added tool and a destination entry of its namespace. */
    private static void strip(Object node, java.util.Set<String> repositories, java.util.Set<String> namespaces) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> strip(v, repositories, namespaces));
        } else if (node instanceof List<?> list) {
            list.removeIf(e -> e instanceof String text ? repositories.contains(text)
                    : e instanceof Map<?, ?> entry && namespaces.contains(entry.get("namespace"))
                    && java.util.Set.of("server", "name", "namespace").containsAll(entry.keySet()));
            list.forEach(e -> strip(e, repositories, namespaces));
        }
    }

    static List<Object> parse(String text) {
        var documents = new ArrayList<Object>();
        new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text).forEach(documents::add);
        documents.removeIf(java.util.Objects::isNull);
        return documents;
    }

    static Map<String, Object> document(List<Object> documents, String name) {
        for (var document : documents) {
            if (document instanceof Map<?, ?> object && object.get("metadata") instanceof Map<?, ?> metadata
                    && name.equals(metadata.get("name"))) {
                return map(Map.of("d", object), "d");
            }
        }
        throw new AssertionError("no object named " + name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<?, ?> parent, String key) {
        var value = parent.get(key);
        assertInstanceOf(Map.class, value, key);
        return (Map<String, Object>) value;
    }
}
