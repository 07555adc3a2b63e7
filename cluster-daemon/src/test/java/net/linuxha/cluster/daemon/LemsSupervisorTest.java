package net.linuxha.cluster.daemon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import net.linuxha.cluster.app.RegisteredApplication;
import net.linuxha.cluster.failover.ValidNodes;
import net.linuxha.cluster.state.ApplicationState;
import net.linuxha.common.config.ApplicationConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cluster daemon keeps a Lems running only for an application STARTED on its node. Found by the lab demo: a Lems
 * started while the application was still STARTING added the service address itself (link_module), and
 * clstartapp's in-use check then found the address answering and refused the start.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LemsSupervisorTest {

    private static final List<String> NODES = List.of("nodea", "nodeb");

    private static RegisteredApplication app(ApplicationState state, Optional<String> node) throws Exception {
        ApplicationConfig config = ApplicationConfig.parse(Path.of("/etc/cluster/web/appconf.xml"),
                "<?xml version=\"1.0\"?>\n<appconf><global><version>0.2</version><name>web</name>"
                + "<takeover>normal</takeover></global>"
                + "<application><startscript>/bin/true</startscript><stopscript>/bin/true</stopscript>"
                + "</application></appconf>\n").config();
        return new RegisteredApplication("web", config, "sum", state, node,
                state == ApplicationState.STARTED ? Optional.of(Instant.EPOCH) : Optional.empty(),
                ValidNodes.all(NODES), false);
    }

    @Test
    void startedHereIsSupervised() throws Exception {
        assertTrue(LemsSupervisor.supervises(app(ApplicationState.STARTED, Optional.of("nodea")), "nodea"));
    }

    @Test
    void startingHereIsLeftToClstartapp() throws Exception {
        assertFalse(LemsSupervisor.supervises(app(ApplicationState.STARTING, Optional.of("nodea")), "nodea"));
    }

    @Test
    void startedOnThePeerOrDownIsNotSupervisedHere() throws Exception {
        assertFalse(LemsSupervisor.supervises(app(ApplicationState.STARTED, Optional.of("nodeb")), "nodea"));
        assertFalse(LemsSupervisor.supervises(app(ApplicationState.DOWN, Optional.empty()), "nodea"));
        assertFalse(LemsSupervisor.supervises(app(ApplicationState.STOPPING, Optional.of("nodea")), "nodea"));
    }
}
