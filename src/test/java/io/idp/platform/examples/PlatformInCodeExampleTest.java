package io.idp.platform.examples;

import com.pulumi.Context;
import io.idp.platform.TestProject;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;
import io.idp.platform.local.StackFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * examples/platform-in-code, a Pulumi program of its own that uses the components with code instead
 * of stack configuration, compiled against the platform's classes and planned offline.
 */
class PlatformInCodeExampleTest {
    static final Path EXAMPLE = Path.of("examples/platform-in-code");
    @TempDir
    static Path dir;
    static Plan plan;

    @BeforeAll
    static void compileAndPlan() throws Exception {
        var classes = Files.createDirectories(dir.resolve("classes"));
        var errors = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, errors, errors, "-proc:none",
                "-cp", System.getProperty("java.class.path"), "-d", classes.toString(),
                EXAMPLE.resolve("PlatformInCode.java").toString());
        assertEquals(0, status, "the example does not compile:\n" + errors);
        var loader = new URLClassLoader(new java.net.URL[]{classes.toUri().toURL()}, PlatformInCodeExampleTest.class.getClassLoader());
        var define = loader.loadClass("PlatformInCode").getMethod("define", Context.class, Path.class);

        var project = TestProject.copyOfRepository(Files.createDirectories(dir.resolve("project"))).dir();
        var engine = new OfflineEngine(project);
        // The simulated cloud takes its account from a stack file; the example reads only the secrets from it.
        plan = engine.plan("example", StackFile.read(project, "mgmt"), engine.config("mgmt"), ctx -> {
            try {
                define.invoke(null, ctx, project);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
            }
        }).plan();
    }

    @Test
    void theExampleIsItsOwnPulumiProjectOfAboutAScreenful() throws Exception {
        assertTrue(Files.readString(EXAMPLE.resolve("Pulumi.yaml")).contains("runtime: java"));
        var lines = Files.readAllLines(EXAMPLE.resolve("PlatformInCode.java")).size();
        assertTrue(lines <= 75, "PlatformInCode.java has " + lines + " lines");
    }

    @Test
    void itPlansAManagementClusterAndAVirtualWorkloadClusterUnderIt() {
        var hub = one("platform:components:ManagementCluster", "hub");
        var preview = one("platform:components:WorkloadCluster", "preview");
        assertEquals(hub.urn(), one("platform:components:EksCluster", "hub").parent());
        assertEquals(hub.urn(), one("platform:components:Network", "hub").parent());
        assertEquals(preview.urn(), one("platform:components:VirtualCluster", "preview").parent());
        assertEquals("1.35", one("aws:eks/cluster:Cluster", "hub-cluster").inputs().get("version"));
        assertEquals("10.40.0.0/16", one("aws:ec2/vpc:Vpc", "hub-vpc").inputs().get("cidrBlock"));
    }

    @Test
    void itExportsTheComponentsTypedOutputs() {
        assertEquals("https://argocd.hub.apps.example.org", plan.outputs().get("argocdUrl"));
        assertEquals("example-org/gitops", plan.outputs().get("gitopsRepo"));
        assertEquals("https://preview.vcluster-preview.svc", plan.outputs().get("previewServer"));
        assertTrue(plan.secretOutputs().contains("kubeconfig"), plan.secretOutputs().toString());
    }

    private static PlannedResource one(String type, String name) {
        var found = plan.resources().stream().filter(r -> r.type().equals(type) && r.name().equals(name)).toList();
        assertEquals(1, found.size(), type + " " + name);
        return found.get(0);
    }
}
