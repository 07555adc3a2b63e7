package net.linuxha.common.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON parsing for tool reports; a report that does not parse names the tool so the message is actionable. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode parse(String text, String what) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new ToolOutputException(what + " printed no JSON (empty output)");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ToolOutputException(what + " printed output that is not valid JSON ("
                    + e.getOriginalMessage() + "); first part: " + CommandLineText.excerpt(text, 200));
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static String requireText(JsonNode node, String field, String what) {
        String value = text(node, field);
        if (value == null) {
            throw new ToolOutputException(what + ": field '" + field + "' missing in " + node);
        }
        return value;
    }
}
