package io.idp.platform.gitops;

import io.idp.platform.config.Observability;
import io.idp.platform.validation.ExternalTool;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The fleet's metrics and alerting as rendered: both sides of the remote write agree on the URL and the
 * login's names, each workload series is labelled with its cluster, alerts reach the platform team
 * through the configured relay, and the platform's rules cover each tool (and pass promtool).
 */
class FleetMonitoringTest {
    static final String MGMT = GitopsLayout.clusterDirectory("mgmt");

    @Test
    void theManagementPrometheusReceivesTheFleetAndKeepsItForTheConfiguredRetention() {
        var values = applicationValues(Fixtures.managementFiles().get(MGMT + "kube-prometheus-stack.yaml"));
        var spec = map(map(values, "prometheus"), "prometheusSpec");
        assertEquals(true, spec.get("enableRemoteWriteReceiver"));
        assertEquals("30d", spec.get("retention"));
        var scrapeClass = (Map<?, ?>) ((List<?>) spec.get("scrapeClasses")).get(0);
        assertEquals(true, scrapeClass.get("default"), "every target of this cluster gets the label, not only opted-in ones");
        assertEquals(List.of(Map.of("targetLabel", "cluster", "replacement", "mgmt")), scrapeClass.get("relabelings"));
        assertEquals(List.of("cluster"), map(values, "defaultRules").get("additionalAggregationLabels"));
    }

    @Test
    void everyWorkloadPrometheusWritesToTheManagementWithItsOwnLoginAndLabels() {
        var fleet = documents(Fixtures.managementFiles().get(MGMT + GitopsLayout.FLEET_ADDONS));
        var set = fleet.stream().filter(d -> "fleet-kube-prometheus-stack".equals(map(d, "metadata").get("name"))).findFirst().orElseThrow();
        var values = map(map(map(map(map(set, "spec"), "template"), "spec"), "source"), "helm");
        var spec = map(map(map(values, "valuesObject"), "prometheus"), "prometheusSpec");
        var write = (Map<?, ?>) ((List<?>) spec.get("remoteWrite")).get(0);
        assertEquals("https://prometheus-write.mgmt.example.com/api/v1/write", write.get("url"));
        assertEquals(FleetMonitoring.writeUrl("mgmt.example.com"), write.get("url"));
        var auth = map(write, "basicAuth");
        assertEquals(Map.of("name", FleetMonitoring.CREDENTIALS_SECRET, "key", FleetMonitoring.USERNAME_KEY), auth.get("username"));
        assertEquals(Map.of("name", FleetMonitoring.CREDENTIALS_SECRET, "key", FleetMonitoring.PASSWORD_KEY), auth.get("password"));
        assertEquals(Map.of("cluster", "{{.name}}", "environment", "{{index .metadata.annotations \"environment\"}}"), spec.get("externalLabels"));
        assertEquals("{{index .metadata.annotations \"metrics_retention\"}}", spec.get("retention"));
        assertEquals(false, map(map(values, "valuesObject"), "alertmanager").get("enabled"), "alerting happens once, on the management cluster");
        assertEquals(false, map(map(values, "valuesObject"), "defaultRules").get("create"));
    }

    @Test
    void theWorkloadSideReadsItsPasswordFromItsOwnPathAndLogsInWithItsName() {
        var files = Fixtures.workloadFiles(ClusterKind.WORKLOAD_EKS);
        var secret = documents(files.get(GitopsLayout.clusterDirectory("production-east") + "kube-prometheus-stack.yaml")).stream()
                .filter(d -> FleetMonitoring.CREDENTIALS_SECRET.equals(map(d, "metadata").get("name"))).findFirst().orElseThrow();
        var target = map(map(secret, "spec"), "target");
        assertEquals(FleetMonitoring.CREDENTIALS_SECRET, target.get("name"));
        var data = map(map(target, "template"), "data");
        assertEquals(FleetMonitoring.credentialKeys(), List.copyOf(data.keySet()));
        assertEquals("production-east", data.get(FleetMonitoring.USERNAME_KEY));
        var remote = (Map<?, ?>) ((List<?>) map(secret, "spec").get("data")).get(0);
        assertEquals("platform/mgmt/clusters/production-east/" + FleetMonitoring.PASSWORD_PATH, map(remote, "remoteRef").get("key"));
        assertFalse(files.values().stream().anyMatch(text -> text.contains("alertmanager-platform")), "no Alertmanager of its own");
        // The store admits the observability namespace: the login (and Datadog's key) could not be read otherwise.
        var store = documents(files.get(GitopsLayout.clusterDirectory("production-east") + "platform-secrets.yaml")).get(0);
        var namespaces = map((Map<?, ?>) ((List<?>) map(store, "spec").get("conditions")).get(0), "");
        assertNotNull(namespaces);
        assertTrue(files.get(GitopsLayout.clusterDirectory("production-east") + "platform-secrets.yaml").contains("        - monitoring\n"));
    }

