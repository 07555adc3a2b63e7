package net.linuxha.common.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of argument values: the UTF-8 bytes of space, {@code %}, {@code =} and control characters
 * (0x00-0x1F, 0x7F) become {@code %XX} (uppercase hex); every other character, commas and non-ASCII included,
 * stays as it is, so that the Reference's {@code nodes=A,B} reads naturally. Decoding accepts either case of hex.
 */
final class ArgEscaping {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ArgEscaping() {
    }

    static boolean needsEscape(int b) {
        return b == ' ' || b == '%' || b == '=' || b < 0x20 || b == 0x7f;
    }

    static String escape(String value) {
        boolean plain = true;
        for (int i = 0; i < value.length() && plain; i++) {
            plain = !needsEscape(value.charAt(i));
        }
        if (plain) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (needsEscape(c)) {
                // All characters that need escaping are ASCII, so one byte each.
                out.append('%').append(HEX[c >>> 4]).append(HEX[c & 0x0f]);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Decodes one escaped token (no spaces in it).
     *
     * @throws WireFormatException naming the fault: a stray {@code %}, a raw control character or bad UTF-8
     */
    static String unescape(String token) throws WireFormatException {
        if (token.indexOf('%') < 0) {
            for (int i = 0; i < token.length(); i++) {
                if (needsEscape(token.charAt(i)) && token.charAt(i) != '=') {
                    throw controlChar(token, i);
                }
            }
            return token;
        }
        byte[] raw = token.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            int b = raw[i] & 0xff;
            if (b == '%') {
                int hi = i + 2 < raw.length ? Hex.nibble(raw[i + 1] & 0xff) : -1;
                int lo = i + 2 < raw.length ? Hex.nibble(raw[i + 2] & 0xff) : -1;
                if (hi < 0 || lo < 0) {
                    throw new WireFormatException(ParseError.Kind.MALFORMED_ARG, "'%' in '" + token
                            + "' must be followed by two hex digits (write a literal % as %25)");
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (b < 0x20 || b == 0x7f) {
                throw controlChar(token, i);
            } else {
                out.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new WireFormatException(ParseError.Kind.MALFORMED_ARG, "'" + token + "' decodes to bytes that are"
                    + " not UTF-8");
        }
    }

    private static WireFormatException controlChar(String token, int index) {
        return new WireFormatException(ParseError.Kind.MALFORMED_ARG, "raw control character in argument '"
                + token.replaceAll("\\p{Cntrl}", "?") + "' at " + index + "; escape it as %XX");
    }
}
