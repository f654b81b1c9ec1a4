package io.idp.platform.graph;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** Which picture format a --graph file name asks for. */
class GraphFormatTest {
    @Test
    void dotFilesAreDot() {
        assertEquals(Optional.of("dot"), GraphRenderer.format(Path.of("out/plan.dot")));
    }

    @Test
    void mmdAndMermaidFilesAreMermaid() {
        assertEquals(Optional.of("mermaid"), GraphRenderer.format(Path.of("plan.mmd")));
        assertEquals(Optional.of("mermaid"), GraphRenderer.format(Path.of("plan.mermaid")));
    }

    @Test
    void svgFilesAreSvg() {
        assertEquals(Optional.of("svg"), GraphRenderer.format(Path.of("plan.svg")));
    }

    @Test
    void otherExtensionsNameNoFormat() {
        assertEquals(Optional.empty(), GraphRenderer.format(Path.of("plan.svg.png")));
    }

    @Test
    void theRootHasNoFileNameAndSoNoFormat() {
        assertEquals(Optional.empty(), GraphRenderer.format(Path.of("/")));
    }
}
