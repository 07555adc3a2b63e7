package net.linuxha.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import net.linuxha.common.cli.ToolRunner;

import picocli.CommandLine;

@Timeout(10)
class ToolMainTest {

    @Test
    void aLauncherNameMapsToOneClassInTheToolsOwnPackage() {
        assertEquals("net.linuxha.cli.clstat.ClstatTool", ToolMain.className("clstat"));
        assertEquals("net.linuxha.cli.drbdtool.DrbdtoolTool", ToolMain.className("drbd_tool"));
    }

    @Test
    void everyToolOfTheBuildAnswersHelpWithItsUsage() {
        for (String name : List.of("clbuild", "clbuildapp", "clform", "clhalt", "clstat", "clstartapp", "clhaltapp",
                "clrunapp", "clremoveapp", "cldaemonctl", "lemsctl", "clnetdctl", "drbd_tool", "clstartup")) {
            Optional<Object> tool = ToolMain.find(name);
            if (tool.isEmpty()) {
                continue;
            }
            StringWriter out = new StringWriter();
            CommandLine commandLine = ToolRunner.commandLine(tool.get());
            commandLine.setOut(new PrintWriter(out));
            commandLine.setErr(new PrintWriter(new StringWriter()));
            assertEquals(0, commandLine.execute("--help"), name + " --help");
            assertTrue(out.toString().contains("Usage: " + name), name + " prints its usage: " + out);
        }
    }

    @Test
    void anUnknownOrMalformedNameIsNotFound() {
        assertTrue(ToolMain.find("nosuchtool").isEmpty());
        assertTrue(ToolMain.find("../etc").isEmpty());
        assertTrue(ToolMain.find("").isEmpty());
    }
}
