package io.idp.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's peak resident memory (VmHWM), reported at exit when PLATFORM_REPORT_PEAK is set. */
public final class PeakMemory {
    public static final String ENV = "PLATFORM_REPORT_PEAK";
    public static final String PREFIX = "platform-peak-rss-kb=";

    private PeakMemory() {
    }

    public static void reportAtExitIfAsked() {
        if (System.getenv(ENV) != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println(PREFIX + peakKb())));
        }
    }

    static long peakKb() {
        try {
            for (var line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
