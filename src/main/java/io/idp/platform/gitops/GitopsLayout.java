package io.idp.platform.gitops;

import io.idp.platform.config.Observability;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the gitops repository holds and where: which templates render for which cluster, with which
 * values. Pure: facts in, files out; the GitopsRepo component commits the result.
 *
 * <pre>
 * registry/clusters/&lt;cluster&gt;/   from stacks/management, stacks/workload-eks or stacks/workload-vcluster
 * environments/&lt;env&gt;/             from stacks/environments
 * templates/workload*              the workload templates themselves, for reference
 * </pre>
 */
public final class GitopsLayout {
    public static final Path STACKS = Path.of("stacks");
    /** Templates every workload cluster gets, whatever its kind. */
    static final String SHARED_WORKLOAD = "workload";

    private GitopsLayout() {
    }

    /** Facts about the management cluster that its templates need. */
    public record ManagementFacts(
            String clusterName,
            String hostname,
            String region,
            String repoUrl,
            String alertsEmail,
            String secretsPrefix,
            String externalSecretsRoleArn,
            String argocdFleetRoleArn,
            boolean argocdHighlyAvailable,
            Observability observability,
            Sso sso) {

        /** The same facts with the values only known once resources exist. */
        public ManagementFacts withResources(String repoUrl, String externalSecretsRoleArn, String argocdFleetRoleArn) {
            return new ManagementFacts(clusterName, hostname, region, repoUrl, alertsEmail, secretsPrefix,
                    externalSecretsRoleArn, argocdFleetRoleArn, argocdHighlyAvailable, observability, sso);
        }
    }

    /** Single sign-on through GitHub: the organisation, the teams mapped to roles, the OAuth app's client id. */
    public record Sso(String organisation, String adminsTeam, String developersTeam, String clientId) {
    }

    /** Facts about a workload cluster that its templates need. */
    public record WorkloadFacts(String clusterName, String hostname, String region, String alertsEmail, String secretsPrefix,
                                Observability observability) {
    }

    public static String clusterDirectory(String clusterName) {
        return "registry/clusters/" + clusterName + "/";
    }

    /** Tools a kind of cluster runs: the catalog's choice, with one observability stack of two. */
    public static Set<String> tools(Catalog catalog, ClusterKind kind, Observability observability) {
        var tools = new LinkedHashSet<String>();
        catalog.tools().values().stream()
                .filter(t -> t.clusters().contains(kind.catalogName()))
                .filter(t -> !isObservability(t.name()) || t.name().equals(observability.tool()))
                .map(Catalog.Tool::name)
                .sorted()
                .forEach(tools::add);
        return tools;
    }

    private static boolean isObservability(String tool) {
        for (var o : Observability.values()) {
            if (o.tool().equals(tool)) {
                return true;
            }
        }
        return false;
    }

    /** registry/clusters/&lt;mgmt&gt;/: the management cluster's tools and the fleet's ApplicationSets. */
    public static SortedMap<String, String> management(Path root, Catalog catalog, ManagementFacts facts) {
        var own = tools(catalog, ClusterKind.MANAGEMENT, facts.observability());
        // Each workload cluster chooses its own observability stack: the fleet offers both.
        var fleet = new LinkedHashSet<String>();
        for (var choice : Observability.values()) {
            fleet.addAll(tools(catalog, ClusterKind.WORKLOAD_EKS, choice));
            fleet.addAll(tools(catalog, ClusterKind.WORKLOAD_VCLUSTER, choice));
        }
        var delivered = new LinkedHashSet<>(own);
        delivered.addAll(fleet);

        var variables = new TreeMap<String, String>();
        variables.put("cluster.name", facts.clusterName());
        variables.put("cluster.hostname", facts.hostname());
        variables.put("cluster.region", facts.region());
        variables.put("gitops.repoUrl", facts.repoUrl());
        variables.put("alerts.email", facts.alertsEmail());
        variables.put("secrets.prefix", facts.secretsPrefix());
        variables.put("role.externalSecrets", facts.externalSecretsRoleArn());
        variables.put("ecr.registry", ecrRegistry(facts.externalSecretsRoleArn(), facts.region()));
        variables.put("role.argocdFleet", facts.argocdFleetRoleArn());
        variables.put("argocd.replicas", facts.argocdHighlyAvailable() ? "2" : "1");
        variables.put("argocd.highlyAvailable", String.valueOf(facts.argocdHighlyAvailable()));
        // ServiceMonitor is a kube-prometheus-stack CRD: with Datadog, charts must not create one.
        variables.put("observability.serviceMonitors", String.valueOf(facts.observability() == Observability.PROMETHEUS));
        variables.put("sso.organisation", facts.sso().organisation());
        variables.put("sso.adminsTeam", facts.sso().adminsTeam());
        variables.put("sso.developersTeam", facts.sso().developersTeam());
        variables.put("sso.clientId", facts.sso().clientId());
        for (var tool : delivered) {
            toolVariables(variables, catalog.tool(tool), "tool." + tool);
        }
        // The platform project names the management cluster's own observability stack.
        var observability = catalog.tool(facts.observability().tool());
        variables.put("tool.observability.repository", observability.repository());
        variables.put("tool.observability.namespace", observability.namespace());
        return TemplateRenderer.render(root, STACKS.resolve(ClusterKind.MANAGEMENT.catalogName()),
                clusterDirectory(facts.clusterName()), variables, template -> includes(template, catalog, own));
    }

