package io.idp.platform.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The EKS support calendar ({@code eks-kubernetes-support.yaml}, from AWS's "Kubernetes version
 * lifecycle on EKS" page): which Kubernetes versions EKS offers and until when each is in standard
 * support. Configuration accepts only these versions; the policy judges them on the plan date.
 */
public final class KubernetesSupport {
    public static final String RESOURCE = "eks-kubernetes-support.yaml";
    /** How long before the end of standard support a plan starts warning. */
    public static final int WARNING_DAYS = 60;
    /** System property that fixes the plan date (ISO yyyy-mm-dd), for reproducible plans and tests. */
    public static final String PLAN_DATE_PROPERTY = "platform.planDate";
    /** The same as an environment variable, which reaches the program's own processes too. */
    public static final String PLAN_DATE_ENV = "PLATFORM_PLAN_DATE";

    /** One row of the calendar. */
    public record Release(String version, LocalDate released, LocalDate endOfStandardSupport, LocalDate endOfExtendedSupport) {
    }

    /** Where a version stands on a date. */
    public enum Standing { STANDARD, ENDING_SOON, EXTENDED, UNSUPPORTED, UNKNOWN }

    private static final List<Release> RELEASES = load();

    private KubernetesSupport() {
    }

    public static List<Release> releases() {
        return RELEASES;
    }

    public static List<String> versions() {
        return RELEASES.stream().map(Release::version).toList();
    }

    public static Optional<Release> release(String version) {
        return RELEASES.stream().filter(r -> r.version().equals(version)).findFirst();
    }

    /** The newest version in the calendar: the default for every cluster. */
    public static String newest() {
        return RELEASES.get(RELEASES.size() - 1).version();
    }

    public static Standing standing(String version, LocalDate on) {
        var release = release(version);
        if (release.isEmpty()) {
            return Standing.UNKNOWN;
        }
        var r = release.get();
        if (on.isAfter(r.endOfExtendedSupport())) {
            return Standing.UNSUPPORTED;
        }
        if (on.isAfter(r.endOfStandardSupport())) {
            return Standing.EXTENDED;
        }
        return ChronoUnit.DAYS.between(on, r.endOfStandardSupport()) <= WARNING_DAYS ? Standing.ENDING_SOON : Standing.STANDARD;
    }

    /**
     * The plan date's clock: fixed at {@value #PLAN_DATE_PROPERTY} (or {@value #PLAN_DATE_ENV}) when set
     * (the tests set it, so their verdicts do not change with the calendar), otherwise today in UTC.
     */
    public static Clock planClock() {
        return planClock(System.getProperty(PLAN_DATE_PROPERTY, System.getenv(PLAN_DATE_ENV)));
    }

    static Clock planClock(String fixed) {
        if (fixed == null || fixed.isBlank()) {
            return Clock.systemUTC();
        }
        return Clock.fixed(LocalDate.parse(fixed.trim()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), java.time.ZoneOffset.UTC);
    }

    /** True when {@code to} is more than one minor version after {@code from}: EKS upgrades one minor at a time. */
    public static boolean skipsAMinor(String from, String to) {
        return minor(to) - minor(from) > 1;
    }

    static int minor(String version) {
        var parts = version.split("\\.");
        if (parts.length != 2 || !parts[0].equals("1") || !parts[1].matches("\\d{1,3}")) {
            throw new IllegalArgumentException("not a Kubernetes minor version (1.N): " + version);
        }
        return Integer.parseInt(parts[1]);
    }

    @SuppressWarnings("unchecked")
    static List<Release> parse(Map<String, Object> document) {
        var rows = new ArrayList<Release>();
        for (var row : (List<Map<String, Object>>) document.get("versions")) {
            rows.add(new Release(String.valueOf(row.get("version")), date(row, "released"),
                    date(row, "endOfStandardSupport"), date(row, "endOfExtendedSupport")));
        }
        for (int i = 1; i < rows.size(); i++) {
            if (minor(rows.get(i).version()) != minor(rows.get(i - 1).version()) + 1) {
                throw new IllegalStateException(RESOURCE + ": versions must be consecutive minors, oldest first: " + rows.get(i).version());
            }
        }
        for (var row : rows) {
            if (!row.released().isBefore(row.endOfStandardSupport()) || !row.endOfStandardSupport().isBefore(row.endOfExtendedSupport())) {
                throw new IllegalStateException(RESOURCE + ": " + row.version() + " must be released before standard support ends, and that before extended support ends");
            }
        }
        return List.copyOf(rows);
    }

    private static LocalDate date(Map<String, Object> row, String key) {
        var value = row.get(key);
        if (value instanceof java.util.Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(String.valueOf(value));
    }

    private static List<Release> load() {
        try (var in = KubernetesSupport.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the program's resources");
            }
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(document);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }
}
