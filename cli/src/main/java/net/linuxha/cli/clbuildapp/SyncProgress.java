package net.linuxha.cli.clbuildapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.linuxha.common.storage.FileSystemState;
import net.linuxha.common.storage.FsMap;
import net.linuxha.common.storage.FsMapEntry;

/**
 * The progress lines of --sync (14.8): {@code Sync status: Devices sync'ed: 2, Devices unsync'ed: 0}, then one line
 * per volume still synchronising, {@code Sync status: Currently syncing LV /dev/sambavg/shares, 39.5% completed},
 * with the estimated time left ({@code d:hh:mm:ss}) when DRBD's rate is known.
 */
final class SyncProgress {

    private SyncProgress() {
    }

    static List<String> lines(FsMap fsmap, List<FileSystemState> states) {
        long synced = states.stream().filter(FileSystemState::inSync).count();
        long syncing = states.stream().filter(s -> s.state() == FileSystemState.SyncState.SYNCING).count();
        List<String> lines = new ArrayList<>();
        lines.add("Sync status: Devices sync'ed: " + synced + ", Devices unsync'ed: "
                + (states.size() - synced - syncing));
        for (FileSystemState s : states) {
            if (s.inSync()) {
                continue;
            }
            String device = fsmap.entries().stream().filter(e -> e.mountPoint().equals(s.mountPoint())).findFirst()
                    .map(FsMapEntry::lvDevice).orElse(s.resource());
            if (s.state() == FileSystemState.SyncState.SYNCING) {
                String pct = String.format(Locale.ROOT, "%.1f%%", s.percent().orElse(0.0));
                lines.add("Sync status: Currently syncing LV " + device + ", " + pct + " completed"
                        + (s.timeLeft().isPresent() ? ", estimated time left " + s.completion() : ""));
            } else {
                lines.add("Sync status: LV " + device + " waiting (" + s.state().label() + ", valid copy: "
                        + s.valid().label() + ")");
            }
        }
        return lines;
    }
}
