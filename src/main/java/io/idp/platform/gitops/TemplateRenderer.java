package io.idp.platform.gitops;

import io.idp.platform.config.Validators;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a template directory strictly: every {@code ${name}} must have a value, every value must be
 * used by some rendered file, and every rendered YAML file must parse. All problems are reported
 * together, each naming the template file and line. Output is sorted by path, so it is deterministic.
 * {@code $${} writes a literal {@code ${}. A template directory's own README.md documents it and is
 * not rendered.
 */
public final class TemplateRenderer {
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\$?)\\{([^}]*)}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private TemplateRenderer() {
    }

    /** The template files of a directory, relative paths, sorted. */
    public static List<String> templates(Path root, Path templateDir) {
        var dir = root.resolve(templateDir);
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> dir.relativize(f).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("README.md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list templates in " + templateDir, e);
        }
    }

    /**
     * Renders the templates of {@code templateDir} (relative to {@code root}) that {@code include}
     * accepts, placing each under {@code targetPrefix}.
     *
     * @return rendered path (targetPrefix + template path) to content
     */
    public static SortedMap<String, String> render(Path root, Path templateDir, String targetPrefix,
                                                   Map<String, String> variables, Predicate<String> include) {
        return render(root, templateDir, targetPrefix, variables, include, Set.of(), List.of());
    }

    /**
     * As {@link #render(Path, Path, String, Map, Predicate)}, with variables that something else rendered
     * from the same values used ({@code usedElsewhere}) and its problems ({@code earlier}) reported
     * with these.
     */
    public static SortedMap<String, String> render(Path root, Path templateDir, String targetPrefix,
                                                   Map<String, String> variables, Predicate<String> include,
                                                   Set<String> usedElsewhere, List<String> earlier) {
        var rendered = new TreeMap<String, String>();
        var problems = new ArrayList<>(earlier);
        var used = new HashSet<>(usedElsewhere);
        for (var template : templates(root, templateDir)) {
            if (!include.test(template)) {
                continue;
            }
            var source = templateDir.resolve(template).toString().replace('\\', '/');
            String text;
            try {
                text = Files.readString(root.resolve(templateDir).resolve(template));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + source, e);
            }
            var content = substitute(source, text, variables, used, problems);
            if (content != null && (template.endsWith(".yaml") || template.endsWith(".yml"))) {
                checkYaml(source, content, problems);
            }
            rendered.put(targetPrefix + template, content);
        }
        var unused = new TreeMap<>(variables);
        unused.keySet().removeAll(used);
        unused.forEach((name, value) -> problems.add(templateDir + ": the value of ${" + name + "} (\"" + value
                + "\") is used by no template; remove it or use it"));
        if (!problems.isEmpty()) {
            throw new RenderException(problems);
        }
        return rendered;
    }

    /** Replaces variables line by line so a problem can name its line. */
    static String substitute(String source, String text, Map<String, String> variables, Set<String> used, List<String> problems) {
        var out = new StringBuilder();
        var lines = text.split("\n", -1);
        int before = problems.size();
        for (int i = 0; i < lines.length; i++) {
            var matcher = VARIABLE.matcher(lines[i]);
            var line = new StringBuilder();
            while (matcher.find()) {
                String replacement;
                if (!matcher.group(1).isEmpty()) {
                    replacement = "${" + matcher.group(2) + "}";
                } else {
                    var name = matcher.group(2);
                    if (!NAME.matcher(name).matches()) {
                        problems.add(source + ":" + (i + 1) + ": ${" + name + "} is not a variable name (letters, digits, '.', '-', '_')");
                        replacement = "";
                    } else if (!variables.containsKey(name)) {
                        var hint = Validators.closest(name, variables.keySet()).map(c -> "; did you mean ${" + c + "}?").orElse("");
                        problems.add(source + ":" + (i + 1) + ": ${" + name + "} has no value" + hint);
                        replacement = "";
                    } else {
                        used.add(name);
                        replacement = variables.get(name);
                    }
                }
                matcher.appendReplacement(line, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(line);
            out.append(line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return problems.size() == before ? out.toString() : null;
    }

    private static void checkYaml(String source, String content, List<String> problems) {
        try {
            for (var ignored : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(content)) {
                // parsing every document is the check
            }
        } catch (MarkedYAMLException e) {
            problems.add(source + ":" + (e.getProblemMark().getLine() + 1) + ": not valid YAML after rendering: " + e.getProblem());
        } catch (YAMLException e) {
            problems.add(source + ": not valid YAML after rendering: " + e.getMessage());
        }
    }
}
