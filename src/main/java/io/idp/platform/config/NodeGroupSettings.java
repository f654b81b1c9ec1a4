package io.idp.platform.config;

import java.util.List;
import java.util.Map;

/**
 * One node group of an EKS cluster besides the default one ({@code platform:nodeGroups}): a spot
 * group, a GPU group, a small system group. Each is its own EKS managed node group.
 *
 * @param name          the group's name; the EKS node group is {@code <cluster>-<name>}
 * @param instanceTypes EC2 instance types of one architecture, cheapest first
 * @param amiType       the EKS AMI type (operating system, architecture, accelerator)
 * @param labels        Kubernetes labels of its nodes, besides {@code platform/node-group: <name>}
 * @param taints        taints of its nodes, so only pods that tolerate them run there
 */
public record NodeGroupSettings(String name, List<String> instanceTypes, CapacityType capacityType, int minSize,
                                int desiredSize, int maxSize, int diskGiB, String amiType, Map<String, String> labels,
                                List<Taint> taints) {

    public NodeGroupSettings {
        instanceTypes = List.copyOf(instanceTypes);
        labels = Map.copyOf(labels);
        taints = List.copyOf(taints);
    }

    /** How EC2 capacity is bought: on demand, or spare capacity that AWS may take back with two minutes' notice. */
    public enum CapacityType { ON_DEMAND, SPOT }

    /** A Kubernetes taint as EKS takes it: effect NO_SCHEDULE, NO_EXECUTE or PREFER_NO_SCHEDULE. */
    public record Taint(String key, String value, String effect) {
    }
}
