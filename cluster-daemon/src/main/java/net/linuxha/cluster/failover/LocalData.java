package net.linuxha.cluster.failover;

/** Whether this node's copy of an application's data is current, or stale (a VG.LV.node.STALE flag, 22.4). */
public enum LocalData {
    CURRENT, STALE
}
