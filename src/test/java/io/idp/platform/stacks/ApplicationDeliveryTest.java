package io.idp.platform.stacks;

import com.google.gson.JsonParser;
import io.idp.platform.TestProject;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The first application, as the mgmt stack delivers it. */
class ApplicationDeliveryTest {
    @TempDir
    Path dir;
    Plan plan;

    @BeforeEach
    void setUp() {
        TestProject.copyOfRepository(dir);
        plan = new OfflineEngine(dir).plan("mgmt").plan();
    }

    PlannedResource named(String type, String name) {
        return plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void ecrRepositoriesHaveImmutableTagsScanOnPushAndALifecycle() {
        var repositories = plan.ofType("aws:ecr/repository:Repository");
        assertEquals(Set.of("hello", "charts/hello"), repositories.stream().map(r -> String.valueOf(r.inputs().get("name"))).collect(Collectors.toSet()));
        for (var repository : repositories) {
            assertEquals("IMMUTABLE", repository.inputs().get("imageTagMutability"));
            assertEquals(Map.of("scanOnPush", true), repository.inputs().get("imageScanningConfiguration"));
        }
        var lifecycle = JsonParser.parseString(String.valueOf(named("aws:ecr/lifecyclePolicy:LifecyclePolicy", "hello-image").inputs().get("policy")))
                .getAsJsonObject().getAsJsonArray("rules").get(0).getAsJsonObject();
        assertEquals(30, lifecycle.getAsJsonObject("selection").get("countNumber").getAsInt());
        assertEquals("expire", lifecycle.getAsJsonObject("action").get("type").getAsString());
    }

    @Test
    void theCiRoleTrustsExactlyTheApplicationRepository() {
        var role = named("aws:iam/role:Role", "hello-ci");
        var statement = JsonParser.parseString(String.valueOf(role.inputs().get("assumeRolePolicy"))).getAsJsonObject()
                .getAsJsonArray("Statement").get(0).getAsJsonObject();
        var equals = statement.getAsJsonObject("Condition").getAsJsonObject("StringEquals");
        assertEquals(List.of("repo:acme-platform/hello:ref:refs/heads/main"),
                equals.getAsJsonArray("token.actions.githubusercontent.com:sub").asList().stream().map(e -> e.getAsString()).toList());
        assertEquals("sts.amazonaws.com", equals.get("token.actions.githubusercontent.com:aud").getAsString());
        var push = JsonParser.parseString(String.valueOf(named("aws:iam/rolePolicy:RolePolicy", "hello-ci-push").inputs().get("policy")))
                .getAsJsonObject().getAsJsonArray("Statement").get(1).getAsJsonObject();
        assertEquals(List.of("arn:aws:ecr:us-east-1:111122223333:repository/hello", "arn:aws:ecr:us-east-1:111122223333:repository/charts/hello"),
                push.getAsJsonArray("Resource").asList().stream().map(e -> e.getAsString()).toList());
    }

    @Test
    void theRepositoryComesFromTheTemplateWithItsCiSettings() {
        var repository = named("github:index/repository:Repository", "hello-repository");
        assertEquals(Map.of("owner", "acme-platform", "repository", "app-template"), repository.inputs().get("template"));
        assertEquals("private", repository.inputs().get("visibility"));
        var template = named("github:index/repository:Repository", "app-template");
        assertEquals(true, template.inputs().get("isTemplate"));
        var files = plan.ofType("github:index/repositoryFile:RepositoryFile").stream().map(f -> String.valueOf(f.inputs().get("file")))
                .collect(Collectors.toSet());
        assertTrue(files.containsAll(Set.of("Dockerfile", "chart/Chart.yaml", ".github/workflows/ci.yaml", ".github/workflows/promote.yaml")));
        var variables = plan.ofType("github:index/actionsVariable:ActionsVariable").stream()
                .collect(Collectors.toMap(v -> String.valueOf(v.inputs().get("variableName")), v -> String.valueOf(v.inputs().get("value"))));
        assertEquals("arn:aws:iam::111122223333:role/hello-ci", variables.get("AWS_ROLE_ARN"));
        assertEquals("acme-platform/gitops", variables.get("GITOPS_REPOSITORY"));
        assertEquals(List.of(), plan.ofType("github:index/actionsSecret:ActionsSecret"), "no repository-level secret");
    }

    @Test
    void productionNeedsARequiredReviewer() {
        var production = named("github:index/repositoryEnvironment:RepositoryEnvironment", "hello-production").inputs();
        var team = named("github:index/team:Team", "hello-approvers");
        assertEquals(List.of(Long.parseLong(String.valueOf(team.outputs().get("id")))),
                map(((List<?>) production.get("reviewers")).get(0)).get("teams"));
        assertNull(named("github:index/repositoryEnvironment:RepositoryEnvironment", "hello-development").inputs().get("reviewers"));
    }

    @Test
    void environmentFilesCarryTheVersionPinsCiUpdates() {
        var files = plan.ofType("github:index/repositoryFile:RepositoryFile").stream()
                .filter(f -> String.valueOf(f.inputs().get("file")).startsWith("environments/production/apps/hello/")).toList();
        assertEquals(2, files.size());
        for (var file : files) {
            assertEquals(List.of("content"), file.ignoreChanges(), "CI owns the pins after the first commit");
            assertTrue(file.retainOnDelete());
        }
        var chart = files.stream().filter(f -> f.inputs().get("file").toString().endsWith("Chart.yaml")).findFirst().orElseThrow();
        var content = String.valueOf(chart.inputs().get("content"));
        assertTrue(content.contains("repository: oci://111122223333.dkr.ecr.us-east-1.amazonaws.com/charts"), content);
        assertTrue(content.contains("\n    version: \"0.0.0\"\n"), "the line the promote workflow rewrites: " + content);
        var values = files.stream().filter(f -> f.inputs().get("file").toString().endsWith("values.yaml")).findFirst().orElseThrow();
        assertTrue(String.valueOf(values.inputs().get("content")).contains("\n    tag: \"0.0.0\"\n"), "the line the promote workflow rewrites");
    }
}
