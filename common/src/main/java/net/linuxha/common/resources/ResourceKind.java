package net.linuxha.common.resources;

/**
 * The two kinds of resource a replicated file system needs on both nodes (Reference 7.2.5): a network port from
 * {@code global.portpool} and a DRBD minor number below {@code global.maxblockdevs}. Each kind is one directory of
 * flag files under {@code /etc/cluster/.resources}.
 */
public enum ResourceKind {
    /** {@code /etc/cluster/.resources/ports/NNNN.free}, or {@code NNNN.application.vg.lv} once allocated. */
    PORT("ports", "port"),
    /** {@code /etc/cluster/.resources/drbd/NN.free}, or {@code NN.application.vg.lv} once allocated. */
    DRBD_MINOR("drbd", "DRBD minor");

    private final String directory;
    private final String noun;

    ResourceKind(String directory, String noun) {
        this.directory = directory;
        this.noun = noun;
    }

    /** The directory name below the resources directory. */
    public String directory() {
        return directory;
    }

    /** How messages name one resource of this kind: "port", "DRBD minor". */
    public String noun() {
        return noun;
    }
}
