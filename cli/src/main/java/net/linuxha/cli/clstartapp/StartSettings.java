package net.linuxha.cli.clstartapp;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import net.linuxha.common.app.ForceLevel;
import net.linuxha.common.config.ApplicationConfig;

/**
 * clstartapp's command line after defaults (Reference 22.1, 22.2).
 *
 * @param force    {@code --force} / {@code --reallyforce}
 * @param maxDelay {@code --maxdelay}: overrides appconf's maxstarttime for the start script, and is how long a
 *                 busy file system is retried when a failed start unmounts again
 * @param checks   {@code --checks}: the slower extra checks before anything is touched
 */
public record StartSettings(String application, ForceLevel force, Optional<Duration> maxDelay, boolean checks) {

    public StartSettings {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(force, "force");
        Objects.requireNonNull(maxDelay, "maxDelay");
    }

    /** 22.2: {@code --maxdelay}, else appconf's maxstarttime (itself 30 s when the file has none). */
    public Duration startLimit(ApplicationConfig app) {
        return maxDelay.orElse(app.maxStartTime());
    }

    /** How long a rollback retries a busy file system: {@code --maxdelay}, else appconf's maxstoptime. */
    public Duration unmountDelay(ApplicationConfig app) {
        return maxDelay.orElse(app.maxStopTime());
    }
}
