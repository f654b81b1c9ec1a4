package io.idp.platform.gitops;

import io.idp.platform.config.EdgeScheme;
import io.idp.platform.config.Observability;

import java.nio.file.Path;
import java.util.Arrays;
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
            Sso sso,
            List<String> argocdSourceRanges,
            io.idp.platform.config.ArgoCdScale argocdScale,
            EdgeScheme edgeScheme,
            ClusterCapabilities capabilities,
            TelemetryStores stores,
            Monitoring monitoring,
            Ci ci) {

        /** Private addresses only: the VPC, networks peered with it, a VPN into it. */
        public static final List<String> INTERNAL = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");

        public ManagementFacts {
            argocdScale = argocdScale == null ? io.idp.platform.config.ArgoCdScale.DEFAULT : argocdScale;
            monitoring = monitoring == null ? Monitoring.DEFAULT : monitoring;
            argocdSourceRanges = argocdSourceRanges.isEmpty() ? INTERNAL : List.copyOf(argocdSourceRanges);
            edgeScheme = edgeScheme == null ? EdgeScheme.INTERNET_FACING : edgeScheme;
            ci = ci == null ? Ci.defaults(clusterName, region) : ci;
            stores = stores == null ? TelemetryStores.pending(clusterName, region, TelemetryStores.DEFAULT_LOGS_RETENTION_DAYS,
                    TelemetryStores.DEFAULT_TRACES_RETENTION_DAYS) : stores;
        }

        /** Facts with the edge on the internet. */
        public ManagementFacts(String clusterName, String hostname, String region, String repoUrl, String alertsEmail,
                               String secretsPrefix, String externalSecretsRoleArn, String argocdFleetRoleArn,
                               boolean argocdHighlyAvailable, Observability observability, Sso sso, List<String> argocdSourceRanges,
                               io.idp.platform.config.ArgoCdScale argocdScale, ClusterCapabilities capabilities) {
            this(clusterName, hostname, region, repoUrl, alertsEmail, secretsPrefix, externalSecretsRoleArn, argocdFleetRoleArn,
                    argocdHighlyAvailable, observability, sso, argocdSourceRanges, argocdScale, EdgeScheme.INTERNET_FACING, capabilities, null,
                    null, null);
        }

        /** The same facts with the log and trace stores the program made. */
        public ManagementFacts withStores(TelemetryStores stores) {
            return new ManagementFacts(clusterName, hostname, region, repoUrl, alertsEmail, secretsPrefix,
                    externalSecretsRoleArn, argocdFleetRoleArn, argocdHighlyAvailable, observability, sso, argocdSourceRanges, argocdScale,
                    edgeScheme, capabilities, stores, monitoring, ci);
        }

        /** Facts with Argo CD's UI internal. */
        public ManagementFacts(String clusterName, String hostname, String region, String repoUrl, String alertsEmail,
                               String secretsPrefix, String externalSecretsRoleArn, String argocdFleetRoleArn,
                               boolean argocdHighlyAvailable, Observability observability, Sso sso, ClusterCapabilities capabilities) {
            this(clusterName, hostname, region, repoUrl, alertsEmail, secretsPrefix, externalSecretsRoleArn, argocdFleetRoleArn,
                    argocdHighlyAvailable, observability, sso, INTERNAL, io.idp.platform.config.ArgoCdScale.DEFAULT, EdgeScheme.INTERNET_FACING,
                    capabilities, null, null, null);
        }

        /** Facts without the physical cluster's capabilities (no Karpenter or Velero objects), with the default metrics and alert relay. */
        public ManagementFacts(String clusterName, String hostname, String region, String repoUrl, String alertsEmail,
                               String secretsPrefix, String externalSecretsRoleArn, String argocdFleetRoleArn,
                               boolean argocdHighlyAvailable, Observability observability, Sso sso, List<String> argocdSourceRanges,
                               io.idp.platform.config.ArgoCdScale argocdScale) {
            this(clusterName, hostname, region, repoUrl, alertsEmail, secretsPrefix, externalSecretsRoleArn, argocdFleetRoleArn,
                    argocdHighlyAvailable, observability, sso, argocdSourceRanges, argocdScale, EdgeScheme.INTERNET_FACING, null, null, null,
                    null);
        }

        /** The same facts with the given metrics retention and alert relay. */
        public ManagementFacts withMonitoring(Monitoring monitoring) {
            return new ManagementFacts(clusterName, hostname, region, repoUrl, alertsEmail, secretsPrefix,
                    externalSecretsRoleArn, argocdFleetRoleArn, argocdHighlyAvailable, observability, sso, argocdSourceRanges, argocdScale,
                    edgeScheme, capabilities, stores, monitoring, ci);
        }

        /** The same facts with the values only known once resources exist. */
        public ManagementFacts withResources(String repoUrl, String externalSecretsRoleArn, String argocdFleetRoleArn,
                                             ClusterCapabilities capabilities) {
            return new ManagementFacts(clusterName, hostname, region, repoUrl, alertsEmail, secretsPrefix,
                    externalSecretsRoleArn, argocdFleetRoleArn, argocdHighlyAvailable, observability, sso, argocdSourceRanges, argocdScale,
                    edgeScheme, capabilities, stores, monitoring, ci);
        }
    }

    /**
     * The management cluster's CI services as its templates see them: the runner scale set's ceiling, and
     * Argo Workflows' artifact bucket and role (named by the program: WorkflowArtifacts creates them).
     */
    public record Ci(int runnersMax, String artifactBucket, String workflowsRoleName) {
        public static String bucketName(String clusterName, String region) {
            return io.idp.platform.config.CiSettings.artifactBucket(clusterName, region);
        }

        public static String roleName(String clusterName) {
            return io.idp.platform.config.CiSettings.workflowsRoleName(clusterName);
        }

        public static Ci defaults(String clusterName, String region) {
            return new Ci(io.idp.platform.config.CiSettings.DEFAULT.runnersMax(), bucketName(clusterName, region), roleName(clusterName));
        }
    }

    /** GitHub's webhook senders (the "hooks" ranges of https://api.github.com/meta): the only clients of /api/webhook. */
    public static final List<String> GITHUB_HOOKS = List.of("192.30.252.0/22", "185.199.108.0/22", "140.82.112.0/20", "143.55.64.0/20");

    /** Single sign-on through GitHub: the organisation, the teams mapped to roles, the OAuth app's client id. */
    public record Sso(String organisation, String adminsTeam, String developersTeam, String clientId, List<String> narrowerTeams,
                      io.idp.platform.support.FleetSignOn fleet) {
        public Sso {
            narrowerTeams = List.copyOf(narrowerTeams);
            fleet = fleet == null ? io.idp.platform.support.FleetSignOn.NONE : fleet;
        }

        /** No workload cluster signs in through the management cluster's Dex. */
        public Sso(String organisation, String adminsTeam, String developersTeam, String clientId, List<String> narrowerTeams) {
            this(organisation, adminsTeam, developersTeam, clientId, narrowerTeams, null);
        }

        /** Only the admins and the developers, no narrower developer teams. */
        public Sso(String organisation, String adminsTeam, String developersTeam, String clientId) {
            this(organisation, adminsTeam, developersTeam, clientId, List.of());
        }

        /** The teams Dex asks GitHub about, as the program's Argo CD values list them (ArgoCdValues.Sso). */
        public String teams() {
            var teams = new java.util.ArrayList<>(List.of(adminsTeam, developersTeam));
            teams.addAll(narrowerTeams);
            return String.join(", ", teams);
        }
    }

    /**
     * The management cluster's metrics and alerting: how long it keeps the fleet's metrics, and the SMTP
     * relay Alertmanager mails the platform team through (its password, and by default its login, in the secret store).
     *
     * @param smtpHost     the relay, or null for Amazon SES in the management region
     * @param smtpFrom     the sender, or null for alertmanager@&lt;hostname&gt;
     * @param smtpUsername the login, or null to read it from the secret store
     * @param chatWebhook  whether alerts also go to the Slack-compatible webhook stored at alertmanager/chat-webhook-url
     */
    public record Monitoring(String metricsRetention, String smtpHost, int smtpPort, String smtpFrom, String smtpUsername,
                             boolean chatWebhook) {
        public static final Monitoring DEFAULT = new Monitoring(io.idp.platform.config.MetricsSettings.MANAGEMENT_DEFAULT, null, 587, null, null, false);

        /** Without a chat webhook. */
        public Monitoring(String metricsRetention, String smtpHost, int smtpPort, String smtpFrom, String smtpUsername) {
            this(metricsRetention, smtpHost, smtpPort, smtpFrom, smtpUsername, false);
        }
    }

    /**
     * Facts about a workload cluster that its templates need; a physical one's also its {@link ClusterCapabilities}
     * and the namespaces of its environments' applications (which its backups cover).
     */
    public record WorkloadFacts(String clusterName, String hostname, String region, String alertsEmail, String secretsPrefix,
                                Observability observability, EdgeScheme edgeScheme,
                                java.util.Optional<ClusterCapabilities> capabilities, List<String> applicationNamespaces) {
        public WorkloadFacts {
            edgeScheme = edgeScheme == null ? EdgeScheme.INTERNET_FACING : edgeScheme;
            applicationNamespaces = List.copyOf(applicationNamespaces);
        }

        /** A physical cluster's facts with the edge on the internet. */
        public WorkloadFacts(String clusterName, String hostname, String region, String alertsEmail, String secretsPrefix,
                             Observability observability, java.util.Optional<ClusterCapabilities> capabilities,
                             List<String> applicationNamespaces) {
            this(clusterName, hostname, region, alertsEmail, secretsPrefix, observability, EdgeScheme.INTERNET_FACING,
                    capabilities, applicationNamespaces);
        }

        /** A virtual cluster's facts (its nodes, volumes and backups are its host's), with the given edge. */
        public WorkloadFacts(String clusterName, String hostname, String region, String alertsEmail, String secretsPrefix,
                             Observability observability, EdgeScheme edgeScheme) {
            this(clusterName, hostname, region, alertsEmail, secretsPrefix, observability, edgeScheme, java.util.Optional.empty(), List.of());
        }

        /** A virtual cluster's facts with the edge on the internet. */
        public WorkloadFacts(String clusterName, String hostname, String region, String alertsEmail, String secretsPrefix,
                             Observability observability) {
            this(clusterName, hostname, region, alertsEmail, secretsPrefix, observability, EdgeScheme.INTERNET_FACING);
        }
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

    /** registry/clusters/&lt;mgmt&gt;/ without applications or workload clusters. */
    public static SortedMap<String, String> management(Path root, Catalog catalog, ManagementFacts facts) {
        return management(root, catalog, facts, Tenancy.NONE, facts.region());
    }

    /** As {@link #management(Path, Catalog, ManagementFacts, Tenancy, String)}, secrets read in the cluster's region. */
    public static SortedMap<String, String> management(Path root, Catalog catalog, ManagementFacts facts, Tenancy tenancy) {
        return management(root, catalog, facts, tenancy, facts.region());
    }

    /** As {@link #management(Path, Catalog, ManagementFacts, Tenancy, String)}, with no application projects. */
    public static SortedMap<String, String> management(Path root, Catalog catalog, ManagementFacts facts, String secretsRegion) {
        return management(root, catalog, facts, Tenancy.NONE, secretsRegion);
    }

    /**
     * registry/clusters/&lt;mgmt&gt;/: the management cluster's tools and the fleet's ApplicationSets, the
     * projects of the platform, the fleet and each application, and the network policies of every
     * platform namespace (registry/fleet/network-policies/&lt;kind&gt;/ for workload clusters).
     *
     * @param secretsRegion where the ClusterSecretStore reads Secrets Manager: the store's region, or the
     *                      recovery region that holds its replicas (platform:secretStoreRegion)
     */
    public static SortedMap<String, String> management(Path root, Catalog catalog, ManagementFacts facts, Tenancy tenancy,
                                                       String secretsRegion) {
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
        FleetMonitoring.managementVariables(variables, facts, own);
        variables.put("secrets.prefix", facts.secretsPrefix());
        variables.put("secrets.region", secretsRegion);
        variables.put("role.externalSecrets", facts.externalSecretsRoleArn());
        variables.put("ecr.registry", ecrRegistry(facts.externalSecretsRoleArn(), facts.region()));
        variables.put("role.argocdFleet", facts.argocdFleetRoleArn());
        variables.put("argocd.highlyAvailable", String.valueOf(facts.argocdHighlyAvailable()));
        // Argo CD's self-managed values carry the sizing the program installed, so its self-sync keeps it.
        var scale = facts.argocdScale();
        variables.put("argocd.controllerReplicas", String.valueOf(scale.controllerReplicas()));
        variables.put("argocd.shardingParameter", scale.controllerReplicas() > 1
                ? "controller.sharding.algorithm: " + scale.algorithm().configValue() : "");
        variables.put("argocd.serverReplicas", String.valueOf(scale.serverReplicas(facts.argocdHighlyAvailable())));
        variables.put("argocd.repoServerReplicas", String.valueOf(scale.repoServerReplicas(facts.argocdHighlyAvailable())));
        variables.put("argocd.applicationSetReplicas", String.valueOf(scale.applicationSetReplicas(facts.argocdHighlyAvailable())));
        variables.put("sso.teams", facts.sso().teams());
        // ServiceMonitor is a kube-prometheus-stack CRD: with Datadog, charts must not create one.
        variables.put("observability.serviceMonitors", String.valueOf(facts.observability() == Observability.PROMETHEUS));
        variables.put("sso.organisation", facts.sso().organisation());
        variables.put("sso.adminsTeam", facts.sso().adminsTeam());
        variables.put("sso.developersTeam", facts.sso().developersTeam());
        variables.put("sso.clientId", facts.sso().clientId());
        // The workload clusters' Dex clients, and their Grafanas' client secrets for Argo CD's Dex.
        var fleetSignOn = facts.sso().fleet();
        variables.put("sso.fleetClients", fleetSignOn.staticClients("        "));
        variables.put("sso.fleetClientSecrets", fleetSignOn.externalSecretData(facts.secretsPrefix(), "    "));
        // What the fleet's values read of the management cluster: where Dex is, whose team is Admin.
        var shared = new TreeMap<String, String>();
        shared.put("sso.issuer", io.idp.platform.support.FleetSignOn.issuer(facts.hostname()));
        shared.put("sso.organisation", facts.sso().organisation());
        shared.put("sso.adminsTeam", facts.sso().adminsTeam());
        // The fleet's agents push to the management cluster's routes; its own agents and stores read these too.
        variables.put("management.hostname", facts.hostname());
        facts.stores().addTo(variables);
        for (var tool : delivered) {
            toolVariables(variables, catalog.tool(tool), "tool." + tool);
        }
        // The facts of Karpenter's and Velero's charts, where the cluster runs them (Catalog.NEEDS).
        facts.capabilities().chartFacts().forEach((name, value) -> {
            if (own.contains(name.contains("velero") ? "velero" : "karpenter")) {
                variables.put(name, value);
            }
        });
        var observability = catalog.tool(facts.observability().tool());
        variables.put("tool.observability.namespace", observability.namespace());
        variables.put("platform.sourceRepos", ToolApplications.sourceRepos(catalog, own, facts.repoUrl()));
        variables.put("platform.destinations", ToolApplications.destinations(catalog, own, List.of("kube-system", "default")));
        variables.put("fleet.sourceRepos", ToolApplications.sourceRepos(catalog, fleet, facts.repoUrl()));
        variables.put("fleet.destinations", tenancy.fleetDestinations(catalog));
        // Who may reach Argo CD's UI and its webhook: client CIDRs of the routes' SecurityPolicies.
        variables.put("argocd.sourceRanges", Edge.cidrList(facts.argocdSourceRanges()));
        variables.put("github.hookRanges", Edge.cidrList(GITHUB_HOOKS));
        Edge.variables(facts.edgeScheme()).forEach(variables::put);
        variables.put("runners.max", String.valueOf(facts.ci().runnersMax()));
        variables.put("runners.scaleSetName", io.idp.platform.config.CiSettings.SCALE_SET_NAME);
        variables.put("workflows.bucket", facts.ci().artifactBucket());
        variables.put("workflows.roleArn", "arn:aws:iam::" + account(facts.externalSecretsRoleArn()) + ":role/" + facts.ci().workflowsRoleName());
        var directory = clusterDirectory(facts.clusterName());
        // Each tool's Application and ApplicationSet come from its declaration; what else the cluster
        // keeps for a tool (its credentials) is the template named after it, appended to its Application.
        var used = new java.util.HashSet<String>();
        var problems = new java.util.ArrayList<String>(ToolValues.strayFiles(root, catalog));
        var applications = new TreeMap<String, String>();
        for (var tool : own) {
            applications.put(tool, ToolApplications.application(root, catalog, catalog.tool(tool), variables, used, problems));
        }
        shared.put("management.hostname", facts.hostname());
        shared.putAll(FleetMonitoring.fleetVariables(facts));
        var fleetFile = ToolApplications.applicationSets(root, catalog, fleet, shared, used, problems);
        for (var tool : delivered) {
            for (var field : List.of("repository", "chart", "version", "namespace", "wave")) {
                used.add("tool." + tool + "." + field);
            }
        }
        var files = new TreeMap<>(TemplateRenderer.render(root, STACKS.resolve(ClusterKind.MANAGEMENT.catalogName()),
                directory, variables, template -> includes(template, catalog, own), used, problems));
        applications.forEach((tool, application) -> files.merge(directory + tool + ".yaml", application,
                (companion, generated) -> generated + "---\n" + companion));
        files.put(directory + FLEET_ADDONS, fleetFile);
        if (facts.capabilities() != null) {
            files.putAll(facts.capabilities().render(root, own, directory + "manifests/", facts.clusterName(), facts.region(),
                    ClusterCapabilities.platformNamespaces(catalog, own), List.of()));
        }
        // Who may push logs and traces through the gateway: one user per physical workload cluster.
        TelemetryPush.management(catalog, own, tenancy, facts.secretsPrefix()).forEach((tool, companion) ->
                files.merge(directory + tool + ".yaml", companion, (generated, extra) -> generated + "---\n" + extra));
        if (!tenancy.applications().isEmpty()) {
            files.put(directory + APP_PROJECTS, tenancy.appProjects("argocd", facts.repoUrl(),
                    ecrRegistry(facts.externalSecretsRoleArn(), facts.region())));
        }
        // Metrics are scraped from the management cluster's observability namespace there; a workload
        // cluster runs either stack, so its namespaces (and the applications') admit both.
        var scraper = List.of(observability.namespace());
        var fleetScrapers = Arrays.stream(Observability.values()).map(o -> catalog.tool(o.tool()).namespace()).distinct().sorted().toList();
        // Each application's namespace policies travel in its environment chart, kept by the platform.
        var appPolicies = NetworkPolicies.forApplication(NetworkPolicies.edgeNamespace(catalog), fleetScrapers);
        for (var app : tenancy.applications()) {
            for (var environment : tenancy.environments()) {
                files.put(appNamespacePolicies(environment, app), appPolicies);
            }
        }
        files.putAll(NetworkPolicies.forTools(catalog, own, scraper, directory + "manifests/network-policies/",
                Set.of(catalog.tool("argo-cd").namespace())));
        files.put(directory + "manifests/network-policies/default.yaml", NetworkPolicies.denyAll("default"));
        for (var kind : List.of(ClusterKind.WORKLOAD_EKS, ClusterKind.WORKLOAD_VCLUSTER)) {
            var fleetDirectory = FLEET_NETWORK_POLICIES + kind.catalogName() + "/";
            var kindTools = new LinkedHashSet<String>();
            for (var choice : Observability.values()) {
                kindTools.addAll(tools(catalog, kind, choice));
            }
            files.putAll(NetworkPolicies.forTools(catalog, kindTools, fleetScrapers, fleetDirectory, Set.of()));
            files.put(fleetDirectory + "default.yaml", NetworkPolicies.denyAll("default"));
        }
        return files;
    }

    /** Where an application's namespace policies live: a template of its environment chart. */
    public static String appNamespacePolicies(String environment, String app) {
        return "environments/" + environment + "/apps/" + app + "/templates/network-policies.yaml";
    }

    /** The fleet's ApplicationSets, one per add-on, in the management cluster's directory. */
    public static final String FLEET_ADDONS = "fleet-addons.yaml";
    /** The applications' projects, next to the platform's in the management cluster's directory. */
    public static final String APP_PROJECTS = "app-projects-applications.yaml";
    /** Network policies of the workload clusters' platform namespaces, one directory per kind of cluster. */
    public static final String FLEET_NETWORK_POLICIES = "registry/fleet/network-policies/";

    /** registry/clusters/&lt;name&gt;/ of a workload cluster: the settings that are its alone. */
    public static SortedMap<String, String> workload(Path root, Catalog catalog, ClusterKind kind, WorkloadFacts facts) {
        return workload(root, catalog, kind, facts, facts.region());
    }

    /** @param secretsRegion where the cluster's ClusterSecretStore reads Secrets Manager (the store's region or a replica's) */
    public static SortedMap<String, String> workload(Path root, Catalog catalog, ClusterKind kind, WorkloadFacts facts,
                                                     String secretsRegion) {
        var target = clusterDirectory(facts.clusterName());
        var files = new TreeMap<>(TemplateRenderer.render(root, STACKS.resolve(SHARED_WORKLOAD), target,
                Map.of("cluster.hostname", facts.hostname(), "alerts.email", facts.alertsEmail()), template -> true));
        var tools = tools(catalog, kind, facts.observability());
        var variables = new TreeMap<String, String>();
        if (kind == ClusterKind.WORKLOAD_EKS) {
            variables.put("secrets.region", secretsRegion);
            variables.put("secrets.prefix", facts.secretsPrefix());
            Edge.variables(facts.edgeScheme()).forEach(variables::put);
            variables.put("cluster.hostname", facts.hostname());
            for (var tool : List.of("cert-manager", "external-secrets", "external-dns", "envoy-gateway")) {
                variables.put("tool." + tool + ".namespace", catalog.tool(tool).namespace());
            }
            // The agents' push credentials: the cluster's own name and its password from the store.
            for (var agent : List.of("fluent-bit", "opentelemetry-collector")) {
                if (tools.contains(agent)) {
                    variables.put("tool." + agent + ".namespace", catalog.tool(agent).namespace());
                    variables.put("cluster.name", facts.clusterName());
                }
            }
            var observability = facts.observability().tool();
            // The observability stack's namespace reads its credentials from the store (Alertmanager's or the
            // remote-write login, Grafana's client secret, or the Datadog agent's key).
            variables.put("tool.observability.namespace", catalog.tool(observability).namespace());
            if (tools.contains(observability)) {
                variables.put("tool." + observability + ".namespace", catalog.tool(observability).namespace());
                if (facts.observability() == Observability.PROMETHEUS) {
                    // The remote-write login is the cluster's name; alerting happens on the management cluster.
                    variables.put("cluster.name", facts.clusterName());
                }
            }
        }
        files.putAll(TemplateRenderer.render(root, STACKS.resolve(kind.catalogName()), target, variables,
                template -> includes(template, catalog, tools)));
        if (kind == ClusterKind.WORKLOAD_EKS) {
            var capabilities = facts.capabilities().orElseThrow(() -> new IllegalArgumentException(
                    "the facts of physical cluster " + facts.clusterName() + " have no capabilities (Karpenter's and Velero's)"));
            files.putAll(capabilities.render(root, tools, target, facts.clusterName(), facts.region(),
                    ClusterCapabilities.platformNamespaces(catalog, tools), facts.applicationNamespaces()));
        }
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
        return account(iamArn) + ".dkr.ecr." + region + ".amazonaws.com";
    }

    /** The account of an IAM ARN (arn:aws:iam::&lt;account&gt;:...), or a placeholder before the ARN is known. */
    static String account(String iamArn) {
        var parts = iamArn.split(":");
        return parts.length > 4 && !parts[4].isEmpty() ? parts[4] : "000000000000";
    }

    /**
     * A template named after a catalog tool renders only where that tool runs. Templates in
     * subdirectories never match a tool name, so they always render.
     */
    /**
     * Templates that need more than one tool, rendered only where all of them run: the fleet's metrics
     * door needs Prometheus and the Gateway that routes to it; the dashboards need Grafana.
     */
    static final Map<String, List<String>> REQUIRES = Map.of(
            FleetMonitoring.ROUTE_TEMPLATE, List.of("kube-prometheus-stack", FleetMonitoring.GATEWAY_TOOL),
            FleetMonitoring.DASHBOARDS_TEMPLATE, List.of("kube-prometheus-stack"));

    private static boolean includes(String template, Catalog catalog, Set<String> tools) {
        if (REQUIRES.containsKey(template)) {
            return tools.containsAll(REQUIRES.get(template));
        }
        var base = template.replaceFirst("\\.ya?ml$", "");
        return !catalog.tools().containsKey(base) || tools.contains(base);
    }

    private static void toolVariables(Map<String, String> variables, Catalog.Tool tool, String prefix) {
        variables.put(prefix + ".repository", ToolApplications.argoRepository(tool.repository()));
        variables.put(prefix + ".chart", tool.chart());
        variables.put(prefix + ".version", tool.version());
        variables.put(prefix + ".namespace", tool.namespace());
        variables.put(prefix + ".wave", String.valueOf(tool.wave()));
    }
}
