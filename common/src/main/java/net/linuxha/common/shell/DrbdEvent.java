package net.linuxha.common.shell;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One line of {@code drbdsetup events2}: {@code exists resource name:r0 role:Secondary ...}.
 *
 * @param kind   {@code exists}, {@code create}, {@code change}, {@code destroy}, {@code call}, {@code response}
 * @param object {@code resource}, {@code device}, {@code connection}, {@code peer-device}, {@code path},
 *               {@code helper}; {@code -} on the line that ends the initial state dump
 * @param fields the {@code key:value} pairs in order
 */
public record DrbdEvent(String kind, String object, Map<String, String> fields) {

    public DrbdEvent {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** {@code exists -}: everything that existed when the command started has been listed. */
    public boolean endOfInitialState() {
        return "exists".equals(kind) && "-".equals(object);
    }

    public Optional<String> field(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    /** The resource the event is about. */
    public Optional<String> resource() {
        return field("name");
    }
}
