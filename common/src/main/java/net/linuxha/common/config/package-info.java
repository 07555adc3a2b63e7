/**
 * The user-edited configuration files, read into immutable records and validated with messages a user can act on.
 *
 * <p>Every file is read the same way: {@link net.linuxha.common.config.ConfigLoader} parses the XML into a tree,
 * a {@link net.linuxha.common.config.ConfigBinder} builds the record, and any element or attribute the binder did not
 * ask for is an error. All problems of a file come back together in one
 * {@link net.linuxha.common.config.ConfigException}, whose javadoc defines the message format
 * ({@code FILE: LOCATION: MESSAGE}); warnings come back on {@link net.linuxha.common.config.Loaded}.
 *
 * <table>
 *   <caption>Entry points</caption>
 *   <tr><th>file</th><th>load with</th></tr>
 *   <tr><td>clconf.xml (7.2)</td><td>{@code ClconfPermissions.system().check(f)}, then
 *       {@code ClusterConfig.load(f)}</td></tr>
 *   <tr><td>appconf.xml (8.1)</td><td>{@code ApplicationConfig.load(f)}, then
 *       {@code ApplicationClusterCheck.check(f, app, cluster)}</td></tr>
 *   <tr><td>lems.local.xml (24.2)</td><td>{@code LemsConfig.load(f)}</td></tr>
 *   <tr><td>procmon file (24.4.8)</td><td>{@code ProcmonConfig.load(f)}</td></tr>
 *   <tr><td>cllocks.xml (7.2.3)</td><td>{@code LockConfig.load(f)}: built-in locks when the file is absent</td></tr>
 *   <tr><td>clstartup.xml (10.4)</td><td>{@code StartupConfig.load(f)}</td></tr>
 *   <tr><td>build checksums (7.2.6, 8.5)</td><td>{@code BuildChecksum.cluster(paths)},
 *       {@code BuildChecksum.application(paths, app)}: {@code record()}, {@code status()},
 *       {@code messageLines(status)}</td></tr>
 * </table>
 * Every {@code load} has a {@code parse(Path, String)} twin for XML already in memory (e.g. received from the other
 * node).
 */
package net.linuxha.common.config;
