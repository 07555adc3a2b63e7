package net.linuxha.cluster.net;

/** Dotted-quad IPv4 text, read without name lookups. */
final class Ipv4 {

    private Ipv4() {
    }

    /** The address as an unsigned number, or -1 when {@code text} is not a dotted-quad IPv4 address. */
    static long toLong(String text) {
        if (text == null) {
            return -1;
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return -1;
            }
            value = value << 8 | octet;
        }
        return value;
    }

    static boolean isAddress(String text) {
        return toLong(text) >= 0;
    }
}
