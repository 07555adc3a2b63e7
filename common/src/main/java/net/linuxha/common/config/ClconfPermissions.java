package net.linuxha.common.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * clconf.xml holds the cluster key, so the tools refuse it unless it is owned by root and neither readable nor
 * writable by group or others (Reference 7.2.4, 11.2 item 6: "must have permissions rw------- (read/write by owner
 * only), and must be owned by root").
 */
public final class ClconfPermissions {

    /** Finds a file's owner; tests may substitute one, production reads {@code unix:uid}. */
    @FunctionalInterface
    public interface OwnerLookup {
        int ownerUid(Path file) throws IOException;
    }

    public static final OwnerLookup UNIX_OWNER = file -> (Integer) Files.getAttribute(file, "unix:uid");

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final OwnerLookup owners;

    public ClconfPermissions(OwnerLookup owners) {
        this.owners = owners;
    }

    public static ClconfPermissions system() {
        return new ClconfPermissions(UNIX_OWNER);
    }

    /** Throws every reason the file may not be used: missing, not a regular file, wrong owner, too open. */
    public void check(Path clconf) throws ConfigException {
        List<ConfigProblem> problems = new ArrayList<>();
        try {
            if (!Files.isRegularFile(clconf)) {
                throw new ConfigException(new ConfigProblem(clconf, "", Files.exists(clconf)
                        ? "is not a regular file; it must be the cluster configuration file"
                        : "the file does not exist; create it (samples are in etc-samples/ of the distribution)"));
            }
            int uid = owners.ownerUid(clconf);
            if (uid != 0) {
                problems.add(new ConfigProblem(clconf, "", "is owned by uid " + uid + "; it must be owned by root "
                        + "because it holds the cluster key: run \"chown root " + clconf + "\""));
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(clconf);
            if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                problems.add(new ConfigProblem(clconf, "", "has permissions "
                        + PosixFilePermissions.toString(permissions) + " (" + octal(permissions) + "); it must have "
                        + "permissions rw------- (read/write by owner only) because it holds the cluster key: run "
                        + "\"chmod 600 " + clconf + "\""));
            }
        } catch (NoSuchFileException e) {
            problems.add(new ConfigProblem(clconf, "", "the file disappeared while it was checked; create it"));
        } catch (IOException e) {
            problems.add(new ConfigProblem(clconf, "", "its owner and permissions cannot be read (" + e
                    + "); check the file"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    static String octal(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return String.format("%04o", mode);
    }
}
