package net.linuxha.common.log;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Before a program sets up logging, only warnings and errors appear, on standard error, in our format. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DefaultLogConfiguratorTest {

    @Test
    void isRegisteredAsALogbackConfigurator() {
        boolean found = ServiceLoader.load(Configurator.class).stream()
                .anyMatch(provider -> provider.type() == DefaultLogConfigurator.class);
        assertTrue(found, "META-INF/services entry for DefaultLogConfigurator");
    }

    @Test
    void writesWarningsToStandardErrorAndDropsInfo() {
        PrintStream realErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            DefaultLogConfigurator configurator = new DefaultLogConfigurator();
            configurator.setContext(context);
            configurator.configure(context);
        } finally {
            System.setErr(realErr);
        }
        context.getLogger("io.netty.Something").debug("library chatter");
        context.getLogger("x").info("verbose only");
        context.getLogger("x").warn("Link eth1 is down");
        context.stop();

        String text = captured.toString(StandardCharsets.UTF_8);
        assertTrue(text.matches("WARN \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d:\\d\\d Link eth1 is down\n"), text);
        assertFalse(text.contains("chatter"));
    }
}
