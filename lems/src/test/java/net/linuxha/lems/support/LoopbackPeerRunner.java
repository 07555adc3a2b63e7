package net.linuxha.lems.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.linuxha.common.shell.BackgroundCommand;
import net.linuxha.common.shell.BackgroundProcess;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.ProcessCommandRunner;

/**
 * Plays "the other node" on this host for tests without a second machine: {@code ssh ... NODE -- CMD} runs CMD with
 * {@code sh -c} here (so the remote commands are real), and {@code scp FILE NODE:PATH} copies FILE to
 * {@code peerRoot/PATH}, so a test can see what arrived "there". Anything else runs as it is. The lab tests use
 * real ssh between two nodes.
 */
public final class LoopbackPeerRunner implements CommandRunner {

    private final CommandRunner local = new ProcessCommandRunner();
    private final Path peerRoot;

    public LoopbackPeerRunner(Path peerRoot) {
        this.peerRoot = peerRoot;
    }

    /** Where a file copied to {@code remotePath} on the peer lands. */
    public Path onPeer(String remotePath) {
        return peerRoot.resolve(remotePath.substring(1));
    }

    @Override
    public CommandResult run(Command command) {
        List<String> argv = command.argv();
        if (argv.get(0).equals("ssh")) {
            int separator = argv.indexOf("--");
            return local.run(Command.of("sh", "-c", argv.get(separator + 1)).withTimeout(command.timeout()));
        }
        if (argv.get(0).equals("scp")) {
            String source = argv.get(argv.size() - 2);
            String target = argv.get(argv.size() - 1);
            Path landed = onPeer(target.substring(target.indexOf(':') + 1));
            try {
                Files.createDirectories(landed.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return local.run(Command.of("cp", "-p", source, landed.toString()).withTimeout(command.timeout()));
        }
        return local.run(command);
    }

    @Override
    public BackgroundProcess start(BackgroundCommand command) {
        return local.start(command);
    }
}
