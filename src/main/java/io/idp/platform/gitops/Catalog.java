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

import io.idp.platform.config.ConfigError;

/**
 * {@code stacks/catalog.yaml}: the pinned version of every platform tool and EKS add-on, the same
 * for every cluster. Read once, checked whole, and handed to the stack programs.
 */
public record Catalog(String catalogVersion, Map<String, Tool> tools, Map<String, Map<String, String>> eksAddons) {

    public static final String FILE = "stacks/catalog.yaml";
    /**
     * An add-on pin of {@code default}: no version is sent, so EKS installs its default build for the
     * cluster's Kubernetes version (for versions the EKS documentation does not confirm).
     */
    public static final String EKS_DEFAULT_ADDON = "default";
    public static final List<String> REQUIRED_ADDONS = List.of("vpc-cni", "coredns", "kube-proxy", "aws-ebs-csi-driver",
            "eks-pod-identity-agent");

    /**
     * One tool's declaration: where its chart comes from, which version, where and when it is installed,
     * on which kinds of cluster, under which Helm release name, and which facts of the cluster its values
     * read ({@link #NEEDS}). Its values are in {@code stacks/tools/<name>/} ({@link ToolValues}).
     */
    public record Tool(String name, String repository, String chart, String version, String namespace, int wave,
                       List<String> clusters, String releaseName, List<String> needs) {
        /** A tool released under its own name that reads no fact of the cluster. */
        public Tool(String name, String repository, String chart, String version, String namespace, int wave,
                    List<String> clusters) {
            this(name, repository, chart, version, namespace, wave, clusters, name, List.of());
        }
    }

    /**
     * Facts of a cluster a tool's values may read, by the name a catalog entry's {@code needs} gives them,
     * to the variable its values write: on the management cluster the value itself, in the fleet's
     * ApplicationSets the cluster Secret's name or annotation.
     */
    public static final Map<String, String> NEEDS = orderedMap(
            "cluster-name", "cluster.name",
            "cluster-hostname", "cluster.hostname",
            "external-secrets-role", "role.externalSecrets",
            "cluster-region", "cluster.region",
            "karpenter-role", "role.karpenter",
            "karpenter-queue", "karpenter.interruptionQueue",
            "velero-role", "role.velero",
            "management-hostname", "management.hostname");


    /** Facts only a physical cluster has: the AWS resources made with its EKS cluster (Karpenter's, Velero's). */
    public static final java.util.Set<String> PHYSICAL_NEEDS = java.util.Set.of("external-secrets-role", "karpenter-role",
            "karpenter-queue", "velero-role");

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

    /** Kinds of cluster a tool can be installed on. */
    public static final List<String> CLUSTER_KINDS = List.of("management", "workload-eks", "workload-vcluster");

