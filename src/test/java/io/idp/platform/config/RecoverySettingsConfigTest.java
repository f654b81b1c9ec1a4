package io.idp.platform.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.idp.platform.config.PlatformConfigTest.*;
import static org.junit.jupiter.api.Assertions.*;

/** {@code platform:recoveryRegion} and {@code platform:secretStoreRegion}: where replicas live and where secrets are read. */
class RecoverySettingsConfigTest {
    static ConfigError error(List<ConfigError> errors, String key) {
        return errors.stream().filter(e -> e.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no error on " + key + " in " + errors));
    }

    @Test
    void unsetMeansOneRegionAndTheManagementRegionForSecrets() {
        var recovery = load(management()).recovery();
        assertEquals(Optional.empty(), recovery.recoveryRegion());
        assertEquals(Optional.empty(), recovery.secretStoreRegion());
        assertEquals("eu-west-1", recovery.secretStoreRegion("eu-west-1"));
        assertEquals(RecoverySettings.NONE, recovery);
    }

    @Test
    void aManagementStackNamesItsRecoveryRegionAndReadsSecretsFromEither() {
        var values = management();
        values.put("platform:recoveryRegion", "us-west-2");
        assertEquals(Optional.of("us-west-2"), load(values).recovery().recoveryRegion());
        values.put("platform:secretStoreRegion", "us-west-2");
        var recovery = load(values).recovery();
        assertEquals(Optional.of("us-west-2"), recovery.secretStoreRegion());
        assertEquals("us-west-2", recovery.secretStoreRegion("eu-west-1"), "the failover region wins over the management region");
        values.put("platform:secretStoreRegion", "eu-west-1");
        assertEquals(Optional.of("eu-west-1"), load(values).recovery().secretStoreRegion(), "its own region is always allowed");
    }

    @Test
    void aRecoveryRegionMustBeARealRegionOtherThanTheStacksOwn() {
        var values = management();
        values.put("platform:recoveryRegion", "eu-west-9");
        var error = only(values);
        assertEquals("platform:recoveryRegion", error.key());
        assertEquals("eu-west-9", error.value());
        assertEquals("is not an AWS commercial region", error.problem());
        assertEquals(ConfigKeys.RECOVERY_REGION.allowed(), error.allowed());
        values.put("platform:recoveryRegion", "eu-west-1");
        error = only(values);
        assertEquals("eu-west-1", error.value());
        assertEquals("is the stack's own aws:region; a recovery region must be another one", error.problem());
    }

    @Test
    void aSecretStoreRegionHoldingNoCopyIsRefusedNamingTheRegionsThatDo() {
        var values = management();
        values.put("platform:secretStoreRegion", "us-west-2");
        var error = only(values);
        assertEquals("platform:secretStoreRegion", error.key());
        assertEquals("us-west-2", error.value());
        assertEquals("holds no copy of the secret store; allowed: eu-west-1 (set platform:recoveryRegion for another)", error.problem());
        values.put("platform:recoveryRegion", "us-east-1");
        error = only(values);
        assertEquals("holds no copy of the secret store; allowed: eu-west-1 or us-east-1", error.problem());
        values.put("platform:secretStoreRegion", "mars-1");
        error = only(values);
        assertEquals("mars-1", error.value());
        assertEquals("is not an AWS commercial region", error.problem());
    }

    @Test
    void aBadRecoveryRegionAndABadSecretStoreRegionAreBothReported() {
        var values = management();
        values.put("platform:recoveryRegion", "nowhere");
        values.put("platform:secretStoreRegion", "elsewhere");
        var errors = errors(values);
        assertEquals(2, errors.size(), errors.toString());
        assertEquals("nowhere", error(errors, "platform:recoveryRegion").value());
        assertEquals("elsewhere", error(errors, "platform:secretStoreRegion").value());
    }

    @Test
    void aBlankSecretStoreRegionIsUnset() {
        var values = management();
        values.put("platform:secretStoreRegion", " ");
        assertEquals(Optional.empty(), load(values).recovery().secretStoreRegion());
    }

    @Test
    void aWorkloadStackReadsSecretsFromAnyRegionAndHasNoRecoveryRegion() {
        var values = workload();
        values.put("platform:secretStoreRegion", "eu-central-1");
        var recovery = load(values).recovery();
        assertEquals(Optional.of("eu-central-1"), recovery.secretStoreRegion(), "the management stack's regions are checked there");
        assertEquals(Optional.empty(), recovery.recoveryRegion());
        values.put("platform:secretStoreRegion", "eu-central-9");
        var error = only(values);
        assertEquals("platform:secretStoreRegion", error.key());
        assertEquals("is not an AWS commercial region", error.problem());
    }
}
