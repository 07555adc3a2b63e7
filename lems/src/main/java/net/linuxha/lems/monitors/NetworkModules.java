package net.linuxha.lems.monitors;

import java.util.List;

import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.MonitorCreationException;

/** The argument the network and storage modules share: the application, the Lems' own when none is given. */
final class NetworkModules {

    private NetworkModules() {
    }

    static String application(String module, List<String> arguments, MonitorContext context)
            throws MonitorCreationException {
        if (arguments.size() > 1) {
            throw new MonitorCreationException(module + " takes one argument, the application name (e.g. " + module
                    + " " + context.application() + "), got: " + String.join(" ", arguments));
        }
        return arguments.isEmpty() ? context.application() : arguments.get(0);
    }
}
