package net.linuxha.lems.action;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import net.linuxha.lems.model.Seconds;

/**
 * Parses the text of an action list entry: actions separated by {@code ;} (Reference 24.3), e.g.
 * {@code RUNCMD email root; rubbish; FAILOVER}. Keywords are case-insensitive, empty entries (a trailing
 * {@code ;}) are ignored, and a bad entry becomes {@link Action.Invalid} in its place.
 */
public final class ActionList {

    /** The text an action list uses for the monitor's RCDATA. */
    public static final String RCDATA = "%RCDATA%";

    private static final String KNOWN = "NOP, HALT/STOP [check], START/RUN check [interval], ABORT/FAILOVER, "
            + "HALTAPP/STOPAPP, PAUSE [seconds], RUNCMD command [args], REMOVEMON";

    private ActionList() {
    }

    /** {@code template} with {@code %RCDATA%} replaced by {@code rcData} (nothing when there is none). */
    public static String substitute(String template, Optional<String> rcData) {
        return template.replace(RCDATA, rcData.orElse(""));
    }

    /** The actions of {@code text}, in order. */
    public static List<Action> parse(String text) {
        List<Action> actions = new ArrayList<>();
        for (String entry : text.split(";", -1)) {
            String trimmed = entry.trim();
            if (!trimmed.isEmpty()) {
                actions.add(parseOne(trimmed));
            }
        }
        return List.copyOf(actions);
    }

    /** One action from one entry (no {@code ;}). */
    public static Action parseOne(String entry) {
        List<String> words = Arrays.asList(entry.trim().split("\\s+"));
        String keyword = words.get(0).toUpperCase(Locale.ROOT);
        List<String> args = words.subList(1, words.size());
        return switch (keyword) {
            case "NOP" -> noArguments(entry, args, new Action.Nop());
            case "HALT", "STOP" -> args.size() <= 1
                    ? new Action.Stop(args.stream().findFirst())
                    : invalid(entry, keyword + " takes at most one check name");
            case "START", "RUN" -> start(entry, keyword, args);
            case "ABORT", "FAILOVER" -> noArguments(entry, args, new Action.Failover());
            case "HALTAPP", "STOPAPP" -> noArguments(entry, args, new Action.HaltApplication());
            case "PAUSE" -> pause(entry, args);
            case "RUNCMD" -> args.isEmpty()
                    ? invalid(entry, "RUNCMD needs the command to run, e.g. RUNCMD /usr/local/bin/page-admin")
                    : new Action.RunCommand(args);
            case "REMOVEMON" -> noArguments(entry, args, new Action.RemoveMonitor());
            default -> invalid(entry, "unknown action " + words.get(0) + "; the actions are " + KNOWN);
        };
    }

    private static Action start(String entry, String keyword, List<String> args) {
        if (args.isEmpty() || args.size() > 2) {
            return invalid(entry, keyword + " needs a check name and optionally a new interval: " + keyword
                    + " check [seconds]");
        }
        Optional<Duration> interval = Optional.empty();
        if (args.size() == 2) {
            try {
                interval = Optional.of(Seconds.parse(args.get(1), "the interval of " + keyword));
            } catch (IllegalArgumentException e) {
                return invalid(entry, e.getMessage());
            }
        }
        return new Action.Start(args.get(0), interval);
    }

    private static Action pause(String entry, List<String> args) {
        if (args.isEmpty()) {
            return new Action.Pause(Action.Pause.DEFAULT_DELAY);
        }
        if (args.size() > 1) {
            return invalid(entry, "PAUSE takes at most one number of seconds: PAUSE [seconds]");
        }
        try {
            return new Action.Pause(Seconds.parse(args.get(0), "the delay of PAUSE"));
        } catch (IllegalArgumentException e) {
            return invalid(entry, e.getMessage());
        }
    }

    private static Action noArguments(String entry, List<String> args, Action action) {
        if (!args.isEmpty()) {
            return invalid(entry, entry.trim().split("\\s+")[0] + " takes no arguments");
        }
        return action;
    }

    private static Action invalid(String entry, String reason) {
        return new Action.Invalid(entry, reason);
    }
}
