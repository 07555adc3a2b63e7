package net.linuxha.cli.checks;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;

/**
 * Root can run a command on {@code target} over ssh without a password (Appendix C): from this node to the other
 * ("ssh to specified node via the node name") and, with a target built by {@link NodeShell#sshTo(String)}, from the
 * other node back to this one (7.2.4).
 */
public final class SshCheck implements Check {

    private final String name;
    private final String from;
    private final NodeShell target;

    /**
     * @param from   the node ssh starts from, for messages
     * @param target the node to reach, a NodeShell whose runner goes over ssh
     */
    public SshCheck(String name, String from, NodeShell target) {
        this.name = Objects.requireNonNull(name, "name");
        this.from = Objects.requireNonNull(from, "from");
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "Checking ssh capability from " + from + " to " + target.node();
    }

    @Override
    public List<CheckResult> run() {
        CommandResult result = target.runner().run(Command.of("true").withTimeout(Duration.ofSeconds(30)));
        if (result.succeeded()) {
            return List.of(CheckResult.ok("ssh as root from " + from + " to " + target.node() + " works"));
        }
        String why = result.stderr().isBlank() ? "exit " + result.exitCode() : result.stderr().strip()
                .replace('\n', ' ');
        return List.of(CheckResult.fail("Cannot ssh as root from " + from + " to " + target.node() + " without a "
                + "password: " + why, "set up root ssh keys both ways as in Appendix C: " + from + "'s public key "
                + "(~root/.ssh/id_rsa.pub or similar) must be in ~root/.ssh/authorized_keys on " + target.node()
                + ", and " + target.node() + "'s host key in " + from + "'s known_hosts; test with: ssh "
                + target.node() + " true"));
    }
}
