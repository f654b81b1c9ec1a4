package io.idp.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Checks that a document carries a generated section whole: the section starts where the
 * generated text's first line stands, equals it character for character, and no stale table row
 * follows it. An empty generated text fails instead of passing as "contained".
 */
public final class GeneratedDocs {
    private GeneratedDocs() {
    }

    public static void assertCarries(Path doc, String generated, int minimumLines, String regenerate) throws IOException {
        assertTrue(generated.lines().count() >= minimumLines,
                "the generated section has " + generated.lines().count() + " lines, fewer than " + minimumLines + ":\n" + generated);
        var text = Files.readString(doc);
        var firstLine = generated.lines().findFirst().orElseThrow() + "\n";
        int start = text.startsWith(firstLine) ? 0 : text.indexOf("\n" + firstLine) + 1;
        assertTrue(start > 0 || text.startsWith(firstLine), doc + " has no generated section starting with " + firstLine + regenerate);
        assertEquals(-1, text.indexOf("\n" + firstLine, start), doc + " has the generated section twice");
        var section = text.substring(start, Math.min(text.length(), start + generated.length()));
        assertEquals(generated, section, doc + " is out of date: " + regenerate);
        var after = text.substring(start + generated.length());
        assertFalse(after.startsWith("|"), doc + " has table rows after the generated section: " + regenerate);
    }
}
