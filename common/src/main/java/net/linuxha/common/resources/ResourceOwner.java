package net.linuxha.common.resources;

import java.util.Objects;

import net.linuxha.common.app.FileSystemId;

/**
 * Who holds an allocated resource: one replicated file system (volume group and logical volume) of one application.
 * It appears in the flag file name as {@code application.vg.lv} (7.2.5), so no part may contain a dot.
 */
public record ResourceOwner(String application, FileSystemId fileSystem) {

    public ResourceOwner {
        Objects.requireNonNull(fileSystem, "fileSystem");
        checkApplication(application);
    }

    public static ResourceOwner of(String application, String vg, String lv) {
        return new ResourceOwner(application, new FileSystemId(vg, lv));
    }

    /** {@code application.vg.lv}, the part of the flag file name after the number. */
    public String suffix() {
        return application + "." + fileSystem.vg() + "." + fileSystem.lv();
    }

    static void checkApplication(String application) {
        Objects.requireNonNull(application, "application");
        if (application.isEmpty() || application.contains(".") || application.contains("/")
                || !application.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new IllegalArgumentException("Application name '" + application + "' can not be used in a "
                    + "resource file name (NNNN.application.vg.lv): it must be non-empty printable ASCII without "
                    + "'.', '/' or spaces");
        }
    }

    /** "application apache (app01vg/docs)", for messages. */
    @Override
    public String toString() {
        return "application " + application + " (" + fileSystem + ")";
    }
}
