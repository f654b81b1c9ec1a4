package io.idp.platform.local;

import io.idp.platform.TestProject;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The gitops repository, materialised as a local git repository by the plan. */
class LocalGitHubTest {
    @TempDir
    Path dir;
    TestProject project;
    Path gitops;

    @BeforeEach
    void setUp() {
        project = TestProject.copyOfRepository(dir);
        gitops = dir.resolve(".platform/github/acme-platform/gitops");
    }

    static List<String> log(Path repository) throws Exception {
        try (var git = Git.open(repository.toFile())) {
            var messages = new ArrayList<String>();
            git.log().call().forEach(c -> messages.add(c.getShortMessage()));
            return messages;
        }
    }

    @Test
    void planCommitsTheRegistryTemplatesAndEnvironments() throws Exception {
        assertEquals(0, project.cli("plan", "mgmt"), project.err());
        assertTrue(Files.isRegularFile(gitops.resolve("registry/clusters/mgmt/cert-manager.yaml")));
        assertTrue(Files.isRegularFile(gitops.resolve("registry/clusters/mgmt/manifests/cluster-issuers/cluster-issuers.yaml")));
        assertTrue(Files.isRegularFile(gitops.resolve("templates/workload-eks/platform-secrets.yaml")));
        for (var environment : List.of("development", "staging", "production")) {
            assertTrue(Files.isRegularFile(gitops.resolve("environments/" + environment + "/environment.yaml")), environment);
        }
        assertTrue(Files.readString(gitops.resolve("registry/clusters/mgmt/cert-manager.yaml")).contains("targetRevision: v1.21.1"));
        assertEquals(1, log(gitops).size());
        assertTrue(log(gitops).get(0).startsWith("platform: plan of stack mgmt, "), log(gitops).get(0));
    }

    @Test
    void aPlanWithoutChangesMakesNoCommit() throws Exception {
        assertEquals(0, project.cli("plan", "mgmt"));
        assertEquals(0, project.cli("plan", "mgmt"));
        assertEquals(1, log(gitops).size());
    }

    @Test
    void anEditMadeInTheRepositoryShowsAsADiffAndIsRestored() throws Exception {
        assertEquals(0, project.cli("plan", "mgmt"));
        var file = gitops.resolve("registry/clusters/mgmt/reloader.yaml");
        var rendered = Files.readString(file);
        Files.writeString(file, rendered + "# hand edit\n");
        try (var git = Git.open(gitops.toFile())) {
            git.commit().setAll(true).setMessage("hand edit").call();
        }
        assertEquals(0, project.cliWithColumns(400, "plan", "mgmt"));
        var out = project.out();
        assertTrue(out.contains("registry/clusters/mgmt/reloader.yaml was changed outside the program; this plan restores it"), out);
        assertTrue(out.contains("- # hand edit"), out);
        assertTrue(out.contains("0 to create, 1 to update, 0 to replace, 0 to delete"), out);
        assertEquals(rendered, Files.readString(file));
        assertEquals(3, log(gitops).size());
    }

    @Test
    void aChangedValueIsCommittedAsAnUpdateOfThatFile() throws Exception {
        assertEquals(0, project.cli("plan", "mgmt"));
        project.set("mgmt", "platform:alertsEmail", "oncall@example.com");
        assertEquals(0, project.cli("plan", "mgmt"));
        assertTrue(Files.readString(gitops.resolve("registry/clusters/mgmt/manifests/cluster-issuers/cluster-issuers.yaml"))
                .contains("email: oncall@example.com"));
        try (var git = Git.open(gitops.toFile())) {
            var message = git.log().setMaxCount(1).call().iterator().next().getFullMessage();
            assertTrue(message.contains("update registry/clusters/mgmt/manifests/cluster-issuers/cluster-issuers.yaml"), message);
        }
    }

    @Test
    void environmentsStayWhenTheyLeaveTheConfiguration() throws Exception {
        assertEquals(0, project.cli("plan", "mgmt"));
        project.set("mgmt", "platform:environments", List.of("production"));
        // The teams' environments are the platform's: they leave people.yaml with it.
        project.replace("people.yaml", "environments: [development, staging, production]", "environments: [production]");
        project.replace("people.yaml", "environments: [development, staging]", "environments: [production]");
        assertEquals(0, project.cli("plan", "mgmt"), project.err());
        assertTrue(Files.isRegularFile(gitops.resolve("environments/staging/environment.yaml")), "kept on delete");
    }
}
