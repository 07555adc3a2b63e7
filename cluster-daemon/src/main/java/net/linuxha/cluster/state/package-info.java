/**
 * Lifecycles of the cluster daemon: {@link net.linuxha.cluster.state.NodeState} and
 * {@link net.linuxha.cluster.state.ApplicationState}, each an enum with a table of legal moves that rejects the
 * rest, and {@link net.linuxha.cluster.state.Step}, the (new state, actions) pair every pure state machine of the
 * daemon returns.
 */
package net.linuxha.cluster.state;
