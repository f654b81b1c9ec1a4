package io.idp.platform.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.idp.platform.config.PlatformConfigTest.*;
import static org.junit.jupiter.api.Assertions.*;

/** Values whose rules depend on the role or kind of the stack, and errors that must not be reported twice. */
class RoleDependentValuesTest {
    @Test
    void aNodeKeyInAVclusterStackIsReportedOnceAsAStrayKey() {
        var values = workload();
        values.remove("platform:vpcCidr");
        values.put("platform:clusterType", "vcluster");
        values.put("platform:nodeMinSize", "0");
        var error = only(values);
        assertEquals("platform:nodeMinSize", error.key());
        assertTrue(error.problem().startsWith("is not read by a vcluster workload stack"), error.problem());
    }

    @Test
    void environmentsAreStillCheckedWhenTheRoleIsUnknown() {
        var values = workload();
        values.put("platform:role", "worker");
        values.put("platform:environments", "production");
        var errors = errors(values);
        assertEquals(List.of("platform:role", "platform:environments"), errors.stream().map(ConfigError::key).toList());
        assertEquals("is not a list", errors.get(1).problem());
    }

    @Test
    void aWorkloadStackMayServeNoEnvironment() {
        var values = workload();
        values.put("platform:environments", "[]");
        assertEquals(List.of(), load(values).environments());
    }

    @Test
    void aManagementStackMustHaveEnvironments() {
        var values = management();
        values.put("platform:environments", "[]");
        var error = only(values);
        assertEquals("[]", error.value());
        assertTrue(error.problem().startsWith("is empty: the management stack owns the environments"), error.problem());
    }

    @Test
    void aManagementStackDefaultsToThreeEnvironments() {
        assertEquals(List.of("development", "staging", "production"), load(management()).environments());
    }

    @Test
    void aBadEnvironmentNameIsNamed() {
        var values = workload();
        values.put("platform:environments", "[\"Prod\"]");
        var error = only(values);
        assertEquals("Prod", error.value());
        assertEquals("is not an environment name", error.problem());
    }

    @Test
    void aFutureTokenExpiryIsKept() {
        var values = workload();
        values.put("platform:dnsTokenExpiresOn", "2999-12-31");
        assertEquals(java.util.Optional.of("2999-12-31"), load(values).dns().tokenExpiresOn());
    }

    @Test
    void applicationsNeedThePromotionTokenAndKeepIt() {
        var values = management();
        values.put("platform:applications", "[\"hello\"]");
        values.put("platform:appPromotionToken", "v1:cipher");
        var config = PlatformConfig.load("test", new RawConfig("Pulumi.test.yaml", values,
                java.util.Set.of("github:token", "cloudflare:apiToken", "platform:githubOAuthClientSecret", "platform:appPromotionToken")));
        assertEquals(List.of("hello"), config.managementSettings().applications());
        assertTrue(config.managementSettings().appPromotionToken().isPresent());
    }

    @Test
    void aPromotionTokenWithoutApplicationsIsRefusedMasked() {
        var values = management();
        values.put("platform:appPromotionToken", "v1:cipher");
        var error = only(values);
        assertEquals("platform:appPromotionToken", error.key());
        assertEquals(SecretValue.MASK, error.value());
        assertEquals("is set but platform:applications is empty: nothing uses it", error.problem());
    }

    @Test
    void anApplicationNamedTwiceIsRefused() {
        var values = management();
        values.put("platform:applications", "[\"hello\", \"hello\"]");
        values.put("platform:appPromotionToken", "v1:cipher");
        var e = assertThrows(ConfigException.class, () -> PlatformConfig.load("test", new RawConfig("Pulumi.test.yaml", values,
                java.util.Set.of("github:token", "cloudflare:apiToken", "platform:githubOAuthClientSecret", "platform:appPromotionToken"))));
        assertEquals(List.of("names an application twice"), e.errors().stream().map(ConfigError::problem).toList());
    }

    @Test
    void tooManyZonesForTheRegionIsNotAlsoCalledTooSmallAVpc() {
        var values = management();
        values.put("aws:region", "us-west-1");
        values.put("platform:vpcCidr", "10.0.0.0/22");
        assertEquals("platform:availabilityZones", only(values).key());
    }

    @Test
    void anInstanceTypeTypoSuggestsTheRealOne() {
        var values = management();
        values.put("platform:nodeInstanceTypes", "[\"m6i.lareg\"]");
        var error = only(values);
        assertEquals("m6i.lareg", error.value());
        assertEquals("is not an EC2 instance type; did you mean m6i.large?", error.problem());
    }

    @Test
    void anInstanceTypeNamedTwiceIsRefused() {
        var values = management();
        values.put("platform:nodeInstanceTypes", "[\"m6i.large\", \"m6i.large\"]");
        assertEquals("names an instance type twice", only(values).problem());
    }

    @Test
    void aBadAdminRoleArnIsNamed() {
        var values = management();
        values.put("platform:clusterAdminRoleArns", "[\"arn:aws:iam::111122223333:role/ok\", \"arn:aws:iam::1:user/x\"]");
        var error = only(values);
        assertEquals("arn:aws:iam::1:user/x", error.value());
        assertEquals("is not an IAM role ARN", error.problem());
    }

    @Test
    void aNodeKeyInAWorkloadStackOfUnknownKindIsNotChecked() {
        var values = workload();
        values.put("platform:clusterType", "vm");
        values.put("platform:nodeMinSize", "0");
        assertEquals("platform:clusterType", only(values).key());
    }

    @Test
    void aMisspelledProviderNamespaceSuggestsTheProviderKey() {
        var values = management();
        values.put("awz:region", "eu-west-1");
        assertEquals("is in no known namespace; did you mean aws:region?", only(values).problem());
    }

    @Test
    void aMisspelledNamespaceIsNotOfferedAKeyOfTheOtherRole() {
        var values = management();
        values.put("platfrom:managementStack", "mgmt");
        assertEquals("is in no known namespace", only(values).problem());
    }

    @Test
    void aValidCloudflareAccountKeepsTheManagementSettings() {
        var values = management();
        values.put("platform:cloudflareAccountId", "023e105f4ecef8ad9ca31a8372d0c353");
        assertEquals("example.com", load(values).managementSettings().domain());
    }
}