    @Test
    void alertsGoToThePlatformTeamThroughTheConfiguredRelayAndPassAmtool() throws Exception {
        var relay = new GitopsLayout.Monitoring("90d", "smtp.example.org", 2587, "alerts@example.org", "relay-user");
        var facts = withMonitoring(relay);
        var files = GitopsLayout.management(Fixtures.ROOT, Fixtures.catalog(), facts, Fixtures.TENANCY);
        var secret = documents(files.get(MGMT + "kube-prometheus-stack.yaml")).stream()
                .filter(d -> "alertmanager-platform".equals(map(d, "metadata").get("name"))).findFirst().orElseThrow();
        var text = String.valueOf(map(map(map(secret, "spec"), "target"), "template").get("data") instanceof Map<?, ?> data
                ? data.get("alertmanager.yaml") : null);
        var config = (Map<?, ?>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text.replaceAll("\\{\\{[^}]*}}", "x"));
        var global = map(config, "global");
        assertEquals("smtp.example.org:2587", global.get("smtp_smarthost"));
        assertEquals("alerts@example.org", global.get("smtp_from"));
        assertEquals("relay-user", global.get("smtp_auth_username"), "a configured login is written as it is");
        var route = map(config, "route");
        assertEquals("platform-team", route.get("receiver"));
        assertEquals(List.of("cluster", "namespace", "alertname"), route.get("group_by"));
        var receivers = (List<?>) config.get("receivers");
        var team = receivers.stream().map(r -> (Map<?, ?>) r).filter(r -> "platform-team".equals(r.get("name"))).findFirst().orElseThrow();
        assertEquals("platform-team@example.com", ((Map<?, ?>) ((List<?>) team.get("email_configs")).get(0)).get("to"));
        // Only the password comes from the store when the login is configured.
        var data = (List<?>) map(secret, "spec").get("data");
        assertEquals(1, data.size());
        assertEquals("platform/mgmt/clusters/mgmt/alertmanager/smtp-password", map(map((Map<?, ?>) data.get(0), ""), "remoteRef").get("key"));
        assertEquals("90d", map(map(applicationValues(files.get(MGMT + "kube-prometheus-stack.yaml")), "prometheus"), "prometheusSpec").get("retention"));

        var amtool = ExternalTool.AMTOOL;
        Assumptions.assumeTrue(amtool.executable().isPresent(), amtool.installHint());
        var checked = amtool.run(List.of("check-config"), "alertmanager.yaml", stoodIn(text));
        assertTrue(checked.passed(), checked.output());
        assertFalse(text.contains("slack_configs"), "no chat receiver unless configured");
    }

    @Test
    void aConfiguredChatWebhookIsASlackReceiverBesideTheMailWithItsUrlFromTheStore() {
        var facts = withMonitoring(new GitopsLayout.Monitoring("30d", null, 587, null, null, true));
        var files = GitopsLayout.management(Fixtures.ROOT, Fixtures.catalog(), facts, Fixtures.TENANCY);
        var secret = documents(files.get(MGMT + "kube-prometheus-stack.yaml")).stream()
                .filter(d -> "alertmanager-platform".equals(map(d, "metadata").get("name"))).findFirst().orElseThrow();
        var text = String.valueOf(((Map<?, ?>) map(map(map(secret, "spec"), "target"), "template").get("data")).get("alertmanager.yaml"));
        var data = (List<?>) map(secret, "spec").get("data");
        assertTrue(data.contains(Map.of("secretKey", "chatWebhookUrl", "remoteRef", Map.of("key", "platform/mgmt/clusters/mgmt/" + FleetMonitoring.CHAT_WEBHOOK_PATH))),
                data.toString());
        var config = (Map<?, ?>) new Yaml(new SafeConstructor(new LoaderOptions())).load(stoodIn(text));
        var team = ((List<?>) config.get("receivers")).stream().map(r -> (Map<?, ?>) r).filter(r -> "platform-team".equals(r.get("name")))
                .findFirst().orElseThrow();
        var slack = (Map<?, ?>) ((List<?>) team.get("slack_configs")).get(0);
        assertEquals("https://example.invalid/chatWebhookUrl", slack.get("api_url"));
        assertEquals(true, slack.get("send_resolved"));
        assertNotNull(team.get("email_configs"), "the mail still goes out");
        // Alertmanager's own templates reach it unchanged through External Secrets' (a raw string there).
        assertTrue(text.contains("{{`{{ .CommonLabels.alertname }}`}}"), text);
        var amtool = ExternalTool.AMTOOL;
        Assumptions.assumeTrue(amtool.executable().isPresent(), amtool.installHint());
        var checked = amtool.run(List.of("check-config"), "alertmanager.yaml", stoodIn(text));
        assertTrue(checked.passed(), checked.output());
    }

