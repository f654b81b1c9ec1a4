package io.idp.platform.gitops;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        // Charts from HTTP repositories are the helm datasource's; charts in OCI registries are image tags.
        var datasources = new TreeSet<String>();
        var found = new java.util.ArrayList<String>();
        for (var element : renovate.getAsJsonArray("customManagers")) {
            var manager = element.getAsJsonObject();
            if (!Pattern.compile(manager.getAsJsonArray("fileMatch").get(0).getAsString()).matcher("stacks/catalog.yaml").find()) {
                continue;
            }
            var datasource = manager.get("datasourceTemplate").getAsString();
            datasources.add(datasource);
            var matcher = Pattern.compile(manager.getAsJsonArray("matchStrings").get(0).getAsString()).matcher(catalog);
            while (matcher.find()) {
                found.add(matcher.group("depName") + "@" + matcher.group("currentValue"));
                if (datasource.equals("docker")) {
                    assertEquals("{{{packageName}}}/{{{depName}}}", manager.get("packageNameTemplate").getAsString());
                    assertTrue(!matcher.group("packageName").contains("://"), matcher.group());
                }
            }
        }
        assertEquals(new TreeSet<>(List.of("docker", "helm")), datasources);
        java.util.Collections.sort(found);
        var expected = new TreeSet<String>();
        Fixtures.catalog().tools().values().forEach(t -> expected.add(t.chart() + "@" + t.version()));
        assertEquals(List.copyOf(expected), found, "each pin found by exactly one manager");
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
