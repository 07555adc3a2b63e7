package net.linuxha.common.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import net.linuxha.common.testing.LogCapture;

/** The server pipeline without sockets: framing, every refusal, and that one bad connection harms no other. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WirePipelineTest {

    private static final int MAX_LINE = 1024;

    private final MutableClock clock = new MutableClock(TestWire.T0);
    private final WireContext serverContext = new WireContext(TestWire.KEY,
            WireSettings.DEFAULTS.withMaxLineLength(MAX_LINE), clock, new Random(11));
    private final ReplayGuard guard = ReplayGuard.of(serverContext);
    private final AtomicInteger handled = new AtomicInteger();
    private final FrameCodec client = new WireContext(TestWire.KEY, WireSettings.DEFAULTS, clock, new Random(12))
            .newCodec();
    private final LogCapture dropLog = new LogCapture(BadInput.class);
    private final LogCapture refuseLog = new LogCapture(RequestDispatcher.class);

    @AfterEach
    void detachLogs() {
        dropLog.close();
        refuseLog.close();
    }

    private EmbeddedChannel newChannel() {
        return new EmbeddedChannel(new WirePipelineInitializer<>(serverContext, guard, ClusterRequest.VOCABULARY,
                (request, peer) -> {
                    handled.incrementAndGet();
                    if (request instanceof ClusterRequest.Toc) {
                        throw new IllegalStateException("boom");
                    }
                    return CompletableFuture.completedFuture(Reply.ok(request.format()));
                }));
    }

    private byte[] request(long nonce, String text) {
        return client.encode(FrameKind.REQUEST, nonce, text);
    }

    private static void send(EmbeddedChannel channel, byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        channel.writeInbound(Unpooled.wrappedBuffer(all.toByteArray()));
    }

    /** Answers written so far, decoded as a tool would. */
    private List<Frame> answers(EmbeddedChannel channel) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object o = channel.readOutbound(); o != null; o = channel.readOutbound()) {
            ByteBuf buf = (ByteBuf) o;
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            buf.release();
            out.writeBytes(bytes);
        }
        List<Frame> frames = new ArrayList<>();
        String all = out.toString(StandardCharsets.US_ASCII);
        for (String line : all.split("\n")) {
            if (!line.isEmpty()) {
                Frame frame = assertInstanceOf(FrameResult.Accepted.class,
                        client.decode(line.getBytes(StandardCharsets.US_ASCII))).frame();
                assertEquals(FrameKind.ANSWER, frame.kind());
                frames.add(frame);
            }
        }
        return frames;
    }

    private void assertDroppedOnce(EmbeddedChannel channel, RejectReason reason) {
        assertFalse(channel.isOpen(), "connection closed");
        List<String> logged = dropLog.messages();
        assertEquals(1, logged.size(), logged.toString());
        assertTrue(logged.get(0).contains("embedded") && logged.get(0).contains(reason.name()), logged.get(0));
        assertEquals(0, handled.get(), "nothing reached the daemon");
        assertTrue(answers(channel).isEmpty());
    }

    @Test
    void aLineSplitIntoManySmallChunksIsOneRequest() {
        EmbeddedChannel channel = newChannel();
        byte[] line = request(42, "APP_STATUS app=apache forward=yes".replace(" forward=yes", " lvinfo=yes"));
        Random random = new Random(5);
        int at = 0;
        while (at < line.length - 1) {
            int size = Math.min(1 + random.nextInt(5), line.length - 1 - at);
            send(channel, Arrays.copyOfRange(line, at, at + size));
            at += size;
            assertTrue(answers(channel).isEmpty(), "no answer before the line feed");
        }
        send(channel, new byte[] {'\n'});
        List<Frame> got = answers(channel);
        assertEquals(1, got.size());
        assertEquals(42, got.get(0).nonce());
        assertEquals("OK APP_STATUS app=apache lvinfo=yes", got.get(0).body());
    }

    @Test
    void severalRequestsInOneBufferAreEachAnsweredInOrder() {
        EmbeddedChannel channel = newChannel();
        send(channel, request(1, "ECHO"), request(2, "APP_LIST"), request(3, "START_APP app=samba"));
        List<Frame> got = answers(channel);
        assertEquals(List.of(1L, 2L, 3L), got.stream().map(Frame::nonce).toList());
        assertEquals("OK START_APP app=samba", got.get(2).body());
        assertTrue(channel.isOpen());
    }

    @Test
    void anOverlongLineIsDroppedAndTheConnectionClosed() {
        EmbeddedChannel channel = newChannel();
        byte[] longLine = new byte[MAX_LINE + 64];
        Arrays.fill(longLine, (byte) '0');
        send(channel, longLine, new byte[] {'\n'}, request(1, "ECHO"));
        assertDroppedOnce(channel, RejectReason.TOO_LONG);
    }

    @Test
    void badHexIsDropped() {
        EmbeddedChannel channel = newChannel();
        send(channel, "GET / HTTP/1.0\r\n".getBytes(StandardCharsets.US_ASCII));
        assertDroppedOnce(channel, RejectReason.NOT_HEX);
    }

    @Test
    void oddLengthIsDropped() {
        EmbeddedChannel channel = newChannel();
        byte[] line = request(1, "ECHO");
        byte[] odd = Arrays.copyOfRange(line, 1, line.length);
        send(channel, odd);
        assertDroppedOnce(channel, RejectReason.ODD_LENGTH);
    }

    @Test
    void aFrameUnderAnotherKeyIsDropped() {
        EmbeddedChannel channel = newChannel();
        FrameCodec stranger = new WireContext(TestWire.OTHER_KEY, WireSettings.DEFAULTS, clock, new Random(1))
                .newCodec();
        send(channel, stranger.encode(FrameKind.REQUEST, 1, "TOC"));
        assertDroppedOnce(channel, RejectReason.NOT_VERIFIED);
    }

    @Test
    void aFrameWhoseDigestDoesNotMatchIsDropped() throws Exception {
        EmbeddedChannel channel = newChannel();
        String rest = "Q," + TestWire.T0 + ",0000000000000001,TOC";
        byte[] frame = TestWire.rawFrame(TestWire.KEY, new byte[8], TestWire.md5Hex("tampered") + "," + rest);
        send(channel, frame, new byte[] {'\n'});
        assertDroppedOnce(channel, RejectReason.NOT_VERIFIED);
    }

    @Test
    void theSameFrameSentTwiceIsAnsweredOnceOnAnyConnection() {
        EmbeddedChannel first = newChannel();
        byte[] toc = request(9, "APP_LIST");
        send(first, toc);
        assertEquals(1, answers(first).size());
        send(first, toc);
        assertFalse(first.isOpen());
        EmbeddedChannel second = newChannel();
        send(second, toc);
        assertFalse(second.isOpen());
        assertEquals(1, handled.get());
        assertEquals(2, dropLog.messages().size());
        assertTrue(dropLog.messages().stream().allMatch(m -> m.contains("REPLAYED")), dropLog.messages().toString());
    }

    @Test
    void staleAndFutureTimestampsAreDropped() {
        clock.advance(Duration.ofSeconds(-31));
        byte[] old = request(1, "ECHO");
        clock.advance(Duration.ofSeconds(62));
        byte[] ahead = request(2, "ECHO");
        clock.advance(Duration.ofSeconds(-31));
        EmbeddedChannel a = newChannel();
        send(a, old);
        assertDroppedOnce(a, RejectReason.STALE);
        EmbeddedChannel b = newChannel();
        send(b, ahead);
        assertFalse(b.isOpen());
        assertTrue(dropLog.messages().get(1).contains("FUTURE"), dropLog.messages().toString());
    }

    @Test
    void anAnswerSentAsARequestIsDropped() {
        EmbeddedChannel channel = newChannel();
        send(channel, client.encode(FrameKind.ANSWER, 1, "ECHO"));
        assertDroppedOnce(channel, RejectReason.WRONG_KIND);
    }

    @Test
    void anUnknownRequestFromAKeyHolderIsAnsweredWithTheFaultAndTheConnectionStays() {
        EmbeddedChannel channel = newChannel();
        send(channel, request(1, "FROBNICATE app=x"), request(2, "APP_STATUS"), request(3, "ECHO"));
        List<Frame> got = answers(channel);
        assertEquals(3, got.size());
        assertTrue(got.get(0).body().startsWith("ERROR unknown request FROBNICATE"), got.get(0).body());
        assertTrue(got.get(1).body().startsWith("MISSING_ARG APP_STATUS: app=<value> is required"),
                got.get(1).body());
        assertEquals("OK ECHO", got.get(2).body());
        assertEquals(1, handled.get(), "only ECHO reached the daemon");
        assertEquals(2, refuseLog.messages().size(), "each refused request logged once");
        assertTrue(refuseLog.messages().get(0).contains("embedded"));
        assertTrue(channel.isOpen());
        assertTrue(dropLog.messages().isEmpty());
    }

    @Test
    void aHandlerThatThrowsGivesAnErrorAnswerNotASilentConnection() {
        EmbeddedChannel channel = newChannel();
        send(channel, request(1, "TOC"));
        Frame answer = answers(channel).get(0);
        assertTrue(answer.body().startsWith("ERROR internal error in the cluster daemon handling TOC"),
                answer.body());
        assertTrue(channel.isOpen());
    }

    @Test
    void garbageOnOneConnectionIsLoggedOnceAndOtherConnectionsAreUnaffected() {
        EmbeddedChannel good = newChannel();
        EmbeddedChannel bad = newChannel();
        send(good, request(1, "ECHO"));
        send(bad, "zzzz\n".getBytes(StandardCharsets.US_ASCII), "yyyy\n".getBytes(StandardCharsets.US_ASCII),
                request(2, "ECHO"));
        assertFalse(bad.isOpen());
        assertEquals(1, dropLog.messages().size(), "later lines of a dropped connection are not logged again");
        send(good, request(3, "APP_LIST"));
        assertEquals(List.of(1L, 3L), answers(good).stream().map(Frame::nonce).toList());
        assertTrue(good.isOpen());
        assertEquals(2, handled.get());
    }
}
