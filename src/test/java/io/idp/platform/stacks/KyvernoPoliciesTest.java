package io.idp.platform.stacks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cel.common.CelOptions;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelOptionalLibrary;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.idp.platform.validation.ObjectCheck;
import io.idp.platform.validation.ReferenceData;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The platform's Kyverno policies, ValidatingPolicies of policies.kyverno.io/v1: what they match, how
 * they enforce, their CEL expressions compiled (with Kubernetes' optional syntax) and run against pods
 * that each break one rule, and each policy against the ValidatingPolicy CRD of the pinned chart.
 */
class KyvernoPoliciesTest {
    static final Path MANAGEMENT = Path.of("stacks/management/manifests/kyverno-policies/baseline.yaml");
    static final Path WORKLOAD = Path.of("stacks/workload/kyverno-policies.yaml");
    static final Path CRD = Path.of("src/test/resources/kyverno-3.9.0/validatingpolicies.policies.kyverno.io.yaml");

    static final CelOptions OPTIONS = CelOptions.current().enableOptionalSyntax(true).build();
    /** The variables Kubernetes and Kyverno give a validating policy's expressions; every one dynamic here. */
    static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addLibraries(CelOptionalLibrary.INSTANCE)
            .addVar("object", SimpleType.DYN)
            .addVar("oldObject", SimpleType.DYN)
            .addVar("request", SimpleType.DYN)
            .addVar("namespaceObject", SimpleType.DYN)
            .addVar("variables", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .build();
    static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(OPTIONS)
            .addLibraries(CelOptionalLibrary.INSTANCE)
            .build();

    static final List<String> BASELINE_MESSAGES = List.of(
            "Windows HostProcess pods and containers are not allowed.",
            "Sharing the host's network, PID or IPC namespaces is not allowed.",
            "Privileged containers are not allowed.",
            "Capabilities beyond AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, "
                    + "SETGID, SETPCAP, SETUID and SYS_CHROOT are not allowed.",
            "HostPath volumes are not allowed.",
            "Host ports are not allowed.",
            "AppArmor profiles other than RuntimeDefault and Localhost are not allowed.",
            "SELinux types other than container_t, container_init_t, container_kvm_t and container_engine_t, and custom "
                    + "SELinux users and roles, are not allowed.",
            "Proc mount types other than Default are not allowed.",
            "The Unconfined seccomp profile is not allowed.",
            "Sysctls outside the safe set are not allowed.");

    static List<Map<String, Object>> documents(Path file) {
        try {
            var documents = new ArrayList<Map<String, Object>>();
            for (var document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file))) {
                @SuppressWarnings("unchecked")
                var map = (Map<String, Object>) longs(document);
                documents.add(map);
            }
            return documents;
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    /** YAML integers as CEL's int (a Java long). */
    static Object longs(Object node) {
        if (node instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), longs(v)));
            return copy;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(KyvernoPoliciesTest::longs).toList();
        }
        return node instanceof Integer i ? Long.valueOf(i) : node;
    }

    static Map<String, Object> policy(String name) {
        return documents(MANAGEMENT).stream().filter(d -> name.equals(at(d, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no policy " + name + " in " + MANAGEMENT));
    }

    static Object at(Object node, String... path) {
        for (var key : path) {
            node = node instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object node, String... path) {
        var value = at(node, path);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    static Object eval(String expression, Map<String, Object> input) {
        var compiled = COMPILER.compile(expression);
        if (compiled.hasError()) {
            throw new AssertionError(compiled.getErrorString());
        }
        try {
            return RUNTIME.createProgram(compiled.getAst()).eval(input);
        } catch (Exception e) {
            throw new AssertionError("evaluating " + expression + ": " + e.getMessage(), e);
        }
    }

    /** The messages of the policy's validations the pod fails, its variables evaluated first, in order, as Kyverno does. */
    static List<String> denials(Map<String, Object> policy, Map<String, Object> pod) {
        var variables = new LinkedHashMap<String, Object>();
        for (var variable : list(policy, "spec", "variables")) {
            var input = Map.<String, Object>of("object", longs(pod), "variables", Map.copyOf(variables));
            variables.put(String.valueOf(variable.get("name")), eval(String.valueOf(variable.get("expression")), input));
        }
        var denied = new ArrayList<String>();
        for (var validation : list(policy, "spec", "validations")) {
            var result = eval(String.valueOf(validation.get("expression")), Map.of("object", longs(pod), "variables", variables));
            assertInstanceOf(Boolean.class, result, String.valueOf(validation.get("expression")));
            if (!(Boolean) result) {
                denied.add(String.valueOf(validation.get("message")));
            }
        }
        return denied;
    }

    static Map<String, Object> pod(String yaml) {
        @SuppressWarnings("unchecked")
        var pod = (Map<String, Object>) longs(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
        return pod;
    }

    static final String GOOD_POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: app, namespace: payments, annotations: {container.apparmor.security.beta.kubernetes.io/app: runtime/default}}
            spec:
              securityContext:
                seccompProfile: {type: RuntimeDefault}
                sysctls: [{name: net.ipv4.ip_unprivileged_port_start, value: "0"}]
                seLinuxOptions: {type: container_t}
              initContainers:
                - name: init
                  image: busybox:1.37
                  securityContext: {capabilities: {add: [CHOWN]}, procMount: Default}
              containers:
                - name: app
                  image: ghcr.io/acme/app:1.4.2
                  ports: [{containerPort: 8080, hostPort: 0}]
                  securityContext:
                    privileged: false
                    capabilities: {add: [NET_BIND_SERVICE], drop: [ALL]}
                    appArmorProfile: {type: Localhost, localhostProfile: k8s-app}
              volumes: [{name: cache, emptyDir: {}}]
            """;

    @Test
    void bothPoliciesAreValidatingPoliciesThatDenyAndScanExistingPods() {
        var documents = documents(MANAGEMENT);
        assertEquals(List.of("pod-security-baseline", "disallow-latest-tag"), documents.stream().map(d -> at(d, "metadata", "name")).toList());
        for (var policy : documents) {
            assertEquals("policies.kyverno.io/v1", policy.get("apiVersion"));
            assertEquals("ValidatingPolicy", policy.get("kind"));
            assertEquals(List.of("Deny"), at(policy, "spec", "validationActions"), "Enforce, as the ClusterPolicies were");
            assertEquals(true, at(policy, "spec", "evaluation", "background", "enabled"), "background: true, as before");
            assertNull(at(policy, "spec", "autogen"), "Kyverno's default: the checks apply to every pod controller too");
            assertNull(at(policy, "spec", "failurePolicy"), "Kubernetes' default, Fail");
        }
        assertEquals("Pod Security Standards (baseline)", at(documents.get(0), "metadata", "annotations", "policies.kyverno.io/title"));
        assertEquals("Best Practices", at(documents.get(1), "metadata", "annotations", "policies.kyverno.io/category"));
    }

    @Test
    void bothMatchPodsOnCreateAndUpdateAndOnlyTheBaselineLeavesOutKubeSystem() {
        var pods = List.of(Map.of("apiGroups", List.of(""), "apiVersions", List.of("v1"), "operations", List.of("CREATE", "UPDATE"),
                "resources", List.of("pods")));
        assertEquals(Map.of("resourceRules", pods, "namespaceSelector", Map.of("matchExpressions", List.of(Map.of(
                        "key", "kubernetes.io/metadata.name", "operator", "NotIn", "values", List.of("kube-system"))))),
                at(policy("pod-security-baseline"), "spec", "matchConstraints"));
        assertEquals(Map.of("resourceRules", pods), at(policy("disallow-latest-tag"), "spec", "matchConstraints"));
    }

    @Test
    void theBaselineHasOneValidationPerControlOfTheProfile() {
        var baseline = policy("pod-security-baseline");
        assertEquals(BASELINE_MESSAGES, list(baseline, "spec", "validations").stream().map(v -> v.get("message")).toList());
        assertEquals(List.of("containers", "allowedCapabilities", "allowedSeLinuxTypes", "safeSysctls"),
                list(baseline, "spec", "variables").stream().map(v -> v.get("name")).toList());
        assertEquals(List.of(Map.of("expression", "object.spec.containers.all(c, !c.image.endsWith(':latest'))",
                        "message", "Images must be pinned to a version or digest, not ':latest'.")),
                list(policy("disallow-latest-tag"), "spec", "validations"));
    }

    @Test
    void everyExpressionCompiles() {
        var errors = new ArrayList<String>();
        var count = 0;
        for (var file : List.of(MANAGEMENT, WORKLOAD)) {
            for (var policy : documents(file)) {
                for (var section : List.of("variables", "validations")) {
                    for (var entry : list(policy, "spec", section)) {
                        count++;
                        var result = COMPILER.compile(String.valueOf(entry.get("expression")));
                        if (result.hasError()) {
                            errors.add(file + " " + at(policy, "metadata", "name") + " " + section + ": " + result.getErrorString());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), errors);
        assertEquals(2 * (4 + 11 + 1), count);
        assertTrue(COMPILER.compile("object.spec.containers.all(c, c.image.endsWith(':latest')").hasError(), "the check can fail");
        assertTrue(COMPILER.compile("object.spec.?containers.orValue([]).size() > 0").getErrorString().isEmpty());
    }

    @Test
    void aPodWithinTheBaselineIsAdmitted() {
        assertEquals(List.of(), denials(policy("pod-security-baseline"), pod(GOOD_POD)));
        assertEquals(List.of(), denials(policy("disallow-latest-tag"), pod(GOOD_POD)));
        var bare = pod("metadata: {name: bare}\nspec: {containers: [{name: app, image: nginx}]}");
        assertEquals(List.of(), denials(policy("pod-security-baseline"), bare), "every field unset is within the profile");
        assertEquals(List.of(), denials(policy("disallow-latest-tag"), bare), "no tag is not ':latest', as the pattern before allowed");
    }

    @Test
    void eachControlDeniesThePodThatBreaksIt() {
        var baseline = policy("pod-security-baseline");
        var cases = new LinkedHashMap<String, String>();
        cases.put("seccompProfile: {type: RuntimeDefault}", "windowsOptions: {hostProcess: true}");
        cases.put("spec:\n  securityContext:", "spec:\n  hostNetwork: true\n  securityContext:");
        cases.put("procMount: Default}", "procMount: Default, privileged: true}");
        cases.put("add: [NET_BIND_SERVICE]", "add: [NET_BIND_SERVICE, SYS_ADMIN]");
        cases.put("emptyDir: {}}", "hostPath: {path: /var/run}}");
        cases.put("hostPort: 0", "hostPort: 80");
        cases.put("type: Localhost, localhostProfile: k8s-app", "type: Unconfined");
        cases.put("seLinuxOptions: {type: container_t}", "seLinuxOptions: {type: spc_t}");
        cases.put("procMount: Default", "procMount: Unmasked");
        cases.put("seccompProfile: {type: RuntimeDefault}\n", "seccompProfile: {type: Unconfined}\n");
        cases.put("name: net.ipv4.ip_unprivileged_port_start", "name: kernel.msgmax");
        var messages = new ArrayList<>(BASELINE_MESSAGES);
        var i = 0;
        for (var change : cases.entrySet()) {
            var yaml = GOOD_POD.replace(change.getKey(), change.getValue());
            assertNotEquals(GOOD_POD, yaml, change.getKey());
            assertEquals(List.of(messages.get(i++)), denials(baseline, pod(yaml)), change.getValue());
        }
    }

    @Test
    void theEdgesOfEachControl() {
        var baseline = policy("pod-security-baseline");
        var messages = BASELINE_MESSAGES;
        assertEquals(List.of(messages.get(1)), denials(baseline, pod(GOOD_POD.replace("spec:\n  securityContext:", "spec:\n  hostPID: true\n  securityContext:"))));
        assertEquals(List.of(messages.get(1)), denials(baseline, pod(GOOD_POD.replace("spec:\n  securityContext:", "spec:\n  hostIPC: true\n  securityContext:"))));
        assertEquals(List.of(), denials(baseline, pod(GOOD_POD.replace("spec:\n  securityContext:", "spec:\n  hostNetwork: false\n  securityContext:"))));
        assertEquals(List.of(messages.get(2)), denials(baseline, pod(GOOD_POD + "  ephemeralContainers: [{name: debug, image: busybox:1.37, "
                + "securityContext: {privileged: true}}]\n")), "ephemeral containers too");
        assertEquals(List.of(messages.get(6)), denials(baseline, pod(GOOD_POD.replace("app: runtime/default", "app: unconfined"))),
                "the AppArmor annotation as well as the field");
        assertEquals(List.of(), denials(baseline, pod(GOOD_POD.replace("app: runtime/default", "app: localhost/k8s-app"))));
        assertEquals(List.of(messages.get(7)), denials(baseline, pod(GOOD_POD.replace("seLinuxOptions: {type: container_t}",
                "seLinuxOptions: {type: container_t, user: system_u}"))), "a custom SELinux user");
        assertEquals(List.of(), denials(baseline, pod(GOOD_POD.replace("seLinuxOptions: {type: container_t}",
                "seLinuxOptions: {type: container_init_t, level: \"s0:c123,c456\"}"))), "a level is allowed");
        assertEquals(List.of(messages.get(9)), denials(baseline, pod(GOOD_POD.replace("procMount: Default}",
                "procMount: Default, seccompProfile: {type: Unconfined}}"))), "a container's own seccomp profile");
        assertEquals(List.of(messages.get(3)), denials(baseline, pod(GOOD_POD.replace("add: [CHOWN]", "add: [NET_RAW]"))),
                "init containers' capabilities");
    }

    @Test
    void theLatestTagIsDeniedOnTheContainersAsThePatternBeforeDid() {
        var latest = policy("disallow-latest-tag");
        var message = List.of("Images must be pinned to a version or digest, not ':latest'.");
        assertEquals(message, denials(latest, pod(GOOD_POD.replace("ghcr.io/acme/app:1.4.2", "ghcr.io/acme/app:latest"))));
        assertEquals(message, denials(latest, pod(GOOD_POD.replace("ghcr.io/acme/app:1.4.2", "registry.example.com:5000/app:latest"))));
        assertEquals(List.of(), denials(latest, pod(GOOD_POD.replace("ghcr.io/acme/app:1.4.2", "ghcr.io/acme/app:latest-1"))));
        assertEquals(List.of(), denials(latest, pod(GOOD_POD.replace("busybox:1.37", "busybox:latest"))),
                "init containers were not matched by the pattern before, nor are they now");
    }

    @Test
    void theWorkloadClustersPoliciesAreTheManagementClustersInTheirSyncWave() {
        var workload = documents(WORKLOAD);
        var management = documents(MANAGEMENT);
        assertEquals(management.size(), workload.size());
        for (int i = 0; i < management.size(); i++) {
            @SuppressWarnings("unchecked")
            var annotations = (Map<String, Object>) at(workload.get(i), "metadata", "annotations");
            assertEquals("20", annotations.remove("argocd.argoproj.io/sync-wave"), "after Kyverno (wave 10)");
            assertEquals(management.get(i), workload.get(i));
        }
    }

    @Test
    void everyPolicyIsValidAgainstTheChartsValidatingPolicyCrd() throws IOException {
        var check = crdCheck();
        var problems = new ArrayList<String>();
        for (var file : List.of(MANAGEMENT, WORKLOAD)) {
            for (var policy : documents(file)) {
                problems.addAll(check.check(file.toString(), policy));
            }
        }
        assertEquals(List.of(), problems);
        var enforce = policy("disallow-latest-tag");
        @SuppressWarnings("unchecked")
        var spec = (Map<String, Object>) enforce.get("spec");
        spec.put("validationActions", List.of("Enforce"));
        spec.put("validationFailureAction", "Enforce");
        var refused = check.check("broken.yaml", enforce);
        assertEquals(2, refused.size(), "the old field and the old action name are refused: " + refused);
    }

    static ObjectCheck crdCheck() throws IOException {
        @SuppressWarnings("unchecked")
        var crd = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(CRD));
        var versions = new ArrayList<ReferenceData.CrdVersion>();
        for (var version : list(crd, "spec", "versions")) {
            versions.add(new ReferenceData.CrdVersion(String.valueOf(version.get("name")), (Boolean) version.get("served"),
                    new ObjectMapper().valueToTree(at(version, "schema", "openAPIV3Schema"))));
        }
        assertEquals(List.of("v1"), versions.stream().map(ReferenceData.CrdVersion::name).toList());
        var validatingPolicy = new ReferenceData.Crd("kyverno", "3.9.0", String.valueOf(at(crd, "spec", "group")),
                String.valueOf(at(crd, "spec", "names", "kind")), String.valueOf(at(crd, "spec", "scope")), List.copyOf(versions));
        return new ObjectCheck(ReferenceData.packaged().kubernetes(),
                List.of(new ReferenceData.ChartPack("kyverno", "3.9.0", null, Map.of(), null, List.of(validatingPolicy))));
    }
}
