package io.idp.platform.gitops;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class CatalogTest {
    @Test
    void docsCarryTheCurrentCatalogTable() throws Exception {
        var doc = Files.readString(Path.of("docs/catalog.md"));
        assertTrue(doc.contains(CatalogTable.markdown(Fixtures.catalog())),
                "docs/catalog.md is out of date: replace its table with the output of ./platform catalog");
    }

    @Test
    void renovateFindsEveryPinOfTheCatalogOnceInItsRegistry() throws Exception {
        var renovate = JsonParser.parseString(Files.readString(Path.of("renovate.json"))).getAsJsonObject();
        var catalog = Files.readString(Path.of("stacks/catalog.yaml"));
        var found = new java.util.ArrayList<String>();
        for (var element : renovate.getAsJsonArray("customManagers")) {
            var manager = element.getAsJsonObject();
            if (!Pattern.compile(manager.getAsJsonArray("fileMatch").get(0).getAsString()).matcher("stacks/catalog.yaml").find()) {
                continue;
            }
            var datasource = manager.get("datasourceTemplate").getAsString();
            var matcher = Pattern.compile(manager.getAsJsonArray("matchStrings").get(0).getAsString()).matcher(catalog);
            while (matcher.find()) {
                var name = "helm".equals(datasource) ? matcher.group("registryUrl") + " " + matcher.group("depName")
                        : matcher.group("registry") + "/" + matcher.group("chart");
                found.add(datasource + " " + name + "@" + matcher.group("currentValue"));
            }
        }
        var expected = new java.util.ArrayList<String>();
        Fixtures.catalog().tools().values().forEach(t -> expected.add(t.repository().startsWith("oci://")
                ? "docker " + t.repository().substring("oci://".length()) + "/" + t.chart() + "@" + t.version()
                : "helm " + t.repository() + " " + t.chart() + "@" + t.version()));
        java.util.Collections.sort(found);
        java.util.Collections.sort(expected);
        assertEquals(expected, found);
        assertTrue(found.contains("docker public.ecr.aws/karpenter/karpenter@1.14.1"), found.toString());
    }

    @Test
    void renovateFollowsTheImagesTheToolsValuesPin() throws Exception {
        var renovate = JsonParser.parseString(Files.readString(Path.of("renovate.json"))).getAsJsonObject();
        var values = Files.readString(Path.of("stacks/tools/velero/values.yaml"));
        var found = new TreeSet<String>();
        for (var element : renovate.getAsJsonArray("customManagers")) {
            var manager = element.getAsJsonObject();
            if (Pattern.compile(manager.getAsJsonArray("fileMatch").get(0).getAsString()).matcher("stacks/tools/velero/values.yaml").find()) {
                var matcher = Pattern.compile(manager.getAsJsonArray("matchStrings").get(0).getAsString()).matcher(values);
                while (matcher.find()) {
                    found.add(manager.get("datasourceTemplate").getAsString() + " " + matcher.group("depName") + "@" + matcher.group("currentValue"));
                }
            }
        }
        assertEquals(java.util.Set.of("docker velero/velero-plugin-for-aws@v1.14.4"), found);
    }

    @Test
    void aCatalogOfTheWrongShapeIsAClearError() {
        assertEquals("stacks/catalog.yaml must be a map with catalogVersion, tools and eksAddons",
                assertThrows(CatalogException.class, () -> Catalog.parse("- argo-cd\n")).getMessage());
        var e = assertThrows(CatalogException.class, () -> Catalog.parse("""
                tools:
                  argo-cd: {repository: r, chart: argo-cd, version: "1", namespace: argocd, wave: 0, clusters: management}
                """));
        assertTrue(e.getMessage().contains("tools.argo-cd.clusters = \"management\": must be a list"), e.getMessage());
    }

    @Test
    void aCatalogWithMissingPinsNamesEachOne() {
        var e = assertThrows(CatalogException.class, () -> Catalog.parse("""
                catalogVersion: "1"
                tools:
                  argo-cd:
                    repository: https://argoproj.github.io/argo-helm
                    chart: argo-cd
                    namespace: argocd
                    wave: first
                    clusters: [management]
                eksAddons:
                  "1.33":
                    vpc-cni: v1
                """));
        assertTrue(e.getMessage().contains("tools.argo-cd.version = (not set): is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("tools.argo-cd.wave = \"first\": must be a whole number"), e.getMessage());
        assertTrue(e.getMessage().contains("eksAddons.\"1.33\".coredns = (not set): is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("eksAddons.\"1.31\".vpc-cni = (not set): is missing"), e.getMessage());
    }
}
