package net.linuxha.cli.checks;

/** How a check came out; the tool prints OK as INFO (verbose), WARN as WARN and FAIL as ERROR lines. */
public enum CheckStatus {
    OK,
    /** Worth knowing, does not stop the tool (the Reference's "issue warnings if not"). */
    WARN,
    /** Stops the tool before it changes anything; every failure is listed. */
    FAIL
}
