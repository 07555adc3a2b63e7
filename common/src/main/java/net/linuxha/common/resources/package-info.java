/**
 * Port and DRBD-minor pools of a node (Reference 7.2.5, 8.5, 8.7, 12): {@code ResourcePools} over a local directory
 * ({@code DirectoryResourceStore}) or the other node's through commands ({@code CommandResourceStore}).
 *
 * <p>Layout under {@code /etc/cluster/.resources}:
 * <pre>
 *   ports/9901.free                 port 9901 unallocated
 *   ports/9902.apache.app01vg.docs  port 9902 replicates app01vg/docs of application apache
 *   drbd/0.apache.app01vg.docs      DRBD minor 0 (/dev/drbd0) for the same file system
 *   drbd/1.free
 * </pre>
 */
package net.linuxha.common.resources;
