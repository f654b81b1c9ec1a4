package io.idp.platform.stacks;

import com.pulumi.core.Output;
import io.idp.platform.components.ClusterBackups;
import io.idp.platform.components.KarpenterInfrastructure;
import io.idp.platform.gitops.ClusterCapabilities;

/** A physical cluster's Karpenter and Velero facts for its templates: known settings first, resource names once they exist. */
final class Capabilities {
    private Capabilities() {
    }

    /** The facts with every resource name {@code pending}: enough to know the files' paths. */
    static ClusterCapabilities known(KarpenterInfrastructure karpenter, ClusterBackups backups) {
        var autoscaling = karpenter.autoscaling();
        var settings = backups.backups();
        var pending = GitopsFiles.PENDING;
        return new ClusterCapabilities(pending, pending, pending, karpenter.nodeVolumeGiB(), autoscaling.cpuLimit(),
                autoscaling.memoryLimit(), autoscaling.capacityTypeValues(), pending, pending, pending, settings.schedule(),
                settings.ttl());
    }

    /** The facts once the roles, queue, bucket and key exist. */
    static Output<ClusterCapabilities> complete(KarpenterInfrastructure karpenter, ClusterBackups backups) {
        var known = known(karpenter, backups);
        return Output.tuple(karpenter.controllerRoleArn(), karpenter.nodeRoleName(), karpenter.interruptionQueueName(),
                backups.roleArn(), backups.bucketName(), backups.keyArn())
                .applyValue(t -> known.withResources(t.t1, t.t2, t.t3, t.t4, t.t5, t.t6));
    }
}
