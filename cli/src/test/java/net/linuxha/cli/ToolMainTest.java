package net.linuxha.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ToolMainTest {

    @Test
    void aLauncherNameMapsToOneClassInTheToolsOwnPackage() {
        assertEquals("net.linuxha.cli.clstat.ClstatTool", ToolMain.className("clstat"));
        assertEquals("net.linuxha.cli.drbdtool.DrbdtoolTool", ToolMain.className("drbd_tool"));
    }

    @Test
    void anUnknownOrMalformedNameIsNotFound() {
        assertTrue(ToolMain.find("nosuchtool").isEmpty());
        assertTrue(ToolMain.find("../etc").isEmpty());
        assertTrue(ToolMain.find("").isEmpty());
    }
}
