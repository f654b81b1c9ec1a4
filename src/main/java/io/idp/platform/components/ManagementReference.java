package io.idp.platform.components;

import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import io.idp.platform.config.Cidr;
import io.idp.platform.config.NetworkSettings;
import io.idp.platform.config.PlatformConfig;
import io.idp.platform.stacks.ManagementOutputs;

import java.util.Map;
import java.util.TreeSet;

/**
 * The management stack's outputs as a workload stack sees them, checked against the contract in
 * {@link ManagementOutputs} before anything uses them: a missing output, or a workload VPC that
 * overlaps the management VPC, fails the stack with a message that says what to fix.
 */
public final class ManagementReference {
    private final Output<Map<String, Object>> outputs;

    public ManagementReference(String stackName, PlatformConfig workload) {
        var reference = new StackReference(stackName, StackReferenceArgs.builder().name(stackName).build());
        this.outputs = reference.outputs().applyValue(values -> check(stackName, workload, values));
    }

    /** One output of the contract, as text. */
    public Output<String> require(String name) {
        if (!ManagementOutputs.CONTRACT.contains(name)) {
            throw new IllegalArgumentException(name + " is not part of the management outputs contract " + ManagementOutputs.CONTRACT);
        }
        return outputs.applyValue(values -> String.valueOf(values.get(name)));
    }

    /**
     * A Kubernetes provider for the management cluster, from the contract's endpoint and CA; it
     * authenticates with {@code aws eks get-token}, as the stack's own credentials allow.
     */
    public com.pulumi.kubernetes.Provider kubernetes(String logicalName) {
        var kubeconfig = Output.tuple(require(ManagementOutputs.CLUSTER_NAME), require(ManagementOutputs.CLUSTER_ENDPOINT),
                        require(ManagementOutputs.CLUSTER_CERTIFICATE_AUTHORITY), require(ManagementOutputs.REGION))
                .applyValue(t -> Kubeconfig.render(t.t1, t.t2, t.t3, t.t4)).asSecret();
        return new com.pulumi.kubernetes.Provider(logicalName, com.pulumi.kubernetes.ProviderArgs.builder()
                .kubeconfig(kubeconfig).enableServerSideApply(true).build());
    }

    /**
     * The git bot's github provider, its token read from the platform's secret store (where the
     * management stack put it), so a workload stack needs no GitHub token of its own.
     */
    public com.pulumi.github.Provider github(String logicalName, com.pulumi.aws.Provider managementRegion) {
        return new com.pulumi.github.Provider(logicalName, com.pulumi.github.ProviderArgs.builder()
                .owner(require(ManagementOutputs.GITOPS_REPO).applyValue(repo -> repo.substring(0, repo.indexOf('/'))))
                .token(storedSecret("bots/github-token", managementRegion))
                .build());
    }

    /** The DNS bot's cloudflare provider, its token read from the secret store like the git bot's. */
    public com.pulumi.cloudflare.Provider cloudflare(String logicalName, com.pulumi.aws.Provider managementRegion) {
        return new com.pulumi.cloudflare.Provider(logicalName, com.pulumi.cloudflare.ProviderArgs.builder()
                .apiToken(storedSecret("bots/cloudflare-token", managementRegion))
                .build());
    }

    /** A writer into the platform's secret store, from this (workload) stack. */
    public SecretWriter secretStore(boolean protect, com.pulumi.aws.Provider managementRegion) {
        return new SecretWriter(require(ManagementOutputs.SECRET_STORE_PREFIX), require(ManagementOutputs.SECRET_STORE_KMS_KEY_ARN),
                protect, SecretStore.Args.DEFAULT_RECOVERY_WINDOW_DAYS, null, managementRegion);
    }

    private Output<String> storedSecret(String path, com.pulumi.aws.Provider managementRegion) {
        return com.pulumi.aws.secretsmanager.SecretsmanagerFunctions.getSecretVersion(
                        com.pulumi.aws.secretsmanager.inputs.GetSecretVersionArgs.builder()
                                .secretId(require(ManagementOutputs.SECRET_STORE_PREFIX).applyValue(prefix -> prefix + path))
                                .build(),
                        com.pulumi.deployment.InvokeOptions.builder().provider(managementRegion).build())
                .applyValue(version -> version.secretString()).asSecret();
    }

    static Map<String, Object> check(String stackName, PlatformConfig workload, Map<String, Object> values) {
        var missing = new TreeSet<>(ManagementOutputs.CONTRACT);
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new ContractException("management stack '" + stackName + "' does not export " + missing
                    + "; update it first (pulumi up -s " + stackName + ", or ./platform plan " + stackName + " offline)");
        }
        var managementCidr = Cidr.parse(String.valueOf(values.get(ManagementOutputs.VPC_CIDR)));
        var ownCidr = workload.networkSettings().map(NetworkSettings::vpcCidr).orElse(null);
        if (ownCidr != null && managementCidr.isPresent() && managementCidr.get().overlaps(ownCidr)) {
            throw new ContractException("platform:vpcCidr = \"" + ownCidr + "\" overlaps the management VPC "
                    + managementCidr.get() + " of stack '" + stackName + "'; choose a range outside it, e.g. 10.20.0.0/16");
        }
        var known = values.get(ManagementOutputs.ENVIRONMENTS) instanceof java.util.List<?> list
                ? list.stream().map(String::valueOf).toList() : java.util.List.<String>of();
        var unknown = workload.environments().stream().filter(env -> !known.contains(env)).toList();
        if (!unknown.isEmpty()) {
            throw new ContractException("platform:environments = " + workload.environments() + ": " + unknown
                    + " is not an environment of the platform; the management stack '" + stackName + "' has " + known);
        }
        return values;
    }
}
