/**
 * What to do when the peer is gone or comes back (Reference 17.2-17.3, 21.2-21.6): tell a dead node from a
 * partition ({@link net.linuxha.cluster.failover.PartitionDecider}), plan the takeover of a dead node's
 * applications ({@link net.linuxha.cluster.failover.TakeoverPlanner}), end split-brain after a partition heals
 * ({@link net.linuxha.cluster.failover.DuplicateResolver}), and keep each application's valid nodes
 * ({@link net.linuxha.cluster.failover.ValidNodes}). Plain functions of their inputs, each answer with a reason for
 * the cluster log.
 */
package net.linuxha.cluster.failover;
