package net.linuxha.common.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Over a million hostile lines against the server's checks: random bytes, random hex, bit flips, truncations,
 * insertions and splices of valid frames. Proves that no exception escapes and that only an untouched valid frame,
 * once, is ever accepted. Seeded: set {@code -Dwire.mutation.seed=N} to replay a failure.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FrameMutationTest {

    private static final int INPUTS = 1_000_000;
    private static final int POOL = 64;

    @Test
    void noMutatedOrRandomLineIsEverAcceptedAndNothingThrows() {
        long seed = Long.getLong("wire.mutation.seed", System.nanoTime());
        System.out.println("FrameMutationTest seed " + seed + " (rerun with -Dwire.mutation.seed=" + seed + ")");
        Random random = new Random(seed);
        MutableClock clock = new MutableClock(TestWire.T0);
        WireContext context = new WireContext(TestWire.KEY,
                WireSettings.DEFAULTS.withReplayWindow(Duration.ofHours(1)).withReplayCacheLimit(10_000),
                clock, new Random(seed + 1));
        FrameCodec sender = context.newCodec();
        RequestGate gate = new RequestGate(context.newCodec(), ReplayGuard.of(context));

        String[] bodies = {"APP_STATUS app=apache forward=yes", "TOC", "ABORT forward=yes", "ECHO",
            "SETVALIDNODES app=samba nodes=sl4s1,sl4s2 forward=yes", "CMD httpd MAXCOUNT 10"};
        byte[][] valid = new byte[POOL][];
        Map<String, Integer> validIndex = new HashMap<>();
        for (int i = 0; i < POOL; i++) {
            valid[i] = TestWire.strip(sender.encode(FrameKind.REQUEST, sender.newNonce(), bodies[i % bodies.length]));
            validIndex.put(new String(valid[i], StandardCharsets.US_ASCII), i);
        }
        Set<Integer> acceptedOnce = new HashSet<>();
        int[] perKind = new int[7];
        int accepted = 0;
        for (int n = 0; n < INPUTS; n++) {
            int kind = random.nextInt(perKind.length);
            perKind[kind]++;
            byte[] input = mutate(kind, random, valid);
            FrameResult result;
            try {
                result = gate.check(input);
            } catch (Throwable t) {
                fail("seed " + seed + " input " + n + " kind " + kind + " threw: "
                        + new String(input, StandardCharsets.ISO_8859_1), t);
                return;
            }
            if (result instanceof FrameResult.Accepted) {
                Integer which = validIndex.get(new String(input, StandardCharsets.US_ASCII));
                if (which == null || !acceptedOnce.add(which)) {
                    fail("seed " + seed + " input " + n + " kind " + kind + " accepted though "
                            + (which == null ? "not a valid frame" : "a replay") + ": "
                            + new String(input, StandardCharsets.ISO_8859_1));
                }
                accepted++;
            }
        }
        System.out.println("FrameMutationTest inputs per kind " + Arrays.toString(perKind) + ", accepted "
                + accepted);
        // The untouched frames the generator produced were accepted once each; the rest are replays now.
        for (byte[] frame : valid) {
            FrameResult again = gate.check(frame);
            if (!acceptedOnce.contains(validIndex.get(new String(frame, StandardCharsets.US_ASCII)))) {
                assertInstanceOf(FrameResult.Accepted.class, again, "an untouched valid frame is accepted");
            } else {
                assertEquals(RejectReason.REPLAYED, assertInstanceOf(FrameResult.Rejected.class, again).reason());
            }
        }
        assertTrue(perKind[0] > INPUTS / 10);
    }

    /** One hostile line of the given kind; kind 6 is an untouched valid frame (accepted only the first time). */
    private static byte[] mutate(int kind, Random random, byte[][] valid) {
        byte[] base = valid[random.nextInt(valid.length)];
        switch (kind) {
            case 0: { // random bytes
                byte[] out = new byte[random.nextInt(400)];
                random.nextBytes(out);
                return out;
            }
            case 1: { // random lowercase hex, often of a plausible length
                int length = random.nextBoolean() ? base.length : 2 * random.nextInt(200);
                byte[] out = new byte[length];
                for (int i = 0; i < length; i++) {
                    out[i] = (byte) "0123456789abcdef".charAt(random.nextInt(16));
                }
                return out;
            }
            case 2: { // 1 to 3 bit flips
                byte[] out = base.clone();
                int flips = 1 + random.nextInt(3);
                for (int i = 0; i < flips; i++) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return Arrays.equals(out, base) ? flipOne(out, random) : out;
            }
            case 3: // truncation
                return Arrays.copyOf(base, random.nextInt(base.length));
            case 4: { // splice: head of one frame, tail of another
                byte[] other = valid[random.nextInt(valid.length)];
                int cut = random.nextInt(base.length);
                int from = random.nextInt(other.length);
                byte[] out = new byte[cut + other.length - from];
                System.arraycopy(base, 0, out, 0, cut);
                System.arraycopy(other, from, out, cut, other.length - from);
                return out;
            }
            case 5: { // insert or delete one hex digit, or replace one with another of the same case
                byte[] out;
                int at = random.nextInt(base.length);
                int choice = random.nextInt(3);
                if (choice == 0) {
                    out = new byte[base.length + 1];
                    System.arraycopy(base, 0, out, 0, at);
                    out[at] = (byte) "0123456789abcdef".charAt(random.nextInt(16));
                    System.arraycopy(base, at, out, at + 1, base.length - at);
                } else if (choice == 1) {
                    out = new byte[base.length - 1];
                    System.arraycopy(base, 0, out, 0, at);
                    System.arraycopy(base, at + 1, out, at, base.length - at - 1);
                } else {
                    out = base.clone();
                    byte replacement;
                    do {
                        replacement = (byte) "0123456789abcdef".charAt(random.nextInt(16));
                    } while (replacement == base[at]);
                    out[at] = replacement;
                }
                return out;
            }
            default:
                return base.clone();
        }
    }

    private static byte[] flipOne(byte[] out, Random random) {
        out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        return out;
    }
}
