package net.linuxha.cluster.app;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import net.linuxha.common.app.FileSystemId;

/**
 * One logical volume of an application as APP_STATUS lvinfo=yes reports it (25.4), seen from this node.
 *
 * @param minor         the DRBD device number ({@code /dev/drbdN}; the Reference's MD/ND), empty when not started
 * @param state         {@code active} (started, Primary here), {@code inactive} (started, Secondary) or
 *                      {@code stopped}
 * @param valid         where valid data is: {@code local}, {@code remote}, {@code both} ({@code none} or
 *                      {@code unknown} when DRBD cannot say)
 * @param action        {@code sync}, {@code unsync} or {@code syncing}
 * @param progress      while syncing: KiB valid, total KiB, rate and estimate
 */
public record VolumeInfo(FileSystemId fs, OptionalInt minor, String state, String valid, String action,
                         Optional<Progress> progress) {

    /**
     * A running resynchronisation.
     *
     * @param rateKbPerSecond  from two samples; empty until a second sample was taken
     * @param estimateMinutes  time left at that rate
     */
    public record Progress(long validKb, long totalKb, OptionalDouble rateKbPerSecond,
                           OptionalDouble estimateMinutes) {
    }

    public VolumeInfo {
        Objects.requireNonNull(fs, "fs");
        Objects.requireNonNull(minor, "minor");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(valid, "valid");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(progress, "progress");
    }

    /** Whether the DRBD resource runs here. */
    public boolean started() {
        return !state.equals("stopped");
    }

    /**
     * {@code vg.lv,MD,ND,state,valid,personality,action[,valid/total,rate,estimate]}: one line of the lvinfo answer
     * in the fields of 25.4. DRBD replicates without a RAID device, so MD is always {@code -} and the personality is
     * {@code drbd}; ND is the DRBD minor, {@code -} when the resource is not started; rate and estimate are {@code -}
     * until known.
     */
    public String line() {
        StringBuilder sb = new StringBuilder();
        sb.append(fs.vg()).append('.').append(fs.lv()).append(",-,")
                .append(minor.isPresent() ? Integer.toString(minor.getAsInt()) : "-").append(',').append(state)
                .append(',').append(valid).append(",drbd,").append(action);
        progress.ifPresent(p -> sb.append(',').append(p.validKb()).append('/').append(p.totalKb()).append(',')
                .append(decimal(p.rateKbPerSecond())).append(',').append(decimal(p.estimateMinutes())));
        return sb.toString();
    }

    private static String decimal(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : "-";
    }
}
