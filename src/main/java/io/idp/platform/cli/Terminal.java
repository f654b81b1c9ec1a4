package io.idp.platform.cli;

/** Colour only on an interactive terminal, and never when NO_COLOR is set (no-color.org). */
final class Terminal {
    private Terminal() {
    }

    static boolean colour() {
        var noColour = System.getenv("NO_COLOR");
        return System.console() != null && (noColour == null || noColour.isEmpty()) && !"dumb".equals(System.getenv("TERM"));
    }
}
