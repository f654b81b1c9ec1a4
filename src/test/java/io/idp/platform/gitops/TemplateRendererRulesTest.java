package io.idp.platform.gitops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Template rules beyond the basics: names, which files render, which are checked as YAML. */
class TemplateRendererRulesTest {
    @TempDir
    Path root;

    void template(String name, String text) throws Exception {
        var file = root.resolve("tpl").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    Map<String, String> render(Map<String, String> variables) {
        return TemplateRenderer.render(root, Path.of("tpl"), "out/", variables, t -> true);
    }

    List<String> problems(Map<String, String> variables) {
        return assertThrows(RenderException.class, () -> render(variables)).problems();
    }

    @Test
    void aBadVariableNameIsNamedWithItsLine() throws Exception {
        template("a.yaml", "a: 1\nb: ${two words}\n");
        assertEquals(List.of("tpl/a.yaml:2: ${two words} is not a variable name (letters, digits, '.', '-', '_')"), problems(Map.of()));
    }

    @Test
    void aMissingValueWithNothingCloseHasNoHint() throws Exception {
        template("a.yaml", "a: ${zzz}\n");
        assertEquals(List.of("tpl/a.yaml:1: ${zzz} has no value"), problems(Map.of()));
    }

    @Test
    void templatesTheFilterRejectsAreNotRendered() throws Exception {
        template("a.yaml", "a: ${a}\n");
        template("b.yaml", "b: ${b}\n");
        var out = TemplateRenderer.render(root, Path.of("tpl"), "out/", Map.of("a", "1"), t -> !t.equals("b.yaml"));
        assertEquals(Map.of("out/a.yaml", "a: 1\n"), out);
    }

    @Test
    void templatesInSubdirectoriesKeepTheirPath() throws Exception {
        template("apps/x.txt", "${a}");
        assertEquals(Map.of("out/apps/x.txt", "1"), render(Map.of("a", "1")));
    }

    @Test
    void ymlFilesAreCheckedAsYamlToo() throws Exception {
        template("a.yml", "a: [${a}\n");
        var problems = problems(Map.of("a", "1"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("tpl/a.yml:"), problems.get(0));
        assertTrue(problems.get(0).contains(": not valid YAML after rendering: "), problems.get(0));
    }

    @Test
    void filesThatAreNotYamlAreNotParsed() throws Exception {
        template("a.txt", "a: [${a}\n");
        assertEquals(Map.of("out/a.txt", "a: [1\n"), render(Map.of("a", "1")));
    }

    @Test
    void everyDocumentOfAMultiDocumentFileIsChecked() throws Exception {
        template("a.yaml", "a: ${a}\n---\nb: [\n");
        var problems = problems(Map.of("a", "1"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("tpl/a.yaml:"), problems.get(0));
    }

    @Test
    void linesKeepTheirEndingsExactly() throws Exception {
        template("a.txt", "${a}\n\n${a}");
        assertEquals(Map.of("out/a.txt", "1\n\n1"), render(Map.of("a", "1")));
    }

    @Test
    void aValueWithDollarsIsWrittenAsIs() throws Exception {
        template("a.txt", "p: ${a}");
        assertEquals(Map.of("out/a.txt", "p: $1\\x"), render(Map.of("a", "$1\\x")));
    }

    @Test
    void theTemplateListLeavesOutTheReadmeAndIsSorted() throws Exception {
        template("README.md", "docs");
        template("b.yaml", "b: 1");
        template("a/c.yaml", "c: 1");
        assertEquals(List.of("a/c.yaml", "b.yaml"), TemplateRenderer.templates(root, Path.of("tpl")));
    }

    @Test
    void aMissingTemplateDirectoryIsNamed() {
        var e = assertThrows(java.io.UncheckedIOException.class, () -> TemplateRenderer.templates(root, Path.of("none")));
        assertEquals("cannot list templates in none", e.getMessage().substring(0, "cannot list templates in none".length()));
    }
}
