package io.idp.platform.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Five-field cron expressions as Velero's schedules read them (minute hour day-of-month month
 * day-of-week): {@code *}, numbers, ranges {@code a-b}, steps {@code /n} and comma lists, each
 * number within its field's range. Names (MON, JAN) and macros (@daily) are left out: one spelling
 * keeps schedules comparable across stack files.
 */
final class Cron {
    private static final String[] FIELDS = {"minute", "hour", "day of month", "month", "day of week"};
    private static final int[] MIN = {0, 0, 1, 1, 0};
    private static final int[] MAX = {59, 23, 31, 12, 6};
    private static final Pattern PART = Pattern.compile("(\\*|(\\d{1,2})(?:-(\\d{1,2}))?)(?:/(\\d{1,2}))?");

    private Cron() {
    }

    /** What is wrong with the expression, or empty when Velero would accept it. */
    static Optional<String> problem(String expression) {
        var fields = expression.trim().split("\\s+");
        if (fields.length != FIELDS.length) {
            return Optional.of("has " + fields.length + (fields.length == 1 ? " field" : " fields") + ", not the five of a cron schedule");
        }
        for (int i = 0; i < fields.length; i++) {
            for (var part : fields[i].split(",", -1)) {
                var match = PART.matcher(part);
                if (!match.matches()) {
                    return Optional.of("has '" + fields[i] + "' as its " + FIELDS[i] + ", which is not *, a number, a range or a step");
                }
                for (int group : new int[]{2, 3}) {
                    if (match.group(group) != null) {
                        int value = Integer.parseInt(match.group(group));
                        if (value < MIN[i] || value > MAX[i]) {
                            return Optional.of("has " + value + " as its " + FIELDS[i] + ", outside " + MIN[i] + "-" + MAX[i]);
                        }
                    }
                }
                if (match.group(3) != null && Integer.parseInt(match.group(3)) < Integer.parseInt(match.group(2))) {
                    return Optional.of("has the range " + part + " as its " + FIELDS[i] + ", which runs backwards");
                }
                if (match.group(4) != null && Integer.parseInt(match.group(4)) == 0) {
                    return Optional.of("has a step of 0 in its " + FIELDS[i]);
                }
            }
        }
        return Optional.empty();
    }
}
