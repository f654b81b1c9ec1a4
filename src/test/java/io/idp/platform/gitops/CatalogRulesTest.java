package io.idp.platform.gitops;

import io.idp.platform.config.ConfigError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Each rule of stacks/catalog.yaml, one at a time, on small catalogs written here. */
class CatalogRulesTest {
    static final String ADDONS = """
            eksAddons:
              "1.31": {vpc-cni: a31, coredns: b31, kube-proxy: c31, aws-ebs-csi-driver: d31, eks-pod-identity-agent: e31}
              "1.32": {vpc-cni: a32, coredns: b32, kube-proxy: c32, aws-ebs-csi-driver: d32, eks-pod-identity-agent: e32}
              "1.33": {vpc-cni: a33, coredns: b33, kube-proxy: c33, aws-ebs-csi-driver: d33, eks-pod-identity-agent: e33}
              "1.34": {vpc-cni: a34, coredns: b34, kube-proxy: c34, aws-ebs-csi-driver: d34, eks-pod-identity-agent: e34}
              "1.35": {vpc-cni: a35, coredns: b35, kube-proxy: c35, aws-ebs-csi-driver: d35, eks-pod-identity-agent: e35}
            """;
    static final String ARGO = "  argo-cd: {repository: https://argoproj.github.io/argo-helm, chart: argo-cd, version: \"8.1.2\", "
            + "namespace: argocd, wave: 0, clusters: [management]}\n";

    static String catalog(String extraTools) {
        return "catalogVersion: \"7\"\ntools:\n" + ARGO + extraTools + ADDONS;
    }

    static List<ConfigError> errors(String text) {
        return assertThrows(CatalogException.class, () -> Catalog.parse(text)).errors();
    }

    @Test
    void aValidCatalogKeepsEveryPin() {
        var catalog = Catalog.parse(catalog(""));
        assertEquals("7", catalog.catalogVersion());
        assertEquals(new Catalog.Tool("argo-cd", "https://argoproj.github.io/argo-helm", "argo-cd", "8.1.2", "argocd", 0,
                List.of("management")), catalog.tool("argo-cd"));
        assertEquals(Map.of("vpc-cni", "a32", "coredns", "b32", "kube-proxy", "c32", "aws-ebs-csi-driver", "d32",
                "eks-pod-identity-agent", "e32"), catalog.addonsFor("1.32"));
    }

    @Test
    void anUnknownToolIsAnErrorNamingItAndTheFile() {
        var e = assertThrows(IllegalArgumentException.class, () -> Catalog.parse(catalog("")).tool("flux"));
        assertEquals("the catalog has no tool 'flux' (stacks/catalog.yaml)", e.getMessage());
    }

    @Test
    void anUnsupportedKubernetesVersionHasNoAddons() {
        var e = assertThrows(IllegalArgumentException.class, () -> Catalog.parse(catalog("")).addonsFor("1.20"));
        assertEquals("stacks/catalog.yaml has no eksAddons for Kubernetes 1.20", e.getMessage());
    }

    @Test
    void aMissingCatalogFileSaysWhereItWasLookedFor(@TempDir Path dir) {
        var e = assertThrows(CatalogException.class, () -> Catalog.load(dir));
        assertEquals("there is no stacks/catalog.yaml in " + dir
                + ": the catalog pins every tool's version; run the program from the project directory", e.getMessage());
    }

    @Test
    void aVersionWrittenAsANumberMustBeQuoted() {
        var e = errors(catalog("  tempo: {repository: r, chart: tempo, version: 1.10, namespace: t, wave: 5, clusters: [management]}\n"));
        assertEquals(1, e.size());
        assertEquals("tools.tempo.version", e.get(0).key());
        assertEquals("1.1", e.get(0).value());
        assertEquals("is a number, not text (YAML reads 1.10 as 1.1): quote it", e.get(0).problem());
    }

    @Test
    void aNamespaceWrittenAsAListIsNotText() {
        var e = errors(catalog("  tempo: {repository: r, chart: tempo, version: \"1\", namespace: [a], wave: 5, clusters: [management]}\n"));
        assertEquals(1, e.size());
        assertEquals("tools.tempo.namespace", e.get(0).key());
        assertEquals("is not text", e.get(0).problem());
        assertEquals("a Kubernetes namespace", e.get(0).allowed());
    }

    @Test
    void anUnknownClusterKindIsNamedWithTheKinds() {
        var e = errors(catalog("  tempo: {repository: r, chart: tempo, version: \"1\", namespace: t, wave: 5, clusters: [management, edge]}\n"));
        assertEquals(1, e.size());
        assertEquals("tools.tempo.clusters", e.get(0).key());
        assertEquals("edge", e.get(0).value());
        assertEquals("is not a kind of cluster", e.get(0).problem());
    }

    @Test
    void aToolThatIsNotAMapShowsAnExample() {
        var e = errors(catalog("  tempo: latest\n"));
        assertEquals(1, e.size());
        assertEquals("tools.tempo", e.get(0).key());
        assertEquals("latest", e.get(0).value());
        assertEquals("is not a map", e.get(0).problem());
    }

    @Test
    void everyMissingFieldOfAToolIsReported() {
        var keys = errors(catalog("  tempo: {chart: tempo}\n")).stream().map(ConfigError::key).toList();
        assertEquals(List.of("tools.tempo.repository", "tools.tempo.version", "tools.tempo.namespace", "tools.tempo.wave",
                "tools.tempo.clusters"), keys);
    }

    @Test
    void anAddonVersionThatIsNotTextIsReported() {
        var e = errors(catalog("").replace("vpc-cni: a33", "vpc-cni: [a33]"));
        assertEquals(1, e.size());
        assertEquals("eksAddons.\"1.33\".vpc-cni", e.get(0).key());
        assertEquals("is not text", e.get(0).problem());
    }

    @Test
    void aCatalogWithoutArgoCdIsRejected() {
        var e = errors("catalogVersion: \"7\"\ntools: {}\n" + ADDONS);
        assertEquals(1, e.size());
        assertEquals("tools.argo-cd", e.get(0).key());
        assertEquals("is missing: the management cluster installs Argo CD from it", e.get(0).problem());
    }

    @Test
    void aDuplicateToolIsAnErrorRatherThanTheLastOneWinning() {
        var e = assertThrows(CatalogException.class, () -> Catalog.parse(catalog(ARGO)));
        assertFalse(e.errors().isEmpty());
        assertTrue(e.getMessage().contains("argo-cd"), e.getMessage());
    }

    @Test
    void brokenYamlIsNamedAsSuch() {
        var e = assertThrows(CatalogException.class, () -> Catalog.parse("tools: [a\n"));
        assertTrue(e.getMessage().startsWith("stacks/catalog.yaml is not valid YAML: "), e.getMessage());
        assertEquals(1, e.errors().size());
        assertEquals("(file)", e.errors().get(0).key());
    }

    @Test
    void anEmptyCatalogIsTheWrongShape() {
        var e = assertThrows(CatalogException.class, () -> Catalog.parse(""));
        assertEquals("stacks/catalog.yaml must be a map with catalogVersion, tools and eksAddons", e.getMessage());
    }

    @Test
    void theMessageCountsAndListsEveryProblem() {
        var e = assertThrows(CatalogException.class, () -> Catalog.parse("catalogVersion: \"7\"\ntools: {}\n"
                + ADDONS.replace("coredns: b31, ", "")));
        assertTrue(e.getMessage().startsWith("stacks/catalog.yaml has 2 problem(s):\n  - "), e.getMessage());
        assertEquals(2, e.errors().size());
    }
}