    /** The configuration as amtool checks it in the rendered checks: secret values stood in for. */
    static String stoodIn(String template) {
        return io.idp.platform.validation.MonitoringConfigs.templated(new io.idp.platform.validation.MonitoringConfigs.TemplatedSecret("test",
                Map.of("alertmanager.yaml", template))).orElseThrow().content();
    }

    @Test
    void byDefaultTheLoginAndPasswordComeFromTheStoreAndSesInTheRegionRelays() {
        var text = Fixtures.managementFiles().get(MGMT + "kube-prometheus-stack.yaml");
        assertTrue(text.contains("smtp_smarthost: email-smtp.us-east-1.amazonaws.com:587"));
        assertTrue(text.contains("smtp_from: alertmanager@mgmt.example.com"));
        assertTrue(text.contains("smtp_auth_username: {{ .username | quote }}"));
        assertTrue(text.contains("key: platform/mgmt/clusters/mgmt/alertmanager/smtp-username"));
        assertTrue(text.contains("key: platform/mgmt/clusters/mgmt/alertmanager/smtp-password"));
    }

    @Test
    void thePlatformRulesCoverEveryToolAndPassPromtool(@TempDir Path dir) throws Exception {
        var rules = fleetRules();
        var expressions = new java.util.TreeMap<String, String>();
        for (var group : (List<?>) rules.get("groups")) {
            for (var rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                var r = (Map<?, ?>) rule;
                expressions.put(String.valueOf(r.get("alert")), String.valueOf(r.get("expr")));
                assertNotNull(map(r, "labels").get("severity"), r.get("alert") + " has a severity the routes and inhibitions read");
            }
        }
        // Each tool's alert reads that tool's own metric.
        Map<String, String> metricOf = Map.of(
                "ArgoCdAppOutOfSync", "argocd_app_info{sync_status=\"OutOfSync\"}",
                "ArgoCdAppDegraded", "argocd_app_info{health_status=\"Degraded\"}",
                "CertificateExpiringSoon", "certmanager_certificate_expiration_timestamp_seconds - time()) < 14 * 86400",
                "ExternalDnsSourceErrors", "external_dns_source_errors_total",
                "ExternalDnsRegistryErrors", "external_dns_registry_errors_total",
                "KarpenterNodeClaimsNotLaunching", "karpenter_nodeclaims_created_total",
                "KarpenterInterruptionQueueBacklog", "karpenter_interruption_message_queue_duration_seconds_bucket",
                "NodeUnderPressure", "kube_node_status_condition{condition=~\"MemoryPressure|DiskPressure|PIDPressure\"",
                "VeleroBackupFailed", "velero_backup_failure_total",
                "VeleroBackupTooOld", "velero_backup_last_successful_timestamp");
        metricOf.forEach((alert, metric) -> assertTrue(expressions.getOrDefault(alert, "").contains(metric), alert + ": " + expressions.get(alert)));

        var promtool = ExternalTool.PROMTOOL;
        Assumptions.assumeTrue(promtool.executable().isPresent(), promtool.installHint());
        Files.writeString(dir.resolve("fleet-platform.yaml"), new Yaml().dump(rules));
        Files.copy(Path.of("src/test/resources/promtool/fleet-platform-test.yaml"), dir.resolve("fleet-platform-test.yaml"));
        var check = run(dir, promtool.executable().get().toString(), "check", "rules", "fleet-platform.yaml");
        assertEquals(0, check.exitCode(), check.output());
        var test = run(dir, promtool.executable().get().toString(), "test", "rules", "fleet-platform-test.yaml");
        assertEquals(0, test.exitCode(), test.output());
        assertTrue(test.output().contains("SUCCESS"), test.output());
    }

