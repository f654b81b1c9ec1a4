package io.idp.platform.components;

import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import io.idp.platform.config.Cidr;
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
    private final String stackName;
    private final Output<Map<String, Object>> outputs;

    public ManagementReference(String stackName, PlatformConfig workload) {
        this.stackName = stackName;
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

    public String stackName() {
        return stackName;
    }

    static Map<String, Object> check(String stackName, PlatformConfig workload, Map<String, Object> values) {
        var missing = new TreeSet<>(ManagementOutputs.CONTRACT);
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new ContractException("management stack '" + stackName + "' does not export " + missing
                    + "; update it first (pulumi up -s " + stackName + ", or ./platform plan " + stackName + " offline)");
        }
        var managementCidr = Cidr.parse(String.valueOf(values.get(ManagementOutputs.VPC_CIDR)));
        var ownCidr = workload.network().vpcCidr();
        if (managementCidr.isPresent() && managementCidr.get().overlaps(ownCidr)) {
            throw new ContractException("platform:vpcCidr = \"" + ownCidr + "\" overlaps the management VPC "
                    + managementCidr.get() + " of stack '" + stackName + "'; choose a range outside it, e.g. 10.20.0.0/16");
        }
        return values;
    }
}
