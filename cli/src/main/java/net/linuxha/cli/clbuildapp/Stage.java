package net.linuxha.cli.clbuildapp;

/** The four stages of an application build (8.3): each is one run of clbuildapp. */
enum Stage {
    /** --check: validate, change nothing. */
    CHECK("--check"),
    /** --vgbuild: the other node's volume group gets the same logical volumes; meta volumes on both. */
    VGBUILD("--vgbuild"),
    /** --build: ports, DRBD devices, fsmap, DRBD resource files, checksum on both nodes; register. */
    BUILD("--build"),
    /** --sync: unmount here, start DRBD on both nodes, copy this node's data to the other, stop DRBD. */
    SYNC("--sync");

    private final String option;

    Stage(String option) {
        this.option = option;
    }

    String option() {
        return option;
    }
}
