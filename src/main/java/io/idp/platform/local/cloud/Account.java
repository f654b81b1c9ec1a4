package io.idp.platform.local.cloud;

/**
 * The simulated AWS account and region. The account id is AWS's documentation example account,
 * so nothing in a plan can be mistaken for a real account.
 */
public record Account(String accountId, String region) {
    public static final String SIMULATED_ACCOUNT_ID = "111122223333";

    public static Account simulated(String region) {
        return new Account(SIMULATED_ACCOUNT_ID, region);
    }

    public Account inRegion(String other) {
        return new Account(accountId, other);
    }

    public String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + accountId + ":" + resource;
    }

    /** ARNs of global services (IAM, S3) carry no region, IAM's still carries the account. */
    public String globalArn(String service, String resource) {
        return "arn:aws:" + service + "::" + accountId + ":" + resource;
    }
}
