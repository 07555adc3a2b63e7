package net.linuxha.common.wire;

/** Why a line was refused; each names the likely cause and what to do about it. */
public enum RejectReason {
    TOO_LONG("line longer than the limit (maxLineLength); a sender of another version, or garbage"),
    NOT_HEX("not strict hex (digits and one case of a-f only); not a linuxha client, or corrupted"),
    ODD_LENGTH("odd number of hex characters; truncated or corrupted"),
    BAD_LENGTH("wrong size for an IV plus whole cipher blocks; truncated or corrupted"),
    NOT_VERIFIED("cannot decrypt or verify the digest; global.key differs between the nodes or tools"
            + " (check clconf.xml on both), or the message was altered"),
    MALFORMED("decrypted but the plaintext layout is wrong; a sender of another version"),
    WRONG_KIND("an answer sent where a request was expected, or the reverse"),
    STALE("timestamp older than the replay window; a replayed message, or the clocks of the nodes differ"
            + " (synchronise them, e.g. with NTP)"),
    FUTURE("timestamp ahead of the replay window; the clocks of the nodes differ (synchronise them, e.g. with NTP)"),
    REPLAYED("nonce already seen within the replay window; a replayed message"),
    REPLAY_CACHE_FULL("too many requests within the replay window; raise replayCacheLimit or find the flooding"
            + " client"),
    WRONG_NONCE("answer to a different request; a replayed or misrouted answer");

    private final String explanation;

    RejectReason(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
