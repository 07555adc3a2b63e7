package net.linuxha.lems.action;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code action_list} of a check: action text for each return code (Reference 24.2). The text is kept as
 * written, because {@code %RCDATA%} can only be replaced once a run has produced its RCDATA.
 */
public final class ActionTable {

    private final Map<Integer, String> byCode;

    private ActionTable(Map<Integer, String> byCode) {
        this.byCode = Collections.unmodifiableMap(new TreeMap<>(byCode));
    }

    public static ActionTable of(Map<Integer, String> byCode) {
        return new ActionTable(byCode);
    }

    /** {@code rc, action, rc, action, ...}, for tests and examples. */
    public static ActionTable of(Object... codesAndActions) {
        if (codesAndActions.length % 2 != 0) {
            throw new IllegalArgumentException("give return codes and actions in pairs");
        }
        Map<Integer, String> map = new TreeMap<>();
        for (int i = 0; i < codesAndActions.length; i += 2) {
            map.put((Integer) codesAndActions[i], (String) codesAndActions[i + 1]);
        }
        return new ActionTable(map);
    }

    /** The action text configured for {@code returnCode}, if any. */
    public Optional<String> forCode(int returnCode) {
        return Optional.ofNullable(byCode.get(returnCode));
    }

    public Map<Integer, String> asMap() {
        return byCode;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActionTable table && table.byCode.equals(byCode);
    }

    @Override
    public int hashCode() {
        return byCode.hashCode();
    }

    @Override
    public String toString() {
        return byCode.toString();
    }
}
