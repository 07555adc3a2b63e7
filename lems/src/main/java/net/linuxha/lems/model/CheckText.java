package net.linuxha.lems.model;

import net.linuxha.common.config.LemsCheck;

/** How a check of lems.local.xml is written back in answers and log lines. */
public final class CheckText {

    private CheckText() {
    }

    /**
     * The {@code module} element as written, module name and arguments: the {@code command} field of GET_STAT,
     * e.g. {@code procmon /etc/cluster/apache/httpd.xml}.
     */
    public static String moduleLine(LemsCheck check) {
        if (check.arguments().isEmpty()) {
            return check.module();
        }
        return check.module() + " " + String.join(" ", check.arguments());
    }
}
