package io.idp.platform.support;

import java.util.List;
import java.util.Map;

/**
 * Read access to one path of the platform's secret store: the ARN pattern of the secrets under it,
 * and the policy statements that grant reading them and nothing else. One definition for every
 * role that reads the store (External Secrets of a cluster, a virtual cluster's host namespace).
 */
public final class SecretReadAccess {
    private SecretReadAccess() {
    }

    /**
     * The ARN pattern of every secret under {@code prefix}, in the account and region of the store's
     * key ({@code arn:aws:kms:<region>:<account>:key/<id>}). Secrets Manager appends six random
     * characters to each secret's ARN, hence the trailing wildcard.
     */
    public static String arnPattern(String storeKeyArn, String prefix) {
        var parts = storeKeyArn.split(":");
        return "arn:aws:secretsmanager:" + parts[3] + ":" + parts[4] + ":secret:" + prefix + "*";
    }

    /** Read the secrets under the pattern, and decrypt them with the store's key. */
    public static List<Map<String, Object>> statements(String secretsPattern, String storeKeyArn) {
        return List.of(
                PolicyDocuments.statement("ReadThisClustersSecrets", "Allow", null,
                        List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"), List.of(secretsPattern), null),
                PolicyDocuments.statement("DecryptWithTheStoreKey", "Allow", null, List.of("kms:Decrypt"), List.of(storeKeyArn), null));
    }
}
