package net.linuxha.common.config;

/**
 * Turns the element tree of one kind of file into its record. A binder reports every problem to {@link Problems}
 * and returns {@code null} when it found errors; {@link ConfigLoader} then throws them all together.
 */
public interface ConfigBinder<T> {

    /** The root element the file must have, e.g. {@code clconf}. */
    String rootElement();

    T bind(ConfigNode root, Problems problems);
}
