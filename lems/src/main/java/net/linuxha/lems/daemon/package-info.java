/**
 * The running Lems daemon around the engine: {@link net.linuxha.lems.daemon.LemsDaemon} (engine plus wire server
 * on the port of lems.local.xml), the request lane that keeps blocking work off the network threads, check mode
 * ({@link net.linuxha.lems.daemon.LemsCheckMode}), and the production edges: programs through the shell layer
 * ({@link net.linuxha.lems.daemon.ShellProgramRunner}) and requests to the local cldaemon over the wire ({@link net.linuxha.lems.daemon.WireClusterDaemonLink}).
 * The command is {@link net.linuxha.lems.LemsMain}; docs/lems.md describes it for administrators.
 */
package net.linuxha.lems.daemon;
