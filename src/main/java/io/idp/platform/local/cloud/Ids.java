package io.idp.platform.local.cloud;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic identifiers: the same stack, type and name always get the same id, so two plans in
 * a row agree and a diff shows only what the program changed.
 */
public final class Ids {
    private static final String ALNUM_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final String seed;

    public Ids(String seed) {
        this.seed = seed;
    }

    /** Lowercase hex of the given length derived from the parts. */
    public String hex(int length, String... parts) {
        var digest = digest(parts);
        var text = new StringBuilder();
        for (int i = 0; text.length() < length; i++) {
            text.append(String.format("%02x", digest[i % digest.length] & 0xff));
        }
        return text.substring(0, length);
    }

    /** Uppercase base-32 characters, as in IAM unique ids. */
    public String upper(int length, String... parts) {
        var digest = digest(parts);
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(ALNUM_UPPER.charAt((digest[i % digest.length] & 0xff) % ALNUM_UPPER.length()));
        }
        return text.toString();
    }

    /** A UUID-shaped id (KMS key ids, provider ids). */
    public String uuid(String... parts) {
        var h = hex(32, parts);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a" + h.substring(17, 20) + "-" + h.substring(20, 32);
    }

    /** A number in [0, bound) derived from the parts. */
    public int number(int bound, String... parts) {
        var digest = digest(parts);
        int value = ((digest[0] & 0x7f) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8) | (digest[3] & 0xff);
        return value % bound;
    }

    private byte[] digest(String... parts) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            sha.update(seed.getBytes(StandardCharsets.UTF_8));
            for (var part : parts) {
                sha.update((byte) 0);
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
