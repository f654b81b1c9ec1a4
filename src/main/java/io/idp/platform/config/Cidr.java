package io.idp.platform.config;

import java.util.Optional;
import java.util.regex.Pattern;

/** An IPv4 network in CIDR notation, with the arithmetic subnetting and overlap checks need. */
public record Cidr(long base, int prefix) {
    private static final Pattern SHAPE = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    /** Parses {@code a.b.c.d/n}; empty when malformed or when host bits are set (10.0.0.1/16). */
    public static Optional<Cidr> parse(String text) {
        var m = SHAPE.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return Optional.empty();
            }
            address = (address << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32) {
            return Optional.empty();
        }
        var cidr = new Cidr(address, prefix);
        return (address & ~cidr.mask() & 0xFFFFFFFFL) == 0 ? Optional.of(cidr) : Optional.empty();
    }

    public long mask() {
        // A long shifted by 32 keeps its bits above 32 only, so /0 needs no special case.
        return (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    public long size() {
        return 1L << (32 - prefix);
    }

    public long last() {
        return base + size() - 1;
    }

    public boolean overlaps(Cidr other) {
        return base <= other.last() && other.base <= last();
    }

    public boolean contains(Cidr other) {
        return base <= other.base && other.last() <= last();
    }

    /** True for the RFC 1918 private ranges, the only ones a VPC should use. */
    public boolean isPrivate() {
        return parse("10.0.0.0/8").orElseThrow().contains(this)
                || parse("172.16.0.0/12").orElseThrow().contains(this)
                || parse("192.168.0.0/16").orElseThrow().contains(this);
    }

    /** The index-th subnet of this network with the given longer prefix. */
    public Cidr subnet(int newPrefix, int index) {
        if (newPrefix < prefix || newPrefix > 32) {
            throw new IllegalArgumentException("cannot carve a /" + newPrefix + " from " + this);
        }
        long step = 1L << (32 - newPrefix);
        if ((index + 1) * step > size()) {
            throw new IllegalArgumentException(this + " has no room for subnet " + index + " of size /" + newPrefix);
        }
        return new Cidr(base + index * step, newPrefix);
    }

    @Override
    public String toString() {
        return ((base >> 24) & 255) + "." + ((base >> 16) & 255) + "." + ((base >> 8) & 255) + "." + (base & 255) + "/" + prefix;
    }
}
