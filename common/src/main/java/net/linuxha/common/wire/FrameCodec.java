package net.linuxha.common.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.engines.BlowfishEngine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CBCModeCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * Turns a request or answer text into one line on the wire and back (Reference 25.4, hardened).
 *
 * <pre>
 * Line on the wire (US-ASCII), hex of IV followed by hex of ciphertext, then LF:
 *
 * +------------------+-----------------------------------------+------+
 * | IV               | CIPHERTEXT                              | 0x0A |
 * | 16 hex chars     | 16 * k hex chars, k &gt;= 1               |  LF  |
 * | (8 random bytes) | Blowfish-448-CBC(IV, PKCS#7(PLAINTEXT)) |      |
 * +------------------+-----------------------------------------+------+
 *   all lowercase or all uppercase hex, even length, at most maxLineLength chars before the LF
 *
 * PLAINTEXT (UTF-8), fields separated by commas:
 *
 * +-------------+---+------+---+-------------+---+-------------+---+----------------------------+
 * | DIGEST      | , | KIND | , | TIMESTAMP   | , | NONCE       | , | BODY                       |
 * | 32 hex (lc) |   | Q, A |   | decimal ms  |   | 16 hex (lc) |   | REQUEST arg=val ... / text |
 * +-------------+---+------+---+-------------+---+-------------+---+----------------------------+
 *   DIGEST = MD5 of every plaintext byte after the first comma, compared in constant time
 *   KIND   = Q request, A answer; an answer repeats the NONCE of its request
 * </pre>
 *
 * <p>A codec keeps cipher and digest state to avoid the Blowfish key schedule per message, so an instance is
 * for one thread at a time (one Netty channel, one client). Decoding never throws: every fault is a
 * {@link FrameResult.Rejected}. Padding and digest faults are reported as one reason, so that a peer cannot
 * tell them apart (no padding oracle).
 */
public final class FrameCodec {

    static final int BLOCK = 8;
    private static final int DIGEST_HEX = 32;
    private static final int NONCE_HEX = 16;
    /** Shortest line: IV plus one cipher block. */
    private static final int MIN_BYTES = 2 * BLOCK;

    private final WireContext context;
    private final CBCModeCipher encryptor;
    private final CBCModeCipher decryptor;
    private final MessageDigest md5;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    FrameCodec(WireContext context) {
        this.context = context;
        KeyParameter key = new KeyParameter(context.key().bytes());
        this.encryptor = CBCBlockCipher.newInstance(new BlowfishEngine());
        this.decryptor = CBCBlockCipher.newInstance(new BlowfishEngine());
        // The key schedule runs once here; per message only the IV changes.
        encryptor.init(true, new ParametersWithIV(key, new byte[BLOCK]));
        decryptor.init(false, new ParametersWithIV(key, new byte[BLOCK]));
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 missing from this JVM", e);
        }
    }

    public WireContext context() {
        return context;
    }

    /** A fresh random nonce for a request. */
    public long newNonce() {
        return context.random().nextLong();
    }

    /**
     * The line (with its LF) that carries {@code body}.
     *
     * @throws IllegalArgumentException if the line would exceed {@link WireSettings#maxLineLength()}
     */
    public byte[] encode(FrameKind kind, long nonce, String body) {
        byte[] text = body.getBytes(StandardCharsets.UTF_8);
        byte[] time = Long.toString(context.clock().millis()).getBytes(StandardCharsets.US_ASCII);
        int plainLength = DIGEST_HEX + 1 + 1 + 1 + time.length + 1 + NONCE_HEX + 1 + text.length;
        int padding = BLOCK - plainLength % BLOCK;
        int lineLength = 2 * (BLOCK + plainLength + padding);
        if (lineLength > context.settings().maxLineLength()) {
            throw new IllegalArgumentException("message of " + text.length + " bytes needs a line of " + lineLength
                    + " hex characters, over maxLineLength " + context.settings().maxLineLength());
        }
        byte[] buf = new byte[BLOCK + plainLength + padding];
        int p = BLOCK + DIGEST_HEX;
        buf[p++] = ',';
        buf[p++] = (byte) kind.code();
        buf[p++] = ',';
        System.arraycopy(time, 0, buf, p, time.length);
        p += time.length;
        buf[p++] = ',';
        writeNonce(nonce, buf, p);
        p += NONCE_HEX;
        buf[p++] = ',';
        System.arraycopy(text, 0, buf, p, text.length);
        md5.update(buf, BLOCK + DIGEST_HEX + 1, plainLength - DIGEST_HEX - 1);
        Hex.encode(md5.digest(), 0, 16, buf, BLOCK);
        for (int i = BLOCK + plainLength; i < buf.length; i++) {
            buf[i] = (byte) padding;
        }
        byte[] iv = new byte[BLOCK];
        context.random().nextBytes(iv);
        System.arraycopy(iv, 0, buf, 0, BLOCK);
        encryptor.init(true, new ParametersWithIV(null, iv));
        for (int off = BLOCK; off < buf.length; off += BLOCK) {
            encryptor.processBlock(buf, off, buf, off);
        }
        byte[] line = new byte[lineLength + 1];
        Hex.encode(buf, 0, buf.length, line, 0);
        line[lineLength] = '\n';
        return line;
    }

    /** Checks and decrypts one line given without its line feed (a trailing CR is not stripped here). */
    public FrameResult decode(byte[] line) {
        return decode(line, 0, line.length);
    }

    /** As {@link #decode(byte[])} for {@code line[offset, offset+length)}. */
    public FrameResult decode(byte[] line, int offset, int length) {
        if (length > context.settings().maxLineLength()) {
            return FrameResult.reject(RejectReason.TOO_LONG, length + " > " + context.settings().maxLineLength());
        }
        String hexFault = Hex.violation(line, offset, length);
        if (hexFault != null) {
            return FrameResult.reject((length & 1) != 0 ? RejectReason.ODD_LENGTH : RejectReason.NOT_HEX, hexFault);
        }
        int size = length / 2;
        if (size < MIN_BYTES || size % BLOCK != 0) {
            return FrameResult.reject(RejectReason.BAD_LENGTH, size + " bytes");
        }
        byte[] buf = Hex.decode(line, offset, length);
        decryptor.init(false, new ParametersWithIV(null, buf, 0, BLOCK));
        for (int off = BLOCK; off < buf.length; off += BLOCK) {
            decryptor.processBlock(buf, off, buf, off);
        }
        int plainLength = unpaddedLength(buf);
        boolean intact = plainLength >= 0;
        if (!intact) {
            plainLength = buf.length - BLOCK;
        }
        intact &= digestMatches(buf, plainLength);
        if (!intact) {
            return FrameResult.reject(RejectReason.NOT_VERIFIED, "");
        }
        return parsePlaintext(buf, BLOCK + DIGEST_HEX + 1, BLOCK + plainLength);
    }

    /** Plaintext length after removing PKCS#7 padding, -1 if the padding is wrong; no early exit on content. */
    private static int unpaddedLength(byte[] buf) {
        int pad = buf[buf.length - 1] & 0xff;
        int bad = pad < 1 || pad > BLOCK ? 1 : 0;
        for (int i = 1; i <= BLOCK; i++) {
            int b = buf[buf.length - i] & 0xff;
            bad |= (i <= pad && b != pad) ? 1 : 0;
        }
        return bad == 0 ? buf.length - BLOCK - pad : -1;
    }

    private boolean digestMatches(byte[] buf, int plainLength) {
        // A plaintext too short to hold the digest still goes through the same steps, so that every refusal
        // here costs about the same; out-of-range positions read as a non-hex byte.
        boolean layout = plainLength > DIGEST_HEX && buf[BLOCK + DIGEST_HEX] == ',';
        byte[] claimed = new byte[16];
        for (int i = 0; i < 16; i++) {
            int hi = lowerNibble(byteAt(buf, BLOCK + 2 * i));
            int lo = lowerNibble(byteAt(buf, BLOCK + 2 * i + 1));
            layout &= hi >= 0 && lo >= 0;
            claimed[i] = (byte) (hi << 4 | lo & 0x0f);
        }
        int from = BLOCK + DIGEST_HEX + 1;
        md5.update(buf, Math.min(from, BLOCK + plainLength), Math.max(0, plainLength - DIGEST_HEX - 1));
        byte[] actual = md5.digest();
        return MessageDigest.isEqual(claimed, actual) & layout;
    }

    private static byte byteAt(byte[] buf, int index) {
        return index < buf.length ? buf[index] : (byte) 'x';
    }

    private static int lowerNibble(byte b) {
        return b >= '0' && b <= '9' ? b - '0' : b >= 'a' && b <= 'f' ? b - 'a' + 10 : -1;
    }

    /** Parses KIND,TIMESTAMP,NONCE,BODY from {@code buf[from, to)}, after the digest has matched. */
    private FrameResult parsePlaintext(byte[] buf, int from, int to) {
        if (to - from < 2 + 2 + NONCE_HEX + 1 || buf[from + 1] != ',') {
            return FrameResult.reject(RejectReason.MALFORMED, "header too short");
        }
        FrameKind kind = FrameKind.ofCode(buf[from]);
        if (kind == null) {
            return FrameResult.reject(RejectReason.MALFORMED, "unknown kind");
        }
        int p = from + 2;
        long timestamp = 0;
        int digits = 0;
        while (p < to && buf[p] >= '0' && buf[p] <= '9' && digits < 18) {
            timestamp = timestamp * 10 + (buf[p++] - '0');
            digits++;
        }
        if (digits == 0 || p >= to || buf[p] != ',') {
            return FrameResult.reject(RejectReason.MALFORMED, "bad timestamp");
        }
        p++;
        if (to - p < NONCE_HEX + 1 || buf[p + NONCE_HEX] != ',') {
            return FrameResult.reject(RejectReason.MALFORMED, "bad nonce");
        }
        long nonce = 0;
        for (int i = 0; i < NONCE_HEX; i++) {
            int v = lowerNibble(buf[p + i]);
            if (v < 0) {
                return FrameResult.reject(RejectReason.MALFORMED, "bad nonce");
            }
            nonce = nonce << 4 | v;
        }
        p += NONCE_HEX + 1;
        if (isAscii(buf, p, to)) {
            return new FrameResult.Accepted(new Frame(kind, timestamp, nonce,
                    new String(buf, p, to - p, StandardCharsets.US_ASCII)));
        }
        try {
            String body = utf8.decode(ByteBuffer.wrap(buf, p, to - p)).toString();
            return new FrameResult.Accepted(new Frame(kind, timestamp, nonce, body));
        } catch (CharacterCodingException e) {
            return FrameResult.reject(RejectReason.MALFORMED, "body is not UTF-8");
        }
    }

    private static boolean isAscii(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static void writeNonce(long nonce, byte[] out, int offset) {
        for (int i = NONCE_HEX - 1; i >= 0; i--) {
            int v = (int) (nonce & 0x0f);
            out[offset + i] = (byte) (v < 10 ? '0' + v : 'a' + v - 10);
            nonce >>>= 4;
        }
    }
}
