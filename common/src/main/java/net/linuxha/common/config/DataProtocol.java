package net.linuxha.common.config;

/** DRBD replication protocol (7.2.1 global.dataprotocol); C, the safest, is the default. */
public enum DataProtocol {
    A, B, C
}
