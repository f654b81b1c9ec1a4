package io.idp.platform.cli;

import io.idp.platform.TestProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** ./platform validate &lt;stack&gt; --rendered checks the repository the last plan rendered, hand edits included. */
class ValidateRenderedTest {
    @TempDir
    Path dir;
    TestProject project;

    @BeforeEach
    void copy() {
        project = TestProject.copyOfRepository(dir);
    }

    @Test
    void aVirtualClustersReleaseAndTheObjectsTheProgramRegistersAreChecked() {
        assertEquals(0, project.cli("plan", "mgmt"), project.err());
        assertEquals(0, project.cli("plan", "staging"), project.err());
        assertEquals(0, project.cli("validate", "staging", "--rendered"), project.err());
        // Namespace, 2 service accounts, Role, RoleBinding, the secret stores and ExternalSecrets of the virtual cluster.
        assertTrue(project.out().contains(", 9 objects the program registers, "), project.out());
    }

    @Test
    void withoutAPlanItNamesTheCommandToRun() {
        assertEquals(PlatformCli.PLAN_ERROR, project.cli("validate", "mgmt", "--rendered"));
        assertTrue(project.err().contains("run ./platform plan mgmt first"), project.err());
    }

    @Test
    void theRenderedRepositoryPassesAndAHandEditThatBreaksItFails() throws IOException {
        assertEquals(0, project.cli("plan", "mgmt"), project.err());
        assertEquals(0, project.cli("validate", "mgmt", "--rendered"), project.err());
        assertTrue(project.out().contains("the rendered repository passes every check"), project.out());
        assertFalse(project.out().contains("values not checked"), "every pinned chart has reference data: " + project.out());

        var file = dir.resolve(".platform/github/acme-platform/gitops/registry/clusters/mgmt/external-dns.yaml");
        Files.writeString(file, Files.readString(file).replace("txtOwnerId:", "txtOwnerID:"));
        var issuers = dir.resolve(".platform/github/acme-platform/gitops/registry/clusters/mgmt/manifests/cluster-issuers/cluster-issuers.yaml");
        Files.writeString(issuers, Files.readString(issuers).replaceFirst("email:", "mail:"));
        assertEquals(PlatformCli.PLAN_ERROR, project.cli("validate", "mgmt", "--rendered"));
        assertTrue(project.err().contains("registry/clusters/mgmt/external-dns.yaml Application/external-dns (chart external-dns 1.21.1): "
                + "txtOwnerID is not a value of external-dns 1.21.1"), project.err());
        assertTrue(project.err().contains("cluster-issuers.yaml ClusterIssuer/letsencrypt-staging") && project.err().contains("mail"), project.err());
        assertTrue(project.err().contains("2 problem(s)"), project.err());
    }
}
