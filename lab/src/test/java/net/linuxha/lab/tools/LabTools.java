package net.linuxha.lab.tools;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.linuxha.lab.Halab;

/**
 * The cluster tools in the lab, run the way an administrator runs them: as commands inside a node
 * ({@code halab exec}), against the real daemons they start. clconf.xml is the sample with short timings
 * (keepalive 0.5, warn 1, dead 3, clusterform 20), put on servera only: clbuild copies it to serverb.
 *
 * <p>Every command runs with {@code LINUXHA_TOC_ACTION=halt-node} (docs/cldaemon.md): a daemon started from it,
 * here or over ssh on the other node (the tools pass the variable on), must never reset the host's kernel.
 */
final class LabTools {

    static final String CLUSTER = "cluster1";
    static final String LOG = "/var/log/cluster/cldaemon-" + CLUSTER + ".log";
    static final String CLCONF = "/etc/cluster/clconf.xml";
    static final String STARTUP = "<?xml version=\"1.0\" standalone=\"yes\"?>\n<clstartup_config>\n"
            + "  <allow_single_node>yes</allow_single_node>\n  <background_startup>no</background_startup>\n"
            + "  <join_existing_cluster>yes</join_existing_cluster>\n  <autostart_apps>no</autostart_apps>\n"
            + "  <timeout>10</timeout>\n</clstartup_config>\n";
    private static final Map<String, String> ENV = Map.of("LINUXHA_TOC_ACTION", "halt-node");
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(120);
    /** A line of the tools' output: LEVEL dd/mm/yyyy hh:mm:ss text. */
    private static final String STAMP = "\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d:\\d\\d ";

    final Halab lab;

    LabTools(Halab lab) {
        this.lab = lab;
    }

    /** Runs a command in the node with the lab's environment, bounded by two minutes. */
    Halab.Result run(String node, String... command) {
        List<String> args = new ArrayList<>(List.of("exec", node));
        args.addAll(List.of(command));
        return lab.halab(COMMAND_LIMIT, ENV, args.toArray(String[]::new));
    }

    Halab.Result sh(String node, String commandLine) {
        return run(node, "sh", "-c", commandLine);
    }

    /** The sample clconf.xml with the short timings, on servera only (root, mode 600). */
    void configureServera() {
        lab.put("servera", CLCONF, Halab.shortTimingsClconf(), "600");
    }

    /** clconf.xml on servera, then clbuild there: both nodes get it and its build checksum. */
    void build() {
        configureServera();
        Halab.require(run("servera", "clbuild"), "clbuild on servera");
    }

    /** clbuild, then clform on servera; returns clform's result once it succeeded. */
    Halab.Result buildAndForm() {
        build();
        return Halab.require(run("servera", "clform"), "clform on servera");
    }

    /** The PID of the node's cldaemon-cluster1 JVM (its command line starts with java), or empty. */
    String pid(String node) {
        return lab.exec(node, "pgrep", "-o", "-f", "^java .*-Dlinuxha.process=cldaemon-" + CLUSTER + " ").out()
                .trim();
    }

    boolean daemonRuns(String node) {
        return !pid(node).isEmpty();
    }

    /** {@code cldaemonctl --node NODE --msg REQUEST}: that node's daemon only; its answer, or the ERROR line. */
    String ask(String node, String request) {
        return run(node, "cldaemonctl", "--node", node, "--msg", request).out().trim();
    }

    /** Both daemons answer UP and each records the other UP. */
    boolean bothUp() {
        return ask("servera", "ECHO").equals("UP") && ask("serverb", "ECHO").equals("UP")
                && ask("servera", "GET_NODE_STATE node=serverb").equals("UP")
                && ask("serverb", "GET_NODE_STATE node=servera").equals("UP");
    }

    String log(String node) {
        return lab.exec(node, "cat", LOG).out();
    }

    /** The lines, each stamped ({@code INFO dd/mm/yyyy hh:mm:ss }) with its level taken off to compare texts. */
    static List<String> texts(String output) {
        return output.lines().map(line -> line.replaceFirst("^(INFO|WARN|ERROR) " + STAMP, "$1 ")).toList();
    }
}
