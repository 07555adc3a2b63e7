package net.linuxha.cluster.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import net.linuxha.cluster.failover.ValidNodes;
import net.linuxha.cluster.state.ApplicationState;
import net.linuxha.common.config.ApplicationConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which states of an application on a node count as running (take-over, load) and which as monitored: Lems is kept
 * running only once the application is STARTED there, never while clstartapp is still STARTING it (a Lems started
 * early moved the service address onto a card before clstartapp added it, and the start failed).
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RegisteredApplicationTest {

    private static RegisteredApplication app(ApplicationState state) throws Exception {
        ApplicationConfig config = ApplicationConfig.parse(Path.of("/etc/cluster/apache/appconf.xml"),
                "<appconf><global><version>0.2</version><name>apache</name><takeover>normal</takeover></global>"
                        + "<application><startscript>/bin/true</startscript><stopscript>/bin/true</stopscript>"
                        + "</application></appconf>").config();
        RegisteredApplication down = RegisteredApplication.down(config, "md5", ValidNodes.all(List.of("servera",
                "serverb")));
        return down.in(state, Optional.of("servera"), Optional.of(Instant.EPOCH));
    }

    @Test
    void startingRunsButIsNotYetMonitored() throws Exception {
        RegisteredApplication starting = app(ApplicationState.STARTING);
        assertTrue(starting.runsOn("servera"));
        assertFalse(starting.startedOn("servera"), "no Lems while clstartapp brings the application up");
    }

    @Test
    void startedIsMonitoredOnItsNodeOnly() throws Exception {
        RegisteredApplication started = app(ApplicationState.STARTED);
        assertTrue(started.startedOn("servera"));
        assertFalse(started.startedOn("serverb"));
        assertFalse(app(ApplicationState.STOPPING).startedOn("servera"));
        assertFalse(app(ApplicationState.DOWN).startedOn("servera"));
    }
}
