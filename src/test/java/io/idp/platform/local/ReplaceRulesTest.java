package io.idp.platform.local;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Which changed paths replace a resource: the providers' ForceNew properties, Kubernetes identity, the program's own list. */
class ReplaceRulesTest {
    static boolean replaces(String type, String path, String... replaceOnChanges) {
        return ReplaceRules.replaces(type, path, List.of(replaceOnChanges));
    }

    @Test
    void forceNewPropertiesOfAType() {
        assertTrue(replaces("aws:ec2/vpc:Vpc", "cidrBlock"));
        assertFalse(replaces("aws:ec2/vpc:Vpc", "tags.Name"));
        assertTrue(replaces("pulumi:providers:aws", "region"));
        assertTrue(replaces("aws:s3/bucketVersioningV2:BucketVersioningV2", "expectedBucketOwner"));
        assertFalse(replaces("aws:s3/bucketVersioningV2:BucketVersioningV2", "versioningConfiguration.status"));
        assertTrue(replaces("aws:eks/cluster:Cluster", "accessConfig.bootstrapClusterCreatorAdminPermissions"));
        assertFalse(replaces("aws:eks/cluster:Cluster", "accessConfig.authenticationMode"));
        assertFalse(replaces("aws:unknown/thing:Thing", "cidrBlock"), "a type without rules updates in place");
    }

    @Test
    void aPropertyCoversItsNestedPathsAndItemsButNotLongerNames() {
        assertTrue(replaces("aws:eks/nodeGroup:NodeGroup", "remoteAccess.ec2SshKey"));
        assertTrue(replaces("aws:eks/nodeGroup:NodeGroup", "subnetIds[0]"));
        assertFalse(replaces("aws:s3/bucketPolicy:BucketPolicy", "bucketOwner"));
        assertFalse(replaces("aws:s3/bucketPolicy:BucketPolicy", "policy"));
    }

    @Test
    void kubernetesNameAndNamespace() {
        assertTrue(replaces("kubernetes:apps/v1:Deployment", "metadata.name"));
        assertTrue(replaces("kubernetes:apps/v1:Deployment", "metadata.namespace"));
        assertFalse(replaces("kubernetes:apps/v1:Deployment", "metadata.labels.app"));
        assertFalse(replaces("kubernetes:apps/v1:Deployment", "spec.replicas"));
        assertFalse(replaces("platform:test:Thing", "metadata.name"));
    }

    @Test
    void theProgramsReplaceOnChanges() {
        assertTrue(replaces("platform:test:Thing", "anything.at.all", "*"));
        assertTrue(replaces("platform:test:Thing", "size", "other", "size"));
        assertTrue(replaces("platform:test:Thing", "spec[2]", "spec"));
        assertFalse(replaces("platform:test:Thing", "sizes", "size"));
        assertFalse(replaces("platform:test:Thing", "size"));
    }
}