    @Test
    void theRouteRendersOnTheGatewayAndTheUsersSecretCollectsTheFleetsLines() {
        var files = Fixtures.managementFiles();
        var route = documents(files.get(MGMT + FleetMonitoring.ROUTE_TEMPLATE));
        var httpRoute = route.stream().filter(d -> "HTTPRoute".equals(d.get("kind"))).findFirst().orElseThrow();
        assertEquals(List.of("prometheus-write.mgmt.example.com"), map(httpRoute, "spec").get("hostnames"));
        assertEquals(List.of(Map.of("name", "platform", "namespace", "envoy-gateway-system", "sectionName", "https")),
                map(httpRoute, "spec").get("parentRefs"));
        var policy = route.stream().filter(d -> "SecurityPolicy".equals(d.get("kind"))).findFirst().orElseThrow();
        assertEquals(FleetMonitoring.USERS_SECRET, map(map(map(policy, "spec"), "basicAuth"), "users").get("name"));
        var users = route.stream().filter(d -> "ExternalSecret".equals(d.get("kind"))).findFirst().orElseThrow();
        var find = map((Map<?, ?>) ((List<?>) map(users, "spec").get("dataFrom")).get(0), "find");
        assertEquals("^platform/mgmt/clusters/mgmt/" + FleetMonitoring.USERS_PATH, map(find, "name").get("regexp"));
        assertTrue(map(map(map(map(users, "spec"), "target"), "template"), "data").containsKey(".htpasswd"));
    }

