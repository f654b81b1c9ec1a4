package io.idp.platform.config;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.idp.platform.config.PlatformConfigTest.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A value set with --secret is never printed, on any error path: a bad value of a checked key, a
 * secret key in the wrong role or unknown, a secure value that nothing uses, a token in plain text.
 */
class ConfigSecretMaskingTest {
    static final Set<String> SECRETS = Set.of("github:token", "cloudflare:apiToken", "platform:githubOAuthClientSecret");

    static ConfigException failure(Map<String, String> values, String... moreSecrets) {
        var secrets = new HashSet<>(SECRETS);
        secrets.addAll(List.of(moreSecrets));
        return assertThrows(ConfigException.class, () -> PlatformConfig.load("t", new RawConfig("Pulumi.t.yaml", values, secrets)));
    }

    static void assertMasked(ConfigException e, String key, String secretValue) {
        var error = e.errors().stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError(e.getMessage()));
        assertEquals("[secret]", error.value(), error.format());
        assertFalse(e.getMessage().contains(secretValue), e.getMessage());
        assertTrue(e.getMessage().contains(key + " = \"[secret]\": "), e.getMessage());
    }

    @Test
    void aSecureValueThatFailsItsCheckIsMasked() {
        var values = new HashMap<>(management());
        values.put("platform:domain", "v1:not-a-domain!");
        assertMasked(failure(values, "platform:domain"), "platform:domain", "v1:not-a-domain!");
        values = new HashMap<>(management());
        values.put("platform:availabilityZones", "v1:seven");
        assertMasked(failure(values, "platform:availabilityZones"), "platform:availabilityZones", "v1:seven");
        values = new HashMap<>(management());
        values.put("platform:tags", "v1:{broken");
        assertMasked(failure(values, "platform:tags"), "platform:tags", "v1:{broken");
    }

    @Test
    void aSecureValueInACallersOwnErrorIsMasked() {
        var values = new HashMap<>(management());
        values.put("platform:nodeInstanceTypes", "[\"m7g.large\",\"m6i.secretly\"]");
        assertMasked(failure(values, "platform:nodeInstanceTypes"), "platform:nodeInstanceTypes", "m6i.secretly");
        var vcluster = new HashMap<>(workload());
        vcluster.put("platform:clusterType", "vcluster");
        vcluster.put("platform:vpcCidr", "10.99.0.0/16");
        assertMasked(failure(vcluster, "platform:vpcCidr"), "platform:vpcCidr", "10.99.0.0/16");
    }

    @Test
    void aSecretKeyOfTheOtherRoleOrUnknownIsMasked() {
        var values = new HashMap<>(workload());
        values.put("github:token", "v1:cipher-in-a-workload");
        assertMasked(failure(values), "github:token", "v1:cipher-in-a-workload");
        values = new HashMap<>(management());
        values.put("platform:githubTokn", "v1:cipher-typo");
        var typo = failure(values, "platform:githubTokn");
        assertMasked(typo, "platform:githubTokn", "v1:cipher-typo");
        values = new HashMap<>(management());
        values.put("githb:token", "v1:cipher-namespace");
        assertMasked(failure(values, "githb:token"), "githb:token", "v1:cipher-namespace");
    }

    @Test
    void aPromotionTokenNothingUsesIsMasked() {
        var values = new HashMap<>(management());
        values.put("platform:appPromotionToken", "v1:cipher-promotion");
        assertMasked(failure(values, "platform:appPromotionToken"), "platform:appPromotionToken", "v1:cipher-promotion");
    }

    @Test
    void plainTextTokensAreMaskedToo() {
        for (var key : SECRETS) {
            var values = new HashMap<>(management());
            values.put(key, "ghp_plainTextToken123");
            var secrets = new HashSet<>(SECRETS);
            secrets.remove(key);
            var e = assertThrows(ConfigException.class, () -> PlatformConfig.load("t", new RawConfig("f", values, secrets)));
            assertMasked(e, key, "ghp_plainTextToken123");
            assertTrue(e.errors().get(0).problem().startsWith("is stored in plain text"), e.getMessage());
        }
    }

    @Test
    void aMissingSecretShowsTheCommandToSetIt() {
        var values = new HashMap<>(management());
        values.remove("cloudflare:apiToken");
        var error = failure(values).errors().get(0);
        assertEquals("cloudflare:apiToken = (not set): is required but not set\n      allowed: " + ConfigKeys.CLOUDFLARE_TOKEN.allowed()
                + "\n      example: " + ConfigKeys.CLOUDFLARE_TOKEN.example(), error.format());
        assertTrue(error.example().startsWith("pulumi config set --secret cloudflare:apiToken"), error.example());
    }

    @Test
    void secretValuesPrintAsTheMask() {
        var secret = new SecretValue("hunter2");
        assertEquals("[secret]", secret.toString());
        assertEquals("[secret]", String.valueOf(secret));
        assertNotNull(secret.output());
    }
}
