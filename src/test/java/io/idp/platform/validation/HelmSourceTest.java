package io.idp.platform.validation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The Helm charts and values an Argo CD object installs, wherever it writes them. */
class HelmSourceTest {

    static Map<String, Object> application(String kind, Map<String, Object> spec) {
        return Map.of("apiVersion", "argoproj.io/v1alpha1", "kind", kind, "metadata", Map.of("name", "web"), "spec", spec);
    }

    @Test
    void anApplicationsChartSourceCarriesItsValuesObject() {
        var found = HelmSource.of("a.yaml", application("Application", Map.of("source", Map.of("chart", "web", "targetRevision", "1.2.3",
                "helm", Map.of("valuesObject", Map.of("replicas", 2))))));
        assertEquals(List.of(new HelmSource("a.yaml", "Application/web", "web", "1.2.3", Map.of("replicas", 2))), found);
        assertEquals("a.yaml Application/web (chart web 1.2.3)", found.get(0).describe());
    }

    @Test
    void valuesWrittenAsYamlTextAreReadAndAnythingElseCountsAsNoValues() {
        var found = HelmSource.of("a.yaml", application("Application", Map.of("sources", List.of(
                Map.of("chart", "one", "targetRevision", "1", "helm", Map.of("values", "replicas: 3\n")),
                Map.of("chart", "two", "targetRevision", "2", "helm", Map.of("values", "just text")),
                Map.of("chart", "three", "targetRevision", "3"),
                Map.of("repoURL", "git@github.com:acme/gitops.git", "path", "apps"),
                "not a map"))));
        assertEquals(List.of(new HelmSource("a.yaml", "Application/web", "one", "1", Map.of("replicas", 3)),
                new HelmSource("a.yaml", "Application/web", "two", "2", Map.of()),
                new HelmSource("a.yaml", "Application/web", "three", "3", Map.of())), found);
    }

    @Test
    void sourceAndSourcesAreBothRead() {
        var found = HelmSource.of("a.yaml", application("Application", Map.of("source", Map.of("chart", "one", "targetRevision", "1"),
                "sources", List.of(Map.of("chart", "two", "targetRevision", "2")))));
        assertEquals(List.of("one", "two"), found.stream().map(HelmSource::chart).toList());
    }

    @Test
    void anApplicationSetsSourcesAreThoseOfItsTemplate() {
        var found = HelmSource.of("s.yaml", application("ApplicationSet", Map.of("source", Map.of("chart", "ignored"),
                "template", Map.of("spec", Map.of("source", Map.of("chart", "fleet", "targetRevision", "4"))))));
        assertEquals(List.of(new HelmSource("s.yaml", "ApplicationSet/web", "fleet", "4", Map.of())), found);
        assertEquals(List.of(), HelmSource.of("s.yaml", application("ApplicationSet", Map.of("template", "none"))));
        assertEquals(List.of(), HelmSource.of("s.yaml", application("ApplicationSet", Map.of("template", Map.of("spec", "none")))));
    }

    @Test
    void otherKindsAndOtherApiGroupsHaveNoHelmSources() {
        var spec = Map.<String, Object>of("source", Map.of("chart", "web", "targetRevision", "1"));
        assertEquals(List.of(), HelmSource.of("p.yaml", application("AppProject", spec)));
        assertEquals(List.of(), HelmSource.of("c.yaml", Map.of("apiVersion", "v1", "kind", "Application", "spec", spec)));
        assertEquals(List.of(), HelmSource.of("c.yaml", Map.of("apiVersion", "argoproj.io/v1alpha1", "kind", "Application", "spec", "x")));
        var unnamed = HelmSource.of("c.yaml", Map.of("apiVersion", "argoproj.io/v1alpha1", "kind", "Application", "spec", spec));
        assertEquals("Application/null", unnamed.get(0).owner());
    }
}
