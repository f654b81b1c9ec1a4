package io.idp.platform.local;

import io.idp.platform.config.ConfigError;
import io.idp.platform.config.ConfigException;
import io.idp.platform.config.Validators;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code Pulumi.yaml}: the project. Its name is part of every URN and of qualified stack references,
 * so the offline engine uses it as the real engine would; its runtime must be the Java host starting
 * the jar this build makes, or {@code pulumi up} runs something else than what was planned.
 */
public record PulumiProject(String name) {
    public static final String FILE = "Pulumi.yaml";
    /** The jar {@code mvn package} builds (the shade plugin's finalName in pom.xml). */
    public static final String BINARY = "target/platform.jar";

    /** Reads and checks Pulumi.yaml; every problem is reported together. */
    public static PulumiProject read(Path projectDir) {
        var errors = new ArrayList<ConfigError>();
        var project = check(projectDir, errors);
        if (!errors.isEmpty()) {
            throw new ConfigException(FILE, errors);
        }
        return project;
    }

    /** Reads Pulumi.yaml, adding its problems to {@code errors}; the project, or null when it has none. */
    public static PulumiProject check(Path projectDir, List<ConfigError> errors) {
        String text;
        try {
            text = Files.readString(projectDir.resolve(FILE));
        } catch (NoSuchFileException e) {
            errors.add(error("name", null, "is missing: there is no Pulumi.yaml in " + projectDir
                    + ", and without a project the Pulumi CLI runs nothing", "a Pulumi.yaml with name, runtime java and options.binary",
                    "name: platform"));
            return null;
        } catch (IOException e) {
            throw new PlanException("cannot read " + FILE + ": " + e.getMessage());
        }
        Object document;
        try {
            var node = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new java.io.StringReader(text));
            if (node != null) {
                var duplicates = io.idp.platform.config.YamlKeys.duplicates(node, FILE, null);
                if (!duplicates.isEmpty()) {
                    errors.addAll(duplicates);
                    return null;
                }
            }
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            errors.add(error("(file)", null, "is not valid YAML: " + ConfigError.shorten(e.getMessage().replace('\n', ' ')),
                    "a YAML map with name and runtime", "name: platform"));
            return null;
        }
        if (!(document instanceof Map<?, ?> root)) {
            errors.add(error("(file)", String.valueOf(document), "is not a YAML map", "a YAML map with name and runtime", "name: platform"));
            return null;
        }
        var name = root.get("name");
        PulumiProject project = null;
        if (!(name instanceof String text1) || !Validators.PULUMI_NAME.matcher(text1).matches()) {
            errors.add(error("name", name == null ? null : String.valueOf(name), name == null ? "is required but not set"
                            : "is not a Pulumi project name", "1-100 letters, digits, '-', '_' and '.' (Pulumi's project name rule)",
                    "name: platform"));
        } else {
            project = new PulumiProject(text1);
        }
        var runtime = root.get("runtime");
        var runtimeName = runtime instanceof Map<?, ?> map ? map.get("name") : runtime;
        if (!"java".equals(runtimeName)) {
            errors.add(error("runtime", runtimeName == null ? null : String.valueOf(runtimeName),
                    runtimeName == null ? "is required but not set" : "is not java: this project is a Java program",
                    "java", "runtime: {name: java, options: {binary: " + BINARY + "}}"));
        } else {
            var options = runtime instanceof Map<?, ?> map && map.get("options") instanceof Map<?, ?> o ? o : Map.of();
            var binary = options.get("binary");
            if (!BINARY.equals(binary)) {
                errors.add(error("runtime.options.binary", binary == null ? null : String.valueOf(binary),
                        binary == null ? "is not set: pulumi would compile the program through Maven on every command"
                                : "is not the jar this build makes", BINARY + " (mvn -B -DskipTests package builds it)",
                        "runtime: {name: java, options: {binary: " + BINARY + "}}"));
            }
        }
        return project;
    }

    private static ConfigError error(String key, String value, String problem, String allowed, String example) {
        return new ConfigError(key, value, problem, allowed, example, FILE);
    }
}
