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

    /** The same secrets' replicas: the pattern with the replica region in place of the store's. */
    public static String inRegion(String secretsPattern, String region) {
        var parts = secretsPattern.split(":", 5);
        return parts[0] + ":" + parts[1] + ":" + parts[2] + ":" + region + ":" + parts[4];
    }

    /** Read the secrets under the pattern, and decrypt them with the store's key. */
    public static List<Map<String, Object>> statements(String secretsPattern, String storeKeyArn) {
        return statements(List.of(secretsPattern), List.of(storeKeyArn));
    }

    /** Read the secrets under the patterns (the store's and its replicas'), decrypting with their keys. */
    public static List<Map<String, Object>> statements(List<String> secretsPatterns, List<String> keyArns) {
        return List.of(
                PolicyDocuments.statement("ReadThisClustersSecrets", "Allow", null,
                        List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"), secretsPatterns, null),
                PolicyDocuments.statement("DecryptWithTheStoreKey", "Allow", null, List.of("kms:Decrypt"), keyArns, null));
    }
}
