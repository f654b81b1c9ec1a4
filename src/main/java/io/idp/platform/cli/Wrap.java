package io.idp.platform.cli;

import java.util.ArrayList;
import java.util.List;

/** Wraps prose to a width at spaces; a word longer than the width is cut into pieces. */
final class Wrap {
    private Wrap() {
    }

    static List<String> lines(String text, int width) {
        int limit = Math.max(20, width);
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (var word : text.split(" ")) {
            while (word.length() > limit) {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, limit));
                word = word.substring(limit);
            }
            if (!line.isEmpty() && line.length() + 1 + word.length() > limit) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
