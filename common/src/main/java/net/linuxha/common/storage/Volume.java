package net.linuxha.common.storage;

import java.nio.file.Files;
import java.util.List;
import java.util.Objects;
import net.linuxha.common.shell.DrbdResourceStatus;

/** One replicated file system of an application at run time: its fsmap line and its DRBD resource name. */
record Volume(FsMapEntry fs, String resource) {

    Volume {
        Objects.requireNonNull(fs, "fs");
        Objects.requireNonNull(resource, "resource");
    }

    static Volume of(String application, FsMapEntry fs) {
        return new Volume(fs, DrbdResourceName.of(application, fs));
    }

    /** The application's volumes in fsmap order; each must have its resource file (written by clbuildapp). */
    static List<Volume> all(FsMap fsmap, StorageContext ctx) {
        List<Volume> volumes = fsmap.entries().stream().map(e -> of(fsmap.application(), e)).toList();
        for (Volume v : volumes) {
            if (!Files.exists(ctx.files().resourceFile(v.resource()))) {
                throw new StorageException("The DRBD resource file " + ctx.files().resourceFile(v.resource())
                        + " of " + v.fs().lvDevice() + " (application " + fsmap.application() + ") does not exist; "
                        + "run clbuildapp --application " + fsmap.application() + " --build");
            }
        }
        return volumes;
    }

    /** {@code /dev/drbdN} of a resource that is up, from its status. */
    static String device(DrbdResourceStatus status) {
        return status.device(0).map(d -> "/dev/drbd" + d.minor()).orElseThrow(() -> new StorageException(
                "DRBD resource " + status.name() + " has no volume 0; check its resource file"));
    }
}
