package io.idp.platform.bindings;

import com.google.gson.JsonParser;
import com.pulumi.core.annotations.CustomType;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.InvokeArgs;
import com.pulumi.resources.ResourceArgs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every class of the com.pulumi.{github,cloudflare,tls} bindings conforms to its provider's schema
 * subset: type tokens, property names and types, required inputs, nested types and secrets.
 */
class BindingConformanceTest {

    static List<Class<?>> classesOf(String packageName) throws IOException, URISyntaxException, ClassNotFoundException {
        var url = BindingConformanceTest.class.getClassLoader().getResource(packageName.replace('.', '/'));
        assertNotNull(url, "no classes in " + packageName);
        var root = Path.of(url.toURI());
        var classes = new ArrayList<Class<?>>();
        try (var files = Files.walk(root)) {
            for (var file : files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$")).sorted().toList()) {
                var relative = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                classes.add(Class.forName(packageName + "." + relative));
            }
        }
        return classes;
    }

    @ParameterizedTest
    @ValueSource(strings = {"github-6.15.0.json", "cloudflare-6.17.0.json", "tls-5.5.1.json"})
    void everyBindingClassConformsToTheSchema(String file) throws Exception {
        var schema = ProviderSchema.load(file);
        var checker = new BindingChecker(schema);
        int resources = 0;
        int inputs = 0;
        int outputs = 0;
        for (var type : classesOf(schema.packageName())) {
            if (type.getAnnotation(ResourceType.class) != null) {
                var args = Class.forName(type.getName() + "Args");
                checker.checkResource(type, args);
                resources++;
            } else if (type.getPackageName().endsWith(".inputs") && InvokeArgs.class.isAssignableFrom(type)) {
                var token = schema.functions.keySet().stream()
                        .filter(t -> (ProviderSchema.upperFirst(t.substring(t.lastIndexOf(':') + 1)) + "Args").equals(type.getSimpleName()))
                        .findFirst();
                assertTrue(token.isPresent(), type.getSimpleName() + " matches no function of the schema");
                checker.checkInputs(type, schema.functions.get(token.get()).inputs());
                inputs++;
            } else if (type.getPackageName().endsWith(".inputs") && ResourceArgs.class.isAssignableFrom(type)) {
                var properties = schema.inputTypes.get(type.getSimpleName());
                assertNotNull(properties, type.getSimpleName() + " matches no input type of the schema");
                checker.checkInputs(type, properties);
                inputs++;
            } else if (type.getAnnotation(CustomType.class) != null) {
                var properties = schema.outputTypes.get(type.getSimpleName());
                if (properties == null) {
                    var function = schema.functions.keySet().stream().filter(t -> type.getSimpleName().matches(
                            ProviderSchema.upperFirst(t.substring(t.lastIndexOf(':') + 1)) + "(Invoke)?Result")).findFirst();
                    assertTrue(function.isPresent(), type.getSimpleName() + " matches no output type or function result");
                    properties = schema.functions.get(function.get()).outputs();
                }
                checker.checkOutputType(type, properties);
                outputs++;
            }
        }
        assertEquals(List.of(), checker.problems());
        assertEquals(schema.resources.size() + 1, resources, "every resource of the schema and the provider has a binding");
        assertTrue(inputs > 0 || schema.inputTypes.isEmpty());
        assertTrue(outputs > 0 || schema.outputTypes.isEmpty() || schema.name.equals("tls"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"github:6.15.0", "cloudflare:6.17.0", "tls:5.5.1"})
    void eachBindingDeclaresItsPluginAsTheOfficialJarsDo(String plugin) throws Exception {
        var name = plugin.substring(0, plugin.indexOf(':'));
        var version = plugin.substring(plugin.indexOf(':') + 1);
        // What the Java language host runs to learn which provider plugins to install.
        var captured = new java.io.ByteArrayOutputStream();
        var original = System.out;
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            com.pulumi.bootstrap.internal.Main.main(new String[]{"packages"});
        } finally {
            System.setOut(original);
        }
        var packages = JsonParser.parseString(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).getAsJsonArray();
        var found = new ArrayList<String>();
        for (var element : packages) {
            var p = element.getAsJsonObject();
            found.add(p.get("name").getAsString() + ":" + p.get("version").getAsString());
            if (p.get("name").getAsString().equals(name)) {
                assertEquals(version, p.get("version").getAsString());
                assertTrue(p.get("resource").getAsBoolean());
                return;
            }
        }
        fail("the Java language host would not install " + name + "; it finds " + found);
    }
}
