package net.linuxha.net.daemon;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import net.linuxha.net.CardAddress;
import net.linuxha.net.NetAction;
import net.linuxha.net.NetEvent;
import net.linuxha.net.io.LogSink;

/**
 * Notices addresses put on or taken off the cards by others (clstartapp adding an application alias, clhaltapp
 * removing it, an administrator): one {@code ip -j addr} every scan interval, compared with the scan before, changes
 * handed to the daemon's loop. The first scan reports every address, which the decisions take as already known.
 *
 * <p>Runs on its own thread, so the loop that polls the carrier never waits for {@code ip}. A failed scan is logged
 * once until a scan works again.
 */
final class AddressScanner implements Runnable {

    private final AddressSource source;
    private final Consumer<List<NetEvent>> loop;
    private final LogSink log;
    private Map<String, List<CardAddress>> previous = Map.of();
    private boolean failing;

    /** @param loop hands events to the daemon's loop thread */
    AddressScanner(AddressSource source, Consumer<List<NetEvent>> loop, LogSink log) {
        this.source = Objects.requireNonNull(source, "source");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void run() {
        Map<String, List<CardAddress>> current;
        try {
            current = source.scan();
        } catch (IOException | RuntimeException e) {
            if (!failing) {
                failing = true;
                log.log(NetAction.Log.error("Cannot scan the cards' IP addresses (" + e.getMessage() + ") - "
                        + "addresses added or removed by applications are not noticed until this works again"));
            }
            return;
        }
        if (failing) {
            failing = false;
            log.log(NetAction.Log.info("The cards' IP addresses can be scanned again"));
        }
        List<NetEvent> events = AddressChanges.between(previous, current);
        previous = current;
        if (!events.isEmpty()) {
            loop.accept(events);
        }
    }
}
