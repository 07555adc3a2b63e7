package net.linuxha.common.wire;

/** Whether a frame is a request to a daemon or the answer to one; a server accepts only requests. */
public enum FrameKind {
    REQUEST('Q'),
    ANSWER('A');

    private final char code;

    FrameKind(char code) {
        this.code = code;
    }

    /** The one character that stands for this kind in the plaintext. */
    public char code() {
        return code;
    }

    static FrameKind ofCode(int c) {
        if (c == 'Q') {
            return REQUEST;
        }
        if (c == 'A') {
            return ANSWER;
        }
        return null;
    }
}
