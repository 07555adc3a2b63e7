package net.linuxha.cli.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a node name into its address (DNS or /etc/hosts in production; a fixed table in tests). */
@FunctionalInterface
public interface HostResolver {

    InetAddress resolve(String host) throws UnknownHostException;

    static HostResolver system() {
        return InetAddress::getByName;
    }
}
