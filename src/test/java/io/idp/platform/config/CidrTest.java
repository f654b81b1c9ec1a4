package io.idp.platform.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class CidrTest {
    static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow();
    }

    @Test
    void parsesAndPrintsTheSameNetwork() {
        assertEquals("10.20.0.0/16", cidr("10.20.0.0/16").toString());
        assertEquals(65536, cidr("10.20.0.0/16").size());
    }

    @Test
    void rejectsMalformedAndHostBits() {
        assertTrue(Cidr.parse("10.0.0.0/33").isEmpty());
        assertTrue(Cidr.parse("10.0.0.256/24").isEmpty());
        assertTrue(Cidr.parse("10.0.0.1/16").isEmpty());
        assertTrue(Cidr.parse("10.0.0.0").isEmpty());
    }

    @Test
    void overlapAndContainment() {
        assertTrue(cidr("10.0.0.0/16").overlaps(cidr("10.0.128.0/17")));
        assertFalse(cidr("10.0.0.0/16").overlaps(cidr("10.1.0.0/16")));
        assertTrue(cidr("10.0.0.0/8").contains(cidr("10.200.0.0/16")));
        assertFalse(cidr("10.0.0.0/16").contains(cidr("10.0.0.0/8")));
    }

    @Test
    void carvesSubnetsInOrder() {
        var vpc = cidr("10.0.0.0/16");
        assertEquals("10.0.0.0/19", vpc.subnet(19, 0).toString());
        assertEquals("10.0.160.0/19", vpc.subnet(19, 5).toString());
        assertThrows(IllegalArgumentException.class, () -> vpc.subnet(19, 8));
    }

    @Test
    void privateRanges() {
        assertTrue(cidr("172.16.0.0/16").isPrivate());
        assertTrue(cidr("192.168.0.0/20").isPrivate());
        assertFalse(cidr("172.32.0.0/16").isPrivate());
    }
}
