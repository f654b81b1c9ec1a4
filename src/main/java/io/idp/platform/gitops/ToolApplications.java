package io.idp.platform.gitops;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a tool's declaration (its catalog entry and {@code stacks/tools/<tool>/}) becomes in the gitops
 * repository: the management cluster's Application, the fleet's ApplicationSet (one per workload kind
 * when a kind has values of its own), and its places in the projects. The objects' shape is
 * {@code stacks/tools/application.yaml} and {@code applicationset.yaml}; only values differ per tool.
 */
public final class ToolApplications {
    public static final String APPLICATION = "application.yaml";
    public static final String APPLICATION_SET = "applicationset.yaml";
    /** The label of a cluster Secret that selects an add-on (GitOps Bridge's enable_&lt;addon&gt;). */
    static final String KIND_LABEL = "platform/cluster-kind";
    /** The fleet fills a cluster's facts from its Secret: its name, and annotations the registration writes. */
    static final Map<String, String> FLEET_FACTS = Map.of(
            "cluster.name", "{{.name}}",
            "cluster.hostname", "{{index .metadata.annotations \"cluster_hostname\"}}",
            "role.externalSecrets", "{{index .metadata.annotations \"external_secrets_role_arn\"}}",
            "cluster.region", "{{index .metadata.annotations \"region\"}}",
            "role.karpenter", "{{index .metadata.annotations \"karpenter_role_arn\"}}",
            "karpenter.interruptionQueue", "{{index .metadata.annotations \"karpenter_interruption_queue\"}}",
            "role.velero", "{{index .metadata.annotations \"velero_role_arn\"}}",
            "metrics.retention", "{{index .metadata.annotations \"metrics_retention\"}}",
            "cluster.environment", "{{index .metadata.annotations \"environment\"}}");


    static final String FLEET_HEADER = "# Add-ons for workload clusters, GitOps Bridge style, generated from " + Catalog.FILE + " and\n"
            + "# stacks/tools/ (change those, not this file): one ApplicationSet per add-on selects the registered\n"
            + "# clusters whose Secret carries enable_<addon>: \"true\" and reads per-cluster facts (hostname,\n"
            + "# role ARNs) from the Secret's annotations.\n";

    private ToolApplications() {
    }

    public static String enableLabel(String tool) {
        return "enable_" + tool.replace('-', '_');
    }

    /** The header of every generated file: where to change it. */
    static String header(String tool) {
        return "# Generated from tools." + tool + " of " + Catalog.FILE + " and " + ToolValues.DIRECTORY.toString().replace('\\', '/')
                + "/" + tool + "/: change those, not this file.\n";
    }

    /**
     * The management cluster's Application of a tool.
     *
     * @param variables the management cluster's variables, for the tool's values
     * @param used      collects the variables used
     */
    public static String application(Path root, Catalog catalog, Catalog.Tool tool, Map<String, String> variables,
                                     Set<String> used, List<String> problems) {
        var values = ToolValues.forKind(root, tool, ClusterKind.MANAGEMENT, variables, used, problems);
        var object = skeleton(root, APPLICATION, catalog, tool, problems);
        if (object == null) {
            return null;
        }
        setValues(child(object, "spec"), values);
        return header(tool.name()) + dump(List.of(object));
    }

    /** The fleet's ApplicationSets, in the catalog's order, as one multi-document file. */
    public static String applicationSets(Path root, Catalog catalog, Set<String> tools, Set<String> used, List<String> problems) {
        return applicationSets(root, catalog, tools, Map.of(), used, problems);
    }

    /**
     * @param management the management cluster's facts the fleet's values may read, the same for every
     *                   cluster ({@code ${sso.issuer}}, {@code ${sso.organisation}}, {@code ${sso.adminsTeam}},
     *                   {@code ${management.hostname}}: where the fleet's agents push; the fleet's metrics endpoint)
     */
    public static String applicationSets(Path root, Catalog catalog, Set<String> tools, Map<String, String> management,
                                         Set<String> used, List<String> problems) {
        var documents = new ArrayList<Map<String, Object>>();
        var variables = fleetVariables(catalog);
        variables.putAll(management);
        for (var tool : catalog.tools().values()) {
            if (!tools.contains(tool.name())) {
                continue;
            }
            var kinds = workloadKinds(tool);
            boolean perKind = kinds.stream().anyMatch(kind -> ToolValues.hasKindOverlay(root, tool.name(), kind));
            for (var kind : perKind ? kinds : kinds.subList(0, 1)) {
                var values = ToolValues.forKind(root, tool, kind, variables, used, problems);
                var object = skeleton(root, APPLICATION_SET, catalog, tool, problems);
                if (object == null) {
                    continue;
                }
                if (perKind) {
                    // One ApplicationSet per kind, each selecting only clusters of its kind.
                    var metadata = child(object, "metadata");
                    metadata.put("name", metadata.get("name") + "-" + kind.catalogName());
                    var selector = child(child(child(firstGenerator(object), "clusters"), "selector"), "matchLabels");
                    selector.put(KIND_LABEL, kind.catalogName());
                    var template = child(child(child(object, "spec"), "template"), "metadata");
                    template.put("name", tool.name() + "-" + kind.catalogName() + "-{{.name}}");
                }
                setValues(child(child(child(object, "spec"), "template"), "spec"), values);
                documents.add(object);
            }
        }
        return FLEET_HEADER + dump(documents);
    }

