package io.idp.platform.config;

import java.util.Optional;

import static io.idp.platform.config.ConfigKeys.BACKUP_RETENTION_DAYS;
import static io.idp.platform.config.ConfigKeys.BACKUP_SCHEDULE;

/** Velero's backups of a physical cluster: when they run (cron, UTC) and how long each is kept. */
public record BackupSettings(int retentionDays, String schedule) {

    /** The retention as a Velero TTL ({@code 720h0m0s} for 30 days). */
    public String ttl() {
        return retentionDays * 24 + "h0m0s";
    }

    static Optional<BackupSettings> read(ConfigReader reader) {
        var days = reader.integer(BACKUP_RETENTION_DAYS, 1, 3650);
        var schedule = reader.text(BACKUP_SCHEDULE).map(String::trim).filter(value -> {
            var problem = Cron.problem(value);
            return reader.check(BACKUP_SCHEDULE, value, problem.isEmpty(), problem.orElse(""));
        });
        if (days.isEmpty() || schedule.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BackupSettings(days.get(), schedule.get()));
    }
}
