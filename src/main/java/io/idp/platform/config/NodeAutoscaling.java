package io.idp.platform.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.idp.platform.config.ConfigKeys.KARPENTER_CAPACITY_TYPES;
import static io.idp.platform.config.ConfigKeys.KARPENTER_CPU_LIMIT;
import static io.idp.platform.config.ConfigKeys.KARPENTER_MEMORY_LIMIT_GIB;

/**
 * What Karpenter may add to a physical cluster besides its managed node group: the default
 * NodePool's limits (the sum over the nodes it launches) and the capacity types it may buy.
 */
public record NodeAutoscaling(int cpuLimit, int memoryLimitGiB, List<CapacityType> capacityTypes) {

    /** Karpenter's values of {@code karpenter.sh/capacity-type}, spelt as in its NodePool requirements. */
    public enum CapacityType {
        ON_DEMAND("on-demand"),
        SPOT("spot");

        private final String configValue;

        CapacityType(String configValue) {
            this.configValue = configValue;
        }

        public String configValue() {
            return configValue;
        }

        static Optional<CapacityType> fromConfigValue(String value) {
            return Arrays.stream(values()).filter(type -> type.configValue.equals(value)).findFirst();
        }
    }

    /** The memory limit as Kubernetes writes a quantity ({@code 400Gi}). */
    public String memoryLimit() {
        return memoryLimitGiB + "Gi";
    }

    /** The capacity types as a NodePool requirement's values, in the order given. */
    public List<String> capacityTypeValues() {
        return capacityTypes.stream().map(CapacityType::configValue).toList();
    }

    static Optional<NodeAutoscaling> read(ConfigReader reader) {
        var cpu = reader.integer(KARPENTER_CPU_LIMIT, 2, 10_000);
        var memory = reader.integer(KARPENTER_MEMORY_LIMIT_GIB, 4, 100_000);
        var types = reader.list(KARPENTER_CAPACITY_TYPES).flatMap(values -> {
            boolean ok = reader.check(KARPENTER_CAPACITY_TYPES, "[]", !values.isEmpty(),
                    "is empty: Karpenter could buy no node at all");
            var parsed = new ArrayList<CapacityType>();
            for (var value : values) {
                var type = CapacityType.fromConfigValue(value);
                ok &= reader.check(KARPENTER_CAPACITY_TYPES, value, type.isPresent(), "is not a capacity type");
                type.ifPresent(parsed::add);
            }
            ok &= reader.check(KARPENTER_CAPACITY_TYPES, String.valueOf(values), values.stream().distinct().count() == values.size(),
                    "names a capacity type twice");
            return ok ? Optional.of(List.copyOf(parsed)) : Optional.empty();
        });
        if (cpu.isEmpty() || memory.isEmpty() || types.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NodeAutoscaling(cpu.get(), memory.get(), types.get()));
    }
}