    /** The workload kinds a tool runs on, in the catalog's order of kinds. */
    static List<ClusterKind> workloadKinds(Catalog.Tool tool) {
        var kinds = new ArrayList<ClusterKind>();
        for (var kind : List.of(ClusterKind.WORKLOAD_EKS, ClusterKind.WORKLOAD_VCLUSTER)) {
            if (tool.clusters().contains(kind.catalogName())) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** What the fleet's values may read: each cluster's facts from its Secret, and every tool's namespace. */
    static Map<String, String> fleetVariables(Catalog catalog) {
        var variables = new TreeMap<>(FLEET_FACTS);
        catalog.tools().values().forEach(t -> variables.put("tool." + t.name() + ".namespace", t.namespace()));
        return variables;
    }

    /**
     * A project's source repositories: the gitops repository and each tool's chart repository, in the
     * catalog's order, once each; as a flow list, one a line, indented under a project's spec.
     */
    public static String sourceRepos(Catalog catalog, Set<String> tools, String gitopsRepo) {
        var repos = new LinkedHashSet<String>();
        repos.add(gitopsRepo);
        catalog.tools().values().stream().filter(t -> tools.contains(t.name())).forEach(t -> repos.add(argoRepository(t.repository())));
        return flow(repos.stream().map(ToolApplications::quoted).toList());
    }

    /** The platform project's destinations: each tool's namespace in the management cluster, then {@code extra}. */
    public static String destinations(Catalog catalog, Set<String> tools, List<String> extra) {
        var namespaces = new LinkedHashSet<String>();
        catalog.tools().values().stream().filter(t -> tools.contains(t.name())).forEach(t -> namespaces.add(t.namespace()));
        namespaces.addAll(extra);
        return flow(namespaces.stream().map(ns -> "{server: 'https://kubernetes.default.svc', namespace: " + quoted(ns) + "}").toList());
    }

    /**
     * A chart repository as an Argo CD Helm source names it: an OCI registry without its scheme
     * ({@code oci://public.ecr.aws/karpenter} is {@code public.ecr.aws/karpenter}, with the chart in
     * {@code chart}), which Argo CD reads as OCI; an HTTP repository as written.
     */
    public static String argoRepository(String repository) {
        return repository.startsWith("oci://") ? repository.substring("oci://".length()) : repository;
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String flow(List<String> items) {
        return items.isEmpty() ? "[]" : "[\n    " + String.join(",\n    ", items) + "\n  ]";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> skeleton(Path root, String name, Catalog catalog, Catalog.Tool tool, List<String> problems) {
        var source = ToolValues.DIRECTORY.resolve(name);
        String text;
        try {
            text = Files.readString(root.resolve(source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        var variables = new TreeMap<String, String>();
        variables.put("tool.name", tool.name());
        variables.put("tool.releaseName", tool.releaseName());
        variables.put("tool.repository", argoRepository(tool.repository()));
        variables.put("tool.chart", tool.chart());
        variables.put("tool.version", tool.version());
        variables.put("tool.namespace", tool.namespace());
        variables.put("tool.wave", String.valueOf(tool.wave()));
        variables.put("tool.enableLabel", enableLabel(tool.name()));
        variables.put("argocd.namespace", catalog.tool("argo-cd").namespace());
        var rendered = TemplateRenderer.substitute(source.toString().replace('\\', '/'), text, variables, new java.util.HashSet<>(), problems);
        return rendered == null ? null : (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(rendered);
    }

    private static void setValues(Map<String, Object> spec, Map<String, Object> values) {
        if (!values.isEmpty()) {
            child(child(spec, "source"), "helm").put("valuesObject", values);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstGenerator(Map<String, Object> applicationSet) {
        return (Map<String, Object>) ((List<Object>) child(applicationSet, "spec").get("generators")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> map, String key) {
        var value = map.get(key);
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalStateException(ToolValues.DIRECTORY + ": the object's skeleton has no map at '" + key + "'");
        }
        return (Map<String, Object>) value;
    }

    /** Block YAML, two-space indents, no folded lines (a PromQL expression stays on one line). */
    static String dump(List<Map<String, Object>> documents) {
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        var out = new StringBuilder();
        var yaml = new Yaml(options);
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                out.append("---\n");
            }
            out.append(yaml.dump(new LinkedHashMap<>(documents.get(i))));
        }
        return out.toString();
    }
}
