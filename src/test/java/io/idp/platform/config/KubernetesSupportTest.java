package io.idp.platform.config;

import io.idp.platform.config.KubernetesSupport.Standing;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The EKS support calendar as packaged, and what it says about a version on a date. */
class KubernetesSupportTest {
    @Test
    void theCalendarCarriesTheDatesAwsPublishes() {
        assertEquals(List.of("1.31", "1.32", "1.33", "1.34", "1.35"), KubernetesSupport.versions());
        assertEquals("1.35", KubernetesSupport.newest());
        assertEquals(LocalDate.parse("2026-07-29"), KubernetesSupport.release("1.33").orElseThrow().endOfStandardSupport());
        assertEquals(LocalDate.parse("2026-12-02"), KubernetesSupport.release("1.34").orElseThrow().endOfStandardSupport());
        var newest = KubernetesSupport.release("1.35").orElseThrow();
        assertEquals(LocalDate.parse("2027-03-27"), newest.endOfStandardSupport());
        assertEquals(LocalDate.parse("2028-03-27"), newest.endOfExtendedSupport());
        assertTrue(KubernetesSupport.release("1.30").isEmpty());
        assertEquals(KubernetesSupport.versions(), Validators.SUPPORTED_KUBERNETES_VERSIONS, "configuration accepts the calendar's versions");
        assertEquals("1.35", ConfigKeys.KUBERNETES_VERSION.defaultValue());
    }

    @Test
    void standingOnADate() {
        assertEquals(Standing.STANDARD, KubernetesSupport.standing("1.35", LocalDate.parse("2027-01-25")));
        assertEquals(Standing.ENDING_SOON, KubernetesSupport.standing("1.35", LocalDate.parse("2027-01-26")));
        assertEquals(Standing.ENDING_SOON, KubernetesSupport.standing("1.35", LocalDate.parse("2027-03-27")));
        assertEquals(Standing.EXTENDED, KubernetesSupport.standing("1.35", LocalDate.parse("2027-03-28")));
        assertEquals(Standing.EXTENDED, KubernetesSupport.standing("1.35", LocalDate.parse("2028-03-27")));
        assertEquals(Standing.UNSUPPORTED, KubernetesSupport.standing("1.35", LocalDate.parse("2028-03-28")));
        assertEquals(Standing.UNKNOWN, KubernetesSupport.standing("1.29", LocalDate.parse("2026-01-01")));
    }

    @Test
    void upgradesGoOneMinorAtATime() {
        assertFalse(KubernetesSupport.skipsAMinor("1.33", "1.34"));
        assertFalse(KubernetesSupport.skipsAMinor("1.34", "1.34"));
        assertFalse(KubernetesSupport.skipsAMinor("1.35", "1.34"), "a downgrade is not a skip (EKS refuses it on its own)");
        assertTrue(KubernetesSupport.skipsAMinor("1.33", "1.35"));
        assertThrows(IllegalArgumentException.class, () -> KubernetesSupport.minor("2.1"));
        assertThrows(IllegalArgumentException.class, () -> KubernetesSupport.minor("1.x"));
        assertThrows(IllegalArgumentException.class, () -> KubernetesSupport.minor("1"));
    }

    @Test
    void thePlanDateIsFixedWhenGiven() {
        assertEquals(LocalDate.parse("2027-02-01"), LocalDate.now(KubernetesSupport.planClock("2027-02-01")));
        assertEquals(LocalDate.now(java.time.ZoneOffset.UTC), LocalDate.now(KubernetesSupport.planClock(" ")));
        assertEquals(LocalDate.now(java.time.ZoneOffset.UTC), LocalDate.now(KubernetesSupport.planClock(null)));
    }

    @Test
    void aCalendarWithAGapOrDatesOutOfOrderIsRejected() {
        var gap = Map.<String, Object>of("versions", List.of(
                Map.of("version", "1.31", "released", "2024-09-26", "endOfStandardSupport", "2025-11-26", "endOfExtendedSupport", "2026-11-26"),
                Map.of("version", "1.33", "released", "2025-05-29", "endOfStandardSupport", "2026-07-29", "endOfExtendedSupport", "2027-07-29")));
        assertTrue(assertThrows(IllegalStateException.class, () -> KubernetesSupport.parse(gap)).getMessage().contains("consecutive minors"));
        var backwards = Map.<String, Object>of("versions", List.of(
                Map.of("version", "1.31", "released", "2024-09-26", "endOfStandardSupport", "2026-11-26", "endOfExtendedSupport", "2025-11-26")));
        assertTrue(assertThrows(IllegalStateException.class, () -> KubernetesSupport.parse(backwards)).getMessage().contains("1.31 must be released"));
        var released = Map.<String, Object>of("versions", List.of(
                Map.of("version", "1.31", "released", "2025-11-26", "endOfStandardSupport", "2025-11-26", "endOfExtendedSupport", "2026-11-26")));
        assertThrows(IllegalStateException.class, () -> KubernetesSupport.parse(released));
    }
}
