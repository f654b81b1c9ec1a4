package io.idp.platform.stacks;

import java.util.List;

/**
 * The management stack's outputs that workload stacks read through a StackReference: the contract
 * between the two. Renaming one is a breaking change for every workload stack.
 */
public final class ManagementOutputs {
    public static final String CLUSTER_NAME = "clusterName";
    public static final String REGION = "region";
    public static final String VPC_ID = "vpcId";
    public static final String VPC_CIDR = "vpcCidr";
    public static final String PRIVATE_SUBNET_IDS = "privateSubnetIds";
    public static final String STATE_BUCKET = "stateBucket";
    public static final String STATE_BACKEND_URL = "stateBackendUrl";
    public static final String DOMAIN = "domain";
    public static final String GITOPS_REPO = "gitopsRepo";

    /** Every output a workload stack may rely on. */
    public static final List<String> CONTRACT = List.of(CLUSTER_NAME, REGION, VPC_ID, VPC_CIDR, PRIVATE_SUBNET_IDS,
            STATE_BUCKET, STATE_BACKEND_URL, DOMAIN, GITOPS_REPO);

    private ManagementOutputs() {
    }
}
