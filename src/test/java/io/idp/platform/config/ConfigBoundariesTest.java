package io.idp.platform.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.idp.platform.config.PlatformConfigTest.*;
import static org.junit.jupiter.api.Assertions.*;

/** Every numeric range at its edges, the VPC size rule at its limit, the did-you-mean tolerance, and each reader's errors. */
class ConfigBoundariesTest {
    /** A management stack in a region with six availability zones, so zone counts up to six are real. */
    static Map<String, String> sixZones() {
        var values = new java.util.HashMap<>(PlatformConfigTest.management());
        values.put("aws:region", "us-east-1");
        return values;
    }

    static Map<String, String> with(Map<String, String> values, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return values;
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "platform:availabilityZones, 2, 6, platform:vpcCidr, 10.0.0.0/16",
            "platform:nodeMinSize, 1, 3, , ",
            "platform:nodeMaxSize, 3, 100, , ",
            "platform:nodeDesiredSize, 2, 6, , "})
    void integersAreAcceptedAtTheirBoundsAndRefusedJustOutside(String key, int low, int high, String extraKey, String extraValue) {
        var lowest = key.equals("platform:availabilityZones") ? 2 : 1;
        var highest = key.equals("platform:availabilityZones") ? 6 : 100;
        if (extraKey != null) {
            assertEquals(low, load(with(sixZones(), key, String.valueOf(low), extraKey, extraValue)).network().availabilityZones());
            assertEquals(high, load(with(sixZones(), key, String.valueOf(high), extraKey, extraValue)).network().availabilityZones());
        } else {
            load(with(sixZones(), key, String.valueOf(low)));
            load(with(sixZones(), key, String.valueOf(high)));
        }
        for (var outside : List.of(lowest - 1, highest + 1)) {
            var values = with(sixZones(), key, String.valueOf(outside));
            if (extraKey != null) {
                values.put(extraKey, extraValue);
            }
            var errors = errors(values);
            var error = errors.stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow();
            assertEquals(String.valueOf(outside), error.value());
            assertEquals("is out of range", error.problem());
        }
    }

    @Test
    void nodeSizesUpToAHundred() {
        var config = load(with(sixZones(), "platform:nodeMinSize", "100", "platform:nodeDesiredSize", "100", "platform:nodeMaxSize", "100"));
        assertEquals(100, config.cluster().nodeMinSize());
        assertEquals(100, config.cluster().nodeDesiredSize());
        assertEquals(100, config.cluster().nodeMaxSize());
        var lowest = load(with(sixZones(), "platform:nodeMinSize", "1", "platform:nodeDesiredSize", "1", "platform:nodeMaxSize", "1"));
        assertEquals(1, lowest.cluster().nodeMinSize());
        assertEquals(1, lowest.cluster().nodeMaxSize());
        assertEquals(List.of("platform:nodeMinSize"), errors(with(sixZones(), "platform:nodeMinSize", "0")).stream().map(ConfigError::key).toList());
        assertEquals(List.of("platform:nodeMaxSize"), errors(with(sixZones(), "platform:nodeMaxSize", "101")).stream().map(ConfigError::key).toList());
        assertEquals(4, load(with(sixZones(), "platform:nodeMaxSize", " 4 ")).cluster().nodeMaxSize(), "a number is read trimmed");
    }

    @Test
    void desiredSizeMustLieBetweenMinAndMax() {
        assertEquals(5, load(with(sixZones(), "platform:nodeMinSize", "5", "platform:nodeDesiredSize", "5", "platform:nodeMaxSize", "5")).cluster().nodeDesiredSize());
        var above = only(with(sixZones(), "platform:nodeDesiredSize", "7"));
        assertEquals("contradicts the node group's bounds: min 2, desired 7, max 6", above.problem());
        assertEquals("platform:nodeMinSize <= platform:nodeDesiredSize <= platform:nodeMaxSize", above.allowed());
    }

    @Test
    void theVpcMustHoldTwoSubnetsOfAtLeastSlash24PerZone() {
        assertEquals(2, load(with(sixZones(), "platform:vpcCidr", "10.0.0.0/22", "platform:availabilityZones", "2")).network().availabilityZones());
        assertEquals(4, load(with(sixZones(), "platform:vpcCidr", "10.0.0.0/21", "platform:availabilityZones", "4")).network().availabilityZones());
        var five = only(with(sixZones(), "platform:vpcCidr", "10.0.0.0/21", "platform:availabilityZones", "5"));
        assertEquals("is too small for 5 availability zones (each zone needs a public and a private subnet of at least /24)", five.problem());
        assertEquals("10.0.0.0/21", five.value());
        assertEquals(6, load(with(sixZones(), "platform:vpcCidr", "10.0.0.0/20", "platform:availabilityZones", "6")).network().availabilityZones());
    }

    @Test
    void vpcPrefixFromSixteenToTwentyTwo() {
        assertEquals(16, load(with(sixZones(), "platform:vpcCidr", "10.0.0.0/16")).network().vpcCidr().prefix());
        assertEquals("has prefix /15, outside /16 to /22", only(with(sixZones(), "platform:vpcCidr", "10.0.0.0/15")).problem());
        assertEquals("has prefix /23, outside /16 to /22", only(with(sixZones(), "platform:vpcCidr", "10.0.0.0/23")).problem());
        assertEquals("is not an IPv4 CIDR with its host bits zero", only(with(sixZones(), "platform:vpcCidr", "10.0.0.1/16")).problem());
    }

    @Test
    void didYouMeanToleratesAThirdOfTheNameAndAtLeastTwoEdits() {
        assertEquals(3, Validators.editDistance("kitten", "sitting"));
        assertEquals(3, Validators.editDistance("", "abc"));
        assertEquals(3, Validators.editDistance("abc", ""));
        assertEquals(1, Validators.editDistance("abc", "abd"));
        assertEquals(0, Validators.editDistance("same", "same"));
        assertEquals(1, Validators.editDistance("ab", "ba"), "a swap of two neighbours is one edit");
        // Up to 5 characters one edit is tolerated, up to 12 two, longer names three.
        assertEquals("abcdx", Validators.closest("abcde", List.of("abcdx")).orElseThrow());
        assertTrue(Validators.closest("abcde", List.of("abcxy")).isEmpty());
        assertEquals("abcdefghijxy", Validators.closest("abcdefghijkl", List.of("abcdefghijxy")).orElseThrow());
        assertTrue(Validators.closest("abcdefghijkl", List.of("abcdefghixyz")).isEmpty());
        assertEquals("abcdefghijkxyz", Validators.closest("abcdefghijklmn", List.of("abcdefghijkxyz")).orElseThrow());
        assertTrue(Validators.closest("abcdefghijklmn", List.of("abcdefghijwxyz")).isEmpty());
        assertEquals("first", Validators.closest("firsu", List.of("first", "firsv")).orElseThrow(), "a tie keeps the first candidate");
        assertEquals("Closer", Validators.closest("closer", List.of("cluster", "Closer")).orElseThrow(), "case does not count");
        assertTrue(Validators.closest("anything", List.of()).isEmpty());
    }

    @Test
    void readersNameEachShapeProblem() {
        assertEquals("is not true or false", only(with(sixZones(), "platform:protect", "yes")).problem());
        assertFalse(load(with(sixZones(), "platform:protect", " false ")).protect());
        assertEquals("is not a YAML list or map", only(with(sixZones(), "platform:tags", "{broken")).problem());
        assertEquals("is not a map of names to values", only(with(sixZones(), "platform:tags", "[1]")).problem());
        assertEquals("entry 'team' is not a plain value", only(with(sixZones(), "platform:tags", "{\"team\":{\"a\":1}}")).problem());
        assertEquals(Map.of("team", "platform", "cost", "1"), load(with(sixZones(), "platform:tags", "{\"team\":\"platform\",\"cost\":1}")).tags());
        assertEquals("holds an entry that is not a plain value: [\"a\"]", only(with(workload(), "platform:environments", "[[\"a\"]]")).problem());
        assertEquals("is not one of the allowed values", only(with(sixZones(), "platform:natGateways", "many")).problem());
        assertEquals(NetworkSettings.NatGateways.SINGLE, load(with(sixZones(), "platform:natGateways", "single")).network().natGateways());
        assertEquals("is not one of the allowed values", only(with(sixZones(), "platform:observability", "nagios")).problem());
        assertEquals(Observability.DATADOG, load(with(sixZones(), "platform:observability", "datadog")).observability());
        assertEquals("is not one of the allowed values", only(with(sixZones(), "platform:nodeAmiFamily", "ubuntu")).problem());
        assertEquals(ClusterSettings.AmiFamily.BOTTLEROCKET, load(with(sixZones(), "platform:nodeAmiFamily", "bottlerocket")).cluster().nodeAmiFamily());
    }

    @Test
    void blankValuesAreUnset() {
        assertEquals(List.of("development", "staging", "production"), load(with(sixZones(), "platform:environments", "  ")).environments());
        assertEquals(List.of(), load(with(workload(), "platform:environments", "")).environments());
        assertEquals("is required but not set", only(with(sixZones(), "platform:domain", " ")).problem());
        var unsetSecret = new java.util.HashMap<>(sixZones());
        unsetSecret.remove("github:token");
        var e = assertThrows(ConfigException.class, () -> PlatformConfig.load("t", new RawConfig("f", unsetSecret,
                Set.of("cloudflare:apiToken", "platform:githubOAuthClientSecret"))));
        assertEquals(List.of("github:token is required but not set"), e.errors().stream().map(x -> x.key() + " " + x.problem()).toList());
    }
}
