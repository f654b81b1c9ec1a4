package io.idp.platform.stacks;

import com.google.gson.JsonParser;
import io.idp.platform.local.StackDirectory;
import io.idp.platform.local.StackFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static io.idp.platform.stacks.Workflows.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The workflows take their stacks from the stack files through tools/ci/stacks: the script against the
 * program's own reading of the files, a new stack file reaching every workflow's matrix, the deploy
 * order and concurrency, the drift schedule, and action-validator on every workflow.
 */
class WorkflowStacksTest {
    static final Path SCRIPT = Path.of("tools/ci/stacks").toAbsolutePath();
    static final Pattern STACKS_OUTPUT = Pattern.compile("\\$\\{\\{ *needs\\.stacks\\.outputs\\.(\\w+) *}}");
    static final Pattern STACKS_MATRIX = Pattern.compile("\\$\\{\\{ *fromJSON\\(needs\\.stacks\\.outputs\\.(\\w+)\\) *}}");

    record Discovery(int exit, String out, String errors) {
        String management() {
            return JsonParser.parseString(out).getAsJsonObject().get("management").getAsString();
        }

        List<String> list(String key) {
            return JsonParser.parseString(out).getAsJsonObject().getAsJsonArray(key).asList().stream()
                    .map(e -> e.getAsString()).toList();
        }
    }

