package io.idp.platform;

import io.idp.platform.cli.PlatformCli;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A scratch copy of this repository's Pulumi project files in a temporary directory, so a test can
 * change a stack file and run the CLI or engine on it without touching the real ones.
 */
public final class TestProject {
    private final Path dir;
    private String out = "";
    private String err = "";

    private TestProject(Path dir) {
        this.dir = dir;
    }

    /** Copies Pulumi.yaml, every Pulumi.&lt;stack&gt;.yaml, the stacks/ templates and the apps/ template of the repository. */
    public static TestProject copyOfRepository(Path tempDir) {
        io.idp.platform.local.ProjectFiles.copy(Path.of("."), tempDir);
        return new TestProject(tempDir);
    }

    public Path dir() {
        return dir;
    }

    public Path planFile(String stack) {
        return dir.resolve(".platform/plans/" + stack + ".json");
    }

    /** Sets (or, with null, removes) one config key of a stack file. */
    @SuppressWarnings("unchecked")
    public TestProject set(String stack, String key, Object value) {
        var file = dir.resolve("Pulumi." + stack + ".yaml");
        try {
            Map<String, Object> document = new Yaml().load(Files.readString(file));
            var config = (Map<String, Object>) document.get("config");
            if (value == null) {
                config.remove(key);
            } else {
                config.put(key, value);
            }
            var options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            Files.writeString(file, new Yaml(options).dump(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public TestProject copyStack(String from, String to) {
        try {
            Files.copy(dir.resolve("Pulumi." + from + ".yaml"), dir.resolve("Pulumi." + to + ".yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes (or, with null, deletes) a file of the project, relative to its directory. */
    public TestProject write(String file, String text) {
        try {
            var path = dir.resolve(file);
            if (text == null) {
                Files.deleteIfExists(path);
            } else {
                Files.createDirectories(path.getParent());
                Files.writeString(path, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public String read(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces text in a file of the project; the text must be there, so a test cannot pass by editing nothing. */
    public TestProject replace(String file, String text, String replacement) {
        var before = read(file);
        if (!before.contains(text)) {
            throw new IllegalArgumentException(file + " does not contain " + text);
        }
        return write(file, before.replace(text, replacement));
    }

    /** Runs {@code ./platform ARGS} in-process with COLUMNS set, as a terminal of that width would. */
    public int cliWithColumns(int columns, String... args) {
        var outText = new StringWriter();
        var errText = new StringWriter();
        int code = PlatformCli.run(new PrintWriter(outText, true), new PrintWriter(errText, true), dir,
                Map.of("COLUMNS", String.valueOf(columns)), args);
        out = outText.toString();
        err = errText.toString();
        return code;
    }

    /** Runs {@code ./platform ARGS} in-process; returns the exit code and keeps what it printed. */
    public int cli(String... args) {
        var outText = new StringWriter();
        var errText = new StringWriter();
        int code = PlatformCli.run(new PrintWriter(outText, true), new PrintWriter(errText, true), dir, args);
        out = outText.toString();
        err = errText.toString();
        return code;
    }

    public String out() {
        return out;
    }

    public String err() {
        return err;
    }
}
