package io.idp.platform.gitops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class TemplateRendererTest {
    @TempDir
    Path root;

    Path template(String name, String text) throws Exception {
        var file = root.resolve("tpl").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    RenderException failure(Map<String, String> variables) {
        return assertThrows(RenderException.class,
                () -> TemplateRenderer.render(root, Path.of("tpl"), "out/", variables, t -> true));
    }

    @Test
    void substitutesVariablesAndPlacesFilesUnderTheTarget() throws Exception {
        template("a.yaml", "name: ${cluster.name}\nregion: ${cluster.region}\n");
        template("README.md", "documents the template: ${not.rendered}\n");
        var out = TemplateRenderer.render(root, Path.of("tpl"), "registry/clusters/x/",
                Map.of("cluster.name", "x", "cluster.region", "eu-west-1"), t -> true);
        assertEquals(Map.of("registry/clusters/x/a.yaml", "name: x\nregion: eu-west-1\n"), out);
    }

    @Test
    void aVariableWithoutAValueNamesFileLineAndTheClosestName() throws Exception {
        template("a.yaml", "first: ok\nsecond: ${cluster.nmae}\n");
        var e = failure(Map.of("cluster.name", "x"));
        assertTrue(e.problems().contains("tpl/a.yaml:2: ${cluster.nmae} has no value; did you mean ${cluster.name}?"), e.problems().toString());
    }

    @Test
    void aValueNobodyUsesIsAnError() throws Exception {
        template("a.yaml", "name: ${cluster.name}\n");
        var e = failure(Map.of("cluster.name", "x", "cluster.extra", "y"));
        assertEquals(List.of("tpl: the value of ${cluster.extra} (\"y\") is used by no template; remove it or use it"), e.problems());
    }

    @Test
    void renderedYamlMustParseAndTheErrorNamesTheLine() throws Exception {
        template("a.yaml", "ok: 1\nbroken: ${value}\n  nested: 2\n");
        var e = failure(Map.of("value", "v"));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("tpl/a.yaml:3: not valid YAML after rendering"), e.problems().get(0));
    }

    @Test
    void everyProblemIsReportedTogether() throws Exception {
        template("a.yaml", "x: ${missing.one}\n");
        template("b.yaml", "y: ${missing.two}\n");
        assertEquals(3, failure(Map.of("unused", "u")).problems().size());
    }

    @Test
    void doubleDollarWritesALiteral() throws Exception {
        template("a.yaml", "script: echo $${HOME} in ${name}\n");
        var out = TemplateRenderer.render(root, Path.of("tpl"), "", Map.of("name", "n"), t -> true);
        assertEquals("script: echo ${HOME} in n\n", out.get("a.yaml"));
    }

    @Test
    void outputDoesNotDependOnTheOrderOfTheValues() throws Exception {
        template("b.yaml", "b: ${two}\n");
        template("a.yaml", "a: ${one}\n");
        var forward = new java.util.LinkedHashMap<String, String>();
        forward.put("one", "1");
        forward.put("two", "2");
        var backward = new java.util.LinkedHashMap<String, String>();
        backward.put("two", "2");
        backward.put("one", "1");
        var first = TemplateRenderer.render(root, Path.of("tpl"), "", forward, t -> true);
        var second = TemplateRenderer.render(root, Path.of("tpl"), "", backward, t -> true);
        assertEquals(List.of("a.yaml", "b.yaml"), List.copyOf(first.keySet()), "files come out sorted by path");
        assertEquals(first, second);
    }
}
