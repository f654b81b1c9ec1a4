package io.idp.platform.config;

import java.util.Optional;
import java.util.regex.Pattern;

import static io.idp.platform.config.ConfigKeys.METRICS_RETENTION;

/**
 * How long Prometheus keeps metrics on this cluster. The management cluster holds the fleet's
 * (every physical workload cluster remote-writes to it), so it keeps them long; a workload
 * cluster's copy only bridges an interruption of the link and local debugging, so it keeps them briefly.
 */
public record MetricsSettings(String retention) {
    public static final String MANAGEMENT_DEFAULT = "30d";
    public static final String WORKLOAD_DEFAULT = "2d";
    /** A Prometheus duration of one unit, as its --storage.tsdb.retention.time reads it. */
    private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,4})(h|d|w|y)");

    static Optional<MetricsSettings> read(ConfigReader reader, RawConfig raw, Role role) {
        var given = raw.get(METRICS_RETENTION.name()).filter(value -> !value.isBlank());
        var value = given.orElse(role == Role.MANAGEMENT ? MANAGEMENT_DEFAULT : WORKLOAD_DEFAULT).trim();
        var problem = problem(value);
        if (problem.isPresent()) {
            reader.error(METRICS_RETENTION, value, problem.get());
            return Optional.empty();
        }
        return Optional.of(new MetricsSettings(value));
    }

    /** Why a retention is refused: not a duration, or shorter than two hours (one TSDB block) or longer than ten years. */
    static Optional<String> problem(String value) {
        var matcher = DURATION.matcher(value);
        if (!matcher.matches()) {
            return Optional.of("is not a Prometheus duration of one unit (h, d, w or y)");
        }
        long hours = Long.parseLong(matcher.group(1)) * switch (matcher.group(2)) {
            case "h" -> 1;
            case "d" -> 24;
            case "w" -> 24 * 7;
            default -> 24 * 365;
        };
        if (hours < 2) {
            return Optional.of("is shorter than 2h, one block of Prometheus' storage");
        }
        if (hours > 24 * 365 * 10) {
            return Optional.of("is longer than 10y");
        }
        return Optional.empty();
    }
}
