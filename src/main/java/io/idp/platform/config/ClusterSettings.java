package io.idp.platform.config;

import java.util.List;

/**
 * The EKS cluster's version, its default managed node group, the node groups besides it
 * ({@code platform:nodeGroups}) and who administers it.
 */
public record ClusterSettings(String kubernetesVersion, List<String> nodeInstanceTypes, int nodeMinSize,
                              int nodeDesiredSize, int nodeMaxSize, AmiFamily nodeAmiFamily, List<String> adminRoleArns,
                              List<NodeGroupSettings> nodeGroups) {

    public ClusterSettings {
        nodeGroups = List.copyOf(nodeGroups);
    }

    /** A cluster with the default node group only. */
    public ClusterSettings(String kubernetesVersion, List<String> nodeInstanceTypes, int nodeMinSize, int nodeDesiredSize,
                           int nodeMaxSize, AmiFamily nodeAmiFamily, List<String> adminRoleArns) {
        this(kubernetesVersion, nodeInstanceTypes, nodeMinSize, nodeDesiredSize, nodeMaxSize, nodeAmiFamily, adminRoleArns, List.of());
    }

    public enum AmiFamily {
        AL2023("al2023"),
        BOTTLEROCKET("bottlerocket");

        private final String configValue;

        AmiFamily(String configValue) {
            this.configValue = configValue;
        }

        public String configValue() {
            return configValue;
        }
    }

    /** Graviton families carry a 'g' after the generation digit: m7g, c7gn, r8g. */
    public static boolean isArm(String instanceType) {
        return instanceType.matches("[a-z]+\\d+g[a-z]*\\..+");
    }

    public boolean arm() {
        return isArm(nodeInstanceTypes.get(0));
    }

    /** The EKS AMI type for the node group: operating system and architecture. */
    public String amiType() {
        return switch (nodeAmiFamily) {
            case AL2023 -> arm() ? "AL2023_ARM_64_STANDARD" : "AL2023_x86_64_STANDARD";
            case BOTTLEROCKET -> arm() ? "BOTTLEROCKET_ARM_64" : "BOTTLEROCKET_x86_64";
        };
    }
}
