package io.idp.platform.local.cloud;

import io.idp.platform.local.PlanException;

import java.util.ArrayList;
import java.util.Map;

/** Data-source calls (invokes) answered as the simulated account would. */
final class Invokes {
    private final Account account;
    private final Ids ids;

    Invokes(Account account, Ids ids) {
        this.account = account;
        this.ids = ids;
    }

    Map<String, Object> call(String token, Map<String, Object> args) {
        return switch (token) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of(
                    "accountId", account.accountId(),
                    "arn", account.globalArn("sts", "assumed-role/platform-deploy/offline-plan"),
                    "userId", "AROAOFFLINEPLAN:offline-plan",
                    "id", account.accountId());
            case "aws:index/getRegion:getRegion" -> Map.of(
                    "name", account.region(), "id", account.region(),
                    "endpoint", "ec2." + account.region() + ".amazonaws.com", "description", account.region());
            case "aws:index/getPartition:getPartition" -> Map.of(
                    "partition", "aws", "dnsSuffix", "amazonaws.com", "id", "aws", "reverseDnsPrefix", "com.amazonaws");
            case "aws:index/getAvailabilityZones:getAvailabilityZones" -> availabilityZones();
            case "cloudflare:index/getZone:getZone" -> CloudflareModels.existingZone(ids, args);
            case "cloudflare:index/getApiTokenPermissionGroupsList:getApiTokenPermissionGroupsList" ->
                    CloudflareModels.permissionGroups(args);
            case "github:index/getRepository:getRepository" -> GithubModels.existingRepository(ids, args);
            case "aws:secretsmanager/getSecretVersion:getSecretVersion" -> secretVersion(String.valueOf(args.get("secretId")));
            default -> throw new PlanException("the offline engine does not simulate the invoke " + token
                    + "; add it to " + Invokes.class.getName() + " or avoid the call");
        };
    }

    /**
     * A secret the platform stored: its value is a placeholder, since the offline engine has no
     * store; callers mark it secret, so it shows as [secret] like the real value would.
     */
    private Map<String, Object> secretVersion(String secretId) {
        var arn = secretId.startsWith("arn:") ? secretId : account.arn("secretsmanager", "secret:" + secretId + "-" + ids.hex(6, secretId));
        return Map.of("id", arn + "|AWSCURRENT", "arn", arn, "secretId", secretId,
                "secretString", "offline-placeholder-" + ids.hex(16, "secret", secretId),
                "versionId", ids.uuid("version", secretId), "versionStages", java.util.List.of("AWSCURRENT"),
                "createdDate", "2026-01-01T00:00:00Z", "secretBinary", "");
    }

    /** The region's zones as a new account sees them (AwsFacts), a, b, c...; zone ids follow AWS's use1-az1 shape. */
    private Map<String, Object> availabilityZones() {
        var names = new ArrayList<String>();
        var zoneIds = new ArrayList<String>();
        var code = account.region().replaceAll("([a-z])[a-z]*-([a-z])[a-z]*-(\\d)", "$1$2$3");
        int zones = io.idp.platform.config.AwsFacts.zones(account.region());
        for (int i = 0; i < zones; i++) {
            names.add(account.region() + (char) ('a' + i));
            zoneIds.add(code + "-az" + (i + 1));
        }
        return Map.of("names", names, "zoneIds", zoneIds, "id", account.region(), "state", "available");
    }
}
