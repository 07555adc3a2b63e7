package net.linuxha.common.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ArgsTest {

    @Test
    void valuesWithSpacesCommasEqualsPercentAndControlsRoundTrip() throws Exception {
        Args args = Args.builder().put("msg", "a b,c=d%e\tf\ng\u0000").put("nodes", "A,B").positional("x y=z")
                .put("u", "\u00e9t\u00e9").put("empty", "").build();
        String wire = args.format();
        assertEquals("msg=a%20b,c%3Dd%25e%09f%0Ag%00 nodes=A,B x%20y%3Dz u=\u00e9t\u00e9 empty=", wire);
        assertEquals(args, Args.parse(wire));
    }

    @Test
    void randomValuesRoundTrip() throws Exception {
        long seed = 20240611L;
        Random random = new Random(seed);
        String alphabet = " ,=%\t\n\r\u007fabcXYZ09_-.\u00e9\u2713";
        for (int n = 0; n < 20_000; n++) {
            Args.Builder b = Args.builder();
            int count = random.nextInt(5);
            for (int i = 0; i < count; i++) {
                StringBuilder value = new StringBuilder();
                int length = 1 + random.nextInt(12);
                for (int j = 0; j < length; j++) {
                    value.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                if (random.nextBoolean()) {
                    b.put("k" + i, value.toString());
                } else {
                    b.positional(value.toString());
                }
            }
            Args args = b.build();
            assertEquals(args, Args.parse(args.format()), "seed " + seed + " case " + n);
        }
    }

    @Test
    void namesCompareWithoutCaseAndPositionalWordsKeepTheirOrder() throws Exception {
        Args args = Args.parse("  APP=apache   FORWARD=yes httpd  RESET ");
        assertEquals(Optional.of("apache"), args.get("app"));
        assertEquals(Optional.of("yes"), args.get("forward"));
        assertEquals(List.of("httpd", "RESET"), args.positional());
    }

    @Test
    void malformedArgumentsAreRefusedWithTheReason() {
        assertMalformed("a=%G1", "two hex digits");
        assertMalformed("a=50%", "two hex digits");
        assertMalformed("=value", "no valid name");
        assertMalformed("na!me=value", "no valid name");
        assertMalformed("a=x\u0001y", "control character");
        assertMalformed("a=%FF%FE", "not UTF-8");
    }

    private static void assertMalformed(String text, String expected) {
        WireFormatException e = assertThrows(WireFormatException.class, () -> Args.parse(text));
        assertEquals(ParseError.Kind.MALFORMED_ARG, e.kind());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
