package io.idp.platform.components;

import io.idp.platform.support.AwsProviderFactory;
import java.util.Optional;

import io.idp.platform.support.Kubeconfig;
import io.idp.platform.support.ContractException;

import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import com.pulumi.resources.StackReferenceOutputDetails;
import io.idp.platform.config.Cidr;
import io.idp.platform.config.NetworkSettings;
import io.idp.platform.config.PlatformConfig;
import io.idp.platform.contract.ManagementOutputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The management stack's outputs as a workload stack sees them. They are read and checked against
 * the contract in {@link ManagementOutputs} before the workload stack registers anything, so a
 * missing or malformed output fails the stack with nothing created. Each output is read on its own,
 * keeping the secretness the management stack gave it: reading the outputs as one map would make
 * every value secret, because the map holds the (secret) kubeconfig.
 */
public final class ManagementReference implements ManagementPlane {
    private final String stackName;
    private final Map<String, Object> values;
    private final Map<String, Boolean> secret;
    private final Map<String, String> tags;
    private com.pulumi.aws.Provider managementRegion;
    private com.pulumi.kubernetes.Provider kubernetes;
    private com.pulumi.github.Provider github;
    private com.pulumi.cloudflare.Provider cloudflare;

    private ManagementReference(String stackName, Map<String, Object> values, Map<String, Boolean> secret, Map<String, String> tags) {
        this.stackName = stackName;
        this.values = values;
        this.secret = secret;
        this.tags = tags;
    }

    /**
     * Reads the referenced stack's outputs and checks them; the only resource it registers is the
     * stack reference itself.
     *
     * @throws ContractException with every problem found, each naming the output and what to run
     */
    public static ManagementReference read(String stackName, PlatformConfig workload) {
        var reference = new StackReference(stackName, StackReferenceArgs.builder().name(stackName).build());
        var values = new TreeMap<String, Object>();
        var secret = new TreeMap<String, Boolean>();
        for (var name : ManagementOutputs.CONTRACT) {
            // The engine has read the referenced stack's state by now (reads are answered in previews too);
            // waiting here is what lets the contract be checked before any resource is registered.
            StackReferenceOutputDetails details = reference.outputDetailsAsync(name).join();
            details.getValue().ifPresent(value -> values.put(name, value));
            details.getSecretValue().ifPresent(value -> {
                values.put(name, value);
                secret.put(name, true);
            });
        }
        var problems = check(stackName, workload, values);
        if (!problems.isEmpty()) {
            throw new ContractException(problems);
        }
        return new ManagementReference(stackName, values, secret, AwsProviderFactory.tags(workload));
    }

    public String stackName() {
        return stackName;
    }

    /** One text output of the contract, secret if the management stack exported it as a secret. */
    public Output<String> require(String name) {
        if (ManagementOutputs.shape(name) != ManagementOutputs.Shape.TEXT) {
            throw new IllegalArgumentException(name + " is not a text output of the management outputs contract");
        }
        var value = String.valueOf(values.get(name));
        return secret.getOrDefault(name, false) ? Output.ofSecret(value) : Output.of(value);
    }

    /** One optional text output of the contract: empty when the management stack does not configure it. */
    public java.util.Optional<String> optional(String name) {
        if (ManagementOutputs.shape(name) != ManagementOutputs.Shape.OPTIONAL_TEXT) {
            throw new IllegalArgumentException(name + " is not an optional text output of the management outputs contract");
        }
        return java.util.Optional.of(String.valueOf(values.get(name))).filter(value -> !value.isBlank());
    }

    /** One list output of the contract (they are never secret). */
    public List<String> requireList(String name) {
        if (ManagementOutputs.shape(name) != ManagementOutputs.Shape.TEXT_LIST) {
            throw new IllegalArgumentException(name + " is not a list output of the management outputs contract");
        }
        return ((List<?>) values.get(name)).stream().map(String::valueOf).toList();
    }

    @Override
    public Output<String> clusterName() {
        return require(ManagementOutputs.CLUSTER_NAME);
    }

    @Override
    public Output<String> region() {
        return require(ManagementOutputs.REGION);
    }

    @Override
    public Output<String> domain() {
        return require(ManagementOutputs.DOMAIN);
    }

    @Override
    public Output<String> dnsZoneId() {
        return require(ManagementOutputs.DNS_ZONE_ID);
    }

