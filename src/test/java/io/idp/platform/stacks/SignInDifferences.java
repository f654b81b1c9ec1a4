package io.idp.platform.stacks;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deliberate differences of sign-in everywhere (RenderedEquivalenceTest): the workload clusters'
 * Grafanas and the virtual cluster's API server are clients of Argo CD's Dex, the workload Grafanas
 * read their client secrets, no Grafana has a local admin or password login, and the virtual
 * cluster's directory holds its people's RBAC (whose namespaces the fleet project admits there).
 */
final class SignInDifferences {
    /** The fleet's clients, appended to dex.config's staticClients (as parsed: the block's indentation removed). */
    static final String DEX_CLIENTS = """
              - id: grafana-production-east
                name: Grafana production-east
                secret: $argocd-sso:grafanaClientSecret-production-east
                redirectURIs:
                  - https://grafana.production-east.example.com/login/generic_oauth
              - id: grafana-production-west
                name: Grafana production-west
                secret: $argocd-sso:grafanaClientSecret-production-west
                redirectURIs:
                  - https://grafana.production-west.example.com/login/generic_oauth
              - id: vcluster-staging
                name: kubectl staging
                public: true
                redirectURIs:
                  - http://localhost:8000
                  - http://localhost:18000
            """;
    static final List<String> GRAFANA_CLUSTERS = List.of("production-east", "production-west");
    /** The namespaces of the virtual cluster's people's RoleBindings: the application hello in its environments. */
    static final Map<String, List<String>> VIRTUAL_APP_NAMESPACES = Map.of("staging", List.of("hello-development", "hello-staging"));
    /** Local login off on every Grafana (grafana.ini, over what it had). */
    static final Map<String, Object> NO_LOCAL_LOGIN = Map.of(
            "security", Map.of("disable_initial_admin_creation", true),
            "auth.basic", Map.of("enabled", false));
    /** The workload Grafanas' values, as the fleet's kube-prometheus-stack ApplicationSet now carries them. */
    static final String WORKLOAD_GRAFANA = """
            envFromSecrets:
              - name: grafana-sso
                optional: true
            annotations:
              secret.reloader.stakater.com/reload: grafana-sso
            sidecar:
              dashboards:
                skipReload: true
              datasources:
                skipReload: true
                initDatasources: true
            grafana.ini:
              server:
                root_url: https://grafana.{{index .metadata.annotations "cluster_hostname"}}
              auth:
                disable_login_form: true
              security:
                disable_initial_admin_creation: true
              auth.basic:
                enabled: false
              auth.anonymous:
                enabled: false
              auth.generic_oauth:
                enabled: true
                name: GitHub
                client_id: grafana-{{.name}}
                scopes: openid profile email groups
                auth_url: https://argocd.mgmt.example.com/api/dex/auth
                token_url: https://argocd.mgmt.example.com/api/dex/token
                api_url: https://argocd.mgmt.example.com/api/dex/userinfo
                role_attribute_path: contains(groups[*], 'acme-platform:platform-admins') && 'Admin' || 'Viewer'
                role_attribute_strict: true
                allow_sign_up: true
            route:
              main:
                enabled: true
                hostnames:
                  - grafana.{{index .metadata.annotations "cluster_hostname"}}
                parentRefs:
                  - name: platform
                    namespace: envoy-gateway-system
                    sectionName: https
            """;
    static final String GRAFANA_SSO = """
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: grafana-sso
              namespace: NAMESPACE
              annotations:
                argocd.argoproj.io/sync-wave: "10"
            spec:
              refreshInterval: 1h
              secretStoreRef:
                kind: ClusterSecretStore
                name: platform
              target:
                name: grafana-sso
                creationPolicy: Owner
              data:
                - secretKey: GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET
                  remoteRef:
                    key: PREFIXsso/grafana-client-secret
            """;

    private SignInDifferences() {
    }

