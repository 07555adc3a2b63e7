package net.linuxha.lems.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.linuxha.common.config.LemsAction;
import net.linuxha.common.config.LemsCheck;

/** Checks of lems.local.xml written in one line for tests. */
public final class Checks {

    private Checks() {
    }

    /** An internal check of module {@code test NAME}, with {@code rc, action, rc, action, ...}. */
    public static LemsCheck of(String name, Duration interval, Object... codesAndActions) {
        return of(name, LemsCheck.Type.INTERNAL, "test " + name, interval, codesAndActions);
    }

    public static LemsCheck of(String name, LemsCheck.Type type, String moduleLine, Duration interval,
                               Object... codesAndActions) {
        if (codesAndActions.length % 2 != 0) {
            throw new IllegalArgumentException("give return codes and actions in pairs");
        }
        List<LemsAction> actions = new ArrayList<>();
        for (int i = 0; i < codesAndActions.length; i += 2) {
            actions.add(LemsAction.of((Integer) codesAndActions[i], (String) codesAndActions[i + 1]));
        }
        List<String> words = Arrays.asList(moduleLine.trim().split("\\s+"));
        return new LemsCheck(name, type, words.get(0), words.subList(1, words.size()), interval, actions);
    }
}
