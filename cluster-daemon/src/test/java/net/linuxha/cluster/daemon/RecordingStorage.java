package net.linuxha.cluster.daemon;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import net.linuxha.cluster.app.NoSuchVolumeException;
import net.linuxha.cluster.app.StorageView;
import net.linuxha.cluster.app.VolumeInfo;
import net.linuxha.common.app.FileSystemId;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.ConfigProblem;
import net.linuxha.common.storage.StorageException;

/**
 * A {@link StorageView} for the daemon's conversation tests: each application's volumes are what the test sets;
 * every call that would change DRBD is recorded as {@code start app vg/lv|all}, {@code stop ...},
 * {@code invalidate app vg/lv}. An application listed in {@link #failing} fails like a DRBD command would; one
 * without volumes has no fsmap.
 */
final class RecordingStorage implements StorageView {

    final List<String> calls = new CopyOnWriteArrayList<>();
    final java.util.Map<String, List<VolumeInfo>> volumes = new ConcurrentHashMap<>();
    final java.util.Set<String> failing = ConcurrentHashMap.newKeySet();

    @Override
    public List<VolumeInfo> volumes(String application) throws ConfigException {
        List<VolumeInfo> v = volumes.get(application);
        if (v == null) {
            throw new ConfigException(List.of(new ConfigProblem(java.nio.file.Path.of("/etc/cluster/.resources/fsmap/"
                    + application), "file", "missing; build the application with clbuildapp")));
        }
        return v;
    }

    @Override
    public void start(String application, Optional<FileSystemId> only) throws ConfigException {
        record("start", application, only);
    }

    @Override
    public void stop(String application, Optional<FileSystemId> only) throws ConfigException {
        record("stop", application, only);
    }

    @Override
    public void invalidateRemote(String application, FileSystemId fs) throws ConfigException {
        record("invalidate", application, Optional.of(fs));
    }

    private void record(String what, String application, Optional<FileSystemId> only) throws ConfigException {
        List<VolumeInfo> known = volumes(application);
        if (only.isPresent() && known.stream().noneMatch(v -> v.fs().equals(only.get()))) {
            throw new NoSuchVolumeException("Application " + application + " has no file system " + only.get()
                    + " in its fsmap");
        }
        if (failing.contains(application)) {
            throw new StorageException("drbdadm " + what + " failed for " + application + " (test)");
        }
        calls.add(what + " " + application + " " + only.map(FileSystemId::toString).orElse("all"));
    }
}
