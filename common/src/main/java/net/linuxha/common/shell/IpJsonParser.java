package net.linuxha.common.shell;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses the JSON of {@code ip -j addr show} and {@code ip -j link show} (iproute2). */
public final class IpJsonParser {

    private IpJsonParser() {
    }

    public static List<IpInterface> parse(String json) {
        JsonNode root = Json.parse(json, "ip -j");
        if (!root.isArray()) {
            throw new ToolOutputException("ip -j printed " + root.getNodeType()
                    + " where a list of cards was expected");
        }
        List<IpInterface> cards = new ArrayList<>();
        for (JsonNode card : root) {
            cards.add(card(card));
        }
        return cards;
    }

    private static IpInterface card(JsonNode node) {
        List<String> flags = new ArrayList<>();
        node.path("flags").forEach(flag -> flags.add(flag.asText()));
        List<IpAddress> addresses = new ArrayList<>();
        node.path("addr_info").forEach(info -> addresses.add(address(info)));
        return new IpInterface(node.path("ifindex").asInt(), Json.requireText(node, "ifname", "ip -j"), flags,
                node.path("operstate").asText("UNKNOWN"), node.path("mtu").asInt(),
                Optional.ofNullable(Json.text(node, "address")), addresses);
    }

    private static IpAddress address(JsonNode info) {
        return new IpAddress(Json.requireText(info, "family", "ip -j addr"), Json.requireText(info, "local",
                "ip -j addr"), info.path("prefixlen").asInt(), Optional.ofNullable(Json.text(info, "broadcast")),
                Optional.ofNullable(Json.text(info, "label")), info.path("scope").asText(""),
                info.path("secondary").asBoolean(false));
    }
}
