"""The agent's control socket: runs one drbdsetup command line per connection.

Reply: JSON lines {"out": text} / {"err": text}, then {"rc": n}. events2 without --now streams.
"""
import json
import os
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import drbdagent  # noqa: E402
import drbdviews  # noqa: E402
import simcore  # noqa: E402
from drbdagent import StateError  # noqa: E402


def split_args(argv):
    opts, pos = {}, []
    for a in argv:
        if a.startswith("--"):
            k, _, v = a[2:].partition("=")
            opts[k] = v if v else True
        else:
            pos.append(a)
    return opts, pos


def usage(cmd):
    return StateError("USAGE: drbdsetup %s: missing arguments (see drbdsetup %s --help)" % (cmd, cmd), 20)


class Session:
    def __init__(self, agent, conn):
        self.agent, self.conn = agent, conn

    def send(self, **msg):
        self.conn.sendall((json.dumps(msg) + "\n").encode())

    def run(self, argv):
        a = self.agent
        if not argv:
            raise usage("")
        cmd, rest = argv[0], argv[1:]
        opts, pos = split_args(rest)

        def need(n):
            if len(pos) < n:
                raise usage(cmd)

        def selected():
            names = [n for n in pos if n != "all"]
            if not names:
                return [a.resources[k] for k in sorted(a.resources)]
            return [a.res(n) for n in names]

        if cmd == "new-resource":
            need(2)
            a.new_resource(pos[0], int(pos[1]), opts)
        elif cmd == "new-minor":
            need(3)
            a.new_minor(pos[0], int(pos[1]), int(pos[2]))
        elif cmd == "new-peer":
            need(2)
            a.new_peer(pos[0], int(pos[1]), opts)
        elif cmd == "new-path":
            need(4)
            a.new_path(pos[0], int(pos[1]), pos[2], pos[3])
        elif cmd == "del-path":
            need(4)
            p = a.peer(pos[0], int(pos[1]))
            pair = (drbdagent.parse_addr(pos[2]), drbdagent.parse_addr(pos[3]))
            if pair in p.paths:
                p.paths.remove(pair)
        elif cmd in ("del-peer", "forget-peer"):
            need(2)
            a.disconnect(pos[0], int(pos[1]))
            a.res(pos[0]).peers.pop(int(pos[1]), None)
        elif cmd == "attach":
            need(4)
            a.attach(int(pos[0]), pos[1], pos[2], pos[3], opts)
        elif cmd == "detach":
            need(1)
            a.detach(int(pos[0]))
        elif cmd == "connect":
            need(2)
            a.connect(pos[0], int(pos[1]), opts)
        elif cmd == "disconnect":
            need(2)
            a.disconnect(pos[0], int(pos[1]))
        elif cmd == "primary":
            need(1)
            a.primary(pos[0], bool(opts.get("force") or opts.get("overwrite-data-of-peer")))
        elif cmd == "secondary":
            need(1)
            a.secondary(pos[0])
        elif cmd == "down":
            need(1)
            names = sorted(a.resources) if pos[0] == "all" else [pos[0]]
            for name in names:
                if name in a.resources:
                    a.down(name)
        elif cmd == "del-minor":
            need(1)
            a.del_minor(int(pos[0]))
        elif cmd == "del-resource":
            need(1)
            r = a.res(pos[0])
            if r.volumes:
                raise StateError("%s: Failure: (159) Resource still in use (delete minors first)" % pos[0], 10)
            del a.resources[pos[0]]
        elif cmd == "status":
            resources = selected()
            if "json" in opts:
                self.send(out=drbdviews.status_json(resources))
            else:
                self.send(out=drbdviews.status_text(resources, "verbose" in opts, "statistics" in opts))
        elif cmd == "events2":
            self.events2(selected(), opts)
        elif cmd == "show":
            self.send(out=drbdviews.show(selected()))
        elif cmd in ("show-gi", "get-gi"):
            need(3)
            v = self.volume(pos[0], int(pos[2]))
            self.send(out=drbdviews.gi(v, cmd == "show-gi"))
        elif cmd == "role":
            need(1)
            self.send(out=a.res(pos[0]).role + "\n")
        elif cmd == "cstate":
            need(2)
            self.send(out=a.peer(pos[0], int(pos[1])).cstate + "\n")
        elif cmd == "dstate":
            need(1)
            v = a.volume_by_minor(int(pos[0]))
            peer = [p.pdisk.get(v.vnr, "DUnknown") for p in v.res.peers.values()] or ["DUnknown"]
            self.send(out="%s/%s\n" % (v.disk_state, peer[0]))
        elif cmd == "invalidate":
            need(1)
            a.invalidate(int(pos[0]))
        elif cmd == "invalidate-remote":
            need(3)
            v = self.volume(pos[0], int(pos[2]))
            a.invalidate(v.minor, remote_peer=int(pos[1]))
        elif cmd in ("resize", "check-resize"):
            need(1)
            self.resize(int(pos[0]), opts, cmd == "check-resize")
        elif cmd == "outdate":
            need(1)
            v = a.volume_by_minor(int(pos[0]))
            if v.res.role == "Primary":
                raise StateError("%d: State change failed: (-7) Refusing to be Outdated while Connected" % v.minor)
            if v.md is not None and v.disk_state in ("UpToDate", "Consistent"):
                v.md["outdated"] = True
                v.save_md()
                v.disk_state = "Outdated"
        elif cmd in ("wait-connect-resource", "wait-connect-volume", "wait-connect-connection",
                     "wait-sync-resource", "wait-sync-volume", "wait-sync-connection"):
            self.wait(cmd, pos, opts)
        elif cmd == "sim-flush":
            for r in selected():
                a.sync_point(r)
        elif cmd in ("resource-options", "disk-options", "net-options", "peer-device-options", "pause-sync",
                     "resume-sync", "suspend-io", "resume-io", "new-current-uuid", "verify", "apply-al"):
            pass  # tuning knobs the sim has no use for; accepted so drbdadm adjust and scripts work
        elif cmd == "minor-attached":
            v = a.volume_by_minor(int(pos[0]))
            self.send(out="yes\n" if v.disk else "no\n")
        else:
            raise StateError("%s: unknown command (the lab's drbdsetup simulator supports: see lab/sim/README.md)"
                             % cmd, 20)
        return 0

    def volume(self, name, vnr):
        r = self.agent.res(name)
        v = r.volumes.get(vnr)
        if v is None or v.md is None:
            raise StateError("%s: Failure: (127) Device minor not allocated" % name, 10)
        return v

    def resize(self, minor, opts, check_only):
        v = self.agent.volume_by_minor(minor)
        if v.fd is None or check_only:
            return
        with v.send_lock:
            size = os.lseek(v.fd, 0, os.SEEK_END)
            if opts.get("size"):
                size = min(size, drbdagent.parse_size_kib(opts["size"]) * 1024)
            old = v.size
            v.size = size
            n = v.nblocks
            v.hashes = (v.hashes + [drbdagent.ZERO_HASH] * n)[:n]
            v.md["la_size"] = size
            v.save_md()
        if size != old:
            drbdagent.log("%s/%d: size changed from %d to %d bytes" % (v.res.name, v.vnr, old, size))

    def wait(self, cmd, pos, opts):
        a = self.agent
        timeout = float(opts.get("wfc-timeout", 0) or 0) or 3600
        r = a.res(pos[0])
        want_sync = "sync" in cmd

        def done():
            peers = [p for p in r.peers.values() if p.want]
            if not peers:
                return True
            if not all(p.cstate == "Connected" for p in peers):
                return False
            return not want_sync or all(not p.sync for p in peers)

        with a.changed:
            if not a.changed.wait_for(done, timeout=min(timeout, 3600)):
                raise StateError("%s: timeout waiting for %s" % (r.name, "sync" if want_sync else "connection"), 5)

    def events2(self, resources, opts):
        statistics = "statistics" in opts
        self.send(out=drbdviews.events_now(resources, statistics))
        if "now" in opts:
            return
        seen = len(self.agent.events)
        while True:
            with self.agent.changed:
                self.agent.changed.wait(timeout=1)
            new = self.agent.events[seen:]
            seen = len(self.agent.events)
            text = "".join(line + "\n" for _, line in new)
            self.send(out=text)  # raises when the reader went away, which ends the stream


