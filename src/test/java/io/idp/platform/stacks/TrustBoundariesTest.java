package io.idp.platform.stacks;

import com.google.gson.JsonParser;
import io.idp.platform.TestProject;
import io.idp.platform.components.GitopsBoundaries;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.idp.platform.stacks.Workflows.*;
import static org.junit.jupiter.api.Assertions.*;

/** Who can change what: CI trust matched to the workflows, repository rules, credentials, pinned actions. */
class TrustBoundariesTest {
    static final String ROLE = "aws:iam/role:Role";
    static final String RULESET = "github:index/repositoryRuleset:RepositoryRuleset";
    static final String ENVIRONMENT = "github:index/repositoryEnvironment:RepositoryEnvironment";
    static Plan plan;

    @BeforeAll
    static void planMgmt(@TempDir Path dir) {
        TestProject.copyOfRepository(dir);
        plan = new OfflineEngine(dir).plan("mgmt").plan();
    }

    static PlannedResource named(String type, String name) {
        return plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }

    static List<String> subjects(String role) {
        var statement = JsonParser.parseString(String.valueOf(named(ROLE, role).inputs().get("assumeRolePolicy"))).getAsJsonObject()
                .getAsJsonArray("Statement").get(0).getAsJsonObject();
        return statement.getAsJsonObject("Condition").getAsJsonObject("StringEquals")
                .getAsJsonArray("token.actions.githubusercontent.com:sub").asList().stream().map(e -> e.getAsString()).toList();
    }

    /** The environments of the jobs that assume the role held in the repository variable. */
    static Set<String> environmentsAssuming(String roleVariable) throws Exception {
        var environments = new TreeSet<String>();
        for (var name : NAMES) {
            for (var entry : map(load(name).get("jobs"), "jobs").entrySet()) {
                var job = map(entry.getValue(), entry.getKey());
                if (String.valueOf(job.get("steps")).contains("role-to-assume=${{ vars." + roleVariable + " }}")) {
                    assertNotNull(job.get("environment"), name + " " + entry.getKey() + " assumes a CI role outside an environment");
                    environments.add(String.valueOf(job.get("environment")));
                }
            }
        }
        return environments;
    }

