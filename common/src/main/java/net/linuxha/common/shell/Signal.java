package net.linuxha.common.shell;

/** The signals the product sends to processes it started (Reference 9.1: stop scripts, Lems, RUNCMD). */
public enum Signal {
    HUP(1),
    TERM(15),
    KILL(9);

    private final int number;

    Signal(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }
}
