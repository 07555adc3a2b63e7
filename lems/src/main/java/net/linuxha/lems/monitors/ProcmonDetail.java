package net.linuxha.lems.monitors;

import java.time.Instant;
import java.util.Optional;

/**
 * The first line of procmon's {@code GET_VSTAT} detail: what clstat shows in its "Process Monitors" table
 * (Reference 11.3.2) beside the name and status, as {@code restarts,current,resetat}, e.g. {@code 3,1,1077555300}:
 * the most restarts allowed, the restarts made, and the UNIX time at which the count goes back to 0 (0 when there
 * is nothing to reset, shown as {@code N/A}).
 */
public record ProcmonDetail(int restarts, int current, Optional<Instant> resetAt) {

    public String format() {
        return restarts + "," + current + "," + resetAt.map(Instant::getEpochSecond).orElse(0L);
    }

    /**
     * Parses the first line of a procmon detail.
     *
     * @throws IllegalArgumentException when the line is not {@code N,N,N}
     */
    public static ProcmonDetail parse(String detail) {
        String first = detail.strip().lines().findFirst().orElse("");
        String[] fields = first.split(",");
        if (fields.length != 3) {
            throw new IllegalArgumentException("procmon detail '" + first + "' is not restarts,current,resetat");
        }
        try {
            long reset = Long.parseLong(fields[2].trim());
            return new ProcmonDetail(Integer.parseInt(fields[0].trim()), Integer.parseInt(fields[1].trim()),
                    reset == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(reset)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("procmon detail '" + first + "' is not restarts,current,resetat", e);
        }
    }
}