    /** The script under the system's POSIX sh, with DIR when given. */
    static Discovery discover(Path dir) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
        if (dir != null) {
            command.add(dir.toString());
        }
        var errors = Files.createTempFile("stacks", ".err");
        try {
            var process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            var out = new String(process.getInputStream().readAllBytes()).trim();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "tools/ci/stacks timed out");
            return new Discovery(process.exitValue(), out, Files.readString(errors));
        } finally {
            Files.delete(errors);
        }
    }

    record Roles(String management, List<String> workloads) {
        List<String> all() {
            var all = new ArrayList<String>();
            all.add(management);
            all.addAll(workloads);
            return all;
        }
    }

    /** The roles as the program itself reads the stack files. */
    static Roles rolesFromStackFiles(Path dir) {
        var management = new ArrayList<String>();
        var workloads = new ArrayList<String>();
        for (var stack : new StackDirectory(dir).stacks()) {
            var role = StackFile.read(dir, stack).get("platform:role").orElseThrow();
            switch (role) {
                case "management" -> management.add(stack);
                case "workload" -> workloads.add(stack);
                default -> fail(stack + " has role " + role);
            }
        }
        assertEquals(1, management.size(), "one management stack: " + management);
        return new Roles(management.get(0), workloads);
    }

    @Test
    void discoveryListsExactlyTheRepositorysStacksWithTheirRoles() throws Exception {
        var result = discover(null);
        assertEquals(0, result.exit(), result.errors());
        var roles = rolesFromStackFiles(Path.of("."));
        assertEquals("mgmt", result.management());
        assertEquals(roles.management(), result.management());
        assertEquals(roles.workloads(), result.list("workloads"));
        assertFalse(roles.workloads().isEmpty());
        assertEquals(roles.all(), result.list("all"), "the management stack first, then the workloads by name");
    }

    /** A copy of the repository's stack files and the discovery script, plus one new region's file. */
    static Path repositoryWithANewRegion(Path dir) throws IOException {
        var script = dir.resolve("tools/ci/stacks");
        Files.createDirectories(script.getParent());
        Files.copy(SCRIPT, script);
        assertTrue(script.toFile().setExecutable(true));
        for (var stack : new StackDirectory(Path.of(".")).stacks()) {
            Files.copy(StackFile.path(Path.of("."), stack), StackFile.path(dir, stack));
        }
        var west = Files.readString(Path.of("Pulumi.production-west.yaml"));
        var eu = west.replace("aws:region: us-west-2", "aws:region: eu-central-1")
                .replace("platform:clusterName: production-west", "platform:clusterName: production-eu")
                .replace("platform:vpcCidr: 10.1.0.0/16", "platform:vpcCidr: 10.2.0.0/16");
        assertNotEquals(west, eu);
        assertTrue(eu.contains("eu-central-1") && eu.contains("production-eu") && eu.contains("10.2.0.0/16"), eu);
        Files.writeString(dir.resolve("Pulumi.production-eu.yaml"), eu);
        return dir;
    }

    @Test
    void aNewStackFileIsDiscovered(@TempDir Path dir) throws Exception {
        repositoryWithANewRegion(dir);
        var result = discover(dir);
        assertEquals(0, result.exit(), result.errors());
        var roles = rolesFromStackFiles(dir);
        assertTrue(roles.workloads().contains("production-eu"), roles.toString());
        assertEquals(roles.management(), result.management());
        assertEquals(roles.workloads(), result.list("workloads"));
        assertEquals(roles.all(), result.list("all"));
    }

    @Test
    void everyBadStackFileIsReportedAtOnceAndNothingIsListed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Pulumi.mgmt.yaml"), "config:\n  platform:role: management\n");
        Files.writeString(dir.resolve("Pulumi.mgmt2.yaml"), "config:\n  platform:role: 'management' # copied by mistake\n");
        Files.writeString(dir.resolve("Pulumi.east.yaml"), "config:\n  aws:region: us-east-1\n");
        Files.writeString(dir.resolve("Pulumi.west.yaml"), "config:\n  platform:role: workloads\n");
        Files.writeString(dir.resolve("Pulumi.ok.yaml"), "config:\n  platform:role: \"workload\"\n");
        var result = discover(dir);
        assertEquals(1, result.exit());
        assertEquals("", result.out(), "nothing for a matrix when a file is bad");
        var errors = result.errors();
        assertTrue(errors.contains("Pulumi.east.yaml: platform:role = (not set)"), errors);
        assertTrue(errors.contains("Pulumi.west.yaml: platform:role = \"workloads\": not a role"), errors);
        assertTrue(errors.contains("allowed: management, workload"), errors);
        assertTrue(errors.contains("example: platform:role: workload"), errors);
        assertTrue(errors.contains("Pulumi.mgmt.yaml, Pulumi.mgmt2.yaml all set platform:role: management"), errors);
        assertFalse(errors.contains("Pulumi.ok.yaml"), errors);
    }

    @Test
    void withoutAManagementStackDiscoverySaysWhichRoleIsMissing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Pulumi.east.yaml"), "config:\n  platform:role: workload\n");
        var result = discover(dir);
        assertEquals(1, result.exit());
        assertTrue(result.errors().contains("no stack file sets platform:role: management"), result.errors());
        var empty = discover(Files.createDirectory(dir.resolve("empty")));
        assertEquals(1, empty.exit());
        assertTrue(empty.errors().contains("has no Pulumi.<stack>.yaml files"), empty.errors());
    }

    @Test
    void aNewStackFileReachesEveryWorkflowsMatrixThroughItsDiscoveryStep(@TempDir Path dir) throws Exception {
        repositoryWithANewRegion(dir);
        var roles = rolesFromStackFiles(dir);
        var lists = Map.of("workloads", roles.workloads(), "all", roles.all());
        for (var name : NAMES) {
            var workflow = load(name);
            var stacksJob = job(workflow, "stacks");
            var step = step(stacksJob, "discover");
            assertTrue(((String) step.get("run")).contains("tools/ci/stacks"), name + ": the discover step runs tools/ci/stacks");
            var result = Workflows.run(step, dir, Map.of());
            assertEquals(0, result.exit(), name + ":\n" + result.log());
            var jobOutputs = map(stacksJob.get("outputs"), name + " stacks outputs");
            var matrices = 0;
            for (var entry : map(workflow.get("jobs"), "jobs").entrySet()) {
                var job = map(entry.getValue(), entry.getKey());
                var strategy = job.get("strategy");
                if (strategy == null) {
                    continue;
                }
                var stack = map(map(strategy, "strategy").get("matrix"), "matrix").get("stack");
                var matcher = STACKS_MATRIX.matcher(String.valueOf(stack));
                assertTrue(matcher.matches(), name + " " + entry.getKey() + ": the matrix comes from discovery, not a list: " + stack);
                assertTrue(needs(job).contains("stacks"), name + " " + entry.getKey() + " needs the stacks job");
                var output = resolve(jobOutputs, matcher.group(1), result);
                var stacks = JsonParser.parseString(output).getAsJsonArray().asList().stream().map(e -> e.getAsString()).toList();
                assertEquals(lists.get(matcher.group(1)), stacks, name + " " + entry.getKey());
                assertTrue(stacks.contains("production-eu"), name + " " + entry.getKey() + ": " + stacks);
                matrices++;
            }
            assertTrue(matrices > 0, name + " has a stack matrix");
            if (jobOutputs.containsKey("management")) {
                assertEquals(roles.management(), resolve(jobOutputs, "management", result), name);
            }
        }
    }

    /** A stacks job output, from the discover step's GITHUB_OUTPUT as the job maps it. */
    static String resolve(Map<String, Object> jobOutputs, String output, Workflows.StepResult step) {
        var expression = String.valueOf(jobOutputs.get(output));
        var matcher = Pattern.compile("\\$\\{\\{ *steps\\.discover\\.outputs\\.(\\w+) *}}").matcher(expression);
        assertTrue(matcher.matches(), "the stacks job's output " + output + " comes from the discover step: " + expression);
        var value = step.outputs().get(matcher.group(1));
        assertNotNull(value, "the discover step wrote no " + matcher.group(1) + ": " + step.outputs());
        return value;
    }

    @Test
    void theOfflinePlanPlansEveryDiscoveredStackManagementFirst(@TempDir Path dir) throws Exception {
        repositoryWithANewRegion(dir);
        var roles = rolesFromStackFiles(dir);
        var job = job(load("preview.yaml"), "offline-plan");
        var env = map(job.get("env"), "offline-plan env");
        var matcher = STACKS_OUTPUT.matcher(String.valueOf(env.get("STACKS")));
        assertTrue(matcher.matches(), "STACKS comes from discovery: " + env.get("STACKS"));
        assertEquals("all", matcher.group(1));
        // The base branch's plan step, with a stand-in ./platform that records the stacks it plans.
        var planned = dir.resolve("planned.txt");
        executable(dir, "platform", "#!/bin/sh\necho \"$2\" >> '" + planned + "'\n");
        Map<String, Object> base = null;
        for (var step : list(job.get("steps"), "steps")) {
            if ("Plan the base branch".equals(map(step, "step").get("name"))) {
                base = map(step, "step");
            }
        }
        assertNotNull(base);
        var stacks = com.google.gson.JsonParser.parseString(discover(dir).out()).getAsJsonObject().get("all").toString();
        var result = Workflows.run(base, dir, Map.of("STACKS", stacks));
        assertEquals(0, result.exit(), result.log());
        assertEquals(roles.all(), Files.readAllLines(planned));
    }

    @Test
    void noWorkflowNamesAStack() throws Exception {
        var stacks = rolesFromStackFiles(Path.of(".")).all();
        for (var name : NAMES) {
            var text = Files.readString(DIR.resolve(name));
            for (var stack : stacks) {
                assertFalse(Pattern.compile("(?<![\\w.-])" + Pattern.quote(stack) + "(?![\\w-])").matcher(text).find(),
                        name + " names the stack " + stack + "; it must come from tools/ci/stacks");
            }
        }
    }

    @Test
    void deployRunsTheManagementStackFirstThenTheWorkloadsInParallel() throws Exception {
        var workflow = load("deploy.yaml");
        var management = job(workflow, "management");
        var workloads = job(workflow, "workloads");
        assertEquals(List.of("stacks"), needs(management));
        assertTrue(needs(workloads).containsAll(List.of("stacks", "management")), "workloads need management: " + needs(workloads));
        assertEquals("${{ needs.stacks.outputs.management }}", pulumiInputs(management, "up").get("stack-name"));
        assertEquals("${{ matrix.stack }}", pulumiInputs(workloads, "up").get("stack-name"));
        var strategy = map(workloads.get("strategy"), "strategy");
        assertEquals(false, strategy.get("fail-fast"), "one region's failure does not cancel the others");
        assertEquals("${{ fromJSON(needs.stacks.outputs.workloads) }}", map(strategy.get("matrix"), "matrix").get("stack"));
        assertEquals(true, pulumiInputs(workloads, "up").get("upsert"), "a new stack file's first deploy creates its stack");
    }

    @Test
    void twoPulumiUpOfOneStackNeverRunAtOnce() throws Exception {
        var workflow = load("deploy.yaml");
        assertNull(workflow.get("concurrency"), "per-stack groups, not one group that serialises every stack");
        var groups = new ArrayList<String>();
        for (var entry : Map.of("management", "needs.stacks.outputs.management", "workloads", "matrix.stack").entrySet()) {
            var concurrency = map(job(workflow, entry.getKey()).get("concurrency"), entry.getKey() + " concurrency");
            assertEquals(false, concurrency.get("cancel-in-progress"), "a running pulumi up is never cancelled");
            var group = String.valueOf(concurrency.get("group"));
            assertTrue(group.matches(".*\\$\\{\\{ *" + Pattern.quote(entry.getValue()) + " *}}.*"),
                    entry.getKey() + ": the group holds the stack name: " + group);
            groups.add(group.replaceAll("\\$\\{\\{[^}]*}}", "<stack>"));
        }
        assertEquals(groups.get(0), groups.get(1), "one stack's group is the same whichever job deploys it: " + groups);
    }

    @Test
    void theDriftCheckIsScheduledAndPreviewsWithExpectNoChangesAndRefresh() throws Exception {
        var workflow = load("drift.yaml");
        var schedule = list(triggers(workflow).get("schedule"), "schedule");
        var cron = String.valueOf(map(schedule.get(0), "schedule entry").get("cron"));
        assertEquals(5, cron.trim().split("\\s+").length, "a five-field cron: " + cron);
        var check = job(workflow, "check");
        assertEquals("${{ fromJSON(needs.stacks.outputs.all) }}", map(map(check.get("strategy"), "strategy").get("matrix"), "matrix").get("stack"));
        var preview = step(check, "preview");
        var run = (String) preview.get("run");
        assertTrue(run.matches("(?s).*pulumi preview --stack \"\\$STACK\"[^\\n]*--expect-no-changes[^\\n]*--refresh.*"), run);
        assertEquals("${{ matrix.stack }}", map(preview.get("env"), "env").get("STACK"));
    }

    @Test
    void onlyTheJobThatWritesIssuesMayWriteIssues() throws Exception {
        var workflow = load("drift.yaml");
        assertEquals(Map.of("contents", "read"), workflow.get("permissions"));
        assertEquals(Map.of("issues", "write"), job(workflow, "report").get("permissions"));
        assertEquals(Map.of("contents", "read", "id-token", "write"), job(workflow, "check").get("permissions"));
        assertEquals(List.of("check"), needs(job(workflow, "report")));
        assertNull(job(workflow, "stacks").get("permissions"), "the discovery job keeps the workflow's read-only token");
    }

    @Test
    void onlyJobsThatAssumeACloudRoleMayRequestAnOidcToken() throws Exception {
        for (var name : NAMES) {
            var workflow = load(name);
            assertFalse(String.valueOf(workflow.get("permissions")).contains("id-token"), name + " grants id-token to every job");
            for (var entry : map(workflow.get("jobs"), "jobs").entrySet()) {
                var job = map(entry.getValue(), entry.getKey());
                var assumes = String.valueOf(job.get("steps")).contains("aws-actions/configure-aws-credentials");
                var oidc = String.valueOf(job.get("permissions")).contains("id-token=write");
                assertEquals(assumes, oidc, name + " " + entry.getKey());
            }
        }
    }

    /** The with: of a job's pulumi/actions step running command. */
    static Map<String, Object> pulumiInputs(Map<String, Object> job, String command) {
        for (var step : list(job.get("steps"), "steps")) {
            var s = map(step, "step");
            if (String.valueOf(s.get("uses")).startsWith("pulumi/actions@") && s.get("with") != null
                    && command.equals(map(s.get("with"), "with").get("command"))) {
                return map(s.get("with"), "with");
            }
        }
        throw new AssertionError("no pulumi/actions step running " + command + " in " + job.get("steps"));
    }

    @Test
    void everyWorkflowPassesActionValidator() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(DeliveryToolsTest.VALIDATOR),
                "run tools/ci/install first (.ci/run does): action-validator is not installed here");
        for (var name : NAMES) {
            var result = DeliveryToolsTest.run(DeliveryToolsTest.VALIDATOR.toString(), DIR.resolve(name).toString());
            assertEquals(0, result.exit(), name + ":\n" + result.output());
        }
    }
}
