package net.linuxha.cli.clbuildapp;

import java.util.Optional;

import net.linuxha.cli.cluster.AppStatus;

/**
 * The running cluster as clbuildapp needs it: whether it runs, what it knows of the application (8.3 "Current
 * status of application apache is: DOWN"), and registering a built application with it (8.1: "if the cluster is up
 * and functioning the application, once built, will be available immediately").
 */
interface ClusterLink {

    /** The node whose cluster daemon answers, this one first; empty when the cluster is not running. */
    Optional<String> answeringNode();

    /** The application as the daemon on {@code node} reports it; empty when it is not registered. */
    Optional<AppStatus> status(String node, String application);

    /**
     * {@code REG_APP app=X forward=yes} to the daemon on {@code node}.
     *
     * @return the daemon's answer text
     */
    String register(String node, String application);

    /** A cluster that is not running (tests, and nodes where the daemons were never started). */
    static ClusterLink notRunning() {
        return new ClusterLink() {
            @Override
            public Optional<String> answeringNode() {
                return Optional.empty();
            }

            @Override
            public Optional<AppStatus> status(String node, String application) {
                return Optional.empty();
            }

            @Override
            public String register(String node, String application) {
                throw new IllegalStateException("the cluster is not running");
            }
        };
    }
}
