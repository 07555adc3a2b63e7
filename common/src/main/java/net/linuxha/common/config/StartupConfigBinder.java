package net.linuxha.common.config;

import java.time.Duration;
import java.util.Optional;

/** Binds clstartup.xml (10.4): the four yes/no settings are required, the timeout optional. */
final class StartupConfigBinder implements ConfigBinder<StartupConfig> {

    private static final String YES_NO = "yes or no";

    @Override
    public String rootElement() {
        return "clstartup_config";
    }

    @Override
    public StartupConfig bind(ConfigNode root, Problems problems) {
        Boolean single = yesNo(root, "allow_single_node", problems);
        Boolean background = yesNo(root, "background_startup", problems);
        Boolean join = yesNo(root, "join_existing_cluster", problems);
        Boolean autostart = yesNo(root, "autostart_apps", problems);
        Optional<Duration> timeout = root.text("timeout").map(f -> Values.positiveSeconds(f, problems));
        if (problems.hasErrors()) {
            return null;
        }
        return new StartupConfig(single, background, join, autostart, timeout);
    }

    private static Boolean yesNo(ConfigNode root, String tag, Problems problems) {
        return root.requiredText(tag, YES_NO).map(f -> Values.yesNo(f, problems, YES_NO)).orElse(null);
    }
}
