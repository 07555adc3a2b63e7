package net.linuxha.cluster.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The applications registered with this cluster daemon, in registration order. Used only on the daemon's state
 * thread, so it needs no locking.
 */
public final class ApplicationRegistry {

    private final Map<String, RegisteredApplication> applications = new LinkedHashMap<>();

    public Optional<RegisteredApplication> get(String name) {
        return Optional.ofNullable(applications.get(name));
    }

    public void put(RegisteredApplication application) {
        applications.put(application.name(), application);
    }

    public boolean remove(String name) {
        return applications.remove(name) != null;
    }

    public List<String> names() {
        return new ArrayList<>(applications.keySet());
    }

    public List<RegisteredApplication> all() {
        return new ArrayList<>(applications.values());
    }

    /** The applications STARTING or STARTED on {@code node}. */
    public List<RegisteredApplication> runningOn(String node) {
        return applications.values().stream().filter(a -> a.runsOn(node)).toList();
    }
}
