package io.idp.platform.cli;

import com.google.gson.JsonParser;
import io.idp.platform.TestProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** What a person sees of a plan in a terminal: it fits the width, shows what changed, and stays short. */
class TerminalOutputTest {
    @TempDir
    Path dir;
    TestProject project;

    @BeforeEach
    void setUp() {
        project = TestProject.copyOfRepository(dir);
    }

    static int widest(String text) {
        return text.lines().mapToInt(line -> line.codePointCount(0, line.length())).max().orElse(0);
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {80, 120})
    void theTreePolicyFindingsAndCriticalPathFitTheTerminal(int columns) {
        assertEquals(0, project.cliWithColumns(columns, "plan", "mgmt", "--critical-path"), project.err());
        var out = project.out();
        assertTrue(out.contains("pulumi:pulumi:Stack"), out);
        assertTrue(out.contains("policy: " + io.idp.platform.policy.PolicyRules.list().size() + " rules"), out);
        assertTrue(out.contains("critical path (estimated minimum pulumi up"), out);
        assertTrue(out.contains("time to a healthy platform (mgmt (management)): platform healthy in about"), out);
        assertTrue(widest(out) <= columns, "widest line " + widest(out) + " of " + columns + ":\n" + out);
        assertTrue(widest(out) > columns - 10, "the width is used: " + widest(out));
    }

    /** The healthy-platform estimate for each kind of cluster, from the shipped stacks. */
    @Test
    void everyKindOfClusterSaysWhenItsPlatformIsHealthy() {
        assertEquals(0, project.cliWithColumns(120, "plan", "mgmt", "--critical-path"), project.err());
        var mgmt = project.out();
        // The Gateway sits in Envoy Gateway's wave: its load balancer provisions while the tools install.
        var flat = mgmt.replaceAll("\\s+", " ");
        assertTrue(flat.contains("wave 10: platform-gateway (with ConfigMap/dashboard-applications, ConfigMap/dashboard-argocd-sync, "
                + "ConfigMap/dashboard-fleet-cluster-health, cert-manager, environments, envoy-gateway, external-secrets, "
                + "gha-runner-scale-set-controller, karpenter, kube-prometheus-stack, kyverno, metrics-server, tempo, velero)"), mgmt);
        assertTrue(mgmt.contains("load balancer for platform-gateway provisioned"), mgmt);
        assertTrue(mgmt.contains("certificates issued by Let's Encrypt (DNS-01)"), mgmt);
        assertTrue(mgmt.contains("(target 25 min: "), mgmt);
        // The waves already start each object once what it needs is healthy: nothing waits without need.
        assertFalse(mgmt.contains("waits without need"), mgmt);
        assertTrue(flat.contains("wave 20: loki (with ExternalSecret/loki-gateway-htpasswd, ExternalSecret/otlp-push-htpasswd, "
                + "HTTPRoute/prometheus-write, SecurityPolicy/prometheus-write, gha-runner-scale-set, karpenter-nodes, kyverno-policies, "
                + "platform-secrets, reloader, trivy-operator, velero-locations)"), mgmt);
        assertTrue(flat.contains("wave 35: ci (with argocd-routes)"), mgmt);
        assertEquals(0, project.cliWithColumns(120, "plan", "production-east", "--critical-path"), project.err());
        var eks = project.out();
        assertTrue(eks.contains("time to a healthy platform (production-east (EKS workload)): platform healthy in about"), eks);
        assertTrue(eks.contains("Argo CD's ApplicationSets generate the cluster's Applications"), eks);
        assertTrue(eks.contains("load balancer for cluster-gateway provisioned"), eks);
        assertFalse(eks.contains("waits without need"), "no waves on a workload cluster:\n" + eks);
        assertEquals(0, project.cliWithColumns(120, "plan", "staging", "--critical-path"), project.err());
        var virtual = project.out();
        assertTrue(virtual.contains("time to a healthy platform (staging (virtual workload)): platform healthy in about"), virtual);
        assertTrue(virtual.contains("(target 5 min: "), virtual);
        assertFalse(virtual.contains("load balancer"), "a virtual cluster has no load balancer of its own:\n" + virtual);
    }

