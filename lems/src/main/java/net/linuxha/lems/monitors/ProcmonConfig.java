package net.linuxha.lems.monitors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A procmon configuration file (Reference 24.4.8, 9.3):
 *
 * <pre>{@code
 * <procmon>
 *   <global>
 *     <logdir>/var/log/cluster</logdir>        optional, default the cluster log directory
 *     <restarts>3</restarts>                   required
 *     <resetwindow>3600</resetwindow>          optional, seconds, default 3600
 *     <restartcmd>/apache/admin/apache restart</restartcmd>   optional; without it a fault means fail-over
 *   </global>
 *   <process>                                  one or more
 *     <label>Web Server</label>                required
 *     <user>nobody</user>                      optional, default "." (any user)
 *     <process_string>httpd</process_string>   required, a regular expression found in the command line
 *     <min_count>1</min_count>                 optional, default 1
 *     <max_count>10</max_count>                optional, default 999
 *   </process>
 * </procmon>
 * }</pre>
 */
public record ProcmonConfig(Optional<Path> logDir, int restarts, Duration resetWindow,
                            Optional<List<String>> restartCommand, List<Rule> processes) {

    public static final Duration DEFAULT_RESET_WINDOW = Duration.ofSeconds(3600);

    /** One {@code process} entry. {@code user} is {@code .} for any user. */
    public record Rule(String label, String user, Pattern pattern, int minCount, int maxCount) {

        public boolean anyUser() {
            return user.equals(".");
        }
    }

    public ProcmonConfig {
        processes = List.copyOf(processes);
    }

    /**
     * Reads and checks a procmon file.
     *
     * @throws IOException naming the file and the element when it is unreadable or wrong
     */
    public static ProcmonConfig read(Path file) throws IOException {
        Document document;
        try (InputStream in = Files.newInputStream(file)) {
            document = builder().parse(in);
        } catch (SAXException e) {
            throw new IOException("procmon file " + file + " is not well-formed XML: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!root.getTagName().equals("procmon")) {
            throw new IOException("procmon file " + file + " must have <procmon> as its top element, not <"
                    + root.getTagName() + ">");
        }
        Element global = single(root, "global", file).orElseThrow(() -> new IOException("procmon file " + file
                + " has no <global> element; it needs at least <global><restarts>N</restarts></global>"));
        Optional<Path> logDir = text(global, "logdir", file).map(Path::of);
        int restarts = number(global, "restarts", file, null, 0, 10_000);
        int window = number(global, "resetwindow", file, 3600, 1, Integer.MAX_VALUE);
        Optional<List<String>> restartCommand = text(global, "restartcmd", file)
                .map(command -> List.of(command.split("\\s+")));
        List<Rule> rules = new ArrayList<>();
        NodeList processNodes = root.getElementsByTagName("process");
        for (int i = 0; i < processNodes.getLength(); i++) {
            rules.add(rule((Element) processNodes.item(i), file, i + 1));
        }
        if (rules.isEmpty()) {
            throw new IOException("procmon file " + file + " has no <process> element; add one per process to "
                    + "watch");
        }
        return new ProcmonConfig(logDir, restarts, Duration.ofSeconds(window), restartCommand, rules);
    }

    private static Rule rule(Element process, Path file, int index) throws IOException {
        String where = "process " + index;
        String label = text(process, "label", file).orElseThrow(() -> new IOException("procmon file " + file + ": "
                + where + " has no <label>; give the name to use in log lines"));
        String user = text(process, "user", file).orElse(".");
        String patternText = text(process, "process_string", file).orElseThrow(() -> new IOException(
                "procmon file " + file + ": process " + label + " has no <process_string>; give the text or "
                        + "regular expression to find in its command line"));
        Pattern pattern;
        try {
            pattern = Pattern.compile(patternText);
        } catch (PatternSyntaxException e) {
            throw new IOException("procmon file " + file + ": process " + label + " has a <process_string> that "
                    + "is not a valid regular expression: " + e.getDescription(), e);
        }
        int min = number(process, "min_count", file, 1, 0, Integer.MAX_VALUE);
        int max = number(process, "max_count", file, 999, 0, Integer.MAX_VALUE);
        if (max < min) {
            throw new IOException("procmon file " + file + ": process " + label + " has max_count " + max
                    + " below min_count " + min);
        }
        return new Rule(label, user, pattern, min, max);
    }

    private static int number(Element parent, String name, Path file, Integer fallback, int least, int most)
            throws IOException {
        Optional<String> value = text(parent, name, file);
        if (value.isEmpty()) {
            if (fallback == null) {
                throw new IOException("procmon file " + file + " has no <" + name + "> in <" + parent.getTagName()
                        + ">; it must be given");
            }
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number >= least && number <= most) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IOException("procmon file " + file + ": <" + name + "> must be a whole number from " + least
                + (most == Integer.MAX_VALUE ? " up" : " to " + most) + ", not '" + value.get() + "'");
    }

    private static Optional<String> text(Element parent, String name, Path file) throws IOException {
        return single(parent, name, file).map(e -> e.getTextContent().trim()).filter(s -> !s.isEmpty());
    }

    private static Optional<Element> single(Element parent, String name, Path file) throws IOException {
        Element found = null;
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                if (found != null) {
                    throw new IOException("procmon file " + file + " has two <" + name + "> elements in <"
                            + parent.getTagName() + ">; keep one");
                }
                found = element;
            }
        }
        return Optional.ofNullable(found);
    }

    private static DocumentBuilder builder() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // The file is local and root-owned, but there is no reason to let it pull in anything else.
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // The default handler prints to standard error as well as throwing; the exception is enough.
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IOException("no usable XML parser: " + e.getMessage(), e);
        }
    }
}
