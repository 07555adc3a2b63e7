package net.linuxha.cli.cluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which to start applications so that each starts after the applications it depends on (DEPENDS_ON,
 * 25.4): the requested applications in their given order, each preceded by its dependencies not yet placed.
 */
public final class StartOrder {

    private StartOrder() {
    }

    /**
     * @param requested    the applications to start (AUTOSTARTLIST order)
     * @param dependencies each application's DEPENDS_ON answer; missing means none
     * @throws IllegalArgumentException naming the applications of a dependency cycle
     */
    public static List<String> of(List<String> requested, Map<String, List<String>> dependencies) {
        Set<String> placed = new LinkedHashSet<>();
        for (String app : requested) {
            visit(app, dependencies, placed, new LinkedHashSet<>());
        }
        return new ArrayList<>(placed);
    }

    private static void visit(String app, Map<String, List<String>> dependencies, Set<String> placed,
                              Set<String> path) {
        if (placed.contains(app)) {
            return;
        }
        if (!path.add(app)) {
            List<String> cycle = new ArrayList<>(path);
            cycle.add(app);
            throw new IllegalArgumentException("the applications depend on each other in a cycle: "
                    + String.join(" -> ", cycle.subList(cycle.indexOf(app), cycle.size()))
                    + "; correct the dependencies in their appconf.xml");
        }
        for (String dependency : dependencies.getOrDefault(app, List.of())) {
            visit(dependency, dependencies, placed, path);
        }
        path.remove(app);
        placed.add(app);
    }

    /** The applications of {@code order} that depend, directly or not, on {@code failed}. */
    public static Set<String> dependents(String failed, Map<String, List<String>> dependencies) {
        Set<String> result = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, List<String>> entry : dependencies.entrySet()) {
                if (!result.contains(entry.getKey()) && (entry.getValue().contains(failed)
                        || entry.getValue().stream().anyMatch(result::contains))) {
                    grew = result.add(entry.getKey());
                }
            }
        }
        return result;
    }
}
