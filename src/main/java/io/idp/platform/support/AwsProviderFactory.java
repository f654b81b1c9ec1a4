package io.idp.platform.support;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import io.idp.platform.config.PlatformConfig;

import java.util.Map;
import java.util.TreeMap;

/**
 * The stack's explicit AWS provider: pinned to the stack's region and tagging every resource with
 * the platform's tags, so ownership is visible in the AWS console and cost reports.
 */
public final class AwsProviderFactory {
    private AwsProviderFactory() {
    }

    public static Map<String, String> tags(PlatformConfig config) {
        var tags = new TreeMap<>(config.tags());
        tags.put("platform/stack", config.stack());
        tags.put("platform/cluster", config.clusterName());
        tags.put("platform/role", config.role().configValue());
        tags.put("managed-by", "pulumi");
        return tags;
    }

    public static Provider create(PlatformConfig config) {
        return create(config, "aws", config.region());
    }

    /** A provider for another region of the same account (the recovery region), tagged alike. */
    public static Provider create(PlatformConfig config, String logicalName, String region) {
        return new Provider(logicalName, ProviderArgs.builder()
                .region(region)
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(tags(config)).build())
                .build());
    }
}
