package net.linuxha.common.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FrameCodecTest {

    private final MutableClock clock = new MutableClock(TestWire.T0);
    private final FrameCodec codec = TestWire.context(clock, 1).newCodec();
    private final FrameCodec peer = TestWire.context(clock, 2).newCodec();

    private FrameResult decode(byte[] lineWithLf) {
        return peer.decode(TestWire.strip(lineWithLf));
    }

    private static RejectReason reason(FrameResult result) {
        return assertInstanceOf(FrameResult.Rejected.class, result).reason();
    }

    @Test
    void requestRoundTripsWithTimestampNonceAndKind() {
        byte[] line = codec.encode(FrameKind.REQUEST, 0x0123456789abcdefL, "APP_STATUS app=apache forward=yes");
        assertEquals('\n', line[line.length - 1]);
        Frame frame = assertInstanceOf(FrameResult.Accepted.class, decode(line)).frame();
        assertEquals(new Frame(FrameKind.REQUEST, TestWire.T0, 0x0123456789abcdefL,
                "APP_STATUS app=apache forward=yes"), frame);
    }

    @Test
    void anyBodyTextRoundTripsIncludingNewlinesAndNonAscii() {
        String body = "OK\napache,sl4s1,1,1718000000,0\nvg.lv,\u00e9t\u00e9 \u2713,,%=";
        Frame frame = assertInstanceOf(FrameResult.Accepted.class,
                decode(codec.encode(FrameKind.ANSWER, -1L, body))).frame();
        assertEquals(body, frame.body());
        assertEquals(-1L, frame.nonce());
        assertEquals(FrameKind.ANSWER, frame.kind());
    }

    @Test
    void sameSeedAndClockGiveTheSameBytesAndEachMessageGetsAFreshIv() {
        FrameCodec again = TestWire.context(clock, 1).newCodec();
        byte[] first = codec.encode(FrameKind.REQUEST, 7, "ECHO");
        assertArrayEquals(first, again.encode(FrameKind.REQUEST, 7, "ECHO"));
        byte[] second = codec.encode(FrameKind.REQUEST, 7, "ECHO");
        assertNotEquals(new String(first, StandardCharsets.US_ASCII), new String(second, StandardCharsets.US_ASCII));
    }

    @Test
    void uppercaseHexIsAcceptedButMixedCaseIsNot() {
        String line = new String(TestWire.strip(codec.encode(FrameKind.REQUEST, 1, "ECHO")), StandardCharsets.US_ASCII);
        assertInstanceOf(FrameResult.Accepted.class,
                peer.decode(line.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII)));
        int letter = line.indexOf('a') >= 0 ? line.indexOf('a') : line.indexOf('b');
        String mixed = line.substring(0, letter) + Character.toUpperCase(line.charAt(letter))
                + line.substring(letter + 1);
        assertEquals(RejectReason.NOT_HEX, reason(peer.decode(mixed.getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void wrongKeyIsRefusedAsNotVerified() {
        FrameCodec stranger = new WireContext(TestWire.OTHER_KEY, WireSettings.DEFAULTS, clock, new Random(3))
                .newCodec();
        for (int i = 0; i < 200; i++) {
            assertEquals(RejectReason.NOT_VERIFIED, reason(decode(stranger.encode(FrameKind.REQUEST, i, "TOC"))));
        }
    }

    @Test
    void digestThatDoesNotMatchTheTextIsRefused() throws Exception {
        String rest = "Q," + TestWire.T0 + ",0000000000000001,TOC";
        String wrongDigest = TestWire.md5Hex(rest.replace("TOC", "ECHO"));
        byte[] iv = new byte[8];
        assertEquals(RejectReason.NOT_VERIFIED,
                reason(peer.decode(TestWire.rawFrame(TestWire.KEY, iv, wrongDigest + "," + rest))));
        // Same text with its true digest passes, so the refusal above is the digest's doing.
        String rightDigest = TestWire.md5Hex(rest);
        assertInstanceOf(FrameResult.Accepted.class,
                peer.decode(TestWire.rawFrame(TestWire.KEY, iv, rightDigest + "," + rest)));
    }

    @Test
    void verifiedButBadlyLaidOutPlaintextIsMalformed() throws Exception {
        String rest = "X," + TestWire.T0 + ",0000000000000001,TOC";
        byte[] frame = TestWire.rawFrame(TestWire.KEY, new byte[8], TestWire.md5Hex(rest) + "," + rest);
        assertEquals(RejectReason.MALFORMED, reason(peer.decode(frame)));
    }

    @Test
    void oddLengthBadHexShortAndOverlongLinesAreRefused() {
        byte[] line = TestWire.strip(codec.encode(FrameKind.REQUEST, 1, "ECHO"));
        assertEquals(RejectReason.ODD_LENGTH, reason(peer.decode(line, 0, line.length - 1)));
        line[10] = 'g';
        assertEquals(RejectReason.NOT_HEX, reason(peer.decode(line)));
        assertEquals(RejectReason.BAD_LENGTH, reason(peer.decode("00112233445566778899".getBytes(
                StandardCharsets.US_ASCII))));
        assertEquals(RejectReason.BAD_LENGTH, reason(peer.decode(new byte[0])));
        byte[] huge = new byte[WireSettings.DEFAULTS.maxLineLength() + 2];
        java.util.Arrays.fill(huge, (byte) '0');
        assertEquals(RejectReason.TOO_LONG, reason(peer.decode(huge)));
    }

    @Test
    void theShortestPossibleLineIsRefusedWithoutAnException() {
        // IV plus one block: too short to hold a digest (found by FrameMutationTest).
        assertEquals(RejectReason.NOT_VERIFIED, reason(peer.decode("dd92d85b0ab308ca1272ac9b7581bec9".getBytes(
                StandardCharsets.US_ASCII))));
    }

    @Test
    void encodingABodyBeyondTheLineLimitFailsWithTheSizes() {
        String big = "x".repeat(WireSettings.DEFAULTS.maxLineLength() / 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> codec.encode(FrameKind.ANSWER, 1, big));
        assertTrue(e.getMessage().contains("maxLineLength"), e.getMessage());
    }

    @Test
    void keyDerivationIsDeterministicAndRefusesAnEmptyKey() {
        assertArrayEquals(WireKey.derive("abc").bytes(), WireKey.derive("abc").bytes());
        assertEquals(56, WireKey.derive("abc").bytes().length);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WireKey.derive("")).getMessage()
                .contains("global.key"));
        assertEquals("WireKey[448 bits]", WireKey.derive("abc").toString());
    }
}
