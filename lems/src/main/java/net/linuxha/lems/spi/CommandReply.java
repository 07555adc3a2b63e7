package net.linuxha.lems.spi;

import java.util.Objects;

/**
 * A monitor's answer to {@code CMD monitor text} (Reference 24.5): {@code OK text}, {@code NOT_IMP} or
 * {@code FAIL text}.
 */
public sealed interface CommandReply {

    /** The reply line sent back to {@code lemsctl}. */
    String replyText();

    static CommandReply ok(String text) {
        return new Ok(text);
    }

    static CommandReply ok() {
        return new Ok("");
    }

    static CommandReply notImplemented() {
        return NotImplemented.INSTANCE;
    }

    /** A failure; the text should say what was wrong and what the monitor accepts. */
    static CommandReply fail(String text) {
        return new Fail(text);
    }

    /** The command was understood and done. */
    record Ok(String text) implements CommandReply {
        public Ok {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String replyText() {
            return text.isBlank() ? "OK" : "OK " + text;
        }
    }

    /** The monitor takes no commands. */
    enum NotImplemented implements CommandReply {
        INSTANCE;

        @Override
        public String replyText() {
            return "NOT_IMP";
        }
    }

    /** The command was refused or failed. */
    record Fail(String text) implements CommandReply {
        public Fail {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String replyText() {
            return text.isBlank() ? "FAIL" : "FAIL " + text;
        }
    }
}
