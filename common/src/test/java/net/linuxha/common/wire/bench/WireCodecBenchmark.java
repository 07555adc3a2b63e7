package net.linuxha.common.wire.bench;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.FrameCodec;
import net.linuxha.common.wire.FrameKind;
import net.linuxha.common.wire.FrameResult;
import net.linuxha.common.wire.ParseResult;
import net.linuxha.common.wire.ReplayGuard;
import net.linuxha.common.wire.RequestGate;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireKey;
import net.linuxha.common.wire.WireSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One request through everything a tool and a daemon do with it, on one thread: format the typed request, frame
 * it (MD5, random IV and nonce, Blowfish-448-CBC, hex), then check it as the server does (hex, decrypt, digest,
 * timestamp, replay guard) and read it against the cluster vocabulary. Run as described in docs/performance.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class WireCodecBenchmark {

    /** "secure": SecureRandom as in production; "seeded": java.util.Random, to show what randomness costs. */
    @Param({"secure", "seeded"})
    public String random;

    private final ClusterRequest request = new ClusterRequest.AppStatus("apache", false, true, false);
    private FrameCodec client;
    private RequestGate server;

    /** Moves 1 ms per reading, so the replay guard holds a steady ~15,000 live nonces in its 30 s window. */
    static final class TickingClock extends Clock {
        private long now = 1_718_000_000_000L;

        @Override
        public long millis() {
            return now++;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Setup
    public void setUp() {
        WireKey key = WireKey.derive("benchmark-cluster-key");
        TickingClock clock = new TickingClock();
        Random source = random.equals("secure") ? new SecureRandom() : new Random(1);
        WireContext context = new WireContext(key, WireSettings.DEFAULTS, clock, source);
        client = context.newCodec();
        server = new RequestGate(context.newCodec(), ReplayGuard.of(context));
    }

    @Benchmark
    public ClusterRequest encodeAndDecodeRequest() {
        byte[] line = client.encode(FrameKind.REQUEST, client.newNonce(), request.format());
        FrameResult result = server.check(line, 0, line.length - 1);
        if (!(result instanceof FrameResult.Accepted accepted)) {
            throw new IllegalStateException("refused: " + result);
        }
        ParseResult<ClusterRequest> parsed = ClusterRequest.VOCABULARY.parse(accepted.frame().body());
        return ((ParseResult.Parsed<ClusterRequest>) parsed).request();
    }
}
