package net.linuxha.cluster.failover;

import java.util.Objects;

/**
 * The result of pinging one application network's checklist (appconf.xml {@code checklist}, {@code checkpercent},
 * 21.2.2) from this node: {@code answered} of {@code hosts} replied.
 */
public record Checklist(String network, int hosts, int answered, int checkpercent) {

    public Checklist {
        Objects.requireNonNull(network, "network");
        if (hosts < 0 || answered < 0 || answered > hosts) {
            throw new IllegalArgumentException("Checklist of network " + network + ": " + answered + " of " + hosts
                    + " hosts answered - need 0 <= answered <= hosts");
        }
        if (checkpercent < 0 || checkpercent > 100) {
            throw new IllegalArgumentException("checkpercent of network " + network + " must be 0 to 100, was "
                    + checkpercent + "; fix the network entry in appconf.xml");
        }
    }

    /** A checklist without hosts tells nothing. */
    public boolean usable() {
        return hosts > 0;
    }

    /** Whether at least {@code checkpercent} percent of the hosts answered. */
    public boolean passes() {
        return usable() && answered * 100L >= (long) checkpercent * hosts;
    }

    String describe() {
        return "network " + network + ": " + answered + "/" + hosts + " hosts, checkpercent " + checkpercent;
    }
}
