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
import java.util.function.Consumer;

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
    static final String FLEET = "registry/clusters/mgmt/fleet-addons.yaml";
    static final String KYVERNO = "registry/clusters/mgmt/kyverno.yaml";
    static final String APP_PROJECTS = "registry/clusters/mgmt/app-projects-applications.yaml";

    /**
     * The deliberate differences, applied to the files from before: each file, the document and the change.
     * <ul>
     * <li>The fleet's Reloader runs with a read-only root file system, as the management cluster's did
     * (the two copies of its values had drifted apart).</li>
     * <li>Kyverno's Application no longer lists {@code Replace=false}: it is Argo CD's default, and every
     * tool's Application now has the same sync options.</li>
     * <li>Each application's project gives a role to every team of people.yaml narrower than the
     * developers (the example's {@code contractors}, in development and staging): get, sync and logs
     * on that application in those environments only.</li>
     * </ul>
     */
    static final Map<String, Consumer<List<Object>>> DELIBERATE = Map.of(
            FLEET, documents -> {
                var reloader = document(documents, "fleet-reloader");
                var values = map(map(map(map(map(reloader, "spec"), "template"), "spec"), "source"), "helm");
                map(map(values, "valuesObject"), "reloader").put("readOnlyRootFileSystem", true);
            },
            KYVERNO, documents -> {
                @SuppressWarnings("unchecked")
                var options = (List<Object>) map(map(document(documents, "kyverno"), "spec"), "syncPolicy").get("syncOptions");
                assertTrue(options.remove("Replace=false"), "the kyverno Application from before lists Replace=false");
            },
            APP_PROJECTS, documents -> {
                var policies = new ArrayList<String>();
                for (var application : List.of("hello-development-staging", "hello-staging-staging")) {
                    for (var action : List.of("applications, get", "applications, sync", "logs, get")) {
                        policies.add("p, proj:app-hello:contractors, " + action + ", app-hello/" + application + ", allow");
                    }
                }
                map(document(documents, "app-hello"), "spec").put("roles", List.of(Map.of(
                        "name", "contractors",
                        "description", "contractors in development, staging",
                        "groups", List.of("acme-platform:contractors"),
                        "policies", policies)));
            });

    /**
     * Tools added since: their files are additions (each listed in {@link #ADDED_FILES}), and what they add
     * to files that existed (their chart repository and namespace in the projects, their ApplicationSets in
     * the fleet's file) is taken out of the current files before those are compared, nothing else.
     */
    static final List<String> ADDED_TOOLS = List.of("metrics-server");
    static final Map<String, List<String>> ADDED_FILES = Map.of(
            "mgmt", List.of(
                    "registry/clusters/mgmt/metrics-server.yaml",
                    "registry/clusters/mgmt/manifests/network-policies/metrics-server.yaml",
                    "registry/fleet/network-policies/workload-eks/metrics-server.yaml"),
            "production-east", List.of(), "production-west", List.of(), "staging", List.of());

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
                if (stack.equals("mgmt") && DELIBERATE.containsKey(file)) {
                    DELIBERATE.get(file).accept(expected);
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
        var fleet = parse(NOW.get("mgmt").get(FLEET));
        var values = map(map(map(map(map(document(fleet, "fleet-reloader"), "spec"), "template"), "spec"), "source"), "helm");
        assertEquals(true, map(map(values, "valuesObject"), "reloader").get("readOnlyRootFileSystem"));
        var kyverno = parse(NOW.get("mgmt").get(KYVERNO));
        assertEquals(List.of("CreateNamespace=true", "ServerSideApply=true"),
                map(map(document(kyverno, "kyverno"), "spec"), "syncPolicy").get("syncOptions"));
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
