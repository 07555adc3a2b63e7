package net.linuxha.common.shell;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Parses {@code drbdsetup status --json} (drbd-utils 9: {@code user/v9/drbdsetup.c} {@code *_status_json}). */
public final class DrbdStatusParser {

    private static final String WHAT = "drbdsetup status --json";

    private DrbdStatusParser() {
    }

    public static List<DrbdResourceStatus> parse(String json) {
        JsonNode root = Json.parse(json, WHAT);
        if (!root.isArray()) {
            throw new ToolOutputException(WHAT + " printed " + root.getNodeType() + " where a list was expected");
        }
        List<DrbdResourceStatus> resources = new ArrayList<>();
        for (JsonNode resource : root) {
            resources.add(resource(resource));
        }
        return resources;
    }

    private static DrbdResourceStatus resource(JsonNode node) {
        List<DrbdResourceStatus.Device> devices = new ArrayList<>();
        node.path("devices").forEach(d -> devices.add(device(d)));
        List<DrbdResourceStatus.Connection> connections = new ArrayList<>();
        node.path("connections").forEach(c -> connections.add(connection(c)));
        return new DrbdResourceStatus(Json.requireText(node, "name", WHAT), node.path("node-id").asInt(-1),
                node.path("role").asText("Unknown"), node.path("suspended").asBoolean(false), devices, connections);
    }

    private static DrbdResourceStatus.Device device(JsonNode node) {
        JsonNode size = node.get("size");
        return new DrbdResourceStatus.Device(node.path("volume").asInt(), node.path("minor").asInt(),
                Json.requireText(node, "disk-state", WHAT), node.path("client").asBoolean(false),
                node.path("quorum").asBoolean(true), size == null ? Optional.empty() : Optional.of(size.asLong()));
    }

    private static DrbdResourceStatus.Connection connection(JsonNode node) {
        List<DrbdResourceStatus.PeerDevice> peers = new ArrayList<>();
        node.path("peer_devices").forEach(p -> peers.add(peerDevice(p)));
        return new DrbdResourceStatus.Connection(node.path("peer-node-id").asInt(), node.path("name").asText(""),
                Json.requireText(node, "connection-state", WHAT), node.path("peer-role").asText("Unknown"), peers);
    }

    private static DrbdResourceStatus.PeerDevice peerDevice(JsonNode node) {
        JsonNode done = node.get("percent-resync-done");
        return new DrbdResourceStatus.PeerDevice(node.path("volume").asInt(),
                Json.requireText(node, "replication-state", WHAT), Json.requireText(node, "peer-disk-state", WHAT),
                node.path("out-of-sync").asLong(0), node.path("percent-in-sync").asDouble(0),
                done == null ? OptionalDouble.empty() : OptionalDouble.of(done.asDouble()));
    }
}