    @Test
    void aWorkloadStackFitsEightyColumnsToo() {
        assertEquals(0, project.cliWithColumns(80, "plan", "mgmt"));
        assertEquals(0, project.cliWithColumns(80, "plan", "production-east"), project.err());
        assertTrue(widest(project.out()) <= 80, project.out());
        assertTrue(project.out().contains("aws:eks:Cluster"), "types in their short form:\n" + project.out());
    }

    @Test
    void wideTerminalsShowWholeTypes() {
        assertEquals(0, project.cliWithColumns(400, "plan", "mgmt"));
        assertTrue(project.out().contains("github:index/repositoryFile:RepositoryFile"), project.out());
        assertTrue(project.out().lines().filter(l -> l.endsWith(" create")).noneMatch(l -> l.contains("…")),
                "nothing in the tree is shortened when it fits:\n" + project.out());
    }

    @Test
    void jsonIsTheSameWhateverTheWidth() {
        assertEquals(0, project.cliWithColumns(80, "plan", "mgmt"));
        assertEquals(0, project.cliWithColumns(80, "plan", "mgmt", "--json"));
        var narrow = project.out();
        assertEquals(0, project.cliWithColumns(120, "plan", "mgmt", "--json"));
        assertEquals(narrow, project.out());
        assertEquals(0, project.cliWithColumns(30, "plan", "mgmt", "--json"));
        assertEquals(narrow, project.out());
        assertTrue(JsonParser.parseString(narrow).getAsJsonObject().get("ok").getAsBoolean());
    }

    @Test
    void aFirstPlanShowsEveryOutputButNoBlobInFull() throws Exception {
        assertEquals(0, project.cliWithColumns(120, "plan", "mgmt"));
        var plan = JsonParser.parseString(Files.readString(project.planFile("mgmt"))).getAsJsonObject();
        var outputs = plan.getAsJsonObject("outputs");
        for (var name : outputs.keySet()) {
            assertTrue(project.out().contains("    " + name + ": "), name + "\n" + project.out());
        }
        var certificate = outputs.get("clusterCertificateAuthority").getAsString();
        assertTrue(certificate.length() > 150, "a long base64 value");
        assertFalse(project.out().contains(certificate), "the certificate is not printed whole");
        assertTrue(project.out().contains("clusterCertificateAuthority: " + certificate.substring(0, 20)), project.out());
        assertTrue(project.out().contains("(" + certificate.length() + " characters)"), project.out());
    }

    @Test
    void aRePlanShowsOnlyTheOutputsThatChanged() {
        assertEquals(0, project.cliWithColumns(120, "plan", "mgmt"));
        project.set("mgmt", "platform:vpcCidr", "10.2.0.0/16");
        assertEquals(0, project.cliWithColumns(120, "plan", "mgmt"));
        var out = project.out();
        assertTrue(out.contains("Outputs changed:"), out);
        assertTrue(out.contains("    ~ vpcCidr: 10.0.0.0/16 => 10.2.0.0/16"), out);
        assertFalse(out.contains("alertsEmail"), "unchanged outputs are not repeated:\n" + out);
        assertEquals(0, project.cliWithColumns(120, "plan", "mgmt"));
        assertFalse(project.out().contains("Outputs"), "nothing changed, no outputs:\n" + project.out());
    }

    @Test
    void aMapDiffShowsTheKeysThatChanged() {
        assertEquals(0, project.cliWithColumns(120, "plan", "mgmt"));
        project.set("mgmt", "platform:tags", Map.of("team", "core", "cost-center", "1234", "owner", "sre"));
        assertEquals(0, project.cliWithColumns(120, "plan", "mgmt"));
        var out = project.out();
        assertTrue(out.contains("~ defaultTags.tags.team: \"platform\" => \"core\""), out);
        assertTrue(out.contains("~ defaultTags.tags.owner: (none) => \"sre\""), out);
        assertFalse(out.contains("cost-center"), "an unchanged key is not shown:\n" + out);
    }

