package io.idp.platform.config;

/** What only a workload stack reads: which management stack it builds on and its kind. */
public record WorkloadSettings(String managementStack, ClusterType clusterType) {

    public enum ClusterType {
        EKS("eks"),
        VCLUSTER("vcluster");

        private final String configValue;

        ClusterType(String configValue) {
            this.configValue = configValue;
        }

        public String configValue() {
            return configValue;
        }
    }

    /** The management stack's bare name, without an organisation or project qualifier. */
    public String managementStackName() {
        return managementStack.substring(managementStack.lastIndexOf('/') + 1);
    }
}
