package io.idp.platform.engine;


import com.google.protobuf.Value;
import io.idp.platform.TestProject;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;
import io.idp.platform.local.StackDirectory;
import io.idp.platform.local.StackFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.EngineOuterClass.LogSeverity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The built jar under the Pulumi engine's own protocol, as {@code pulumi preview} and
 * {@code pulumi up} run it: started by the language host's rules, talking gRPC to
 * {@link ProtocolEngine}. For every stack file of the repository, in preview and in up, the program
 * must exit 0 and register exactly what the offline plan records; a broken management contract must
 * register nothing and say which output is wrong.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineProtocolIT {
    static final String PROJECT = "platform";
    static final Path JAR = Path.of("target", "platform.jar").toAbsolutePath();

    @TempDir
    static Path dir;
    static ProtocolEngine engine;
    static LanguageHost host;
    static OfflineEngine offline;
    static List<String> stacks;
    static final Map<String, Plan> OFFLINE = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.exists(JAR), JAR + " is built by mvn package, before this test runs (mvn verify)");
        var project = TestProject.copyOfRepository(Files.createDirectories(dir.resolve("project")));
        engine = new ProtocolEngine(dir.resolve("engine"));
        host = new LanguageHost(project.dir(), JAR);
        offline = new OfflineEngine(project.dir());
        stacks = new StackDirectory(project.dir()).stacks().stream()
                .sorted((a, b) -> Boolean.compare(!isManagement(project.dir(), a), !isManagement(project.dir(), b))).toList();
        for (var stack : stacks) {
            var plan = offline.plan(stack).plan();
            offline.plans().write(plan);
            OFFLINE.put(stack, plan);
        }
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    static boolean isManagement(Path projectDir, String stack) {
        return StackFile.read(projectDir, stack).get("platform:role").map("management"::equals).orElse(false);
    }

    static String region(String stack) {
        return OFFLINE.get(stack).outputs().getOrDefault("region", "us-east-1").toString();
    }

    private LanguageHost.Exit run(String stack, boolean dryRun) throws Exception {
        engine.begin(stack, PROJECT, dryRun, region(stack));
        return host.run(engine, PROJECT, stack, dryRun);
    }

    static Set<Registration> expected(Plan plan) {
        return plan.resources().stream().map(EngineProtocolIT::registration).collect(Collectors.toCollection(TreeSet::new));
    }

    static Registration registration(PlannedResource r) {
        var secret = r.inputs().entrySet().stream().filter(e -> holdsMask(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        return new Registration(r.urn(), r.type(), r.name(), r.parent(), r.read(), Registration.providerUrn(r.provider()),
                r.protect(), r.retainOnDelete(), r.ignoreChanges(), new TreeSet<>(r.dependencies()), secret, r.aliases());
    }

    private static boolean holdsMask(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(EngineProtocolIT::holdsMask);
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(EngineProtocolIT::holdsMask);
        }
        return "[secret]".equals(value);
    }

    private static void assertSameRegistrations(Set<Registration> expected, List<Registration> actual, String what) {
        var got = new TreeSet<>(actual);
        assertEquals(actual.size(), got.size(), what + ": a URN was registered twice");
        var missing = new TreeSet<>(expected);
        missing.removeAll(got);
        var extra = new TreeSet<>(got);
        extra.removeAll(expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), what + " differs from the offline plan.\n  only offline:\n    "
                + missing.stream().map(String::valueOf).collect(Collectors.joining("\n    "))
                + "\n  only under the engine:\n    " + extra.stream().map(String::valueOf).collect(Collectors.joining("\n    ")));
    }

    private static String describe(LanguageHost.Exit exit) {
        return "exit " + exit.code() + "\nstderr:\n" + exit.stderr() + "\nlogs:\n" + engine.logs().stream()
                .filter(l -> l.severity() != LogSeverity.DEBUG).map(l -> l.severity() + " " + l.message())
                .collect(Collectors.joining("\n"));
    }

    @Test
    @Order(1)
    void everyStackUpRegistersWhatTheOfflinePlanRecords() throws Exception {
        assertTrue(stacks.size() >= 4, stacks.toString());
        for (var stack : stacks) {
            var exit = run(stack, false);
            assertEquals(0, exit.code(), stack + " up: " + describe(exit));
            assertSameRegistrations(expected(OFFLINE.get(stack)), engine.registrations(), stack + " up");
            // Resources moved under the cluster components carry their former URNs through the real protocol too.
            assertTrue(engine.registrations().stream().anyMatch(r -> !r.aliases().isEmpty()), stack + ": no aliases sent");
        }
    }

    @Test
    @Order(2)
    void everyStackPreviewRegistersTheSameWithUnknownValues() throws Exception {
        for (var stack : stacks) {
            var exit = run(stack, true);
            assertEquals(0, exit.code(), stack + " preview: " + describe(exit));
            // The SDK sends a value that is not known yet as unknown, without its secretness: a secret
            // to be created (a token, a key) is not marked secret in a preview's request.
            var expected = expected(OFFLINE.get(stack)).stream().map(r -> {
                var secret = new TreeSet<>(r.secretInputs());
                secret.removeAll(engine.unknownInputs(r.urn()));
                return new Registration(r.urn(), r.type(), r.name(), r.parent(), r.read(), r.provider(), r.protect(),
                        r.retainOnDelete(), r.ignoreChanges(), r.dependencies(), secret, r.aliases());
            }).collect(Collectors.toCollection(TreeSet::new));
            // ...unless the unknown value sits in an object with known fields (a webhook's configuration
            // holding a secret still to be made): then the SDK marks the whole object secret. Secretness
            // of unknown inputs is therefore not compared in a preview; the up run below compares it.
            var actual = engine.registrations().stream().map(r -> {
                var secret = new TreeSet<>(r.secretInputs());
                secret.removeAll(engine.unknownInputs(r.urn()));
                return new Registration(r.urn(), r.type(), r.name(), r.parent(), r.read(), r.provider(), r.protect(),
                        r.retainOnDelete(), r.ignoreChanges(), r.dependencies(), secret, r.aliases());
            }).collect(Collectors.toCollection(TreeSet::new));
            assertSameRegistrations(expected, new java.util.ArrayList<>(actual), stack + " preview");
            assertTrue(engine.registrations().stream().anyMatch(r -> !engine.unknownInputs(r.urn()).isEmpty()),
                    stack + ": a preview knows no computed value, so some input must be unknown");
        }
    }

    @Test
    @Order(3)
    void theManagementStackExportsTheContractWithOnlyTheKubeconfigSecret() {
        var outputs = engine.outputsOf("mgmt");
        assertNotNull(outputs, "mgmt was deployed first");
        var secret = outputs.getFieldsMap().entrySet().stream().filter(e -> Wire.holdsSecret(e.getValue()))
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of("kubeconfig"), secret);
        assertEquals(OFFLINE.get("mgmt").outputs().keySet(), outputs.getFieldsMap().keySet());
    }

    @Test
    @Order(4)
    void aWorkloadStackHoldsSecretsOnlyWhereASecretFlows() throws Exception {
        var exit = run("production-east", false);
        assertEquals(0, exit.code(), describe(exit));
        var secret = new TreeSet<String>();
        engine.registrations().forEach(r -> r.secretInputs().forEach(key -> secret.add(r.type() + " " + r.name() + " " + key)));
        assertEquals(new TreeSet<>(Set.of(
                "aws:secretsmanager/secretVersion:SecretVersion secret-clusters-production-east-cloudflare-cert-manager-token secretString",
                "aws:secretsmanager/secretVersion:SecretVersion secret-clusters-production-east-cloudflare-external-dns-token secretString",
                // The remote-write login to the management cluster's Prometheus: its password, and its htpasswd line.
                "aws:secretsmanager/secretVersion:SecretVersion secret-clusters-production-east-prometheus-remote-write-password secretString",
                "aws:secretsmanager/secretVersion:SecretVersion secret-prometheus-write-users-production-east secretString",
                "pulumi:providers:cloudflare cloudflare apiToken",
                "pulumi:providers:github github token",
                // Not the management cluster's kubeconfig: it holds no credential (aws eks get-token).
                "pulumi:providers:kubernetes production-east-kubernetes kubeconfig")), secret);
        var exports = engine.outputsOf("production-east");
        assertTrue(exports.getFieldsMap().values().stream().noneMatch(Wire::holdsSecret), "no export of a workload stack is secret");
    }

    @Test
    @Order(5)
    void aMissingOutputRegistersNothingAndSaysWhich() throws Exception {
        var healthy = engine.outputsOf("mgmt");
        try {
            engine.replaceOutputs("mgmt", healthy.toBuilder().removeFields("dnsZoneId").build());
            var exit = run("staging", false);
            assertBrokenContract(exit, "management stack 'mgmt' does not export 'dnsZoneId' (a non-empty string)");
        } finally {
            engine.replaceOutputs("mgmt", healthy);
        }
    }

    @Test
    @Order(6)
    void aMistypedOutputRegistersNothingAndSaysWhich() throws Exception {
        var healthy = engine.outputsOf("mgmt");
        try {
            var list = Value.newBuilder().setListValue(com.google.protobuf.ListValue.newBuilder().addValues(Wire.text("example.com")));
            engine.replaceOutputs("mgmt", healthy.toBuilder().putFields("domain", list.build()).build());
            var exit = run("production-east", true);
            assertBrokenContract(exit, "management stack 'mgmt' exports 'domain' as a list, but the contract needs a non-empty string");
        } finally {
            engine.replaceOutputs("mgmt", healthy);
        }
    }

    private void assertBrokenContract(LanguageHost.Exit exit, String message) {
        assertEquals(1, exit.code(), describe(exit));
        var errors = engine.logs().stream().filter(l -> l.severity() == LogSeverity.ERROR).map(ProtocolEngine.Log::message).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith(message), errors.get(0));
        assertFalse(errors.get(0).contains("\tat ") || exit.stderr().contains("\tat "), "no stack trace: " + describe(exit));
        var types = engine.registrations().stream().map(Registration::type).collect(Collectors.toSet());
        assertEquals(Set.of("pulumi:pulumi:Stack", "pulumi:pulumi:StackReference"), types);
    }

    /**
     * At {@code pulumi up --debug} the engine shows the program's debug messages. Whether they carry
     * secret values in plaintext depends on the SDK; the README must warn exactly when they do.
     */
    @Test
    @Order(7)
    void theReadmeWarnsAboutDebugLogsExactlyWhenTheyCarrySecrets() throws Exception {
        var exit = run("mgmt", true);
        assertEquals(0, exit.code(), describe(exit));
        var secrets = new ArrayList<String>();
        var config = LanguageHost.StackConfig.read(dir.resolve("project").resolve("Pulumi.mgmt.yaml"));
        config.secretKeys().forEach(key -> secrets.add(config.values().get(key)));
        var leaking = engine.logs().stream().filter(l -> l.severity() == LogSeverity.DEBUG)
                .anyMatch(l -> secrets.stream().anyMatch(l.message()::contains));
        var readme = Files.readString(Path.of("README.md"));
        assertEquals(leaking, readme.contains("Do not run `pulumi up --debug`"),
                leaking ? "debug messages carry secret config in plaintext; the README must warn next to the commands"
                        : "debug messages carry no secret; the README's warning is out of date");
    }

}