    /** registry/clusters/&lt;name&gt;/ of a workload cluster: the settings that are its alone. */
    public static SortedMap<String, String> workload(Path root, Catalog catalog, ClusterKind kind, WorkloadFacts facts) {
        var target = clusterDirectory(facts.clusterName());
        var files = new TreeMap<>(TemplateRenderer.render(root, STACKS.resolve(SHARED_WORKLOAD), target,
                Map.of("cluster.hostname", facts.hostname(), "alerts.email", facts.alertsEmail()), template -> true));
        var tools = tools(catalog, kind, facts.observability());
        var variables = new TreeMap<String, String>();
        if (kind == ClusterKind.WORKLOAD_EKS) {
            variables.put("cluster.region", facts.region());
            variables.put("secrets.prefix", facts.secretsPrefix());
            for (var tool : List.of("cert-manager", "external-secrets", "external-dns")) {
                variables.put("tool." + tool + ".namespace", catalog.tool(tool).namespace());
            }
            var observability = facts.observability().tool();
            if (tools.contains(observability)) {
                variables.put("tool." + observability + ".namespace", catalog.tool(observability).namespace());
                if (facts.observability() == Observability.PROMETHEUS) {
                    variables.put("cluster.hostname", facts.hostname());
                    variables.put("alerts.email", facts.alertsEmail());
                }
            }
        }
        files.putAll(TemplateRenderer.render(root, STACKS.resolve(kind.catalogName()), target, variables,
                template -> includes(template, catalog, tools)));
        return files;
    }

    /** environments/&lt;env&gt;/: the environment's ApplicationSet and its apps/ home. */
    public static SortedMap<String, String> environment(Path root, String environment, String repoUrl) {
        return TemplateRenderer.render(root, STACKS.resolve("environments"), "environments/" + environment + "/",
                Map.of("environment", environment, "gitops.repoUrl", repoUrl), template -> true);
    }

    /** templates/&lt;kind&gt;/: the workload templates as they are, so the repository shows what clusters are made from. */
    public static SortedMap<String, String> templateCopies(Path root) {
        var copies = new TreeMap<String, String>();
        for (var name : List.of(SHARED_WORKLOAD, ClusterKind.WORKLOAD_EKS.catalogName(), ClusterKind.WORKLOAD_VCLUSTER.catalogName())) {
            var dir = STACKS.resolve(name);
            for (var template : TemplateRenderer.templates(root, dir)) {
                try {
                    copies.put("templates/" + name + "/" + template,
                            java.nio.file.Files.readString(root.resolve(dir).resolve(template)));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        return copies;
    }

    /** The account's ECR registry host, from any IAM ARN of the account (arn:aws:iam::&lt;account&gt;:...). */
    static String ecrRegistry(String iamArn, String region) {
        var parts = iamArn.split(":");
        var account = parts.length > 4 && !parts[4].isEmpty() ? parts[4] : "000000000000";
        return account + ".dkr.ecr." + region + ".amazonaws.com";
    }

    /**
     * A template named after a catalog tool renders only where that tool runs. Templates in
     * subdirectories never match a tool name, so they always render.
     */
    private static boolean includes(String template, Catalog catalog, Set<String> tools) {
        var base = template.replaceFirst("\\.ya?ml$", "");
        return !catalog.tools().containsKey(base) || tools.contains(base);
    }

    private static void toolVariables(Map<String, String> variables, Catalog.Tool tool, String prefix) {
        variables.put(prefix + ".repository", tool.repository());
        variables.put(prefix + ".chart", tool.chart());
        variables.put(prefix + ".version", tool.version());
        variables.put(prefix + ".namespace", tool.namespace());
        variables.put(prefix + ".wave", String.valueOf(tool.wave()));
    }
}
