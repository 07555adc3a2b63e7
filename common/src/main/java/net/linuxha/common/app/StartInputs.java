package net.linuxha.common.app;

import net.linuxha.common.config.Takeover;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything clstartapp has learnt before it decides whether an application may start here (Reference 22.3, 22.4).
 *
 * @param fileSystems        the application's replicated file systems; flags about others are ignored
 * @param remoteStatus       what {@code remote_node_available} returned
 * @param local              this node's status directory
 * @param remote             the remote node's status directory; empty when it could not be read
 * @param remoteBelievedLive this node's records (LIVENODE) say the application last ran on the remote node and did
 *                           not stop cleanly; used when the remote node can be pinged but not reached (decision 4)
 * @param commandLineForce   {@code --force} / {@code --reallyforce} as given
 * @param trigger            an administrator's start, or a take-over by cldaemon
 * @param takeover           the application's {@code global.takeover}; sets the force of a take-over
 */
public record StartInputs(
        String application,
        String localNode,
        String remoteNode,
        List<FileSystemId> fileSystems,
        RemoteNodeStatus remoteStatus,
        StatusSnapshot local,
        Optional<StatusSnapshot> remote,
        boolean remoteBelievedLive,
        ForceLevel commandLineForce,
        StartTrigger trigger,
        Takeover takeover) {

    public StartInputs {
        Objects.requireNonNull(application, "application");
        StaleFlag.checkNode(localNode);
        StaleFlag.checkNode(remoteNode);
        if (localNode.equals(remoteNode)) {
            throw new IllegalArgumentException("Local and remote node are both '" + localNode
                    + "'; clconf.xml must name two different nodes");
        }
        fileSystems = List.copyOf(fileSystems);
        if (new HashSet<>(fileSystems).size() != fileSystems.size()) {
            throw new IllegalArgumentException("Application " + application + " lists a file system twice: "
                    + fileSystems);
        }
        Objects.requireNonNull(remoteStatus, "remoteStatus");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(commandLineForce, "commandLineForce");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(takeover, "takeover");
    }

    /** The force the decision runs with: a take-over gets at least what its takeover mode allows. */
    public ForceLevel effectiveForce() {
        return trigger == StartTrigger.TAKEOVER ? commandLineForce.max(ForceLevel.forTakeover(takeover)) : commandLineForce;
    }

    public static Builder builder(String application, String localNode, String remoteNode) {
        return new Builder(application, localNode, remoteNode);
    }

    /** Defaults: no file systems, cluster up, empty status on both nodes, no force, a command-line start. */
    public static final class Builder {
        private final String application;
        private final String localNode;
        private final String remoteNode;
        private List<FileSystemId> fileSystems = List.of();
        private RemoteNodeStatus remoteStatus = RemoteNodeStatus.CLUSTER_UP;
        private StatusSnapshot local = StatusSnapshot.empty();
        private Optional<StatusSnapshot> remote = Optional.of(StatusSnapshot.empty());
        private boolean remoteBelievedLive;
        private ForceLevel force = ForceLevel.NONE;
        private StartTrigger trigger = StartTrigger.COMMAND_LINE;
        private Takeover takeover = Takeover.NORMAL;

        private Builder(String application, String localNode, String remoteNode) {
            this.application = application;
            this.localNode = localNode;
            this.remoteNode = remoteNode;
        }

        public Builder fileSystems(List<FileSystemId> value) {
            this.fileSystems = value;
            return this;
        }

        public Builder remoteStatus(RemoteNodeStatus value) {
            this.remoteStatus = value;
            return this;
        }

        public Builder local(StatusSnapshot value) {
            this.local = value;
            return this;
        }

        public Builder remote(StatusSnapshot value) {
            this.remote = Optional.of(value);
            return this;
        }

        public Builder remoteUnreadable() {
            this.remote = Optional.empty();
            return this;
        }

        public Builder remoteBelievedLive(boolean value) {
            this.remoteBelievedLive = value;
            return this;
        }

        public Builder force(ForceLevel value) {
            this.force = value;
            return this;
        }

        public Builder takeover(StartTrigger trigger, Takeover mode) {
            this.trigger = trigger;
            this.takeover = mode;
            return this;
        }

        public StartInputs build() {
            return new StartInputs(application, localNode, remoteNode, fileSystems, remoteStatus, local, remote,
                    remoteBelievedLive, force, trigger, takeover);
        }
    }
}
