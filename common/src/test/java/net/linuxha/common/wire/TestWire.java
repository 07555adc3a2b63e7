package net.linuxha.common.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.bouncycastle.crypto.engines.BlowfishEngine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CBCModeCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/** Shared fixtures: a fixed key, contexts over a test clock, and hand-built frames for the negative cases. */
final class TestWire {

    static final long T0 = 1_718_000_000_000L;
    static final WireKey KEY = WireKey.derive("sl4cluster-secret");
    static final WireKey OTHER_KEY = WireKey.derive("another-cluster");

    private TestWire() {
    }

    static WireContext context(MutableClock clock, long seed) {
        return new WireContext(KEY, WireSettings.DEFAULTS, clock, new Random(seed));
    }

    /** Encrypts {@code plaintext} as the codec would, without computing the digest for it. */
    static byte[] rawFrame(WireKey key, byte[] iv, String plaintext) {
        byte[] plain = plaintext.getBytes(StandardCharsets.UTF_8);
        int pad = 8 - plain.length % 8;
        byte[] buf = new byte[8 + plain.length + pad];
        System.arraycopy(iv, 0, buf, 0, 8);
        System.arraycopy(plain, 0, buf, 8, plain.length);
        for (int i = 8 + plain.length; i < buf.length; i++) {
            buf[i] = (byte) pad;
        }
        CBCModeCipher cbc = CBCBlockCipher.newInstance(new BlowfishEngine());
        cbc.init(true, new ParametersWithIV(new KeyParameter(key.bytes()), iv));
        for (int off = 8; off < buf.length; off += 8) {
            cbc.processBlock(buf, off, buf, off);
        }
        return Hex.encode(buf).getBytes(StandardCharsets.US_ASCII);
    }

    static String md5Hex(String text) throws Exception {
        return Hex.encode(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The line without its LF. */
    static byte[] strip(byte[] line) {
        return java.util.Arrays.copyOf(line, line.length - 1);
    }
}