    @Override
    public Output<String> oidcProviderArn() {
        return require(ManagementOutputs.OIDC_PROVIDER_ARN);
    }

    @Override
    public Output<String> oidcIssuerUrl() {
        return require(ManagementOutputs.OIDC_ISSUER_URL);
    }

    @Override
    public Output<String> argocdFleetRoleArn() {
        return require(ManagementOutputs.ARGOCD_FLEET_ROLE_ARN);
    }

    @Override
    public Output<String> ciDeployRoleArn() {
        return require(ManagementOutputs.CI_DEPLOY_ROLE_ARN);
    }

    @Override
    public Output<String> secretStorePrefix() {
        return require(ManagementOutputs.SECRET_STORE_PREFIX);
    }

    @Override
    public Output<List<String>> natPublicIps() {
        return Output.of(requireList(ManagementOutputs.NAT_PUBLIC_IPS));
    }

    @Override
    public Output<String> secretStoreKmsKeyArn() {
        return require(ManagementOutputs.SECRET_STORE_KMS_KEY_ARN);
    }

    /** The gitops repository, {@code <owner>/<name>}. */
    public Output<String> gitopsRepo() {
        return require(ManagementOutputs.GITOPS_REPO);
    }

    /**
     * The AWS provider of the management stack's region ({@code aws-management-region}, at the stack's
     * root), with this stack's tags: the secret store and the management cluster's IAM live there.
     */
    @Override
    public synchronized Optional<com.pulumi.aws.Provider> awsProvider() {
        if (managementRegion == null) {
            managementRegion = new com.pulumi.aws.Provider("aws-management-region", com.pulumi.aws.ProviderArgs.builder()
                    .region(require(ManagementOutputs.REGION))
                    .defaultTags(com.pulumi.aws.inputs.ProviderDefaultTagsArgs.builder().tags(tags).build())
                    .build());
        }
        return Optional.of(managementRegion);
    }

    /**
     * A Kubernetes provider for the management cluster ({@code management-cluster}), from the contract's
     * endpoint and CA; it authenticates with {@code aws eks get-token}, as the stack's own credentials allow.
     */
    @Override
    public synchronized com.pulumi.kubernetes.Provider kubernetes() {
        if (kubernetes == null) {
            var kubeconfig = Output.tuple(require(ManagementOutputs.CLUSTER_NAME), require(ManagementOutputs.CLUSTER_ENDPOINT),
                            require(ManagementOutputs.CLUSTER_CERTIFICATE_AUTHORITY), require(ManagementOutputs.REGION))
                    // Not secret: it names the cluster and runs aws eks get-token, it holds no credential; and a plan
                    // must see it change when the management cluster is rebuilt (its objects then are recreated).
                    .applyValue(t -> Kubeconfig.render(t.t1, t.t2, t.t3, t.t4));
            kubernetes = new com.pulumi.kubernetes.Provider("management-cluster", com.pulumi.kubernetes.ProviderArgs.builder()
                    .kubeconfig(kubeconfig).enableServerSideApply(true).build());
        }
        return kubernetes;
    }

    /**
     * The git bot's github provider ({@code github}), its token read from the platform's secret store
     * (where the management stack put it), so a workload stack needs no GitHub token of its own.
     */
    public synchronized com.pulumi.github.Provider github() {
        if (github == null) {
            github = new com.pulumi.github.Provider("github", com.pulumi.github.ProviderArgs.builder()
                    .owner(require(ManagementOutputs.GITOPS_REPO).applyValue(repo -> repo.substring(0, repo.indexOf('/'))))
                    .token(storedSecret("bots/github-token"))
                    .build());
        }
        return github;
    }

    /** The DNS bot's cloudflare provider ({@code cloudflare}), its token read from the secret store like the git bot's. */
    @Override
    public synchronized com.pulumi.cloudflare.Provider cloudflare() {
        if (cloudflare == null) {
            cloudflare = new com.pulumi.cloudflare.Provider("cloudflare", com.pulumi.cloudflare.ProviderArgs.builder()
                    .apiToken(storedSecret("bots/cloudflare-token"))
                    .build());
        }
        return cloudflare;
    }