    /** Applies the differences to the documents of {@code file} from before, as {@code stack} writes it now. */
    static void apply(String stack, String file, List<Object> documents) {
        if (file.equals("templates/workload-eks/kube-prometheus-stack.yaml")) {
            documents.add(grafanaSso("${tool.kube-prometheus-stack.namespace}", "${secrets.prefix}"));
        } else if (file.equals("templates/workload-eks/platform-secrets.yaml")) {
            admitToStore(documents, "${tool.observability.namespace}");
        } else if (GRAFANA_CLUSTERS.contains(stack) && file.endsWith("/kube-prometheus-stack.yaml")) {
            documents.add(grafanaSso("monitoring", "platform/mgmt/clusters/" + stack + "/"));
        } else if (GRAFANA_CLUSTERS.contains(stack) && file.endsWith("/platform-secrets.yaml")) {
            admitToStore(documents, "monitoring");
        }
        if (!stack.equals("mgmt")) {
            return;
        }
        for (var document : documents) {
            if (!(document instanceof Map<?, ?> any) || !(any.get("metadata") instanceof Map<?, ?> metadata)) {
                continue;
            }
            var object = map(document);
            var name = String.valueOf(metadata.get("name"));
            switch (String.valueOf(object.get("kind")) + "/" + name) {
                case "Application/argo-cd" -> {
                    var cm = path(object, "spec", "source", "helm", "valuesObject", "configs", "cm");
                    cm.put("dex.config", cm.get("dex.config") + DEX_CLIENTS);
                }
                case "ExternalSecret/argocd-sso" -> {
                    @SuppressWarnings("unchecked")
                    var data = (List<Object>) path(object, "spec").get("data");
                    for (var cluster : GRAFANA_CLUSTERS) {
                        data.add(Map.of("secretKey", "grafanaClientSecret-" + cluster,
                                "remoteRef", Map.of("key", "platform/mgmt/clusters/mgmt/sso/grafana-" + cluster + "-client-secret")));
                    }
                }
                case "Application/kube-prometheus-stack" -> {
                    var grafana = path(object, "spec", "source", "helm", "valuesObject", "grafana");
                    path(grafana, "grafana.ini").putAll(NO_LOCAL_LOGIN);
                    grafana.put("sidecar", yaml(WORKLOAD_GRAFANA).get("sidecar"));
                }
                case "ApplicationSet/fleet-kube-prometheus-stack" ->
                        path(object, "spec", "template", "spec", "source", "helm", "valuesObject").put("grafana", yaml(WORKLOAD_GRAFANA));
                case "AppProject/fleet" -> {
                    @SuppressWarnings("unchecked")
                    var destinations = (List<Object>) path(object, "spec").get("destinations");
                    VIRTUAL_APP_NAMESPACES.forEach((cluster, namespaces) -> namespaces.forEach(ns ->
                            destinations.add(new LinkedHashMap<>(Map.of("name", cluster, "namespace", ns)))));
                    destinations.sort(Comparator.comparing((Object d) -> String.valueOf(map(d).get("name")))
                            .thenComparing(d -> String.valueOf(map(d).get("namespace"))));
                }
                default -> {
                }
            }
        }
    }

    private static void admitToStore(List<Object> documents, String namespace) {
        for (var document : documents) {
            var object = map(document);
            if ("ClusterSecretStore".equals(object.get("kind"))) {
                @SuppressWarnings("unchecked")
                var namespaces = (List<Object>) map(((List<?>) path(object, "spec").get("conditions")).get(0)).get("namespaces");
                namespaces.add(namespace);
            }
        }
    }

    private static Object grafanaSso(String namespace, String prefix) {
        return yaml(GRAFANA_SSO.replace("NAMESPACE", namespace).replace("PREFIX", prefix));
    }

    static Map<String, Object> yaml(String text) {
        return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
    }

    static Map<String, Object> path(Map<String, Object> root, String... keys) {
        var node = root;
        for (var key : keys) {
            node = map(node.get(key));
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("not a map: " + value);
        }
        return (Map<String, Object>) value;
    }
}
