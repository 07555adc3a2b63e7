package net.linuxha.cli.clbuildapp;

import java.util.Objects;

/**
 * What the administrator asked clbuildapp to do.
 *
 * @param application  --application
 * @param stage        --check, --vgbuild, --build or --sync
 * @param force        --force: rebuild an application that is built, or running (18)
 * @param forceSync    --forcesync (with --sync): resynchronise everything, even what DRBD knows to be in sync
 * @param rebuildFsmap --fsmap (with --build): an off-line rebuild reads the file systems from the mounts again
 */
record Request(String application, Stage stage, boolean force, boolean forceSync, boolean rebuildFsmap) {

    Request {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(stage, "stage");
    }
}
