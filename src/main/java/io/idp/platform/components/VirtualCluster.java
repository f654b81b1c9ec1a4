package io.idp.platform.components;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.rbac.v1.Role;
import com.pulumi.kubernetes.rbac.v1.RoleArgs;
import com.pulumi.kubernetes.rbac.v1.RoleBinding;
import com.pulumi.kubernetes.rbac.v1.RoleBindingArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.RoleRefArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.SubjectArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.idp.platform.support.FleetSignOn;

import java.util.List;
import java.util.Map;

/**
 * A virtual workload cluster: vcluster in its own namespace of the management cluster, held near one
 * CPU and one GiB, registered with Argo CD through its generated credentials. The credentials never
 * leave the management cluster: External Secrets copies them from the Secret vcluster exports into an
 * Argo CD cluster Secret, so they are in neither git nor the Pulumi state.
 */
public final class VirtualCluster extends ComponentResource {
    public static final String TYPE = "platform:components:VirtualCluster";
    public static final String SECRETS_SERVICE_ACCOUNT = "vcluster-secrets";
    /** Secrets the host namespace receives from the store and vcluster syncs into the virtual cluster. */
    public static final Map<String, String> SYNCED_SECRETS = Map.of("cloudflare-api-token", "cert-manager/cloudflare-api-token");
    /** Where the host's edge runs: Envoy Gateway's namespace, with the Gateway every cluster shares the name of. */
    public static final String EDGE_NAMESPACE = "envoy-gateway-system";
    /** The host's Gateway, namespace/name, shown inside the virtual cluster at the same place. */
    public static final String HOST_GATEWAY = EDGE_NAMESPACE + "/platform";
    /** Requests and limits of the virtual control plane: about 1 CPU and 1 GiB. */
    public static final Map<String, Object> RESOURCES = Map.of(
            "requests", Map.of("cpu", "500m", "memory", "512Mi"),
            "limits", Map.of("cpu", "1", "memory", "1Gi"));

    /**
     * @param labels      the cluster Secret's labels (see {@link ClusterRegistration#labels})
     * @param annotations the cluster Secret's annotations
     */
    /**
     * @param secretsRoleArn an IAM role, assumable by the namespace's {@value #SECRETS_SERVICE_ACCOUNT} service
     *                       account, that reads the cluster's own path of the secret store
     * @param secretsPrefix  the cluster's own path of the secret store
     */
    public record Args(String clusterName, HelmChart chart, Map<String, String> labels,
                       Output<Map<String, String>> annotations, Provider managementCluster, Output<String> secretsRoleArn,
                       Output<String> secretsPrefix, Output<String> storeRegion, Output<String> oidcIssuer) {
        /** A virtual cluster whose API server trusts no OIDC issuer. */
        public Args(String clusterName, HelmChart chart, Map<String, String> labels,
                    Output<Map<String, String>> annotations, Provider managementCluster, Output<String> secretsRoleArn,
                    Output<String> secretsPrefix, Output<String> storeRegion) {
            this(clusterName, chart, labels, annotations, managementCluster, secretsRoleArn, secretsPrefix, storeRegion, null);
        }

        public String namespace() {
            return "vcluster-" + clusterName;
        }

        /**
         * Where Argo CD, in the same cluster, reaches the virtual API server (port 443, left implicit so
         * the fleet AppProject's destination pattern https://*.svc matches it).
         */
        public String server() {
            return "https://" + clusterName + "." + namespace() + ".svc";
        }

        public String exportedSecret() {
            return "vc-" + clusterName + "-argocd";
        }
    }

    private final String server;

    public VirtualCluster(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.server = args.server();
        var k8s = args.managementCluster();
        var namespace = new Namespace(name + "-namespace", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(args.namespace())
                        .labels(Map.of("platform/virtual-cluster", args.clusterName(), "pod-security.kubernetes.io/enforce", "baseline"))
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).provider(k8s).build());
        var inNamespace = CustomResourceOptions.builder().parent(this).provider(k8s).dependsOn(namespace).build();

        var release = new Release(name + "-vcluster", ReleaseArgs.builder()
                .name(args.clusterName())
                .namespace(args.namespace())
                .chart(args.chart().chart())
                .version(args.chart().version())
                .repositoryOpts(RepositoryOptsArgs.builder().repo(args.chart().repository()).build())
                .values(args.oidcIssuer() == null ? Output.of(values(args)) : args.oidcIssuer().applyValue(issuer -> values(args, issuer)))
                .atomic(true)
                .timeout(600)
                .build(), inNamespace);

