package net.linuxha.common.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@code <process>} of a procmon file (24.4.8): how many processes of a user whose command line matches a
 * pattern must be running.
 *
 * @param label         text used in the log when the process fails
 * @param user          owner to match; "." matches every user (the default)
 * @param processString regular expression matched against the command line
 * @param minCount      fewest processes allowed, default 1
 * @param maxCount      most processes allowed, default 999
 */
public record ProcessSpec(String label, String user, Pattern processString, int minCount, int maxCount) {

    public static final String ANY_USER = ".";
    public static final int DEFAULT_MIN_COUNT = 1;
    public static final int DEFAULT_MAX_COUNT = 999;

    public ProcessSpec {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(processString, "processString");
        if (minCount < 0 || maxCount < minCount) {
            throw new IllegalArgumentException("need 0 <= min_count <= max_count: " + minCount + ", " + maxCount);
        }
    }

    public boolean anyUser() {
        return user.equals(ANY_USER);
    }
}