    @Test
    void anUnsupportedGraphFileIsAUsageErrorBeforeAnyWork() {
        assertEquals(2, project.cli("plan", "mgmt", "--graph", "g.png"));
        assertTrue(project.err().contains("--graph g.png: the file name must end in .svg (Graphviz), .dot or .mmd"), project.err());
        assertFalse(Files.exists(project.planFile("mgmt")), "no plan was made");
        assertFalse(Files.exists(dir.resolve(".platform/github")), "nothing was committed");
    }

    @Test
    void theLauncherAloneListsEveryCommand() {
        assertEquals(2, project.cli());
        var first = project.err().lines().findFirst().orElseThrow();
        assertEquals("error: name a command: plan, validate, config-keys, catalog, new-stack, policies, bench", first);
        assertFalse(project.err().contains("bench-workload"), "internal commands stay hidden");
    }

    @Test
    void anUnknownStackListsTheStacksThatExist() {
        assertEquals(1, project.cli("plan", "prod"));
        assertTrue(project.err().contains("there is no stack file Pulumi.prod.yaml"), project.err());
        assertTrue(project.err().contains("the stacks of this project are mgmt, production-east, production-west, staging"), project.err());
        assertEquals(1, project.cli("validate", "prod"));
        assertTrue(project.err().contains("mgmt, production-east, production-west, staging"), project.err());
    }

    @Test
    void newStackRewritesCommentsNamingTheSourcesRegionAndName() {
        assertEquals(0, project.cli("new-stack", "production-central", "--from", "production-east", "--region", "us-east-2"), project.err());
        var text = project.read("Pulumi.production-central.yaml");
        var comments = text.lines().filter(l -> l.startsWith("#")).toList();
        assertTrue(comments.stream().noneMatch(l -> l.contains("us-east-1")), comments.toString());
        assertTrue(comments.stream().anyMatch(l -> l.contains("in us-east-2 for the production environment")), comments.toString());
        assertEquals(1, comments.stream().filter(l -> l.startsWith("# Made with")).count(), comments.toString());
        assertEquals("# Made with ./platform new-stack production-central --from production-east --region us-east-2", comments.get(0));
        assertEquals(0, project.cli("validate", "production-central"), project.err());
    }

    @Test
    void theCheckedInWestStackDescribesItself() throws Exception {
        var comments = Files.readAllLines(Path.of("Pulumi.production-west.yaml")).stream().filter(l -> l.startsWith("#")).toList();
        assertTrue(comments.stream().noneMatch(l -> l.contains("us-east-1")), comments.toString());
        assertTrue(comments.stream().anyMatch(l -> l.contains("us-west-2")), comments.toString());
    }

    @Test
    void problemsOfPulumiYamlAndOfTheStackFileAreReportedTogether() {
        project.replace("Pulumi.yaml", "name: platform", "name: my platform");
        project.set("mgmt", "aws:region", "us-east-9");
        assertEquals(1, project.cli("plan", "mgmt"));
        assertTrue(project.err().contains("2 configuration problems in Pulumi.mgmt.yaml"), project.err());
        assertTrue(project.err().contains("Pulumi.yaml: name = \"my platform\""), project.err());
        assertTrue(project.err().contains("aws:region = \"us-east-9\""), project.err());
    }

    @Test
    void theProjectNameOfPulumiYamlIsInEveryUrn() throws Exception {
        project.replace("Pulumi.yaml", "name: platform", "name: idp");
        assertEquals(0, project.cli("plan", "mgmt", "--json"), project.err());
        var plan = JsonParser.parseString(Files.readString(project.planFile("mgmt"))).getAsJsonObject();
        assertEquals("idp", plan.get("project").getAsString());
        for (var resource : plan.getAsJsonArray("resources")) {
            assertTrue(resource.getAsJsonObject().get("urn").getAsString().startsWith("urn:pulumi:mgmt::idp::"), resource.toString());
        }
    }
}