    static Set<String> environmentsOf(List<String> subjects) {
        return subjects.stream().map(s -> s.substring(s.lastIndexOf(":environment:") + ":environment:".length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void eachCiRoleTrustsExactlyTheEnvironmentsOfTheJobsThatAssumeIt() throws Exception {
        for (var subject : subjects("bots-ci-deploy")) {
            assertTrue(subject.startsWith("repo:acme-platform/platform:environment:"), subject);
        }
        assertEquals(Set.of("platform"), environmentsOf(subjects("bots-ci-deploy")));
        assertEquals(environmentsAssuming("AWS_DEPLOY_ROLE_ARN"), environmentsOf(subjects("bots-ci-deploy")));
        assertEquals(Set.of("preview", "drift"), environmentsOf(subjects("bots-ci-preview")));
        assertEquals(environmentsAssuming("AWS_PREVIEW_ROLE_ARN"), environmentsOf(subjects("bots-ci-preview")));
    }

    @Test
    void thePlatformRepositorysEnvironmentsLimitWhoRunsInThem() {
        for (var name : List.of("bots-ci-platform", "bots-ci-drift")) {
            var environment = named(ENVIRONMENT, name).inputs();
            assertEquals("platform", environment.get("repository"));
            assertEquals(Map.of("protectedBranches", true, "customBranchPolicies", false), environment.get("deploymentBranchPolicy"), name);
            assertEquals(false, environment.get("canAdminsBypass"), name);
        }
        var preview = named(ENVIRONMENT, "bots-ci-preview").inputs();
        var team = named("github:index/team:Team", "bots-ci-preview-approvers");
        assertEquals(List.of(Long.parseLong(String.valueOf(team.outputs().get("id")))),
                ((Map<?, ?>) ((List<?>) preview.get("reviewers")).get(0)).get("teams"));
        assertEquals(true, preview.get("preventSelfReview"));
        assertEquals(false, preview.get("canAdminsBypass"));
    }

    @Test
    void pullRequestCodeRunsWithoutSecretsAndTheWritingJobRunsNoneOfIt() throws Exception {
        var workflow = load("preview.yaml");
        assertEquals(Map.of("contents", "read"), workflow.get("permissions"));
        var plan = job(workflow, "offline-plan");
        assertEquals(Map.of("contents", "read"), plan.get("permissions"));
        assertFalse(plan.toString().contains("secrets."), "the offline plan reads no secret");
        assertNull(plan.get("environment"));
        var comment = job(workflow, "comment");
        assertEquals(Map.of("pull-requests", "write"), comment.get("permissions"));
        assertFalse(comment.toString().contains("actions/checkout"), "the writing job checks out no code");
        var preview = job(workflow, "pulumi-preview");
        assertEquals("preview", preview.get("environment"), "the credentialed preview waits for a reviewer");
        for (var name : NAMES) {
            var text = Files.readString(DIR.resolve(name));
            var secrets = Pattern.compile("secrets\\.([A-Z_]+)").matcher(text).results().map(m -> m.group(1)).collect(Collectors.toSet());
            for (var entry : map(load(name).get("jobs"), "jobs").entrySet()) {
                var job = map(entry.getValue(), entry.getKey());
                if (job.toString().contains("secrets.")) {
                    assertNotNull(job.get("environment"), name + " " + entry.getKey() + " reads " + secrets + " outside an environment");
                }
            }
        }
    }

    @Test
    void gitopsMainBindsAdminsNamesItsChecksAndOnlyTheBotBypasses() {
        var team = named("github:index/team:Team", "bots-git-bot");
        assertEquals(true, team.inputs().get("createDefaultMaintainer"), "the bot creates the team and is its member");
        for (var name : List.of("gitops-main", "hello-main", "app-template-main")) {
            var ruleset = named(RULESET, name).inputs();
            assertEquals("active", ruleset.get("enforcement"), name);
            assertEquals(List.of(Map.of("actorType", "Team", "actorId", Long.parseLong(String.valueOf(team.outputs().get("id"))),
                    "bypassMode", "always")), ruleset.get("bypassActors"), name);
            assertEquals(List.of("~DEFAULT_BRANCH"), map(map(ruleset.get("conditions"), "conditions").get("refName"), "refName").get("includes"));
            var rules = map(ruleset.get("rules"), "rules");
            assertEquals(true, rules.get("deletion"), name);
            assertEquals(true, rules.get("nonFastForward"), name);
            assertEquals(true, map(rules.get("pullRequest"), "pullRequest").get("requireCodeOwnerReview"), name);
            assertEquals(List.of("squash"), map(rules.get("pullRequest"), "pullRequest").get("allowedMergeMethods"), name);
            assertEquals(true, rules.get("requiredSignatures"), name);
        }
        assertEquals(List.of(Map.of("context", "validate")), checks("gitops-main"));
        assertEquals(List.of(Map.of("context", "test"), Map.of("context", "chart")), checks("hello-main"));
    }

    static Object checks(String ruleset) {
        return map(map(map(named(RULESET, ruleset).inputs().get("rules"), "rules").get("requiredStatusChecks"), "checks"), "checks")
                .get("requiredChecks");
    }

    static String file(String repository, String path) {
        return plan.ofType("github:index/repositoryFile:RepositoryFile").stream()
                .filter(f -> repository.equals(f.inputs().get("repository")) && path.equals(f.inputs().get("file")))
                .map(f -> String.valueOf(f.inputs().get("content"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + path + " committed to " + repository));
    }

    @Test
    void codeOwnersGiveTheRegistryAndGeneratorsToAdminsAndEachAppsPinsToItsTeam() {
        var owners = file("gitops", ".github/CODEOWNERS");
        var lines = owners.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> List.of(l.trim().split("\\s+"))).toList();
        assertTrue(lines.contains(List.of("/registry/", "@acme-platform/platform-admins")), owners);
        assertTrue(lines.contains(List.of("/environments/*/environment.yaml", "@acme-platform/platform-admins")), owners);
        assertTrue(lines.contains(List.of("/environments/*/apps/hello/", "@acme-platform/hello-release-approvers")), owners);
        assertEquals(List.of("*", "@acme-platform/platform-admins"), lines.get(0), "admins own what no later line gives away");
        var app = file("hello", ".github/CODEOWNERS");
        assertTrue(app.contains("*            @acme-platform/hello-release-approvers"), app);
        assertTrue(app.contains("/.github/    @acme-platform/platform-admins"), app);
    }

    @Test
    void theGitopsChecksJobIsTheRequiredCheckAndRejectsABrokenFile(@TempDir Path dir) throws Exception {
        Map<String, Object> workflow = new Yaml().load(file("gitops", GitopsBoundaries.VALIDATE_WORKFLOW));
        var jobs = map(workflow.get("jobs"), "jobs");
        assertEquals(new TreeSet<>(GitopsBoundaries.REQUIRED_CHECKS), new TreeSet<>(jobs.keySet()));
        var step = map(list(map(jobs.get("validate"), "validate").get("steps"), "steps").get(1), "step");
        var script = ((String) step.get("run")).replace("pip install --quiet pyyaml==6.0.2\n", "");
        Files.writeString(dir.resolve("good.yaml"), "a: 1\n");
        var good = run(Map.of("run", script), dir, Map.of());
        org.junit.jupiter.api.Assumptions.assumeFalse(good.log().contains("No module named 'yaml'"), "python3 has no PyYAML here");
        assertEquals(0, good.exit(), good.log());
        Files.writeString(dir.resolve("bad.yaml"), "a: [1\n");
        var bad = run(Map.of("run", script), dir, Map.of());
        assertEquals(1, bad.exit(), bad.log());
        assertTrue(bad.log().contains("bad.yaml"), bad.log());
    }

    @Test
    void theGitopsWorkflowPassesActionValidator(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(DeliveryToolsTest.VALIDATOR),
                "run tools/ci/install first (.ci/run does): action-validator is not installed here");
        var workflow = dir.resolve("validate.yaml");
        Files.writeString(workflow, file("gitops", GitopsBoundaries.VALIDATE_WORKFLOW));
        var result = DeliveryToolsTest.run(DeliveryToolsTest.VALIDATOR.toString(), workflow.toString());
        assertEquals(0, result.exit(), result.output());
    }

    @Test
    void gitopsTokensAreSecretsOfMainOnlyEnvironmentsNeverOfARepository() {
        assertEquals(List.of(), plan.ofType("github:index/actionsSecret:ActionsSecret"));
        var secrets = plan.ofType("github:index/actionsEnvironmentSecret:ActionsEnvironmentSecret");
        assertEquals(Set.of("development", "staging", "production"),
                secrets.stream().map(s -> String.valueOf(s.inputs().get("environment"))).collect(Collectors.toSet()));
        for (var secret : secrets) {
            assertEquals("GITOPS_TOKEN", secret.inputs().get("secretName"));
            assertEquals("[secret]", secret.inputs().get("plaintextValue"));
            var environment = named(ENVIRONMENT, "hello-" + secret.inputs().get("environment")).inputs();
            assertEquals(Map.of("protectedBranches", true, "customBranchPolicies", false), environment.get("deploymentBranchPolicy"));
            assertEquals(false, environment.get("canAdminsBypass"));
        }
    }

    static final Pattern PINNED = Pattern.compile("^\\s*-?\\s*uses: ([\\w.-]+/[\\w./-]+)@([0-9a-f]{40}) # v\\d+(\\.\\d+)*$");

    static List<Path> workflowFiles() throws Exception {
        var files = new ArrayList<Path>();
        for (var dir : List.of(DIR, Path.of("apps/template/.github/workflows"))) {
            try (var list = Files.list(dir)) {
                list.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void everyThirdPartyActionIsPinnedByCommitWithItsVersion() throws Exception {
        var pinned = 0;
        for (var file : workflowFiles()) {
            for (var line : Files.readAllLines(file)) {
                if (line.matches("^\\s*-?\\s*uses: .*") && !line.contains("uses: ./")) {
                    assertTrue(PINNED.matcher(line).matches(), file + ": " + line.trim());
                    pinned++;
                }
            }
        }
        assertTrue(pinned >= 30, "pinned uses: " + pinned);
        var gitops = GitopsBoundaries.files("o", "a", List.of()).get(GitopsBoundaries.VALIDATE_WORKFLOW);
        assertTrue(gitops.lines().filter(l -> l.contains("uses:")).allMatch(l -> PINNED.matcher(l).matches()), gitops);
    }

    @Test
    void oneActionIsPinnedToOneCommitEverywhere() throws Exception {
        var commits = new java.util.HashMap<String, Set<String>>();
        for (var file : workflowFiles()) {
            for (var line : Files.readAllLines(file)) {
                var m = PINNED.matcher(line);
                if (m.matches()) {
                    commits.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(line.substring(line.indexOf('@')).trim());
                }
            }
        }
        commits.forEach((action, pins) -> assertEquals(1, pins.size(), action + " " + pins));
    }

    @Test
    void renovateKeepsTheActionsPinnedByDigest() throws Exception {
        var renovate = JsonParser.parseString(Files.readString(Path.of("renovate.json"))).getAsJsonObject();
        assertTrue(renovate.getAsJsonArray("extends").asList().stream().anyMatch(e -> e.getAsString().equals("helpers:pinGitHubActionDigests")));
        assertTrue(renovate.getAsJsonArray("packageRules").asList().stream().map(e -> e.getAsJsonObject())
                .anyMatch(r -> r.has("matchManagers") && r.get("matchManagers").toString().contains("github-actions")
                        && r.get("pinDigests").getAsBoolean()));
    }

    static final Pattern UNTRUSTED = Pattern.compile("\\$\\{\\{\\s*(inputs|github\\.event)\\.");

    @Test
    void noRunScriptInterpolatesInputsOrEventText() throws Exception {
        for (var file : workflowFiles()) {
            Map<String, Object> workflow = new Yaml().load(Files.readString(file));
            for (var entry : map(workflow.get("jobs"), "jobs").entrySet()) {
                var job = map(entry.getValue(), entry.getKey());
                if (job.get("steps") == null) {
                    continue;
                }
                for (var step : list(job.get("steps"), "steps")) {
                    var run = map(step, "step").get("run");
                    if (run != null) {
                        assertFalse(UNTRUSTED.matcher((String) run).find(), file + " " + entry.getKey() + ": " + run);
                    }
                }
            }
        }
    }

    static Map<String, Object> promoteStep(String job, String id) throws Exception {
        Map<String, Object> workflow = new Yaml().load(Files.readString(Path.of("apps/template/.github/workflows/promote.yaml")));
        return step(job(workflow, job), id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2", "1.2.3; rm -rf /", "$(id)", "1.2.3\nfoo", "v1.2.3", ""})
    void thePromotionRefusesAVersionThatIsNotMajorMinorPatch(String version, @TempDir Path dir) throws Exception {
        var result = run(promoteStep("gate", "inputs"), dir, Map.of("ENVIRONMENT", "staging", "VERSION", version));
        assertNotEquals(0, result.exit(), version);
        assertTrue(result.log().contains("is not MAJOR.MINOR.PATCH"), result.log());
        assertEquals(Map.of(), result.outputs());
    }

    @ParameterizedTest
    @ValueSource(strings = {"qa", "production; id", ""})
    void thePromotionRefusesAnUnknownEnvironment(String environment, @TempDir Path dir) throws Exception {
        var result = run(promoteStep("gate", "inputs"), dir, Map.of("ENVIRONMENT", environment, "VERSION", "0.1.2"));
        assertNotEquals(0, result.exit(), environment);
        assertTrue(result.log().contains("is not one of development, staging, production"), result.log());
    }

    @Test
    void thePromotionHandsOnCheckedValues(@TempDir Path dir) throws Exception {
        var result = run(promoteStep("gate", "inputs"), dir, Map.of("ENVIRONMENT", "production", "VERSION", "0.1.42"));
        assertEquals(0, result.exit(), result.log());
        assertEquals(Map.of("environment", "production", "version", "0.1.42"), result.outputs());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256:abc", "latest", "sha256:ABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCD",
            "sha256:abcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcd; id"})
    void thePromotionRefusesABadDigest(String digest, @TempDir Path dir) throws Exception {
        var result = run(promoteStep("gate", "digest"), dir, Map.of("APP_NAME", "hello", "VERSION", "0.1.2", "DIGEST", digest));
        assertNotEquals(0, result.exit(), digest);
        assertTrue(result.log().contains("is not sha256:<64 hex digits>"), result.log());
    }

    @Test
    void thePromotionLooksTheDigestUpInEcrWhenNotGiven(@TempDir Path dir) throws Exception {
        var bin = dir.resolve("bin");
        var digest = "sha256:" + "0123456789abcdef".repeat(4);
        executable(bin, "aws", "#!/bin/bash\n[ \"$*\" = \"ecr describe-images --repository-name hello --image-ids imageTag=0.1.2 "
                + "--query imageDetails[0].imageDigest --output text\" ] || { echo \"unexpected: $*\"; exit 2; }\necho " + digest + "\n");
        var result = run(promoteStep("gate", "digest"), dir, Map.of("APP_NAME", "hello", "VERSION", "0.1.2", "DIGEST", "",
                "PATH", bin + ":" + System.getenv("PATH")));
        assertEquals(0, result.exit(), result.log());
        assertEquals(Map.of("digest", digest), result.outputs());
    }

    @Test
    void thePromotionWritesTheDigestTheEnvironmentFilesCarry(@TempDir Path dir) throws Exception {
        var files = io.idp.platform.components.ApplicationDelivery.environmentFiles("hello", "r.example", List.of("staging"));
        for (var entry : files.entrySet()) {
            var file = dir.resolve(entry.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, entry.getValue());
        }
        var digest = "sha256:" + "ab".repeat(32);
        var result = run(promoteStep("pull-request", "pin"), dir,
                Map.of("ENVIRONMENT", "staging", "APP_NAME", "hello", "VERSION", "0.1.9", "DIGEST", digest));
        assertEquals(0, result.exit(), result.log());
        var values = Files.readString(dir.resolve("environments/staging/apps/hello/values.yaml"));
        assertTrue(values.contains("\n    tag: \"0.1.9\"\n"), values);
        assertTrue(values.contains("\n    digest: \"" + digest + "\"\n"), values);
        assertTrue(Files.readString(dir.resolve("environments/staging/apps/hello/Chart.yaml")).contains("\n    version: \"0.1.9\"\n"));
    }
}
