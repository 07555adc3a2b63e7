package net.linuxha.common.config;

/** Whether a configuration file is the one clbuild or clbuildapp last validated (7.2.6, 8.5). */
public enum BuildStatus {
    /** The checksum file matches the configuration. */
    VALID,
    /** No checksum file: the configuration was never built. */
    NOT_BUILT,
    /** The configuration changed since it was built (or the checksum file is damaged). */
    CHANGED
}
