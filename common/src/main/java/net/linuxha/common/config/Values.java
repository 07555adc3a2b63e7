package net.linuxha.common.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parsers for the value types the configuration files share. Each reports a bad value to {@link Problems} in the
 * {@code value "X" must be ...} form and returns {@code null}, so a binder can go on and find further problems.
 */
public final class Values {

    public static final String PORT = "a port number from 1 to 65535";
    public static final String ALPHANUMERIC = "alphanumeric (letters and digits only)";
    public static final String IPV4 = "an IPv4 address such as 172.16.177.200";

    private static final Pattern ALNUM = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern INTEGER = Pattern.compile("[0-9]{1,9}");
    private static final Pattern SIGNED_INTEGER = Pattern.compile("-?[0-9]{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9})?|\\.[0-9]{1,9}");
    private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern HOSTNAME = Pattern.compile("(?=.{1,253}$)" + LABEL + "(\\." + LABEL + ")*");
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_-]+");

    private Values() {
    }

    public static String alphanumeric(Field field, Problems problems, String expected) {
        return check(field, problems, ALNUM.matcher(field.raw()).matches(), expected);
    }

    /** A name used in file names and process names: letters, digits, '_' and '-'. */
    public static String word(Field field, Problems problems, String expected) {
        return check(field, problems, WORD.matcher(field.raw()).matches(), expected);
    }

    public static String hostname(Field field, Problems problems, String expected) {
        return check(field, problems, hostnameOk(field.raw()), expected);
    }

    /** A host name, or an IPv4 address: an all-numeric dotted name must be a valid address. */
    public static boolean hostnameOk(String text) {
        if (text.matches("[0-9.]+")) {
            return isIpv4(text);
        }
        return HOSTNAME.matcher(text).matches();
    }

    /** Linux limits interface names to 15 bytes; ':' would be an old-style alias, which the cluster manages. */
    public static boolean isInterfaceName(String name) {
        return INTERFACE.matcher(name).matches() && !name.equals(".") && !name.equals("..");
    }

    public static Integer port(Field field, Problems problems) {
        return integerInRange(field, problems, 1, 65535, PORT);
    }

    public static Integer integerInRange(Field field, Problems problems, int min, int max, String expected) {
        Integer value = SIGNED_INTEGER.matcher(field.raw()).matches() ? Integer.valueOf(field.raw()) : null;
        if (value == null || value < min || value > max) {
            problems.badValue(field, expected);
            return null;
        }
        return value;
    }

    public static Integer positiveInteger(Field field, Problems problems, String expected) {
        Integer value = INTEGER.matcher(field.raw()).matches() ? Integer.valueOf(field.raw()) : null;
        if (value == null || value <= 0) {
            problems.badValue(field, expected);
            return null;
        }
        return value;
    }

    /** Seconds, fractions allowed ("0.5"), at most nanosecond precision; null when not a plain decimal. */
    public static Duration parseSeconds(String raw) {
        if (!DECIMAL.matcher(raw).matches()) {
            return null;
        }
        return Duration.ofNanos(new BigDecimal(raw).movePointRight(9).longValueExact());
    }

    public static Duration positiveSeconds(Field field, Problems problems) {
        Duration value = parseSeconds(field.raw());
        if (value == null || value.isZero()) {
            problems.badValue(field, "a number of seconds greater than 0 (fractions such as 0.5 are allowed)");
            return null;
        }
        return value;
    }

    /** "yes"/"no"/"true"/"false", any case (19: autostart accepts both pairs). */
    public static Boolean yesNo(Field field, Problems problems, String expected) {
        switch (field.raw().toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> {
                return Boolean.TRUE;
            }
            case "no", "false" -> {
                return Boolean.FALSE;
            }
            default -> {
                problems.badValue(field, expected);
                return null;
            }
        }
    }

    public static boolean isIpv4(String text) {
        return ipv4Bits(text) >= 0;
    }

    /** The address as an unsigned 32-bit value, or -1 when not a dotted quad without leading zeros. */
    public static long ipv4Bits(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long bits = 0;
        for (String part : parts) {
            if (!part.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(part) > 255) {
                return -1;
            }
            bits = (bits << 8) | Integer.parseInt(part);
        }
        return bits;
    }

    public static String ipv4(Field field, Problems problems) {
        return check(field, problems, isIpv4(field.raw()), IPV4);
    }

    /** A netmask is an address whose one-bits are contiguous from the left, e.g. 255.255.255.0. */
    public static String netmask(Field field, Problems problems) {
        long bits = ipv4Bits(field.raw());
        boolean contiguous = bits > 0 && ((~bits & 0xFFFFFFFFL) & ((~bits & 0xFFFFFFFFL) + 1)) == 0;
        return check(field, problems, contiguous, "a netmask such as 255.255.255.0");
    }

    /** Splits "a, b,c" on commas, dropping blanks. */
    public static List<String> commaList(String raw) {
        List<String> items = new ArrayList<>();
        Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
        return items;
    }

    private static String check(Field field, Problems problems, boolean ok, String expected) {
        if (!ok) {
            problems.badValue(field, expected);
            return null;
        }
        return field.raw();
    }
}
