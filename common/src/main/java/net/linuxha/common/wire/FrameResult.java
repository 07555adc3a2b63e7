package net.linuxha.common.wire;

import java.util.Objects;

/** Outcome of checking one line: a verified frame, or the reason it was refused. Never an exception. */
public sealed interface FrameResult {

    record Accepted(Frame frame) implements FrameResult {
        public Accepted {
            Objects.requireNonNull(frame, "frame");
        }
    }

    /** @param detail specifics (sizes, offsets, seconds of skew) to add to the reason's explanation */
    record Rejected(RejectReason reason, String detail) implements FrameResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        /** One line for a log: the reason, the detail, the likely cause. */
        public String describe() {
            return reason + (detail.isEmpty() ? "" : " (" + detail + ")") + ": " + reason.explanation();
        }
    }

    static Rejected reject(RejectReason reason, String detail) {
        return new Rejected(reason, detail);
    }
}
