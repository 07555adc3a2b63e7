package net.linuxha.common.config;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads XML text into an {@link XmlElement} tree with StAX. DTDs and external entities are refused: these files
 * are read by root, and an entity could make a tool read any file on the node.
 */
final class XmlTreeReader {

    private XmlTreeReader() {
    }

    static XmlElement read(Path file, String xml) throws ConfigException {
        // The JDK's own parser, not whichever StAX provider is on the class path, so messages are stable.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new StringReader(xml));
            return readDocument(reader);
        } catch (XMLStreamException e) {
            throw new ConfigException(new ConfigProblem(file, where(e.getLocation()),
                    "the file is not well-formed XML: " + parserMessage(e) + "; fix the XML syntax"));
        } finally {
            closeQuietly(reader);
        }
    }

    private static XmlElement readDocument(XMLStreamReader reader) throws XMLStreamException {
        Deque<Builder> open = new ArrayDeque<>();
        XmlElement root = null;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    Map<String, String> attributes = new LinkedHashMap<>();
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                    }
                    open.push(new Builder(reader.getLocalName(), attributes, reader.getLocation().getLineNumber()));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (!open.isEmpty()) {
                        open.peek().text.append(reader.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlElement done = open.pop().build();
                    if (open.isEmpty()) {
                        root = done;
                    } else {
                        open.peek().children.add(done);
                    }
                }
                default -> {
                    // Comments, processing instructions and whitespace outside the root carry no configuration.
                }
            }
        }
        return root;
    }

    private static String where(Location location) {
        if (location == null || location.getLineNumber() < 0) {
            return "";
        }
        return "line " + location.getLineNumber() + " column " + location.getColumnNumber();
    }

    /** The JDK prefixes its message with "ParseError at [row,col]:[l,c]\nMessage: "; the location is given apart. */
    private static String parserMessage(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
    }

    private static void closeQuietly(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // Nothing useful to report: the input is an in-memory string.
            }
        }
    }

    private static final class Builder {
        final String name;
        final Map<String, String> attributes;
        final int line;
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();

        Builder(String name, Map<String, String> attributes, int line) {
            this.name = name;
            this.attributes = attributes;
            this.line = line;
        }

        XmlElement build() {
            return new XmlElement(name, Collections.unmodifiableMap(attributes), List.copyOf(children),
                    text.toString(), line);
        }
    }
}
