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
 * When cldaemon starts a Lems that does not answer: only for an application STARTED on this node. A Lems started
 * while the application is still STARTING (found in the lab: cldaemon's 5 s sweep came before clstartapp's own
 * Lems start) saw no httpd, used up procmon's restarts on the half-started application and failed it over.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LemsSupervisorTest {

    private static final String APPCONF = "<appconf><global><version>0.2</version><name>apache</name>"
            + "<takeover>normal</takeover></global><application><startscript>/bin/true</startscript>"
            + "<stopscript>/bin/true</stopscript></application></appconf>";

    private static RegisteredApplication in(ApplicationState state, String node) throws Exception {
        ApplicationConfig config = ApplicationConfig.parse(Path.of("/etc/cluster/apache/appconf.xml"), APPCONF)
                .config();
        return RegisteredApplication.down(config, "sum", ValidNodes.all(List.of("servera", "serverb")))
                .in(state, Optional.of(node), Optional.of(Instant.EPOCH));
    }

    @Test
    void aLemsIsStartedOnlyForAnApplicationStartedHere() throws Exception {
        assertTrue(LemsSupervisor.startsLemsFor(in(ApplicationState.STARTED, "servera"), "servera"));
        assertFalse(LemsSupervisor.startsLemsFor(in(ApplicationState.STARTING, "servera"), "servera"),
                "clstartapp starts Lems at the end of a start");
        assertFalse(LemsSupervisor.startsLemsFor(in(ApplicationState.STOPPING, "servera"), "servera"));
        assertFalse(LemsSupervisor.startsLemsFor(in(ApplicationState.STARTED, "serverb"), "servera"),
                "the other node keeps its own Lems");
    }
}
