package net.linuxha.lems.support;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import net.linuxha.lems.action.ClusterDaemonLink;

/** Stands in for cldaemon, which does not exist in this branch: remembers the requests Lems sent it. */
public final class RecordingClusterLink implements ClusterDaemonLink {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean unreachable;

    @Override
    public void requestFailover(String application) throws IOException {
        send("FAILOVER " + application);
    }

    @Override
    public void requestHalt(String application) throws IOException {
        send("HALT " + application);
    }

    private void send(String request) throws IOException {
        if (unreachable) {
            throw new IOException("connection refused");
        }
        requests.add(request);
    }

    public void makeUnreachable() {
        unreachable = true;
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }
}
