package net.linuxha.lems.spi;

/**
 * One monitor object of a Lems check (Reference 24.6): created once by its {@link MonitorFactory} from the arguments
 * of the check's {@code module} element, then asked to {@link #check()} at the check's interval. The same object is
 * used for every run, so it may keep state between runs (procmon counts its restarts this way).
 *
 * <p>Threads: {@link #check()} runs on a worker thread of the Lems scheduler, never twice at once for one object.
 * {@link #detail()} and {@link #accept(String)} are called from the request thread and may overlap a running check,
 * so they must not wait on it: keep shared fields in a small synchronized state and do no I/O under that lock.
 * A check that does not return within the check's timeout is interrupted and its result dropped.
 */
public interface Monitor {

    /**
     * Runs the check once. The return code selects the action list ({@code <action rc="N" .../>}); the optional
     * RCDATA text replaces {@code %RCDATA%} in that action list.
     *
     * @throws Exception when the check could not be done at all; Lems logs it as a warning naming the check and runs
     *                   no action for this run
     */
    CheckResult check() throws Exception;

    /**
     * The detailed monitor information of {@code GET_VSTAT} (Perl's optional {@code stat}): zero or more lines in a
     * format of the monitor's own. The default is none.
     */
    default String detail() {
        return "";
    }

    /**
     * A {@code CMD monitor text} request (Perl's optional {@code accept}). The default answers {@code NOT_IMP}.
     */
    default CommandReply accept(String command) {
        return CommandReply.notImplemented();
    }

    /** Called once when the check is removed or Lems stops; release anything held. */
    default void close() {
    }
}
