package io.idp.platform.gitops;

import io.idp.platform.config.AlertRelay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fleet's metrics in one place: every physical workload cluster's Prometheus remote-writes to the
 * management cluster's, through the management Gateway at {@code prometheus-write.<mgmt hostname>},
 * logging in with its own name and a password the workload stack makes. The names both sides agree on
 * are here, and so are the management cluster's alerting variables (its SMTP relay).
 */
public final class FleetMonitoring {
    /** The host, under the management cluster's hostname, that receives the fleet's samples. */
    public static final String WRITE_HOST = "prometheus-write";
    /** The Secret on a workload cluster that holds its remote-write login, and its keys. */
    public static final String CREDENTIALS_SECRET = "prometheus-remote-write";
    public static final String USERNAME_KEY = "username";
    public static final String PASSWORD_KEY = "password";
    /** The workload cluster's password, under its own path of the secret store. */
    public static final String PASSWORD_PATH = "prometheus/remote-write-password";
    /**
     * The htpasswd line of each workload cluster, under the management cluster's own path of the store
     * ({@code prometheus-write-users/<cluster>}): the management cluster's External Secrets joins them into
     * the Gateway's basic-auth Secret, whose key Envoy Gateway reads is {@code .htpasswd}.
     */
    public static final String USERS_PATH = "prometheus-write-users/";
    public static final String USERS_SECRET = "prometheus-write-users";
    /** The management template of the route, its basic auth and the users' Secret; rendered once the Gateway is a tool. */
    public static final String ROUTE_TEMPLATE = "prometheus-write.yaml";
    public static final String GATEWAY_TOOL = "envoy-gateway";
    /** The chat webhook's URL, under the management cluster's path of the store. */
    public static final String CHAT_WEBHOOK_PATH = "alertmanager/chat-webhook-url";
    /** The management template of the fleet's Grafana dashboards. */
    public static final String DASHBOARDS_TEMPLATE = "grafana-dashboards.yaml";

    private FleetMonitoring() {
    }

    /** The URL every workload cluster's Prometheus writes to. */
    public static String writeUrl(String managementHostname) {
        return "https://" + WRITE_HOST + "." + managementHostname + "/api/v1/write";
    }

    /** What the fleet's values read of the management cluster: where to write metrics. */
    static Map<String, String> fleetVariables(GitopsLayout.ManagementFacts facts) {
        return Map.of("fleet.metricsWriteUrl", writeUrl(facts.hostname()));
    }

    /** The management cluster's retention and its Alertmanager's relay. */
    static void managementVariables(Map<String, String> variables, GitopsLayout.ManagementFacts facts, java.util.Set<String> tools) {
        if (!tools.contains("kube-prometheus-stack")) {
            return;
        }
        if (tools.contains(GATEWAY_TOOL)) {
            variables.put("fleet.metricsWriteUsers", facts.secretsPrefix() + USERS_PATH);
        }
        var monitoring = facts.monitoring();
        variables.put("metrics.retention", monitoring.metricsRetention());
        var host = monitoring.smtpHost() == null ? AlertRelay.sesHost(facts.region()) : monitoring.smtpHost();
        variables.put("alerts.smtpSmarthost", host + ":" + monitoring.smtpPort());
        variables.put("alerts.smtpFrom", monitoring.smtpFrom() == null ? "alertmanager@" + facts.hostname() : monitoring.smtpFrom());
        // A login given in the configuration is written as it is; otherwise External Secrets fills it from the store.
        variables.put("alerts.smtpUsername", monitoring.smtpUsername() == null ? "{{ .username | quote }}" : "\"" + monitoring.smtpUsername() + "\"");
        var data = new ArrayList<String>();
        if (monitoring.smtpUsername() == null) {
            data.add(storeEntry("username", facts.secretsPrefix() + AlertRelay.USERNAME_PATH));
        }
        data.add(storeEntry("password", facts.secretsPrefix() + AlertRelay.PASSWORD_PATH));
        // A Slack-compatible webhook beside the e-mail, its URL from the store; a comment line otherwise.
        if (monitoring.chatWebhook()) {
            data.add(storeEntry("chatWebhookUrl", facts.secretsPrefix() + CHAT_WEBHOOK_PATH));
            variables.put("alerts.chatReceiver", "slack_configs: [{api_url: {{ .chatWebhookUrl | quote }}, send_resolved: true, "
                    + "title: '[{{`{{ .Status | toUpper }}`}}] {{`{{ .CommonLabels.alertname }}`}} ({{`{{ .CommonLabels.cluster }}`}})', "
                    + "text: '{{`{{ range .Alerts }}{{ .Annotations.description }} {{ end }}`}}'}]");
        } else {
            variables.put("alerts.chatReceiver", "# no chat webhook (platform:alertsChatWebhook)");
        }
        variables.put("alerts.smtpSecretData", "[" + String.join(", ", data) + "]");
    }

    private static String storeEntry(String key, String path) {
        return "{secretKey: " + key + ", remoteRef: {key: " + path + "}}";
    }

    /** The keys of the workload side's Secret, in the order its ExternalSecret writes them. */
    public static List<String> credentialKeys() {
        return List.of(USERNAME_KEY, PASSWORD_KEY);
    }
}
