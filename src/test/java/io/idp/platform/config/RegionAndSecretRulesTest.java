package io.idp.platform.config;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.idp.platform.config.PlatformConfigTest.*;
import static org.junit.jupiter.api.Assertions.*;

/** Zones per region, regions, waivers, Cloudflare and OIDC settings, and masking of values of keys set as secret. */
class RegionAndSecretRulesTest {
    private static final Set<String> SECRETS = Set.of("github:token", "cloudflare:apiToken", "platform:githubOAuthClientSecret");

    private static ConfigException failure(Map<String, String> values, Set<String> secrets) {
        return assertThrows(ConfigException.class, () -> PlatformConfig.load("test", new RawConfig("Pulumi.test.yaml", values, secrets)));
    }

    private static Set<String> secretsAnd(String key) {
        var secrets = new java.util.HashSet<>(SECRETS);
        secrets.add(key);
        return secrets;
    }

    @Test
    void moreZonesThanTheRegionHasAreRefusedWithTheRegionsCount() {
        var values = management();
        values.put("aws:region", "us-west-1");
        var error = only(values);
        assertEquals("platform:availabilityZones", error.key());
        assertEquals("3", error.value());
        assertEquals("is more than the 2 availability zones us-west-1 has; subnets would be placed in zones that do not exist",
                error.problem());
        assertEquals("at most 2 in us-west-1", error.allowed());
        assertEquals("platform:availabilityZones: 2", error.example());
    }

    @Test
    void asManyZonesAsTheRegionHasAreAccepted() {
        var values = management();
        values.put("aws:region", "us-west-1");
        values.put("platform:availabilityZones", "2");
        assertEquals(2, load(values).network().availabilityZones());
    }

    @Test
    void theZoneExampleIsCappedAtThree() {
        var values = management();
        values.put("aws:region", "us-west-2");
        values.put("platform:availabilityZones", "5");
        values.put("platform:vpcCidr", "10.0.0.0/16");
        var error = only(values);
        assertEquals("at most 4 in us-west-2", error.allowed());
        assertEquals("platform:availabilityZones: 3", error.example());
    }

    @Test
    void anUnknownRegionSuggestsTheNearestAndSkipsTheZoneCheck() {
        var values = management();
        values.put("aws:region", "us-east-7");
        values.put("platform:availabilityZones", "6");
        var error = only(values);
        assertEquals("aws:region", error.key());
        assertEquals("is not an AWS commercial region; did you mean us-east-1?", error.problem());
    }

    @Test
    void aZoneCountOfAKeySetAsSecretIsMasked() {
        var values = management();
        values.put("aws:region", "us-west-1");
        var error = failure(values, secretsAnd("platform:availabilityZones")).errors().get(0);
        assertEquals("platform:availabilityZones", error.key());
        assertEquals(SecretValue.MASK, error.value());
    }

    @Test
    void aBadValueOfAKeySetAsSecretIsMasked() {
        var values = management();
        values.put("platform:vpcCidr", "8.8.0.0/16");
        var e = failure(values, secretsAnd("platform:vpcCidr"));
        assertEquals(SecretValue.MASK, e.errors().get(0).value());
        assertEquals("is not a private (RFC 1918) range", e.errors().get(0).problem());
        assertFalse(e.getMessage().contains("8.8.0.0"), e.getMessage());
    }

    @Test
    void aCallerBuiltErrorOfAKeySetAsSecretIsMasked() {
        var values = management();
        values.put("platform:nodeDesiredSize", "9");
        var error = failure(values, secretsAnd("platform:nodeDesiredSize")).errors().get(0);
        assertEquals("platform:nodeDesiredSize", error.key());
        assertEquals(SecretValue.MASK, error.value());
        assertTrue(error.problem().startsWith("contradicts the node group's bounds"), error.problem());
    }

    @Test
    void aTokenInPlainTextNamesHowToSetIt() {
        var values = management();
        var e = failure(values, Set.of("cloudflare:apiToken", "platform:githubOAuthClientSecret"));
        var error = e.errors().get(0);
        assertEquals("is stored in plain text; it must be a secret (rotate this token: it has been exposed)", error.problem());
        assertEquals(ConfigKeys.GITHUB_TOKEN.allowed(), error.allowed());
        assertEquals("pulumi config set --secret github:token <token>", error.example());
    }

