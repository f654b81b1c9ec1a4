package io.idp.platform.validation;

import io.idp.platform.gitops.Catalog;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The packaged reference data is what the generator makes from the shared reference data (../shared)
 * for the catalog's pins. Where ../shared is absent (a plain clone), the packaged data is what the checks
 * use and this comparison is skipped. {@code -Dreference.update=true} rewrites the packaged files.
 */
class ReferenceDataTest {
    static final Path SHARED = Path.of("../shared");
    static final Path PACKAGED = Path.of("src/main/resources");

    @Test
    void packagedDataIsGeneratedFromTheSharedDataAtTheCatalogsPins() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SHARED.resolve("charts")),
                "../shared (the platform's reference data) is absent; the packaged copy is used as is");
        var generated = ReferenceDataGenerator.generate(SHARED, Catalog.load(Path.of(".")));
        var drift = new ArrayList<String>();
        for (var entry : generated.entrySet()) {
            var file = PACKAGED.resolve(entry.getKey());
            if (Boolean.getBoolean("reference.update") && updates(entry.getKey())) {
                Files.createDirectories(file.getParent());
                Files.write(file, entry.getValue());
            } else if (!Files.isRegularFile(file) || !gunzip(Files.readAllBytes(file)).equals(gunzip(entry.getValue()))) {
                drift.add(entry.getKey());
            }
        }
        assertEquals(List.of(), drift, "packaged reference data differs from ../shared at the catalog's pins; regenerate with "
                + "mvn -B test -Dtest=ReferenceDataTest -Dreference.update=true");
    }

    @Test
    void everyPinnedChartHasDataOrIsNamedAsUnavailable() {
        var catalog = Catalog.load(Path.of("."));
        var missing = new ArrayList<String>();
        for (var tool : catalog.tools().values()) {
            if (ReferenceData.packaged().chart(tool.chart(), tool.version()).isEmpty() && !ReferenceData.UNAVAILABLE.containsKey(tool.chart())) {
                missing.add(tool.chart() + " " + tool.version());
            }
        }
        assertEquals(List.of(), missing, "charts pinned in the catalog without packaged reference data");
        var certManager = ReferenceData.packaged().chart("cert-manager", catalog.tool("cert-manager").version()).orElseThrow();
        assertTrue(certManager.crds().stream().anyMatch(c -> c.kind().equals("ClusterIssuer") && c.served().contains("v1")));
        assertTrue(certManager.values().has("crds"));
        assertTrue(ReferenceData.packaged().kubernetes().serves("networking.k8s.io/v1", "Ingress"));
        assertFalse(ReferenceData.packaged().kubernetes().serves("extensions/v1beta1", "Ingress"));
    }

    /** -Dreference.charts=a,b limits an update to those charts' files (another change may be moving the other pins). */
    private static boolean updates(String file) {
        var charts = System.getProperty("reference.charts", "");
        return charts.isBlank() || java.util.Arrays.stream(charts.split(","))
                .anyMatch(chart -> file.startsWith("reference/charts/" + chart.trim() + "/"));
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