    @SuppressWarnings("unchecked")
    public static Catalog parse(String text) {
        Object document;
        try {
            var node = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new java.io.StringReader(text));
            var duplicates = node == null ? List.<ConfigError>of() : io.idp.platform.config.YamlKeys.duplicates(node, FILE, null);
            if (!duplicates.isEmpty()) {
                throw new CatalogException(duplicates);
            }
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new CatalogException(FILE + " is not valid YAML: " + e.getMessage());
        }
        if (!(document instanceof Map<?, ?>)) {
            throw new CatalogException(FILE + " must be a map with catalogVersion, tools and eksAddons");
        }
        var root = (Map<String, Object>) document;
        var problems = new ArrayList<ConfigError>();
        var version = String.valueOf(root.get("catalogVersion"));
        var tools = new LinkedHashMap<String, Tool>();
        var toolMap = root.get("tools") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.<String, Object>of();
        toolMap.forEach((name, value) -> {
            var where = "tools." + name;
            if (!(value instanceof Map<?, ?> spec)) {
                problems.add(problem(where, value, "is not a map", "a map of repository, chart, version, namespace, wave and clusters",
                        where + ": {repository: https://charts.jetstack.io, chart: cert-manager, version: v1.18.2, namespace: cert-manager, "
                                + "wave: 10, clusters: [management]}"));
                return;
            }
            int before = problems.size();
            for (var key : List.of("repository", "chart", "version", "namespace", "wave", "clusters")) {
                if (spec.get(key) == null) {
                    problems.add(problem(where + "." + key, null, "is missing", ALLOWED.get(key), where + "." + key + ": " + EXAMPLES.get(key)));
                }
            }
            // A list or map where text belongs would be committed to the gitops repository as written.
            for (var key : List.of("repository", "chart", "version", "namespace")) {
                var field = spec.get(key);
                if (field != null && !(field instanceof String)) {
                    problems.add(problem(where + "." + key, field, field instanceof Number ? "is a number, not text (YAML reads 1.10 as 1.1): quote it" : "is not text", ALLOWED.get(key), where + "." + key + ": " + EXAMPLES.get(key)));
                }
            }
            if (spec.get("wave") != null && !(spec.get("wave") instanceof Integer)) {
                problems.add(problem(where + ".wave", spec.get("wave"), "must be a whole number", ALLOWED.get("wave"), where + ".wave: 10"));
            }
            if (spec.get("clusters") != null && !(spec.get("clusters") instanceof List<?>)) {
                problems.add(problem(where + ".clusters", spec.get("clusters"),
                        "must be a list of management, workload-eks, workload-vcluster", ALLOWED.get("clusters"), where + ".clusters: [management]"));
            } else if (spec.get("clusters") instanceof List<?> kinds) {
                for (var kind : kinds) {
                    if (!CLUSTER_KINDS.contains(kind)) {
                        problems.add(problem(where + ".clusters", kind, "is not a kind of cluster", ALLOWED.get("clusters"),
                                where + ".clusters: [management, workload-eks]"));
                    }
                }
            }
            var release = spec.get("releaseName");
            if (release != null && !(release instanceof String)) {
                problems.add(problem(where + ".releaseName", release, "is not text", "the Helm release name (default: the tool's name)",
                        where + ".releaseName: argocd"));
            }
            var needs = spec.get("needs");
            if (needs != null && !(needs instanceof List<?>)) {
                problems.add(problem(where + ".needs", needs, "must be a list", ALLOWED.get("needs"), where + ".needs: [cluster-name]"));
            } else if (needs instanceof List<?> facts) {
                for (var fact : facts) {
                    if (!NEEDS.containsKey(fact)) {
                        problems.add(problem(where + ".needs", fact, "is not a fact of a cluster a tool can read", ALLOWED.get("needs"),
                                where + ".needs: [cluster-name, cluster-hostname]"));
                    }
                }
            }
            // A virtual cluster's Secret carries no AWS roles of its own: its secrets are synced from the host,
            // its nodes and volumes are the host's.
            if (needs instanceof List<?> facts && spec.get("clusters") instanceof List<?> kinds && kinds.contains("workload-vcluster")) {
                for (var fact : facts) {
                    if (PHYSICAL_NEEDS.contains(fact)) {
                        problems.add(problem(where + ".needs", fact,
                                "is not a fact of a virtual cluster (made with a physical cluster's AWS resources)",
                                fact + " only for management and workload-eks", where + ".clusters: [management, workload-eks]"));
                    }
                }
            }
            if (problems.size() == before) {
                tools.put(name, new Tool(name, String.valueOf(spec.get("repository")), String.valueOf(spec.get("chart")),
                        String.valueOf(spec.get("version")), String.valueOf(spec.get("namespace")), (Integer) spec.get("wave"),
                        List.copyOf((List<String>) spec.get("clusters")), release == null ? name : (String) release,
                        needs == null ? List.of() : List.copyOf((List<String>) needs)));
            }
        });
        var addons = new LinkedHashMap<String, Map<String, String>>();
        var addonMap = root.get("eksAddons") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.<String, Object>of();
        for (var kubernetes : io.idp.platform.config.Validators.SUPPORTED_KUBERNETES_VERSIONS) {
            var pins = addonMap.get(kubernetes) instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.<String, Object>of();
            var versions = new LinkedHashMap<String, String>();
            for (var addon : REQUIRED_ADDONS) {
                var where = "eksAddons.\"" + kubernetes + "\"." + addon;
                var pin = pins.get(addon);
                if (pin == null) {
                    problems.add(problem(where, null, "is missing", "an EKS add-on version (aws eks describe-addon-versions)",
                            where + ": v1.19.5-eksbuild.1"));
                } else if (!(pin instanceof String)) {
                    problems.add(problem(where, pin, "is not text", "an EKS add-on version (aws eks describe-addon-versions)",
                            where + ": v1.19.5-eksbuild.1"));
                } else {
                    versions.put(addon, (String) pin);
                }
            }
            addons.put(kubernetes, Map.copyOf(versions));
        }
        if (!toolMap.containsKey("argo-cd")) {
            problems.add(problem("tools.argo-cd", null, "is missing: the management cluster installs Argo CD from it",
                    "a pin of the argo-cd chart", "tools.argo-cd: {repository: https://argoproj.github.io/argo-helm, chart: argo-cd, ...}"));
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        // The catalog's order is the order tools are listed in wherever order shows (projects, the fleet's file).
        return new Catalog(version, java.util.Collections.unmodifiableMap(tools), Map.copyOf(addons));
    }

    private static final Map<String, String> ALLOWED = Map.of(
            "repository", "a Helm chart repository URL", "chart", "the chart's name", "version", "the chart's version, as text",
            "namespace", "a Kubernetes namespace", "wave", "a whole number: the Argo CD sync wave",
            "clusters", "a list of management, workload-eks, workload-vcluster",
            "needs", "a list of " + String.join(", ", NEEDS.keySet()));
    private static final Map<String, String> EXAMPLES = Map.of(
            "repository", "https://charts.jetstack.io", "chart", "cert-manager", "version", "v1.18.2", "namespace", "cert-manager",
            "wave", "10", "clusters", "[management]");

    private static Map<String, String> orderedMap(String... pairs) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static ConfigError problem(String key, Object value, String problem, String allowed, String example) {
        return new ConfigError(key, value == null ? null : String.valueOf(value), problem, allowed, example, FILE);
    }
}
