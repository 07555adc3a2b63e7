package net.linuxha.common.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strict hexadecimal for the wire: digits with either all-lowercase or all-uppercase letters, even length.
 *
 * <p>Mixed case is refused on purpose: flipping bit 5 of a letter turns {@code a} into {@code A}, and a decoder
 * that accepted both would let such a modified line through as the same message.
 */
final class Hex {

    private static final byte[] LOWER = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** Nibble value of an ASCII byte, -1 when not a hex digit. */
    private static final int[] VALUE = new int[256];
    /** 0 digit, 1 lowercase letter, 2 uppercase letter, 3 not hex. */
    private static final int[] CLASS = new int[256];

    static {
        Arrays.fill(VALUE, -1);
        Arrays.fill(CLASS, 3);
        for (int c = '0'; c <= '9'; c++) {
            VALUE[c] = c - '0';
            CLASS[c] = 0;
        }
        for (int c = 'a'; c <= 'f'; c++) {
            VALUE[c] = c - 'a' + 10;
            CLASS[c] = 1;
            VALUE[c - 32] = c - 'a' + 10;
            CLASS[c - 32] = 2;
        }
    }

    private Hex() {
    }

    /** Writes {@code length} bytes of {@code in} as lowercase hex into {@code out} at {@code outOffset}. */
    static void encode(byte[] in, int offset, int length, byte[] out, int outOffset) {
        for (int i = 0; i < length; i++) {
            int b = in[offset + i] & 0xff;
            out[outOffset + 2 * i] = LOWER[b >>> 4];
            out[outOffset + 2 * i + 1] = LOWER[b & 0x0f];
        }
    }

    static String encode(byte[] in) {
        byte[] out = new byte[in.length * 2];
        encode(in, 0, in.length, out, 0);
        return new String(out, StandardCharsets.US_ASCII);
    }

    /**
     * Why {@code in[offset, offset+length)} is not strict hex, or null when it is. Checked before decoding so that
     * the caller can name the fault.
     */
    static String violation(byte[] in, int offset, int length) {
        if ((length & 1) != 0) {
            return "odd length " + length;
        }
        int seen = 0;
        for (int i = 0; i < length; i++) {
            int cls = CLASS[in[offset + i] & 0xff];
            if (cls == 3) {
                return "byte 0x" + Integer.toHexString(in[offset + i] & 0xff) + " at position " + i + " is not hex";
            }
            seen |= 1 << cls;
        }
        if ((seen & 6) == 6) {
            return "mixed upper and lower case hex";
        }
        return null;
    }

    /** Decodes hex already checked by {@link #violation}. */
    static byte[] decode(byte[] in, int offset, int length) {
        byte[] out = new byte[length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (VALUE[in[offset + 2 * i] & 0xff] << 4 | VALUE[in[offset + 2 * i + 1] & 0xff]);
        }
        return out;
    }

    /** Value of one hex digit of either case, -1 if not a digit. */
    static int nibble(int c) {
        return c < 0 || c > 255 ? -1 : VALUE[c];
    }
}
