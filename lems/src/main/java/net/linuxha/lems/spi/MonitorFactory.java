package net.linuxha.lems.spi;

import java.util.List;

/**
 * Makes the monitor objects of one module, the name in the first word of a check's {@code module} element
 * ({@code procmon /etc/cluster/apache/httpd.xml}: module {@code procmon}, one argument).
 *
 * <p>Found with {@link java.util.ServiceLoader}: a jar lists its factories in
 * {@code META-INF/services/net.linuxha.lems.spi.MonitorFactory}, one class name a line, each with a public
 * no-argument constructor. See {@code docs/lems-modules.md}.
 */
public interface MonitorFactory {

    /** The module name used in {@code lems.local.xml}; unique among all factories Lems can see. */
    String moduleName();

    /**
     * A new monitor for one check (Perl's {@code new(arguments)}).
     *
     * @param arguments the words after the module name in the {@code module} element, split on white space
     * @throws MonitorCreationException when the arguments or the files they name are wrong; the message must say
     *                                  what is wrong and how to fix it, since Lems logs it and drops the check
     */
    Monitor create(List<String> arguments, MonitorContext context) throws MonitorCreationException;
}
