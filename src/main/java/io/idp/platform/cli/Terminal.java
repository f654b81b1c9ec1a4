package io.idp.platform.cli;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the output is printed to. Colour only on an interactive terminal, and never when NO_COLOR is
 * set (no-color.org). The width is {@code COLUMNS} when set, else the terminal's own (stty), else 80
 * columns: output that goes to a file or a pipe is laid out like a classic terminal, and
 * {@code COLUMNS=200} (or {@code --json}) gives wider or whole lines.
 */
final class Terminal {
    static final int DEFAULT_WIDTH = 80;

    private Terminal() {
    }

    static boolean colour() {
        var noColour = System.getenv("NO_COLOR");
        return System.console() != null && (noColour == null || noColour.isEmpty()) && !"dumb".equals(System.getenv("TERM"));
    }

    static int width(Map<String, String> env) {
        var columns = env.get("COLUMNS");
        if (columns != null) {
            try {
                int value = Integer.parseInt(columns.trim());
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // not a number: fall through to the terminal's own width
            }
        }
        return System.console() != null ? ttyWidth() : DEFAULT_WIDTH;
    }

    /** The terminal's width as stty reports it; the shell does not export COLUMNS to programs. */
    private static int ttyWidth() {
        try {
            var process = new ProcessBuilder("sh", "-c", "stty size < /dev/tty").redirectErrorStream(true).start();
            var text = new String(process.getInputStream().readAllBytes()).trim();
            if (process.waitFor(2, TimeUnit.SECONDS) && process.exitValue() == 0) {
                var parts = text.split("\\s+");
                int value = Integer.parseInt(parts[parts.length - 1]);
                return value > 0 ? value : DEFAULT_WIDTH;
            }
        } catch (Exception ignored) {
            // no stty, or no terminal after all
        }
        return DEFAULT_WIDTH;
    }
}
