package io.idp.platform.engine;

import com.google.gson.Gson;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Starts the program as pulumi-language-java does for a project whose {@code runtime.options.binary}
 * is a jar: {@code java -jar <binary>} in the project directory, with the host's environment plus
 * {@code PULUMI_MONITOR}, {@code PULUMI_ENGINE}, {@code PULUMI_ORGANIZATION}, {@code PULUMI_PROJECT},
 * {@code PULUMI_STACK}, {@code PULUMI_PWD}, {@code PULUMI_DRY_RUN}, {@code PULUMI_PARALLEL},
 * {@code PULUMI_CONFIG} and {@code PULUMI_CONFIG_SECRET_KEYS} (the language host's constructEnv).
 * Configuration is converted from the stack file as the CLI does: every value a string, structured
 * values as JSON, secure values decrypted and their keys listed as secret.
 */
final class LanguageHost {
    /** What a run of the program ended with. */
    record Exit(int code, String stdout, String stderr) {
    }

    private final Path projectDir;
    private final Path jar;

    LanguageHost(Path projectDir, Path jar) {
        this.projectDir = projectDir;
        this.jar = jar;
    }

    Exit run(ProtocolEngine engine, String project, String stack, boolean dryRun) throws IOException, InterruptedException {
        var config = StackConfig.read(projectDir.resolve("Pulumi." + stack + ".yaml"));
        var gson = new Gson();
        var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString());
        var builder = new ProcessBuilder(command).directory(projectDir.toFile());
        var env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("PULUMI_"));
        env.put("PULUMI_MONITOR", engine.address());
        env.put("PULUMI_ENGINE", engine.address());
        env.put("PULUMI_ORGANIZATION", "organization");
        env.put("PULUMI_PROJECT", project);
        env.put("PULUMI_STACK", stack);
        env.put("PULUMI_PWD", projectDir.toString());
        env.put("PULUMI_DRY_RUN", String.valueOf(dryRun));
        env.put("PULUMI_PARALLEL", "2147483647");
        env.put("PULUMI_CONFIG", gson.toJson(config.values()));
        env.put("PULUMI_CONFIG_SECRET_KEYS", gson.toJson(config.secretKeys()));
        var stdout = Files.createTempFile("program", ".out");
        var stderr = Files.createTempFile("program", ".err");
        var process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the program of stack " + stack + " did not finish in 5 minutes");
        }
        var exit = new Exit(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
        return exit;
    }

    /** A stack file's configuration as the CLI hands it to the language host. */
    record StackConfig(Map<String, String> values, List<String> secretKeys) {
        static StackConfig read(Path file) throws IOException {
            var text = Files.readString(file);
            var root = (MappingNode) new Yaml().compose(new StringReader(text));
            Map<?, ?> loaded = (Map<?, ?>) ((Map<?, ?>) new Yaml().load(text)).get("config");
            var values = new TreeMap<String, String>();
            var secrets = new TreeSet<String>();
            for (var entry : root.getValue()) {
                if (!((ScalarNode) entry.getKeyNode()).getValue().equals("config")) {
                    continue;
                }
                for (var setting : ((MappingNode) entry.getValueNode()).getValue()) {
                    var key = ((ScalarNode) setting.getKeyNode()).getValue();
                    var value = setting.getValueNode();
                    var secure = secureValue(value);
                    if (secure != null) {
                        values.put(key, decrypt(secure));
                        secrets.add(key);
                    } else if (value instanceof ScalarNode scalar) {
                        values.put(key, scalar.getValue());
                    } else {
                        values.put(key, new Gson().toJson(loaded.get(key)));
                    }
                }
            }
            return new StackConfig(values, new ArrayList<>(secrets));
        }

        private static String secureValue(Node node) {
            if (node instanceof MappingNode map && map.getValue().size() == 1
                    && ((ScalarNode) map.getValue().get(0).getKeyNode()).getValue().equals("secure")) {
                return ((ScalarNode) map.getValue().get(0).getValueNode()).getValue();
            }
            return null;
        }

        /**
         * The repository's stack files hold placeholders, not real ciphertext: {@code v1:} and the
         * base64 of a readable placeholder. The CLI would decrypt with the stack's passphrase; here
         * the placeholder's text is the plaintext.
         */
        static String decrypt(String ciphertext) {
            var body = ciphertext.startsWith("v1:") ? ciphertext.substring(3) : ciphertext;
            try {
                return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return ciphertext;
            }
        }
    }
}
