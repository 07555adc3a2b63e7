package net.linuxha.cli.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.config.BuildChecksum;
import net.linuxha.common.config.BuildStatus;

/**
 * The check every cluster tool makes first: clconf.xml must be the file clbuild last validated (7.2.6). When it is
 * not, the tool stops with the Reference's message, unless the administrator gave {@code --nochecksums}.
 */
public final class ChecksumGate {

    private ChecksumGate() {
    }

    /** The checksum of the cluster configuration, or of {@code alternative} (clform {@code --config}). */
    public static BuildChecksum of(ClusterPaths paths, Optional<Path> alternative) {
        BuildChecksum standard = BuildChecksum.cluster(paths);
        return alternative.map(file -> new BuildChecksum(file, standard.checksumFile(), Optional.empty()))
                .orElse(standard);
    }

    /**
     * Throws the Reference's not-validated message ({@link ExitCode#CONFIG}) when the configuration is not VALID.
     *
     * @throws ToolException when the checksum file or the configuration cannot be read, naming it
     */
    public static void require(BuildChecksum checksum) {
        BuildStatus status = status(checksum);
        if (status != BuildStatus.VALID) {
            throw new ToolException(ExitCode.CONFIG, String.join("\n", checksum.messageLines(status)));
        }
    }

    /** The status, or a {@link ToolException} naming the file that cannot be read. */
    public static BuildStatus status(BuildChecksum checksum) {
        try {
            return checksum.status();
        } catch (IOException e) {
            throw new ToolException(ExitCode.CONFIG, "cannot read " + checksum.configFile() + " or "
                    + checksum.checksumFile() + " to validate the cluster build checksum (" + e.getMessage()
                    + "); check both files, or run clbuild");
        }
    }
}
