package net.linuxha.common.storage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.linuxha.common.config.DataProtocol;

/**
 * The DRBD 9 resource file of one replicated logical volume ({@code /etc/drbd.d/linuxha/<resource>.res}), identical
 * on both nodes. Pure: {@link #text()} renders it; {@link DrbdFiles} writes it.
 *
 * <ul>
 * <li>{@code net { protocol X; }} from clconf {@code global.dataprotocol} (7.2.1);</li>
 * <li>{@code disk { resync-rate Nk; c-plan-ahead 0; }} from appconf {@code syncrate} (8.1, KB/s): with the dynamic
 * resync controller off the rate is a fixed rate, as the Reference's syncrate is;</li>
 * <li>one volume: {@code /dev/drbd<minor>} on {@code /dev/<vg>/<lv>}, meta data on {@code /dev/<vg>/<lv>_meta} when
 * that volume exists (8.4: clbuildapp --vgbuild creates it) and {@code internal} otherwise;</li>
 * <li>one {@code on <node>} section per node, node-id 0 and 1 in clconf order, each with its address on the
 * {@code drbd_network} card and the allocated port.</li>
 * </ul>
 */
public record DrbdResourceFile(String application, FsMapEntry fileSystem, DataProtocol protocol, int syncRateKb,
                               int minor, Optional<String> metaDisk, List<Host> hosts) {

    /** One node of the resource. */
    public record Host(String node, int nodeId, String address, int port) {

        public Host {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(address, "address");
        }
    }

    public DrbdResourceFile {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(fileSystem, "fileSystem");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(metaDisk, "metaDisk");
        hosts = List.copyOf(hosts);
        if (hosts.size() != 2) {
            throw new IllegalArgumentException("a DRBD resource of linuxha has exactly two hosts, not " + hosts);
        }
        if (syncRateKb <= 0) {
            throw new IllegalArgumentException("syncrate must be positive, got " + syncRateKb + " KB/s");
        }
    }

    /** {@code <application>_<vg>_<lv>}, see {@link DrbdResourceName}. */
    public String name() {
        return DrbdResourceName.of(application, fileSystem);
    }

    public String device() {
        return "/dev/drbd" + minor;
    }

    public String text() {
        StringBuilder t = new StringBuilder();
        t.append("# linuxha: DRBD resource of application ").append(application).append(", ")
                .append(fileSystem.lvDevice()).append(" on ").append(fileSystem.mountPoint()).append('\n')
                .append("# Written by linuxha (clbuildapp); changes are overwritten at the next build.\n")
                .append("resource ").append(name()).append(" {\n")
                .append("    net {\n        protocol ").append(protocol).append(";\n    }\n")
                .append("    disk {\n        resync-rate ").append(syncRateKb).append("k;\n")
                .append("        c-plan-ahead 0;\n    }\n")
                .append("    volume 0 {\n")
                .append("        device ").append(device()).append(";\n")
                .append("        disk ").append(fileSystem.lvDevice()).append(";\n")
                .append("        meta-disk ").append(metaDisk.orElse("internal")).append(";\n")
                .append("    }\n");
        for (Host host : hosts) {
            t.append("    on ").append(host.node()).append(" {\n")
                    .append("        node-id ").append(host.nodeId()).append(";\n")
                    .append("        address ").append(host.address()).append(':').append(host.port()).append(";\n")
                    .append("    }\n");
        }
        return t.append("}\n").toString();
    }
}
