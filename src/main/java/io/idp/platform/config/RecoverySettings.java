package io.idp.platform.config;

import java.util.Optional;

import static io.idp.platform.config.ConfigKeys.RECOVERY_REGION;
import static io.idp.platform.config.ConfigKeys.SECRET_STORE_REGION;

/**
 * Disaster recovery: the region state and secrets are replicated to (management stacks), and the
 * region the clusters' External Secrets read from (any stack; empty means the management region).
 */
public record RecoverySettings(Optional<String> recoveryRegion, Optional<String> secretStoreRegion) {
    public static final RecoverySettings NONE = new RecoverySettings(Optional.empty(), Optional.empty());

    /** The region External Secrets reads from, given the secret store's own (management) region. */
    public String secretStoreRegion(String managementRegion) {
        return secretStoreRegion.orElse(managementRegion);
    }

    static Optional<RecoverySettings> read(ConfigReader reader, RawConfig raw, Role role, String region) {
        boolean ok = true;
        Optional<String> recovery = Optional.empty();
        if (role == Role.MANAGEMENT) {
            recovery = reader.text(RECOVERY_REGION).filter(value -> reader.check(RECOVERY_REGION, value,
                    Validators.AWS_REGIONS.contains(value), "is not an AWS commercial region")
                    && reader.check(RECOVERY_REGION, value, !value.equals(region),
                    "is the stack's own aws:region; a recovery region must be another one"));
            ok = raw.get(RECOVERY_REGION.name()).isEmpty() || recovery.isPresent();
        }
        var given = raw.get(SECRET_STORE_REGION.name()).filter(value -> !value.isBlank());
        var store = given.filter(value -> reader.check(SECRET_STORE_REGION, value,
                Validators.AWS_REGIONS.contains(value), "is not an AWS commercial region"));
        if (role == Role.MANAGEMENT && store.isPresent()) {
            var allowed = recovery.map(r -> region + " or " + r).orElse(region + " (set platform:recoveryRegion for another)");
            var fine = store.get().equals(region) || store.equals(recovery);
            store = store.filter(value -> reader.check(SECRET_STORE_REGION, value, fine,
                    "holds no copy of the secret store; allowed: " + allowed));
        }
        ok &= given.isEmpty() || store.isPresent();
        return ok ? Optional.of(new RecoverySettings(recovery, store)) : Optional.empty();
    }
}