        // External Secrets reads the exported credentials with a service account allowed that one Secret.
        var reader = new ServiceAccount(name + "-registration", ServiceAccountArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("argocd-registration").namespace(args.namespace()).build())
                .build(), inNamespace);
        new Role(name + "-registration", RoleArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("argocd-registration").namespace(args.namespace()).build())
                .rules(PolicyRuleArgs.builder().apiGroups("").resources("secrets").resourceNames(args.exportedSecret())
                        .verbs("get", "list", "watch").build())
                .build(), inNamespace);
        new RoleBinding(name + "-registration", RoleBindingArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("argocd-registration").namespace(args.namespace()).build())
                .roleRef(RoleRefArgs.builder().apiGroup("rbac.authorization.k8s.io").kind("Role").name("argocd-registration").build())
                .subjects(SubjectArgs.builder().kind("ServiceAccount").name("argocd-registration").namespace(args.namespace()).build())
                .build(), inNamespace);
        // The cluster's secrets reach it from its host namespace: a store there reads the cluster's own path.
        var secretsAccount = new ServiceAccount(name + "-secrets", ServiceAccountArgs.builder()
                .metadata(args.secretsRoleArn().applyValue(arn -> ObjectMetaArgs.builder().name(SECRETS_SERVICE_ACCOUNT)
                        .namespace(args.namespace()).annotations(Map.of("eks.amazonaws.com/role-arn", arn)).build()))
                .build(), inNamespace);
        var secretStore = new KubernetesObject(name + "-secret-store", "external-secrets.io/v1", "SecretStore",
                ObjectMetaArgs.builder().name("platform").namespace(args.namespace()).build(),
                args.storeRegion().applyValue(region -> Map.<String, Object>of("provider", Map.of("aws", Map.of(
                        "service", "SecretsManager", "region", region,
                        "auth", Map.of("jwt", Map.of("serviceAccountRef", Map.of("name", SECRETS_SERVICE_ACCOUNT))))))),
                CustomResourceOptions.builder().parent(this).provider(k8s).dependsOn(secretsAccount).build());
        new KubernetesObject(name + "-dns-token", "external-secrets.io/v1", "ExternalSecret",
                ObjectMetaArgs.builder().name("cloudflare-api-token").namespace(args.namespace()).build(),
                args.secretsPrefix().applyValue(prefix -> Map.<String, Object>of(
                        "refreshInterval", "1h",
                        "secretStoreRef", Map.of("kind", "SecretStore", "name", "platform"),
                        "target", Map.of("name", "cloudflare-api-token", "creationPolicy", "Owner"),
                        "data", List.of(Map.of("secretKey", "token", "remoteRef", Map.of("key", prefix + "cloudflare/cert-manager-token"))))),
                CustomResourceOptions.builder().parent(this).provider(k8s).dependsOn(secretStore).build());
        var store = new KubernetesObject(name + "-credentials-store", "external-secrets.io/v1", "ClusterSecretStore",
                ObjectMetaArgs.builder().name(args.namespace()).build(),
                Output.of(credentialsStore(args)), CustomResourceOptions.builder().parent(this).provider(k8s).dependsOn(reader).build());
        new KubernetesObject(name + "-registration", "external-secrets.io/v1", "ExternalSecret",
                ObjectMetaArgs.builder().name("cluster-" + args.clusterName()).namespace(ArgoCd.NAMESPACE).build(),
                args.annotations().applyValue(annotations -> registration(args, annotations)), CustomResourceOptions.builder().parent(this).provider(k8s).dependsOn(store, release).build());
        registerOutputs(Map.of("server", Output.of(server), "namespace", Output.of(args.namespace())));
    }

    public static Map<String, Object> values(Args args) {
        return values(args, null);
    }

    /**
     * The chart's values; with an issuer, the API server also accepts Dex's ID tokens for client
     * {@code vcluster-<cluster>}: users and groups prefixed {@value FleetSignOn#GROUPS_PREFIX}, so no
     * token can name a system: group, bound by the RBAC the cluster's gitops directory holds
     * ({@code people-access.yaml}).
     */
    public static Map<String, Object> values(Args args, String oidcIssuer) {
        var controlPlane = new java.util.LinkedHashMap<String, Object>();
        controlPlane.put("statefulSet", Map.of("resources", RESOURCES, "persistence", Map.of("volumeClaim", Map.of("size", "5Gi"))));
        controlPlane.put("proxy", Map.of("extraSANs", List.of(args.clusterName() + "." + args.namespace() + ".svc")));
        if (oidcIssuer != null) {
            // k8s is the only distribution of vcluster 0.36; named, so its API server flags apply.
            controlPlane.put("distro", Map.of("k8s", Map.of("enabled", true,
                    "apiServer", Map.of("extraArgs", oidcArgs(args.clusterName(), oidcIssuer)))));
        }
        return Map.of(
                "controlPlane", controlPlane,
                "exportKubeConfig", Map.of("server", args.server(), "secret", Map.of("name", args.exportedSecret())),
                // Isolated from the host's other namespaces and the private network; policies made
                // inside are enforced on the host. Since vcluster 0.27 workloads reach only public
                // addresses (publicEgress, private ranges excepted) and nothing opens egress to a
                // vCluster Platform, which 0.26's outgoingConnections.platform had to switch off.
                // The host's edge proxies are the one way in from outside the virtual cluster.
                "policies", Map.of("resourceQuota", Map.of("enabled", true), "limitRange", Map.of("enabled", true),
                        "networkPolicy", networkPolicy(oidcIssuer != null)),
                // kubectl top and autoscalers read the host's metrics-server: a virtual cluster has no kubelets of its own.
                "integrations", Map.of("metricsServer", Map.of("enabled", true)),
                // Applications are reachable through the host's edge (docs/edge.md): the host's Gateway appears
                // inside under its own name, and HTTPRoutes made inside are synced to the host and attach to it.
                "sync", Map.of("fromHost", Map.of(
                                "secrets", Map.of("enabled", true, "mappings", Map.of("byName", syncedSecrets(args))),
                                "gateways", Map.of("enabled", true, "mappings", Map.of("byName", Map.of(HOST_GATEWAY, HOST_GATEWAY)))),
                        "toHost", Map.of("networkPolicies", Map.of("enabled", true),
                                "gatewayApi", Map.of("enabled", true, "httpRoutes", Map.of("enabled", true)))));
    }

    /** Public HTTPS, private ranges excepted: where the API server reads Dex's discovery document and keys. */
    static final Map<String, Object> PUBLIC_HTTPS = Map.of(
            "to", List.of(Map.of("ipBlock", Map.of("cidr", "0.0.0.0/0", "except", List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")))),
            "ports", List.of(Map.of("protocol", "TCP", "port", 443)));

    static Map<String, Object> networkPolicy(boolean oidc) {
        var policy = new java.util.LinkedHashMap<String, Object>();
        policy.put("enabled", true);
        policy.put("workload", Map.of("publicEgress", Map.of("enabled", true),
                "ingress", List.of(Map.of("from", List.of(Map.of("namespaceSelector", Map.of("matchLabels",
                        Map.of("kubernetes.io/metadata.name", EDGE_NAMESPACE))))))));
        if (oidc) {
            // The control plane fetches the issuer's keys from its public address.
            policy.put("controlPlane", Map.of("egress", List.of(PUBLIC_HTTPS)));
        }
        return policy;
    }

    /** The API server's OIDC flags: Dex's ID tokens, the person's e-mail as user, the GitHub teams as groups. */
    public static List<String> oidcArgs(String clusterName, String issuer) {
        return List.of(
                "--oidc-issuer-url=" + issuer,
                "--oidc-client-id=" + FleetSignOn.vclusterClientId(clusterName),
                "--oidc-username-claim=email",
                "--oidc-username-prefix=" + FleetSignOn.GROUPS_PREFIX,
                "--oidc-groups-claim=groups",
                "--oidc-groups-prefix=" + FleetSignOn.GROUPS_PREFIX);
    }

    /** Host secrets (in the cluster's namespace) to their place inside the virtual cluster. */
    static Map<String, String> syncedSecrets(Args args) {
        var mappings = new java.util.TreeMap<String, String>();
        SYNCED_SECRETS.forEach((host, virtual) -> mappings.put(args.namespace() + "/" + host, virtual));
        return mappings;
    }

    /** Reads the virtual cluster's admin credentials: only Argo CD's namespace may use it. */
    static Map<String, Object> credentialsStore(Args args) {
        return Map.of("conditions", List.of(Map.of("namespaces", List.of(ArgoCd.NAMESPACE))),
                "provider", Map.of("kubernetes", Map.of(
                "remoteNamespace", args.namespace(),
                "server", Map.of("caProvider", Map.of("type", "ConfigMap", "name", "kube-root-ca.crt", "key", "ca.crt",
                        "namespace", args.namespace())),
                "auth", Map.of("serviceAccount", Map.of("name", "argocd-registration", "namespace", args.namespace())))));
    }

    /** The Argo CD cluster Secret, templated from the exported credentials; nothing secret is written here. */
    static Map<String, Object> registration(Args args, Map<String, String> annotations) {
        var config = "{\"tlsClientConfig\":{\"caData\":\"{{ index . \\\"certificate-authority\\\" | b64enc }}\","
                + "\"certData\":\"{{ index . \\\"client-certificate\\\" | b64enc }}\","
                + "\"keyData\":\"{{ index . \\\"client-key\\\" | b64enc }}\"}}";
        return Map.of(
                "refreshInterval", "1h",
                "secretStoreRef", Map.of("kind", "ClusterSecretStore", "name", args.namespace()),
                "target", Map.of("name", "cluster-" + args.clusterName(), "creationPolicy", "Owner",
                        "template", Map.of("engineVersion", "v2",
                                "metadata", Map.of("labels", args.labels(), "annotations", annotations),
                                "data", Map.of("name", args.clusterName(), "server", args.server(), "config", config))),
                "dataFrom", List.of(Map.of("extract", Map.of("key", args.exportedSecret()))));
    }

    public String server() {
        return server;
    }
}
