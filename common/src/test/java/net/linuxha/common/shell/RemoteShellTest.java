package net.linuxha.common.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RemoteShellTest {

    private final CommandRunner runner = new ProcessCommandRunner(Duration.ofSeconds(1));

    @Test
    void quotedArgumentsReachTheRemoteShellAsTheSameWords() {
        List<String> argv = List.of("printf", "%s|", "plain", "two words", "it's", "$HOME", "a;b", "", "*", "x\"y");
        CommandResult result = runner.run(Command.of("sh", "-c", RemoteShell.quote(argv)));
        assertEquals("plain|two words|it's|$HOME|a;b||*|x\"y|", result.stdout());
    }

    @Test
    void safeWordsAreLeftUnquotedSoLogsStayReadable() {
        assertEquals("drbdadm up app01vg_admin --node=serverb", RemoteShell.quote(
                List.of("drbdadm", "up", "app01vg_admin", "--node=serverb")));
    }
}
