package net.linuxha.cli.app;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.linuxha.common.app.FlagUpdate;
import net.linuxha.common.app.StaleFlag;
import net.linuxha.common.app.StaleFlags;
import net.linuxha.common.app.StatusSnapshot;
import net.linuxha.common.app.TimeFile;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.RemoteShell;

/**
 * The other node's status directory of an application, read and changed over ssh (the same path as here): one
 * {@code sh -c} per operation, so a slow link costs one round trip each.
 */
public final class RemoteStatusDirectory implements NodeStatus.Directory {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String SEPARATOR = "--linuxha--";

    private final RemoteShell shell;
    private final String dir;

    public RemoteStatusDirectory(RemoteShell shell, String dir) {
        this.shell = Objects.requireNonNull(shell, "shell");
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    @Override
    public String node() {
        return shell.node();
    }

    @Override
    public NodeStatus read() throws IOException {
        String script = "cd " + quote(dir) + " 2>/dev/null || exit 0; ls -1A; echo " + SEPARATOR
                + "; cat TIME 2>/dev/null; echo " + SEPARATOR + "; cat " + NodeStatus.LIVENODE + " 2>/dev/null; true";
        String out = run(script, "read the status directory").stdout();
        return parse(out, node() + ":" + dir);
    }

    /** Parses the answer of {@link #read()}'s script: names, separator, TIME, separator, LIVENODE. */
    static NodeStatus parse(String out, String where) throws IOException {
        String[] parts = out.split("(?m)^" + SEPARATOR + "$\\n?", -1);
        if (parts.length < 3) {
            return new NodeStatus(StatusSnapshot.empty(), Optional.empty());
        }
        List<String> names = parts[0].lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        StaleFlags flags;
        Optional<TimeFile> time = Optional.empty();
        try {
            flags = StaleFlags.fromFileNames(names);
            if (!parts[1].isBlank()) {
                time = Optional.of(TimeFile.parse(parts[1], where + "/TIME"));
            }
        } catch (IllegalArgumentException e) {
            throw new IOException("In " + where + ": " + e.getMessage(), e);
        }
        String live = parts[2].strip();
        return new NodeStatus(new StatusSnapshot(flags, time), live.isEmpty() ? Optional.empty() : Optional.of(live));
    }

    @Override
    public void apply(FlagUpdate update) throws IOException {
        if (update.isEmpty()) {
            return;
        }
        List<String> steps = new ArrayList<>();
        steps.add("mkdir -p " + quote(dir));
        steps.add("cd " + quote(dir));
        for (StaleFlag flag : update.write().flags()) {
            steps.add("touch " + quote(flag.fileName()));
        }
        for (StaleFlag flag : update.delete().flags()) {
            steps.add("rm -f " + quote(flag.fileName()));
        }
        run(String.join(" && ", steps), "update the STALE flags");
    }

    @Override
    public void recordStart(TimeFile time, String liveNode) throws IOException {
        run("mkdir -p " + quote(dir) + " && cd " + quote(dir) + " && echo " + time.epochSeconds()
                + " > TIME.new && mv -f TIME.new TIME && echo " + quote(liveNode) + " > " + NodeStatus.LIVENODE,
                "write TIME and LIVENODE");
    }

    @Override
    public void recordLiveNode(String liveNode) throws IOException {
        run("mkdir -p " + quote(dir) + " && echo " + quote(liveNode) + " > " + quote(dir + "/" + NodeStatus.LIVENODE),
                "write LIVENODE");
    }

    @Override
    public void clearLiveNode() throws IOException {
        run("rm -f " + quote(dir + "/" + NodeStatus.LIVENODE), "remove LIVENODE");
    }

    private CommandResult run(String script, String what) throws IOException {
        CommandResult result = shell.run(Command.of("sh", "-c", script).withTimeout(TIMEOUT));
        if (!result.succeeded()) {
            throw new IOException("Cannot " + what + " " + dir + " on " + node() + " over ssh: "
                    + result.describeFailure() + "; check 'ssh " + node() + " true' and the directory there");
        }
        return result;
    }

    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
