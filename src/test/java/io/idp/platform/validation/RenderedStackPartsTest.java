package io.idp.platform.validation;

import io.idp.platform.local.Plan;
import io.idp.platform.local.PlanException;
import io.idp.platform.local.PlannedResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** What ./platform validate --rendered reads from a plan: the repository's local copy, the releases, the program's objects. */
class RenderedStackPartsTest {

    static PlannedResource resource(String type, String name, Map<String, Object> inputs) {
        return new PlannedResource("urn:" + name, type, name, null, true, false, null, inputs, Map.of(), List.of(), Map.of(),
                false, false, List.of(), List.of(), false, null, List.of());
    }

    static Plan plan(PlannedResource... resources) {
        return new Plan(Plan.FORMAT_VERSION, "platform", "mgmt", "management", List.of(resources), Map.of(), List.of());
    }

    static PlannedResource file(String repository, String path) {
        return resource(RenderedStack.FILE_TYPE, path, Map.of("repository", repository, "file", path));
    }

    @Test
    void theReleasesThePlanInstallsAreHelmSourcesWithTheirValues() {
        var plan = plan(resource(RenderedStack.RELEASE_TYPE, "argocd", Map.of("chart", "argo-cd", "version", "8.5.0",
                        "values", Map.of("global", Map.of("domain", "argocd.example.com")))),
                resource(RenderedStack.RELEASE_TYPE, "bare", Map.of("chart", "vcluster", "version", "0.26.0", "values", "none")),
                resource("kubernetes:core/v1:ConfigMap", "cm", Map.of("apiVersion", "v1", "kind", "ConfigMap")));
        assertEquals(List.of(new HelmSource("plan mgmt", "Release/argocd", "argo-cd", "8.5.0", Map.of("global", Map.of("domain", "argocd.example.com"))),
                new HelmSource("plan mgmt", "Release/bare", "vcluster", "0.26.0", Map.of())), RenderedStack.releases(plan));
    }

    @Test
    void theProgramsOwnKubernetesObjectsAreCheckedWithoutTheirMaskedSecrets() {
        var plan = plan(resource("kubernetes:core/v1:Secret", "cluster", Map.of("apiVersion", "v1", "kind", "Secret",
                        "metadata", Map.of("name", "cluster"), "stringData", Map.of("config", "[secret]", "name", "east"))),
                resource(RenderedStack.RELEASE_TYPE, "argocd", Map.of("apiVersion", "v1", "kind", "Release")),
                resource("aws:iam/role:Role", "role", Map.of("apiVersion", "v1", "kind", "Role")),
                resource("kubernetes:core/v1:ConfigMap", "no-kind", Map.of("apiVersion", "v1")),
                resource("kubernetes:core/v1:ConfigMap", "no-version", Map.of("kind", "ConfigMap")));
        assertEquals(Map.of("plan mgmt resource cluster (Secret)", Map.of("apiVersion", "v1", "kind", "Secret",
                "metadata", Map.of("name", "cluster"), "stringData", Map.of("name", "east"))), RenderedStack.programObjects(plan));
        assertEquals(Map.of("a", Map.of("b", Map.of()), "c", 1), RenderedStack.withoutSecrets(Map.of("a", Map.of("b", Map.of("s", "[secret]")),
                "c", 1, "d", "[secret]")));
    }

    @Test
    void theGitopsRepositoryIsTheOneThePlanCommitsClusterFilesToFoundUnderItsOwner(@TempDir Path project) throws IOException {
        var repository = Files.createDirectories(project.resolve(".platform/github/acme/gitops"));
        Files.createDirectories(project.resolve(".platform/github/other/apps"));
        var plan = plan(file("gitops", "registry/clusters/mgmt/argo-cd.yaml"), file("apps", "README.md"));
        assertEquals(repository, RenderedStack.gitopsRepository(project, plan));
    }

    @Test
    void noneOrSeveralRepositoriesOrLocalCopiesFailSayingWhatToRun(@TempDir Path project) throws IOException {
        var none = assertThrows(PlanException.class, () -> RenderedStack.gitopsRepository(project, plan(file("apps", "README.md"))));
        assertEquals("the plan of mgmt commits registry/clusters/ to 0 repositories ([]); expected the one gitops repository", none.getMessage());
        var two = assertThrows(PlanException.class, () -> RenderedStack.gitopsRepository(project, plan(
                file("gitops", "registry/clusters/mgmt/a.yaml"), file("gitops-2", "registry/clusters/mgmt/b.yaml"))));
        assertEquals("the plan of mgmt commits registry/clusters/ to 2 repositories ([gitops, gitops-2]); expected the one gitops repository",
                two.getMessage());
        var plan = plan(file("gitops", "registry/clusters/mgmt/a.yaml"));
        var github = project.resolve(".platform").resolve("github");
        var missing = assertThrows(PlanException.class, () -> RenderedStack.gitopsRepository(project, plan));
        assertEquals("there is no rendered repository under " + github + "; run ./platform plan mgmt first", missing.getMessage());
        Files.createDirectories(github.resolve("acme/gitops"));
        Files.createDirectories(github.resolve("fork/gitops"));
        var copies = assertThrows(PlanException.class, () -> RenderedStack.gitopsRepository(project, plan));
        assertEquals("expected one local copy of the gitops repository gitops under " + github + ", found 2; run ./platform plan mgmt again",
                copies.getMessage());
    }

    @Test
    void theWorkingTreeIsReadWithoutGitsOwnFiles(@TempDir Path repository) throws IOException {
        Files.createDirectories(repository.resolve(".git"));
        Files.writeString(repository.resolve(".git/config"), "[core]");
        Files.createDirectories(repository.resolve("registry/clusters/mgmt"));
        Files.writeString(repository.resolve("registry/clusters/mgmt/a.yaml"), "a: 1\n");
        Files.writeString(repository.resolve("README.md"), "# gitops\n");
        assertEquals(Map.of("README.md", "# gitops\n", "registry/clusters/mgmt/a.yaml", "a: 1\n"), RenderedStack.read(repository));
        var error = assertThrows(java.io.UncheckedIOException.class, () -> RenderedStack.read(repository.resolve("absent")));
        assertEquals("cannot read the rendered repository " + repository.resolve("absent"), error.getMessage());
    }
}
