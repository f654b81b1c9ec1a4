package io.idp.platform.gitops;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code stacks/catalog.yaml}: the pinned version of every platform tool and EKS add-on, the same
 * for every cluster. Read once, checked whole, and handed to the stack programs.
 */
public record Catalog(String catalogVersion, Map<String, Tool> tools, Map<String, Map<String, String>> eksAddons) {

    public static final String FILE = "stacks/catalog.yaml";
    public static final List<String> REQUIRED_ADDONS = List.of("vpc-cni", "coredns", "kube-proxy", "aws-ebs-csi-driver",
            "eks-pod-identity-agent");

    /** One tool's pin: where its chart comes from, which version, where and when it is installed. */
    public record Tool(String name, String repository, String chart, String version, String namespace, int wave,
                       List<String> clusters) {
    }

    public Tool tool(String name) {
        var tool = tools.get(name);
        if (tool == null) {
            throw new IllegalArgumentException("the catalog has no tool '" + name + "' (" + FILE + ")");
        }
        return tool;
    }

    /** Add-on versions for a Kubernetes version; present for every supported version (checked on load). */
    public Map<String, String> addonsFor(String kubernetesVersion) {
        return Optional.ofNullable(eksAddons.get(kubernetesVersion)).orElseThrow(() -> new IllegalArgumentException(
                FILE + " has no eksAddons for Kubernetes " + kubernetesVersion));
    }

    public static Catalog load(Path projectDir) {
        var file = projectDir.resolve(FILE);
        try {
            return parse(Files.readString(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CatalogException("there is no " + FILE + " in " + projectDir
                    + ": the catalog pins every tool's version; run the program from the project directory");
        } catch (IOException e) {
            throw new CatalogException("cannot read " + FILE + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    public static Catalog parse(String text) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new CatalogException(FILE + " is not valid YAML: " + e.getMessage());
        }
        if (!(document instanceof Map<?, ?>)) {
            throw new CatalogException(FILE + " must be a map with catalogVersion, tools and eksAddons");
        }
        var root = (Map<String, Object>) document;
        var problems = new ArrayList<String>();
        var version = String.valueOf(root.get("catalogVersion"));
        var tools = new LinkedHashMap<String, Tool>();
        var toolMap = root.get("tools") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.<String, Object>of();
        toolMap.forEach((name, value) -> {
            if (!(value instanceof Map<?, ?> spec)) {
                problems.add("tools." + name + " is not a map");
                return;
            }
            for (var key : List.of("repository", "chart", "version", "namespace", "wave", "clusters")) {
                if (spec.get(key) == null) {
                    problems.add("tools." + name + "." + key + " is missing");
                }
            }
            if (spec.get("wave") != null && !(spec.get("wave") instanceof Integer)) {
                problems.add("tools." + name + ".wave must be a whole number, was " + spec.get("wave"));
            }
            if (spec.get("clusters") != null && !(spec.get("clusters") instanceof List<?>)) {
                problems.add("tools." + name + ".clusters must be a list of management, workload-eks, workload-vcluster, was "
                        + spec.get("clusters"));
            }
            if (problems.isEmpty()) {
                tools.put(name, new Tool(name, String.valueOf(spec.get("repository")), String.valueOf(spec.get("chart")),
                        String.valueOf(spec.get("version")), String.valueOf(spec.get("namespace")), (Integer) spec.get("wave"),
                        List.copyOf((List<String>) spec.get("clusters"))));
            }
        });
        var addons = new LinkedHashMap<String, Map<String, String>>();
        var addonMap = root.get("eksAddons") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.<String, Object>of();
        for (var kubernetes : io.idp.platform.config.Validators.SUPPORTED_KUBERNETES_VERSIONS) {
            var pins = addonMap.get(kubernetes) instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.<String, Object>of();
            var versions = new LinkedHashMap<String, String>();
            for (var addon : REQUIRED_ADDONS) {
                if (pins.get(addon) == null) {
                    problems.add("eksAddons.\"" + kubernetes + "\"." + addon + " is missing");
                } else {
                    versions.put(addon, String.valueOf(pins.get(addon)));
                }
            }
            addons.put(kubernetes, Map.copyOf(versions));
        }
        if (!tools.containsKey("argo-cd")) {
            problems.add("tools.argo-cd is missing: the management cluster installs Argo CD from it");
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(FILE + " has " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
        }
        return new Catalog(version, Map.copyOf(tools), Map.copyOf(addons));
    }
}
