package net.linuxha.common.config;

/** How a network is probed before heartbeats use it (7.2.1 global.echotype, 7.2.2); ICMP is the default. */
public enum EchoType {
    ICMP, UDP, TCP
}