def handle(agent, conn):
    session = Session(agent, conn)
    try:
        data = b""
        while not data.endswith(b"\n"):
            chunk = conn.recv(65536)
            if not chunk:
                return
            data += chunk
        argv = json.loads(data)["argv"]
        try:
            rc = session.run(argv)
        except StateError as e:
            session.send(err=str(e) + "\n")
            rc = e.rc
        except (KeyError, ValueError, IndexError) as e:
            session.send(err="drbdsetup %s: invalid arguments (%r)\n" % (" ".join(argv), e))
            rc = 20
        session.send(rc=rc)
    except OSError:
        pass
    finally:
        conn.close()


def serve():
    agent = drbdagent.Agent()
    path = os.path.join(simcore.run_dir(), "drbd-agent.sock")
    simcore.remove_quietly(path)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(16)
    simcore.write_atomic(os.path.join(simcore.run_dir(), "drbd-agent.pid"), "%d\n" % os.getpid())
    threading.Thread(target=agent.scanner, daemon=True).start()
    drbdagent.log("drbd agent %d listening on %s" % (os.getpid(), path))
    while True:
        conn, _ = server.accept()
        threading.Thread(target=handle, args=(agent, conn), daemon=True).start()


if __name__ == "__main__":
    serve()
    time.sleep(0)
