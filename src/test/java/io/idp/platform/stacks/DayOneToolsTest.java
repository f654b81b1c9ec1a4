package io.idp.platform.stacks;

import io.idp.platform.TestProject;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The tools every cluster has from its first day (metrics, node autoscaling, backups), as the management
 * stack, a physical workload stack and a virtual one render and register them.
 */
class DayOneToolsTest {
    @TempDir
    static Path dir;
    static Plan mgmt;
    static Plan eks;
    static Plan virtual;

    @BeforeAll
    static void plan() {
        TestProject.copyOfRepository(dir);
        var engine = new OfflineEngine(dir);
        mgmt = engine.plan("mgmt").plan();
        engine.plans().write(mgmt);
        eks = engine.plan("production-east").plan();
        virtual = engine.plan("staging").plan();
    }

    @Test
    void metricsServerRunsOnPhysicalClustersAndVirtualOnesProxyTheHosts() {
        var application = document(gitopsFile(mgmt, "registry/clusters/mgmt/metrics-server.yaml"), "metrics-server");
        assertEquals("10", at(application, "metadata", "annotations", "argocd.argoproj.io/sync-wave"));
        var values = at(application, "spec", "source", "helm", "valuesObject");
        assertEquals(2, at(values, "replicas"));
        assertEquals(Map.of("enabled", true, "minAvailable", 1), at(values, "podDisruptionBudget"));

        var fleet = document(gitopsFile(mgmt, "registry/clusters/mgmt/fleet-addons.yaml"), "fleet-metrics-server");
        assertEquals(Map.of("enable_metrics_server", "true"),
                at(((List<?>) at(fleet, "spec", "generators")).get(0), "clusters", "selector", "matchLabels"));
        assertEquals(2, at(fleet, "spec", "template", "spec", "source", "helm", "valuesObject", "replicas"));

        assertEquals("true", at(named(eks, "kubernetes:core/v1:Secret", "cluster-production-east").inputs(),
                "metadata", "labels", "enable_metrics_server"));
        var registration = named(virtual, "kubernetes:external-secrets.io/v1:ExternalSecret", "staging-registration").inputs();
        assertNull(at(registration, "spec", "target", "template", "metadata", "labels", "enable_metrics_server"),
                "a virtual cluster has no kubelets of its own for a metrics-server");
        var vcluster = virtual.ofType("kubernetes:helm.sh/v3:Release").get(0).inputs().get("values");
        assertEquals(true, at(vcluster, "integrations", "metricsServer", "enabled"));
    }

    static PlannedResource named(Plan plan, String type, String name) {
        return plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }

    static String gitopsFile(Plan plan, String path) {
        return plan.ofType("github:index/repositoryFile:RepositoryFile").stream()
                .filter(f -> "gitops".equals(f.inputs().get("repository")) && path.equals(f.inputs().get("file")))
                .map(f -> String.valueOf(f.inputs().get("content"))).findFirst()
                .orElseThrow(() -> new AssertionError("the plan commits no " + path));
    }

    static Object document(String text, String name) {
        var documents = new ArrayList<Object>();
        new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text).forEach(documents::add);
        return documents.stream().filter(d -> name.equals(at(d, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no object named " + name));
    }

    /** The value at a path of maps, or null where the path ends early. */
    static Object at(Object node, String... path) {
        for (var key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }
}
