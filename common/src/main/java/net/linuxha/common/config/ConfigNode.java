package net.linuxha.common.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A cursor over one element while a binder reads it. Every child tag and attribute a binder asks for is recorded as
 * known; whatever remains is reported as unknown when the file is finished, so a misspelt element is an error
 * rather than a setting that silently does nothing.
 */
public final class ConfigNode {

    private final XmlElement element;
    private final ConfigNode parent;
    private final Problems problems;
    private final Set<String> knownChildren = new LinkedHashSet<>();
    private final Set<String> knownAttributes = new LinkedHashSet<>();
    private String label;
    private boolean leaf;

    private ConfigNode(XmlElement element, ConfigNode parent, String label, Problems problems) {
        this.element = element;
        this.parent = parent;
        this.label = label;
        this.problems = problems;
        problems.visited(this);
    }

    static ConfigNode root(XmlElement element, Problems problems) {
        return new ConfigNode(element, null, "", problems);
    }

    /** The element path used in messages; empty for the root element. */
    public String location() {
        return parent == null ? "" : parent.location() + label;
    }

    public String location(String childTag) {
        return location() + "<" + childTag + ">";
    }

    public String attributeLocation(String attribute) {
        return location() + "@" + attribute;
    }

    /** Names a repeated element in messages, e.g. {@code <node[servera]>} instead of {@code <node[1]>}. */
    public void identify(String name) {
        label = "<" + element.name() + "[" + name + "]>";
    }

    public String name() {
        return element.name();
    }

    /** The single child with this tag, reporting a duplicate. */
    public Optional<ConfigNode> child(String tag) {
        List<XmlElement> found = matching(tag);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.size() > 1) {
            problems.error(location(tag), "appears " + found.size() + " times; it must appear once");
        }
        return Optional.of(new ConfigNode(found.get(0), this, "<" + tag + ">", problems));
    }

    /** The single child with this tag; reports it missing with what it must be. */
    public Optional<ConfigNode> requiredChild(String tag, String expected) {
        Optional<ConfigNode> child = child(tag);
        if (child.isEmpty()) {
            problems.missing(location(tag), expected);
        }
        return child;
    }

    /** Every child with this tag, labelled by position until {@link #identify(String)} names them. */
    public List<ConfigNode> children(String tag) {
        List<ConfigNode> nodes = new ArrayList<>();
        int position = 1;
        for (XmlElement child : matching(tag)) {
            nodes.add(new ConfigNode(child, this, "<" + tag + "[" + position++ + "]>", problems));
        }
        return nodes;
    }

    /** The text of a child element that holds only text, trimmed. */
    public Optional<Field> text(String tag) {
        return child(tag).map(ConfigNode::leafText);
    }

    public Optional<Field> requiredText(String tag, String expected) {
        Optional<Field> field = text(tag);
        if (field.isEmpty()) {
            problems.missing(location(tag), expected);
        }
        return field;
    }

    public Optional<Field> attribute(String name) {
        knownAttributes.add(name);
        String value = element.attributes().get(name);
        return value == null ? Optional.empty() : Optional.of(new Field(attributeLocation(name), value.strip()));
    }

    public Optional<Field> requiredAttribute(String name, String expected) {
        Optional<Field> field = attribute(name);
        if (field.isEmpty()) {
            problems.missing(attributeLocation(name), expected);
        }
        return field;
    }

    /** This element's own text; nested elements inside a text element are reported as unknown. */
    public Field leafText() {
        leaf = true;
        return new Field(location(), element.text().strip());
    }

    void reportUnknown() {
        Set<String> reported = new LinkedHashSet<>();
        for (XmlElement child : element.children()) {
            if (!knownChildren.contains(child.name()) && reported.add(child.name())) {
                problems.error(location(child.name()), "unknown element; " + expectedChildren());
            }
        }
        for (Map.Entry<String, String> attribute : element.attributes().entrySet()) {
            if (!knownAttributes.contains(attribute.getKey())) {
                problems.error(attributeLocation(attribute.getKey()), "unknown attribute; " + expectedAttributes());
            }
        }
        if (!leaf && !element.text().isBlank()) {
            problems.error(location().isEmpty() ? "<" + element.name() + ">" : location(),
                    "unexpected text \"" + element.text().strip() + "\"; this element holds only elements");
        }
    }

    private List<XmlElement> matching(String tag) {
        knownChildren.add(tag);
        return element.children().stream().filter(c -> c.name().equals(tag)).toList();
    }

    private String expectedChildren() {
        if (knownChildren.isEmpty()) {
            return "<" + element.name() + "> holds no elements";
        }
        return "expected one of " + knownChildren.stream().map(t -> "<" + t + ">").collect(Collectors.joining(", "));
    }

    private String expectedAttributes() {
        if (knownAttributes.isEmpty()) {
            return "<" + element.name() + "> takes no attributes";
        }
        return "expected one of " + String.join(", ", knownAttributes);
    }
}
