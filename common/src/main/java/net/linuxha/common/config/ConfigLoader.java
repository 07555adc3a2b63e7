package net.linuxha.common.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The one way every configuration file is read: XML text to an element tree ({@link XmlTreeReader}), the tree to a
 * record by a {@link ConfigBinder}, then every element or attribute the binder did not ask for is an error.
 * All problems of a file are thrown together in one {@link ConfigException}.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    public static <T> Loaded<T> load(Path file, ConfigBinder<T> binder) throws ConfigException {
        return parse(file, read(file), binder);
    }

    /** Binds XML text; {@code file} is the name used in messages. */
    public static <T> Loaded<T> parse(Path file, String xml, ConfigBinder<T> binder) throws ConfigException {
        XmlElement rootElement = XmlTreeReader.read(file, xml);
        if (rootElement == null) {
            throw new ConfigException(new ConfigProblem(file, "",
                    "the file holds no XML element; it must contain a <" + binder.rootElement() + "> element"));
        }
        if (!rootElement.name().equals(binder.rootElement())) {
            throw new ConfigException(new ConfigProblem(file, "<" + rootElement.name() + ">",
                    "wrong root element; this file must start with <" + binder.rootElement() + ">"));
        }
        Problems problems = new Problems(file);
        T config = binder.bind(ConfigNode.root(rootElement, problems), problems);
        problems.reportUnknown();
        List<ConfigProblem> errors = problems.errors();
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        if (config == null) {
            throw new IllegalStateException(binder.getClass().getSimpleName() + " returned no configuration for "
                    + file + " without reporting an error");
        }
        return new Loaded<>(config, problems.warnings());
    }

    static String read(Path file) throws ConfigException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(new ConfigProblem(file, "", "the file does not exist; create it (samples are "
                    + "in etc-samples/ of the distribution)"));
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem(file, "", "the file cannot be read (" + e + "); check that it "
                    + "is a readable regular file"));
        }
    }
}
