package net.linuxha.common.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The 448-bit Blowfish key every daemon and tool of a cluster shares, derived from {@code global.key} of
 * {@code clconf.xml} (Reference 7.2.1, 25.4).
 *
 * <p>Derivation: {@code SHA-512("linuxha wire key v1" || 0x00 || UTF-8(global.key))}, first 56 bytes. Hashing lets
 * a key of any length fill all 448 bits, and the label keeps these bytes apart from any other use of the same
 * secret. Both nodes derive the same bytes from the same {@code global.key}.
 */
public final class WireKey {

    static final int LENGTH = 56;
    private static final byte[] LABEL = "linuxha wire key v1\0".getBytes(StandardCharsets.US_ASCII);

    private final byte[] bytes;

    private WireKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Derives the key from the cluster's {@code global.key} text; refuses an empty one. */
    public static WireKey derive(String globalKey) {
        if (globalKey == null || globalKey.isEmpty()) {
            throw new IllegalArgumentException("global.key is empty: set <global><key> in clconf.xml to a secret"
                    + " shared by both nodes");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-512");
            sha.update(LABEL);
            byte[] digest = sha.digest(globalKey.getBytes(StandardCharsets.UTF_8));
            return new WireKey(Arrays.copyOf(digest, LENGTH));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 missing from this JVM", e);
        }
    }

    /** A copy of the 56 key bytes, for the cipher. */
    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        // Never print the secret, not even part of it.
        return "WireKey[448 bits]";
    }
}
