package net.linuxha.common.config;

/** The inclusive range of ports scanned for one port per replicated file system (7.2.1 global.portpool). */
public record PortPool(int min, int max) {

    /** clbuild refuses a pool smaller than this (7.2.4). */
    public static final int MINIMUM_SIZE = 10;

    public PortPool {
        if (min < 1 || max > 65535 || min >= max) {
            throw new IllegalArgumentException("port pool must be min,max with 1 <= min < max <= 65535: " + min + ","
                    + max);
        }
    }

    public int size() {
        return max - min + 1;
    }

    public boolean contains(int port) {
        return port >= min && port <= max;
    }

    @Override
    public String toString() {
        return min + "," + max;
    }
}
