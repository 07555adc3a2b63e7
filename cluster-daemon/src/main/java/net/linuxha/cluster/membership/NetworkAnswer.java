package net.linuxha.cluster.membership;

import java.util.Objects;

/** The peer answered an echo probe (7.2.2 echotype) on {@code network} at {@code address}. */
public record NetworkAnswer(String network, String address) {

    public NetworkAnswer {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(address, "address");
    }
}
