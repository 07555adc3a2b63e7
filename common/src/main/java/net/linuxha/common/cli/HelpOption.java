package net.linuxha.common.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h/--help} for every tool and daemon. Used instead of picocli's standard help mixin, whose {@code -V}
 * (version) would clash with the Reference's {@code -V} for {@code --verbose} ({@link LogOptions}).
 */
public final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
