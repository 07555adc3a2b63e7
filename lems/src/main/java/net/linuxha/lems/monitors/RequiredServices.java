package net.linuxha.lems.monitors;

import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.MonitorCreationException;

/** The daemon services a system module cannot work without (the Lems daemon offers all of them). */
final class RequiredServices {

    private RequiredServices() {
    }

    static <T> T require(MonitorContext context, Class<T> type, String module) throws MonitorCreationException {
        return context.services().find(type).orElseThrow(() -> new MonitorCreationException(module + " needs the "
                + type.getSimpleName() + " service, which this Lems does not offer; run the module in the lems "
                + "daemon (bin/lems), not in a stand-alone program"));
    }
}
