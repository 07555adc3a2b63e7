"""What drbdsetup prints about the agent's state: status (text and json), events2, show, show-gi."""
import json

import drbdmd

BLOCK_KIB = 64


def out_of_sync_kib(p, v):
    """KiB the peer is known to lack: the bitmap while not connected, the sync remainder while syncing."""
    sync = p.sync.get(v.vnr)
    if sync is not None:
        return (sync["total"] - sync["done"]) * BLOCK_KIB
    if v.md is None:
        return 0
    return (len(v.md["bitmap"]) + len(v.inflight)) * BLOCK_KIB


def percent_in_sync(p, v):
    if v.size == 0:
        return 100.0
    return max(0.0, 100.0 * (1 - out_of_sync_kib(p, v) * 1024 / v.size))


def sync_done(p, v):
    sync = p.sync.get(v.vnr)
    if not sync or not sync["total"]:
        return 100.0
    return 100.0 * sync["done"] / sync["total"]


def status_text(resources, verbose=False, statistics=False):
    lines = []
    for r in resources:
        lines.append("%s role:%s" % (r.name, r.role))
        multi = len(r.volumes) > 1 or any(vnr != 0 for vnr in r.volumes)
        for vnr in sorted(r.volumes):
            v = r.volumes[vnr]
            head = "  volume:%d " % vnr if multi else "  "
            extra = " minor:%d" % v.minor if verbose else ""
            lines.append("%sdisk:%s%s" % (head, v.disk_state, extra) if not multi
                         else "%sdisk:%s%s" % (head, v.disk_state, extra))
            if statistics:
                lines[-1] += " size:%d read:%d written:%d" % (v.size // 1024, v.read, v.written)
        for pid in sorted(r.peers):
            p = r.peers[pid]
            if p.cstate != "Connected":
                lines.append("  %s connection:%s" % (p.name, p.cstate))
                continue
            lines.append("  %s role:%s" % (p.name, p.role))
            for vnr in sorted(r.volumes):
                v = r.volumes[vnr]
                parts = []
                repl = p.repl.get(vnr, "Established")
                if repl != "Established":
                    parts.append("replication:%s" % repl)
                parts.append("peer-disk:%s" % p.pdisk.get(vnr, "DUnknown"))
                if repl in ("SyncSource", "SyncTarget"):
                    parts.append("done:%.2f" % sync_done(p, v))
                if statistics:
                    parts.append("out-of-sync:%d" % out_of_sync_kib(p, v))
                head = "    volume:%d " % vnr if multi else "    "
                lines.append(head + " ".join(parts))
        lines.append("")
    return "\n".join(lines) + ("\n" if lines else "")


def status_json(resources):
    result = []
    for r in resources:
        devices = []
        for vnr in sorted(r.volumes):
            v = r.volumes[vnr]
            devices.append({"volume": vnr, "minor": v.minor, "disk-state": v.disk_state, "client": False,
                            "open": False, "quorum": True, "size": v.size // 1024, "read": v.read,
                            "written": v.written, "al-writes": 0, "bm-writes": 0, "upper-pending": 0,
                            "lower-pending": 0})
        conns = []
        for pid in sorted(r.peers):
            p = r.peers[pid]
            paths = [{"this_host": {"address": loc[0], "port": loc[1], "family": "ipv4"},
                      "remote_host": {"address": rem[0], "port": rem[1], "family": "ipv4"},
                      "established": p.cstate == "Connected"} for loc, rem in p.paths]
            pds = []
            for vnr in sorted(r.volumes):
                v = r.volumes[vnr]
                connected = p.cstate == "Connected"
                repl = p.repl.get(vnr, "Established") if connected else "Off"
                pd = {"volume": vnr, "replication-state": repl,
                      "peer-disk-state": p.pdisk.get(vnr, "DUnknown") if connected else "DUnknown",
                      "peer-client": False, "resync-suspended": "no", "received": 0, "sent": 0,
                      "out-of-sync": out_of_sync_kib(p, v), "pending": 0, "unacked": len(v.inflight),
                      "has-sync-details": repl in ("SyncSource", "SyncTarget"),
                      "has-online-verify-details": False, "percent-in-sync": round(percent_in_sync(p, v), 2)}
                if pd["has-sync-details"]:
                    sync = p.sync.get(vnr, {"total": 0, "done": 0})
                    pd.update({"rs-total": sync["total"] * BLOCK_KIB,
                               "rs-left": (sync["total"] - sync["done"]) * BLOCK_KIB,
                               "percent-resync-done": round(sync_done(p, v), 2)})
                pds.append(pd)
            conns.append({"peer-node-id": pid, "name": p.name, "connection-state": p.cstate, "congested": False,
                          "peer-role": p.role if p.cstate == "Connected" else "Unknown", "tls": False,
                          "ap-in-flight": 0, "rs-in-flight": 0, "paths": paths, "peer_devices": pds})
        result.append({"name": r.name, "node-id": r.node_id, "role": r.role, "suspended": False,
                       "suspended-user": False, "suspended-no-data": False, "suspended-fencing": False,
                       "suspended-quorum": False, "force-io-failures": False, "write-ordering": "flush",
                       "devices": devices, "connections": conns})
    return json.dumps(result, indent=2) + "\n"


def events_now(resources, statistics=False):
    lines = []
    for r in resources:
        line = "exists resource name:%s role:%s suspended:no force-io-failures:no" % (r.name, r.role)
        if statistics:
            line += " write-ordering:flush"
        lines.append(line)
        for pid in sorted(r.peers):
            p = r.peers[pid]
            lines.append("exists connection name:%s peer-node-id:%d conn-name:%s connection:%s role:%s"
                         % (r.name, pid, p.name, p.cstate, p.role if p.cstate == "Connected" else "Unknown"))
        for vnr in sorted(r.volumes):
            v = r.volumes[vnr]
            line = ("exists device name:%s volume:%d minor:%d backing_dev:%s disk:%s client:no quorum:yes"
                    % (r.name, vnr, v.minor, v.disk or "none", v.disk_state))
            if statistics:
                line += (" size:%d read:%d written:%d al-writes:0 bm-writes:0 upper-pending:0 lower-pending:0"
                         " al-suspended:no blocked:no" % (v.size // 1024, v.read, v.written))
            lines.append(line)
        for pid in sorted(r.peers):
            p = r.peers[pid]
            for vnr in sorted(r.volumes):
                v = r.volumes[vnr]
                connected = p.cstate == "Connected"
                repl = p.repl.get(vnr, "Established") if connected else "Off"
                line = ("exists peer-device name:%s peer-node-id:%d conn-name:%s volume:%d replication:%s "
                        "peer-disk:%s peer-client:no resync-suspended:no"
                        % (r.name, pid, p.name, vnr, repl, p.pdisk.get(vnr, "DUnknown") if connected else "DUnknown"))
                if repl in ("SyncSource", "SyncTarget"):
                    line += " done:%.2f" % sync_done(p, v)
                if statistics:
                    line += " received:0 sent:0 out-of-sync:%d pending:0 unacked:%d" % (out_of_sync_kib(p, v),
                                                                                        len(v.inflight))
                lines.append(line)
            for loc, rem in p.paths:
                lines.append("exists path name:%s peer-node-id:%d conn-name:%s local:ipv4:%s:%d peer:ipv4:%s:%d "
                             "established:%s" % (r.name, pid, p.name, loc[0], loc[1], rem[0], rem[1],
                                                 "yes" if p.cstate == "Connected" else "no"))
    lines.append("exists -")
    return "\n".join(lines) + "\n"


def show(resources):
    """The running configuration in drbd.conf syntax; drbdadm adjust parses it and compares."""
    out = []
    for r in resources:
        out.append('resource "%s" {' % r.name)
        out.append("    options {")
        out.append("    }")
        out.append("    _this_host {")
        out.append("        node-id\t\t\t%d;" % r.node_id)
        for vnr in sorted(r.volumes):
            v = r.volumes[vnr]
            out.append("        volume %d {" % vnr)
            out.append("            device\t\t\tminor %d;" % v.minor)
            if v.disk:
                out.append('            disk\t\t\t"%s";' % v.disk)
                if v.meta == v.disk and v.md_base and v.md_base.endswith(".drbdmd"):
                    out.append("            meta-disk\t\t\tinternal;")
                else:
                    index = v.md_base.rsplit(".", 1)[-1] if v.md_base and ".drbdmd." in v.md_base else "flexible"
                    out.append('            meta-disk\t\t\t"%s" %s;' % (v.meta, index) if index != "flexible"
                               else '            meta-disk\t\t\t"%s";' % v.meta)
                out.append("            disk {")
                out.append("            }")
            out.append("        }")
        out.append("    }")
        for pid in sorted(r.peers):
            p = r.peers[pid]
            if p.cstate == "StandAlone" and not p.want and not p.paths:
                continue
            out.append("    connection {")
            out.append("        _peer_node_id %d;" % pid)
            for loc, rem in p.paths:
                out.append("        path {")
                out.append("            _this_host ipv4 %s:%d;" % loc)
                out.append("            _remote_host ipv4 %s:%d;" % rem)
                out.append("        }")
            out.append("        net {")
            out.append('            _name\t\t\t"%s";' % p.name)
            out.append("        }")
            out.append("    }")
        out.append("}")
        out.append("")
    return "\n".join(out) + ("\n" if out else "")


def gi(v, art):
    line = drbdmd.gi_line(v.md)
    return (drbdmd.GI_ART % line) if art else line + "\n"