    @Test
    void aMissingTokenGivesTheCommandThatSetsIt() {
        var values = management();
        values.remove("cloudflare:apiToken");
        var error = only(values);
        assertEquals("cloudflare:apiToken", error.key());
        assertNull(error.value());
        assertEquals("is required but not set", error.problem());
        assertEquals("pulumi config set --secret cloudflare:apiToken <token>", error.example());
    }

    @Test
    void anEmptyPlainTokenIsReportedAsMissing() {
        var values = management();
        values.put("cloudflare:apiToken", " ");
        var error = failure(values, Set.of("github:token", "platform:githubOAuthClientSecret")).errors().get(0);
        assertEquals("cloudflare:apiToken", error.key());
        assertEquals("is required but not set", error.problem());
    }

    @Test
    void aWaiverIsNotCheckedAgainstTheRulesHere() {
        // Which rule ids exist is the policy package's check (PolicyWaiversTest).
        var values = management();
        values.put("platform:policyWaivers", "{\"CKV_AWS_3\": \"why\"}");
        assertEquals(Map.of("CKV_AWS_3", "why"), load(values).policyWaivers());
    }

    @Test
    void aWaiverWithoutReasonIsRefused() {
        var values = management();
        values.put("platform:policyWaivers", "{\"CKV_AWS_39\": \" \"}");
        var error = only(values);
        assertEquals("platform:policyWaivers", error.key());
        assertEquals("CKV_AWS_39", error.value());
        assertEquals("has no reason", error.problem());
    }

    @Test
    void aWaiverWithAReasonIsKept() {
        var values = management();
        values.put("platform:policyWaivers", "{\"CKV_AWS_39\": \"audited\"}");
        assertEquals(Map.of("CKV_AWS_39", "audited"), load(values).policyWaivers());
    }

    @Test
    void creatingAZoneNeedsACloudflareAccount() {
        var values = management();
        values.put("platform:dnsZoneCreate", "true");
        var error = only(values);
        assertEquals("platform:cloudflareAccountId", error.key());
        assertNull(error.value());
        assertEquals("is required when platform:dnsZoneCreate is true: a new zone belongs to an account", error.problem());
        assertEquals("platform:cloudflareAccountId: 023e105f4ecef8ad9ca31a8372d0c353", error.example());
    }

    @Test
    void aCreatedZoneBelongsToTheGivenAccount() {
        var values = management();
        values.put("platform:dnsZoneCreate", "true");
        values.put("platform:dnssec", "true");
        values.put("platform:cloudflareAccountId", "023e105f4ecef8ad9ca31a8372d0c353");
        var dns = load(values).dns();
        assertTrue(dns.createZone());
        assertTrue(dns.dnssec());
        assertEquals(java.util.Optional.of("023e105f4ecef8ad9ca31a8372d0c353"), dns.accountId());
    }

    @Test
    void aMalformedCloudflareAccountIsRefused() {
        var values = management();
        values.put("platform:cloudflareAccountId", "023E105F");
        var error = only(values);
        assertEquals("is not a Cloudflare account id", error.problem());
    }

    @Test
    void aMalformedOidcProviderArnIsRefused() {
        var values = management();
        values.put("platform:githubOidcProviderArn", "arn:aws:iam::111122223333:oidc-provider/example.com");
        var error = only(values);
        assertEquals("is not the ARN of a GitHub Actions OIDC provider", error.problem());
    }

    @Test
    void anExistingOidcProviderIsNamed() {
        var values = management();
        var arn = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";
        values.put("platform:githubOidcProviderArn", arn);
        assertEquals(java.util.Optional.of(arn), load(values).managementSettings().githubOidcProviderArn());
    }

    @Test
    void aTokenExpiryInThePastIsRefused() {
        var values = workload();
        values.put("platform:dnsTokenExpiresOn", "2020-01-01");
        assertEquals("is not in the future", only(values).problem());
    }

    @Test
    void aTokenExpiryThatIsNoDateIsRefused() {
        var values = workload();
        values.put("platform:dnsTokenExpiresOn", "next year");
        var error = only(values);
        assertEquals("next year", error.value());
        assertEquals("is not a date YYYY-MM-DD", error.problem());
    }

    @Test
    void aBadDnsTokenNetworkIsRefused() {
        var values = workload();
        values.put("platform:dnsTokenAllowedCidrs", "[\"10.0.0.1/8\"]");
        var error = only(values);
        assertEquals("10.0.0.1/8", error.value());
        assertEquals("is not an IPv4 CIDR with its host bits zero", error.problem());
    }
}