    @Test
    void theDashboardsParseReadThePrometheusDataSourceAndTheirQueriesPassPromtool(@TempDir Path dir) throws Exception {
        var text = Fixtures.managementFiles().get(MGMT + FleetMonitoring.DASHBOARDS_TEMPLATE);
        var titles = new ArrayList<String>();
        var expressions = new ArrayList<String>();
        for (var configMap : documents(text)) {
            assertEquals("1", map(map(configMap, "metadata"), "labels").get("grafana_dashboard"));
            assertEquals("monitoring", map(configMap, "metadata").get("namespace"), "the sidecar's own namespace");
            for (var json : map(configMap, "data").values()) {
                var dashboard = com.google.gson.JsonParser.parseString(String.valueOf(json)).getAsJsonObject();
                titles.add(dashboard.get("title").getAsString());
                var panels = dashboard.getAsJsonArray("panels");
                assertFalse(panels.isEmpty(), dashboard.get("title").getAsString());
                for (var element : panels) {
                    var panel = element.getAsJsonObject();
                    var where = dashboard.get("title").getAsString() + " / " + panel.get("title").getAsString();
                    assertEquals("prometheus", panel.getAsJsonObject("datasource").get("uid").getAsString(), where);
                    for (var target : panel.getAsJsonArray("targets")) {
                        assertEquals("prometheus", target.getAsJsonObject().getAsJsonObject("datasource").get("uid").getAsString(), where);
                        expressions.add(target.getAsJsonObject().get("expr").getAsString());
                    }
                }
                for (var variable : dashboard.getAsJsonObject("templating").getAsJsonArray("list")) {
                    assertEquals("prometheus", variable.getAsJsonObject().getAsJsonObject("datasource").get("uid").getAsString());
                }
            }
        }
        assertEquals(List.of("Fleet: cluster health", "Argo CD: sync and health", "Applications: requests, latency, errors"), titles);
        assertTrue(expressions.stream().anyMatch(e -> e.contains("argocd_app_info")));
        assertTrue(expressions.stream().filter(e -> e.contains("by (cluster")).count() >= 6, "the fleet is shown per cluster");
        // Without Prometheus on the management cluster, there is no Grafana to load them.
        assertFalse(GitopsLayout.management(Fixtures.ROOT, Fixtures.catalog(), Fixtures.management(Observability.DATADOG), Fixtures.TENANCY)
                .containsKey(MGMT + FleetMonitoring.DASHBOARDS_TEMPLATE));

        var promtool = ExternalTool.PROMTOOL;
        Assumptions.assumeTrue(promtool.executable().isPresent(), promtool.installHint());
        // Each query as a recording rule, Grafana's variables standing in as "match anything".
        var rules = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < expressions.size(); i++) {
            rules.add(Map.of("record", "dashboard:query" + i, "expr", expressions.get(i).replaceAll("\\$(cluster|namespace|project)", ".*")));
        }
        Files.writeString(dir.resolve("dashboards.yaml"), new Yaml().dump(Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules)))));
        var check = run(dir, promtool.executable().get().toString(), "check", "rules", "dashboards.yaml");
        assertEquals(0, check.exitCode(), check.output());
    }

    @Test
    void theDatadogAgentCollectsLogsTracesAndProcessesTaggedForTheFleetWithItsKeyFromTheStore() {
        var fleet = documents(Fixtures.managementFiles().get(MGMT + GitopsLayout.FLEET_ADDONS));
        var set = fleet.stream().filter(d -> "fleet-datadog".equals(map(d, "metadata").get("name"))).findFirst().orElseThrow();
        var values = map(map(map(map(map(set, "spec"), "template"), "spec"), "source"), "helm");
        var datadog = map(map(values, "valuesObject"), "datadog");
        assertEquals("{{.name}}", datadog.get("clusterName"), "the cluster_name tag of every metric, log and trace");
        assertEquals(List.of("env:{{index .metadata.annotations \"environment\"}}"), datadog.get("tags"));
        assertEquals(Map.of("enabled", true, "containerCollectAll", true), datadog.get("logs"));
        assertEquals(true, map(datadog, "apm").get("socketEnabled"));
        assertEquals(true, map(datadog, "processAgent").get("processCollection"));
        assertEquals(true, map(map(values, "valuesObject"), "clusterAgent").get("enabled"));
        // The key: the Secret the agent reads is the one External Secrets writes, in a namespace the store admits.
        var files = GitopsLayout.workload(Fixtures.ROOT, Fixtures.catalog(), ClusterKind.WORKLOAD_EKS, new GitopsLayout.WorkloadFacts("production-east",
                "production-east.example.com", "us-east-1", "platform-team@example.com", "platform/mgmt/clusters/production-east/",
                Observability.DATADOG, java.util.Optional.of(Fixtures.capabilities("production-east")), List.of("hello-production")));
        var key = documents(files.get(GitopsLayout.clusterDirectory("production-east") + "datadog.yaml")).get(0);
        assertEquals(datadog.get("apiKeyExistingSecret"), map(map(key, "spec"), "target").get("name"));
        assertEquals("datadog", map(key, "metadata").get("namespace"));
        assertTrue(files.get(GitopsLayout.clusterDirectory("production-east") + "platform-secrets.yaml").contains("        - datadog\n"),
                "the store admits the agent's namespace");
        var management = documents(GitopsLayout.management(Fixtures.ROOT, Fixtures.catalog(), Fixtures.management(Observability.DATADOG),
                Fixtures.TENANCY).get(MGMT + "datadog.yaml")).stream().filter(d -> "Application".equals(d.get("kind"))).findFirst().orElseThrow();
        assertEquals(List.of("env:platform"), map(map(map(map(map(management, "spec"), "source"), "helm"), "valuesObject"), "datadog").get("tags"));
    }

    static GitopsLayout.ManagementFacts withMonitoring(GitopsLayout.Monitoring monitoring) {
        return Fixtures.management(Observability.PROMETHEUS).withMonitoring(monitoring);
    }

    /** The fleet-platform rule groups of the management cluster's values, as rendered. */
    static Map<?, ?> fleetRules() {
        var values = applicationValues(Fixtures.managementFiles().get(MGMT + "kube-prometheus-stack.yaml"));
        return map(map(values, "additionalPrometheusRulesMap"), "fleet-platform");
    }

    static Map<?, ?> applicationValues(String text) {
        var application = documents(text).stream().filter(d -> "Application".equals(d.get("kind"))).findFirst().orElseThrow();
        return map(map(map(map(application, "spec"), "source"), "helm"), "valuesObject");
    }

    static List<Map<?, ?>> documents(String text) {
        var documents = new ArrayList<Map<?, ?>>();
        for (var document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
            if (document instanceof Map<?, ?> map) {
                documents.add(map);
            }
        }
        return documents;
    }

    /** A child map; the empty key is the map itself. */
    static Map<?, ?> map(Map<?, ?> parent, String key) {
        if (key.isEmpty()) {
            return parent;
        }
        var child = parent.get(key);
        assertInstanceOf(Map.class, child, key + " in " + parent.keySet());
        return (Map<?, ?>) child;
    }

    record Result(int exitCode, String output) {
    }

    static Result run(Path dir, String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        return new Result(process.exitValue(), output);
    }

    static void copyStacks(Path root) throws IOException {
        var source = Path.of("stacks");
        try (var walk = Files.walk(source)) {
            for (var path : walk.toList()) {
                var target = root.resolve(path.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
