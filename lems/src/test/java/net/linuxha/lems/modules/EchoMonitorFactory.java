package net.linuxha.lems.modules;

import java.util.List;

import net.linuxha.lems.spi.CheckResult;
import net.linuxha.lems.spi.CommandReply;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.MonitorCreationException;
import net.linuxha.lems.spi.MonitorFactory;

/** A site module as a test would write one: {@code echo_check RC [RCDATA]} returns what it was given. */
public final class EchoMonitorFactory implements MonitorFactory {

    @Override
    public String moduleName() {
        return "echo_check";
    }

    @Override
    public Monitor create(List<String> arguments, MonitorContext context) throws MonitorCreationException {
        if (arguments.isEmpty()) {
            throw new MonitorCreationException("echo_check needs a return code");
        }
        int rc = Integer.parseInt(arguments.get(0));
        String data = String.join(" ", arguments.subList(1, arguments.size()));
        return new Monitor() {
            private volatile String said = "";

            @Override
            public CheckResult check() {
                return data.isEmpty() ? CheckResult.of(rc) : CheckResult.of(rc, data);
            }

            @Override
            public String detail() {
                return "echo " + rc + "\nsaid " + said;
            }

            @Override
            public CommandReply accept(String command) {
                if (command.startsWith("FAIL")) {
                    return CommandReply.fail("asked to fail");
                }
                said = command;
                return CommandReply.ok("heard " + command);
            }
        };
    }
}