    /** A writer into the platform's secret store, from this (workload) stack, in the management region. */
    @Override
    public SecretWriter secretWriter(boolean protect, com.pulumi.resources.Resource parent) {
        return SecretWriter.builder().prefix(secretStorePrefix()).kmsKeyArn(secretStoreKmsKeyArn())
                .protect(protect).parent(parent).provider(awsProvider().orElseThrow()).replica(secretReplica().orElse(null)).build();
    }

    /** Where the management stack replicates the platform's secrets, if it does (its recovery region and key there). */
    @Override
    public Optional<SecretWriter.Replica> secretReplica() {
        var region = optional(ManagementOutputs.RECOVERY_REGION);
        var key = optional(ManagementOutputs.SECRET_REPLICA_KMS_KEY_ARN);
        if (region.isEmpty() || key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SecretWriter.Replica(Output.of(region.get()), Output.of(key.get())));
    }

    private Output<String> storedSecret(String path) {
        return com.pulumi.aws.secretsmanager.SecretsmanagerFunctions.getSecretVersion(
                        com.pulumi.aws.secretsmanager.inputs.GetSecretVersionArgs.builder()
                                .secretId(require(ManagementOutputs.SECRET_STORE_PREFIX).applyValue(prefix -> prefix + path))
                                .build(),
                        com.pulumi.deployment.InvokeOptions.builder().provider(awsProvider().orElseThrow()).build())
                .applyValue(version -> version.secretString()).asSecret();
    }

    /** Every way the outputs break the contract or conflict with this workload stack, one message each. */
    static List<String> check(String stackName, PlatformConfig workload, Map<String, Object> values) {
        var problems = new ArrayList<String>();
        var update = "update the management stack first: pulumi up -s " + stackName + " (offline: ./platform plan " + stackName
                + "), or set platform:managementStack in Pulumi." + workload.stack() + ".yaml to the stack that manages this platform";
        for (var name : ManagementOutputs.CONTRACT) {
            var shape = ManagementOutputs.shape(name);
            if (!values.containsKey(name)) {
                problems.add("management stack '" + stackName + "' does not export '" + name + "' (" + shape.description
                        + "), which this workload stack needs; " + update);
            } else if (!fits(shape, values.get(name))) {
                problems.add("management stack '" + stackName + "' exports '" + name + "' as " + describe(values.get(name))
                        + ", but the contract needs " + shape.description + "; " + update);
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        var managementCidr = Cidr.parse(String.valueOf(values.get(ManagementOutputs.VPC_CIDR)));
        var ownCidr = workload.networkSettings().map(NetworkSettings::vpcCidr).orElse(null);
        if (ownCidr != null && managementCidr.isPresent() && managementCidr.get().overlaps(ownCidr)) {
            problems.add("platform:vpcCidr = \"" + ownCidr + "\" overlaps the management VPC " + managementCidr.get()
                    + " of stack '" + stackName + "'; choose a range outside it, e.g. 10.20.0.0/16");
        }
        var storeRegion = workload.recovery().secretStoreRegion();
        var holders = List.of(String.valueOf(values.get(ManagementOutputs.REGION)), String.valueOf(values.get(ManagementOutputs.RECOVERY_REGION)));
        if (storeRegion.isPresent() && !holders.contains(storeRegion.get())) {
            problems.add("platform:secretStoreRegion = \"" + storeRegion.get() + "\" holds no copy of the secret store of stack '"
                    + stackName + "': it is in " + holders.get(0) + (holders.get(1).isBlank() ? " and has no replica (the management stack "
                    + "sets no platform:recoveryRegion)" : " with replicas in " + holders.get(1)));
        }
        var known = ((List<?>) values.get(ManagementOutputs.ENVIRONMENTS)).stream().map(String::valueOf).toList();
        var unknown = workload.environments().stream().filter(env -> !known.contains(env)).toList();
        if (!unknown.isEmpty()) {
            problems.add("platform:environments = " + workload.environments() + ": " + unknown
                    + " is not an environment of the platform; the management stack '" + stackName + "' has " + known);
        }
        return problems;
    }

    private static boolean fits(ManagementOutputs.Shape shape, Object value) {
        return switch (shape) {
            case TEXT -> value instanceof String text && !text.isBlank();
            case OPTIONAL_TEXT -> value instanceof String;
            case TEXT_LIST -> value instanceof List<?> list && list.stream().allMatch(item -> item instanceof String text && !text.isBlank());
        };
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return text.isBlank() ? "an empty string" : "a string";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        return "a " + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
