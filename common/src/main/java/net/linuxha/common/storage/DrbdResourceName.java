package net.linuxha.common.storage;

import java.util.regex.Pattern;

/**
 * The DRBD resource of one replicated logical volume: {@code <application>_<vg>_<lv>}, e.g.
 * {@code apache_app01vg_docs}. One resource per volume (not one per application) so that a file system can be added,
 * removed or resynchronised on its own, as Reference 18 does on-line. DRBD allows {@code [A-Za-z0-9_-]} in names;
 * application, volume group and logical volume names outside that set are refused with the fix.
 */
public final class DrbdResourceName {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]+");

    private DrbdResourceName() {
    }

    public static String of(String application, String vg, String lv) {
        check("application", application);
        check("volume group", vg);
        check("logical volume", lv);
        return application + "_" + vg + "_" + lv;
    }

    public static String of(String application, FsMapEntry entry) {
        return of(application, entry.vg(), entry.lv());
    }

    private static void check(String what, String name) {
        if (name == null || !ALLOWED.matcher(name).matches()) {
            throw new IllegalArgumentException("The " + what + " name \"" + name + "\" cannot be part of a DRBD "
                    + "resource name (allowed: letters, digits, '_' and '-'); rename the " + what
                    + " and rebuild the application with clbuildapp");
        }
    }
}
