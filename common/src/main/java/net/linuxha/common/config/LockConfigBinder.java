package net.linuxha.common.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Binds cllocks.xml (7.2.3): {@code <lock name desc maxt/>} entries merged over the built-in locks. */
final class LockConfigBinder implements ConfigBinder<LockConfig> {

    private static final String NAME = "a lock name (letters, digits, '_', '-'), e.g. NET";

    @Override
    public String rootElement() {
        return "cllocks";
    }

    @Override
    public LockConfig bind(ConfigNode root, Problems problems) {
        List<LockDefinition> locks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode element : root.children("lock")) {
            Optional<String> name = element.requiredAttribute("name", NAME).map(f -> Values.word(f, problems, NAME));
            name.ifPresent(element::identify);
            if (name.isPresent() && !names.add(name.get())) {
                problems.error(element.attributeLocation("name"), "value \"" + name.get() + "\" is defined twice; "
                        + "define each lock once");
            }
            Optional<String> description = element.attribute("desc").map(Field::raw);
            Duration maxHold = element.requiredAttribute("maxt", "the longest the lock may be held, in seconds")
                    .map(f -> Values.positiveSeconds(f, problems)).orElse(null);
            if (name.isPresent() && maxHold != null) {
                String desc = description.orElseGet(() -> LockConfig.DEFAULTS.lock(name.get())
                        .map(LockDefinition::description).orElse(name.get()));
                locks.add(new LockDefinition(name.get(), desc, maxHold));
            }
        }
        return problems.hasErrors() ? null : LockConfig.DEFAULTS.with(locks);
    }
}
