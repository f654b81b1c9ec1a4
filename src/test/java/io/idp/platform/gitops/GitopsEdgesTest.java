package io.idp.platform.gitops;

import io.idp.platform.GeneratedDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The catalog's lookups and its table in the docs, the renderer's escapes, and the layout's helpers at their edges. */
class GitopsEdgesTest {
    @Test
    void docsCarryTheWholeCatalogTable() throws Exception {
        var catalog = Fixtures.catalog();
        GeneratedDocs.assertCarries(Path.of("docs/catalog.md"), CatalogTable.markdown(catalog),
                catalog.tools().size() + Catalog.REQUIRED_ADDONS.size() + 6, "regenerate it with ./platform catalog");
    }

    @Test
    void lookupsNameWhatIsMissing() {
        var catalog = Fixtures.catalog();
        assertEquals("argo-cd", catalog.tool("argo-cd").name());
        var e = assertThrows(IllegalArgumentException.class, () -> catalog.tool("argo"));
        assertEquals("the catalog has no tool 'argo' (stacks/catalog.yaml)", e.getMessage());
        assertEquals(Catalog.REQUIRED_ADDONS.size(), catalog.addonsFor("1.33").size());
        assertTrue(catalog.addonsFor("1.33").get("vpc-cni").startsWith("v"), catalog.addonsFor("1.33").toString());
        var missing = assertThrows(IllegalArgumentException.class, () -> catalog.addonsFor("1.20"));
        assertEquals("stacks/catalog.yaml has no eksAddons for Kubernetes 1.20", missing.getMessage());
    }

    @Test
    void aCatalogWithoutArgoCdIsRefused() throws Exception {
        var text = Files.readString(Path.of("stacks/catalog.yaml"));
        var without = text.replace("  argo-cd:", "  argo-cd-renamed:");
        assertNotEquals(text, without, "the catalog names argo-cd as a tool key");
        var e = assertThrows(CatalogException.class, () -> Catalog.parse(without));
        assertTrue(e.getMessage().contains("tools.argo-cd = (not set): is missing: the management cluster installs Argo CD from it"), e.getMessage());
    }

    @Test
    void sourcesReadTheProjectsCatalog(@TempDir Path dir) {
        var sources = Sources.load(Path.of("."));
        assertEquals(Path.of("."), sources.root());
        assertEquals(Fixtures.catalog(), sources.catalog());
        var e = assertThrows(CatalogException.class, () -> Sources.load(dir));
        assertTrue(e.getMessage().startsWith("there is no stacks/catalog.yaml in " + dir), e.getMessage());
    }

    @Test
    void anEscapedVariableIsWrittenLiterally(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("tpl"));
        Files.writeString(root.resolve("tpl/a.yaml"), "shell: \"$${HOME}/${name}\"\nagain: $${x}\n");
        var out = TemplateRenderer.render(root, Path.of("tpl"), "", Map.of("name", "n"), t -> true);
        assertEquals(Map.of("a.yaml", "shell: \"${HOME}/n\"\nagain: ${x}\n"), out);
    }

    @Test
    void aFileWithAMissingVariableIsReportedOnceNotAlsoAsBadYaml(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("tpl"));
        Files.writeString(root.resolve("tpl/a.yaml"), "a: ${missing}\nb: [\n");
        var e = assertThrows(RenderException.class, () -> TemplateRenderer.render(root, Path.of("tpl"), "", Map.of(), t -> true));
        assertEquals(List.of("tpl/a.yaml:1: ${missing} has no value"), e.problems());
    }

    @Test
    void theRegistryHostComesFromTheArnsAccount() {
        assertEquals("111122223333.dkr.ecr.eu-west-1.amazonaws.com",
                GitopsLayout.ecrRegistry("arn:aws:iam::111122223333:role/x", "eu-west-1"));
        assertEquals("000000000000.dkr.ecr.eu-west-1.amazonaws.com", GitopsLayout.ecrRegistry("arn:aws:iam:global", "eu-west-1"));
        assertEquals("000000000000.dkr.ecr.eu-west-1.amazonaws.com", GitopsLayout.ecrRegistry("arn:aws:iam:::role/x", "eu-west-1"));
    }

    @Test
    void managementFactsTakeTheValuesKnownLater() {
        var facts = Fixtures.management(io.idp.platform.config.Observability.DATADOG)
                .withResources("git@github.com:o/g.git", "arn:aws:iam::1:role/es", "arn:aws:iam::1:role/fleet",
                        Fixtures.capabilities("mgmt").withResources("arn:aws:iam::1:role/k", "nodes", "queue", "arn:aws:iam::1:role/v",
                                "bucket", "arn:aws:kms:us-east-1:1:key/k"));
        assertEquals("git@github.com:o/g.git", facts.repoUrl());
        assertEquals("arn:aws:iam::1:role/es", facts.externalSecretsRoleArn());
        assertEquals("arn:aws:iam::1:role/fleet", facts.argocdFleetRoleArn());
        assertEquals("arn:aws:iam::1:role/k", facts.capabilities().karpenterRoleArn());
        assertEquals("queue", facts.capabilities().interruptionQueue());
        assertEquals("bucket", facts.capabilities().backupBucket());
        assertEquals("720h0m0s", facts.capabilities().backupTtl(), "the settings stay");
        assertEquals("mgmt", facts.clusterName());
        assertEquals(io.idp.platform.config.Observability.DATADOG, facts.observability());
    }

    @Test
    void templateCopiesAreTheWorkloadTemplatesAsWritten() throws Exception {
        var copies = GitopsLayout.templateCopies(Path.of("."));
        assertFalse(copies.isEmpty());
        for (var entry : copies.entrySet()) {
            assertTrue(entry.getKey().startsWith("templates/workload"), entry.getKey());
            assertEquals(Files.readString(Path.of("stacks").resolve(entry.getKey().substring("templates/".length()))), entry.getValue(), entry.getKey());
        }
    }

    @Test
    void badNamesAndBadYamlAreEachNamedWithTheirLine(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("tpl"));
        Files.writeString(root.resolve("tpl/a.yaml"), "ok: 1\nname: ${bad name}\n");
        Files.writeString(root.resolve("tpl/b.yaml"), "fine: yes\nlist: [1, 2\n");
        Files.writeString(root.resolve("tpl/c.txt"), "list: [1, 2\n");
        Files.writeString(root.resolve("tpl/d.yml"), "list: {a: 1\n");
        var e = assertThrows(RenderException.class, () -> TemplateRenderer.render(root, Path.of("tpl"), "", Map.of(), t -> true));
        assertEquals(3, e.problems().size(), e.problems().toString());
        assertEquals("tpl/a.yaml:2: ${bad name} is not a variable name (letters, digits, '.', '-', '_')", e.problems().get(0));
        assertTrue(e.problems().get(1).startsWith("tpl/b.yaml:3: not valid YAML after rendering: "), e.problems().get(1));
        assertTrue(e.problems().get(2).startsWith("tpl/d.yml:"), "a .yml file is YAML too: " + e.problems().get(2));
    }
}
