package net.linuxha.common.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aProbeStaysAProbeOverSshWithOrWithoutEnvironment() {
        RecordingCommandRunner local = new RecordingCommandRunner().reply(1, "", "").reply(1, "", "")
                .reply(0, "", "");
        RemoteCommandRunner remote = new RemoteCommandRunner(new RemoteShell(local, "serverb"));
        remote.run(Command.of("test", "-e", "/x").asProbe());
        remote.run(Command.of("test", "-e", "/x").withEnv("LANG", "C").asProbe());
        remote.run(Command.of("true"));
        assertTrue(local.commands().get(0).probe());
        assertTrue(local.commands().get(1).probe());
        assertEquals("ssh", local.commands().get(1).program());
        assertFalse(local.commands().get(2).probe());
    }
}
