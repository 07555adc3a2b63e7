package net.linuxha.cli.app;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import net.linuxha.common.app.FileSystemId;
import net.linuxha.common.app.ForceLevel;
import net.linuxha.common.app.RemoteNodeStatus;
import net.linuxha.common.app.StartInputs;
import net.linuxha.common.app.StartTrigger;
import net.linuxha.common.config.Takeover;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ascertaining the cluster status (Reference 22.3, 22.4 preamble): both nodes' status directories read (the other
 * node's only when it answers ssh) and turned into the inputs of the start decisions.
 */
public final class StatusGathering {

    private static final Logger LOG = LoggerFactory.getLogger(StatusGathering.class);

    private StatusGathering() {
    }

    /** Both nodes' status; {@code remote} is empty when the other node could not be read. */
    public record Gathered(RemoteNodeStatus remoteStatus, NodeStatus local, Optional<NodeStatus> remote) {
    }

    /**
     * Reads this node's status directory (a broken one is an error: 11.2 "status directory problems") and the
     * other node's when {@code sshWorks}; a failure to read the remote one is a WARN and decision 1 then treats
     * the remote as reachable by ping only.
     */
    public static Gathered gather(RemoteNodeStatus remoteStatus, boolean sshWorks, NodeStatus.Directory local,
                                  NodeStatus.Directory remote) throws IOException {
        NodeStatus here = local.read();
        Optional<NodeStatus> there = Optional.empty();
        if (sshWorks) {
            try {
                there = Optional.of(remote.read());
            } catch (IOException e) {
                LOG.warn("{}", e.getMessage());
            }
        }
        return new Gathered(remoteStatus, here, there);
    }

    /** The inputs of {@code StartDecision.decide}; decision 4 believes the remote live when LIVENODE names it. */
    public static StartInputs inputs(String application, String localNode, String remoteNode,
                                     List<FileSystemId> fileSystems, Gathered gathered, ForceLevel force,
                                     StartTrigger trigger, Takeover takeover) {
        boolean remoteBelievedLive = gathered.local().liveNode().map(remoteNode::equalsIgnoreCase).orElse(false);
        StartInputs.Builder builder = StartInputs.builder(application, localNode, remoteNode)
                .fileSystems(fileSystems)
                .remoteStatus(gathered.remoteStatus())
                .local(gathered.local().snapshot())
                .remoteBelievedLive(remoteBelievedLive)
                .force(force)
                .takeover(trigger, takeover);
        if (gathered.remote().isPresent()) {
            builder.remote(gathered.remote().get().snapshot());
        } else {
            builder.remoteUnreadable();
        }
        return builder.build();
    }
}
