package net.linuxha.cli.drbdtool;

import java.util.Locale;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;

/** {@code --size} as lvextend's {@code -L} takes it: a number with an optional K, M, G or T suffix (default M). */
final class SizeArgument {

    private SizeArgument() {
    }

    static long kib(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        long factor = 1024;
        if (!t.isEmpty() && "KMGT".indexOf(t.charAt(t.length() - 1)) >= 0) {
            factor = switch (t.charAt(t.length() - 1)) {
                case 'K' -> 1;
                case 'M' -> 1024;
                case 'G' -> 1024L * 1024;
                default -> 1024L * 1024 * 1024;
            };
            t = t.substring(0, t.length() - 1);
        }
        try {
            long n = Long.parseLong(t);
            if (n > 0) {
                return Math.multiplyExact(n, factor);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new ToolException(ExitCode.USAGE, "--size \"" + text + "\" is not a size; give a whole number with "
                + "an optional K, M, G or T suffix, e.g. 40M");
    }
}
