package net.linuxha.common.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration file could not be used; carries every problem found, not only the first.
 *
 * <h2>Message format</h2>
 * Each problem is one line:
 * <pre>
 *   FILE: LOCATION: MESSAGE
 *   FILE: MESSAGE                      (problems about the whole file: missing, unreadable, permissions)
 * </pre>
 * <ul>
 *   <li>FILE is the path as given, e.g. {@code /etc/cluster/clconf.xml}.</li>
 *   <li>LOCATION is the element path below the root element, one {@code <tag>} per level, e.g.
 *       {@code <timings><warn>}. A repeated element carries its name in brackets once known
 *       ({@code <node[servera]>}, {@code <check[httpd]>}, {@code <lock[NET]>}), otherwise its 1-based position
 *       ({@code <node[2]>}). An attribute is appended as {@code @name}: {@code <node[servera]><network[public]>@cards}.
 *       The root element itself is written {@code <clconf>} when the problem is about it; XML syntax errors use
 *       {@code line L column C}.</li>
 *   <li>MESSAGE takes one of these forms:
 *     <ul>
 *       <li>{@code value "BAD" must be EXPECTED} (or {@code value "BAD" is no longer supported; it must be ...})</li>
 *       <li>{@code is missing; it must be EXPECTED}</li>
 *       <li>{@code unknown element; expected one of <a>, <b>} and {@code unknown attribute; expected one of a, b}</li>
 *       <li>{@code appears N times; it must appear once}</li>
 *       <li>a sentence naming the conflicting values, for relations between fields</li>
 *     </ul></li>
 * </ul>
 * Example:
 * <pre>
 *   /etc/cluster/clconf.xml: &lt;timings&gt;&lt;warn&gt;: value "2" must be greater than &lt;keepalive&gt; (3)
 * </pre>
 * Warnings ({@link Loaded#warnings()}) use the same format. {@link #getMessage()} is all lines joined by newlines.
 */
public final class ConfigException extends Exception {

    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(render(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ConfigException(ConfigProblem problem) {
        this(List.of(problem));
    }

    /** Every problem, in the order found. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /** Every problem rendered in the documented format, one string per problem. */
    public List<String> lines() {
        return problems.stream().map(ConfigProblem::toString).toList();
    }

    private static String render(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
    }
}
