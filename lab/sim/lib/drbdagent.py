"""Per-node DRBD agent of the lab: holds the state the DRBD kernel module would hold and replicates data.

One agent per node, started on demand by drbdsetup. drbdsetup sends it one JSON request per unix-socket
connection ($HALAB_DISK/run/drbd-agent.sock) and prints the reply. Replication runs over TCP between the
agents, at the addresses of the resource file, so it follows the lab's drbd network: cut the link and
the connection drops.

Writes are found by hashing the backing image in 64 KiB blocks (only when its mtime moved), every 0.5 s
while Primary, and at every sync point (secondary, disconnect, down, detach). Changed blocks go to the
peer while connected; otherwise they are added to the out-of-sync bitmap, and the first such block makes
a new current generation UUID (DRBD 9's lazy "new current UUID"). The hash table persisted at the last
scan plays the role of DRBD's activity log after a crash of a Primary.
"""
import hashlib
import json
import os
import socket
import struct
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import drbdmd  # noqa: E402
import simcore  # noqa: E402
import simlvm  # noqa: E402

BS = 64 * 1024
ZERO_HASH = hashlib.sha1(bytes(BS)).digest()
DRBD_MAJOR = 147
PING_INTERVAL = 0.5
PEER_TIMEOUT = 3.0
SCAN_INTERVAL = 0.5
FRAME = struct.Struct("!II")


class StateError(Exception):
    """A refused request: message and drbdsetup exit code."""

    def __init__(self, msg, rc=11):
        super().__init__(msg)
        self.rc = rc


def log(msg):
    sys.stdout.write(time.strftime("%H:%M:%S ") + msg + "\n")
    sys.stdout.flush()


def data_ranges(fd, size):
    """(start, end) ranges of a sparse file that hold data; holes read as zeros."""
    pos = 0
    ranges = []
    while pos < size:
        try:
            start = os.lseek(fd, pos, os.SEEK_DATA)
        except OSError:
            break
        end = os.lseek(fd, start, os.SEEK_HOLE)
        ranges.append((start, min(end, size)))
        pos = end
    return ranges


class Volume:
    """One minor: its backing disk, its meta data and its replication bookkeeping."""

    def __init__(self, res, vnr, minor):
        self.res, self.vnr, self.minor = res, vnr, minor
        self.disk = None
        self.meta = None
        self.md_base = None
        self.md = None
        self.data_path = None
        self.size = 0
        self.disk_state = "Diskless"
        self.hashes = []
        self.scan_mtime = None
        self.inflight = set()
        self.send_lock = threading.Lock()
        self.fd = None
        self.written = 0
        self.read = 0

    @property
    def nblocks(self):
        return (self.size + BS - 1) // BS

    def save_md(self):
        drbdmd.save(self.md_base, self.md)

    def device_node(self):
        return os.path.join(simcore.dev_dir(), "drbd%d" % self.minor)

    def point_node(self, primary):
        """/dev/drbdN is the backing loop device while Primary, an absent device (ENXIO) otherwise."""
        if primary and self.disk:
            st = os.stat(self.disk)
            simcore.ensure_blockdev(self.device_node(), os.major(st.st_rdev), os.minor(st.st_rdev))
            simcore.flush_buffers(self.device_node())
        else:
            simcore.ensure_blockdev(self.device_node(), DRBD_MAJOR, self.minor)

    def hash_all(self):
        hashes = [ZERO_HASH] * self.nblocks
        for start, end in data_ranges(self.fd, self.size):
            first, last = start // BS, (end - 1) // BS
            for i in range(first, last + 1):
                hashes[i] = hashlib.sha1(self.read_block(i)).digest()
        return hashes

    def read_block(self, i):
        data = os.pread(self.fd, BS, i * BS)
        return data + bytes(BS - len(data)) if len(data) < BS else data

    def write_block(self, i, data):
        end = min(BS, self.size - i * BS)
        os.pwrite(self.fd, data[:end], i * BS)
        self.hashes[i] = hashlib.sha1(data).digest()
        self.written += BS // 1024

    def changed_blocks(self, force):
        """Blocks whose content differs from the hash table; updates the table."""
        if self.fd is None:
            return []
        st = os.fstat(self.fd)
        now = time.time()
        if not force and st.st_mtime_ns == self.scan_mtime and now - st.st_mtime > 2:
            return []
        self.scan_mtime = st.st_mtime_ns
        current = self.hash_all()
        changed = [i for i in range(self.nblocks) if current[i] != self.hashes[i]]
        self.hashes = current
        return changed


class Peer:
    def __init__(self, res, node_id, name):
        self.res, self.node_id, self.name = res, node_id, name
        self.paths = []
        self.cstate = "StandAlone"
        self.want = False
        self.sock = None
        self.sock_lock = threading.Lock()
        self.role = "Unknown"
        self.pdisk = {}
        self.repl = {}
        self.sync = {}  # vnr -> {"total": n, "done": n}
        self.discard_my_data = False
        self.thread = None
        self.generation = 0
        self.acks = threading.Condition()
        self.promote_reply = None
        self.opts = {}

    def send(self, hdr, data=b""):
        sock = self.sock
        if sock is None:
            raise OSError("not connected")
        j = json.dumps(hdr).encode()
        with self.sock_lock:
            sock.sendall(FRAME.pack(len(j), len(data)) + j + data)


def recv_exact(sock, n):
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise OSError("connection closed by peer")
        buf += chunk
    return buf


def recv_frame(sock):
    jl, dl = FRAME.unpack(recv_exact(sock, FRAME.size))
    hdr = json.loads(recv_exact(sock, jl))
    return hdr, recv_exact(sock, dl) if dl else b""


class Resource:
    def __init__(self, name, node_id):
        self.name, self.node_id = name, node_id
        self.role = "Secondary"
        self.volumes = {}
        self.peers = {}
        self.opts = {}
        self.promoting = False


class Agent:
    def __init__(self):
        self.lock = threading.RLock()
        self.changed = threading.Condition(self.lock)
        self.resources = {}
        self.events = []
        self.stopping = False

    # ------------------------------------------------------------ lookups

    def res(self, name):
        r = self.resources.get(name)
        if r is None:
            raise StateError("%s: No such resource" % name, 10)
        return r

    def volume_by_minor(self, minor):
        for r in self.resources.values():
            for v in r.volumes.values():
                if v.minor == minor:
                    return v
        raise StateError("%d: Failure: (127) Device minor not allocated\nadditional info from kernel:\nunknown minor"
                         % minor, 10)

    def notify(self):
        with self.changed:
            self.changed.notify_all()

    # ------------------------------------------------------------ configuration

    def new_resource(self, name, node_id, opts):
        with self.lock:
            if name not in self.resources:
                self.resources[name] = Resource(name, node_id)
            self.resources[name].opts.update(opts)

    def new_minor(self, name, minor, vnr):
        with self.lock:
            r = self.res(name)
            for other in self.resources.values():
                if any(v.minor == minor for v in other.volumes.values()) or (other is r and vnr in r.volumes):
                    raise StateError("%s: Failure: (161) Minor or volume exists already (delete it first)" % name, 10)
            v = Volume(r, vnr, minor)
            r.volumes[vnr] = v
            v.point_node(False)

    def new_peer(self, name, peer_id, opts):
        with self.lock:
            r = self.res(name)
            if peer_id not in r.peers:
                r.peers[peer_id] = Peer(r, peer_id, opts.get("_name", "peer%d" % peer_id))
            r.peers[peer_id].opts.update(opts)

    def new_path(self, name, peer_id, local, remote):
        with self.lock:
            p = self.peer(name, peer_id)
            pair = (parse_addr(local), parse_addr(remote))
            if pair not in p.paths:
                p.paths.append(pair)

    def peer(self, name, peer_id):
        r = self.res(name)
        p = r.peers.get(peer_id)
        if p is None:
            raise StateError("%s: Failure: (158) Unknown peer node-id\nadditional info from kernel:\nunknown peer"
                             % name, 10)
        return p

    def attach(self, minor, disk, meta, index, opts):
        with self.lock:
            v = self.volume_by_minor(minor)
            if v.disk is not None:
                raise StateError("%d: Failure: (124) Device is attached to a disk (use detach first)" % minor, 10)
            if not os.path.exists(disk) or not os.path.exists(meta):
                raise StateError("%d: Failure: (104) Can not open backing device.\nadditional info from kernel:\n"
                                 "open(\"%s\") failed with -2" % (minor, disk), 10)
            base = drbdmd.md_base(meta, index)
            md = drbdmd.load(base)
            if md is None:
                raise StateError("%d: Failure: (119) No valid meta-data signature found.\n\n"
                                 "\t==> Use 'drbdadm create-md res' to initialize meta-data area. <==\n" % minor, 10)
            lv = simlvm.lv_of_device(disk)
            v.data_path = simlvm.image_path(*lv) if lv else disk
            v.disk, v.meta, v.md_base, v.md = disk, meta, base, md
            v.fd = os.open(v.data_path, os.O_RDWR)
            v.size = os.lseek(v.fd, 0, os.SEEK_END)
            if opts.get("size"):
                v.size = min(v.size, parse_size_kib(opts["size"]) * 1024)
            v.hashes = v.hash_all()
            saved = drbdmd.load_hashes(base)
            if md.get("primary_ind") and saved is not None:
                # crashed while Primary: blocks changed since the last persisted scan may not have reached the
                # peer; DRBD resyncs its activity log extents for the same reason
                lost = [i for i in range(min(len(saved), len(v.hashes))) if saved[i] != v.hashes[i]]
                md["bitmap"] = sorted(set(md["bitmap"]) | set(lost))
                md["crashed"] = True
                log("%s/%d: crashed primary, %d blocks from the activity log marked out of sync"
                    % (v.res.name, v.vnr, len(lost)))
            md["primary_ind"] = False
            md["la_size"] = v.size
            v.save_md()
            drbdmd.save_hashes(base, v.hashes)
            v.scan_mtime = os.fstat(v.fd).st_mtime_ns
            if not md["consistent"]:
                v.disk_state = "Inconsistent"
            elif md["outdated"]:
                v.disk_state = "Outdated"
            else:
                v.disk_state = "Consistent" if any(p.want for p in v.res.peers.values()) else "UpToDate"
            self.event("change device name:%s volume:%d minor:%d disk:Attaching" % (v.res.name, v.vnr, minor))
            self.notify()
        for p in list(v.res.peers.values()):
            if p.cstate == "Connected":
                self.drop(p, "re-handshake after attach")

    def detach(self, minor, final=False):
        v = self.volume_by_minor(minor)
        if v.disk is None:
            return
        if v.res.role == "Primary" and not final:
            raise StateError("%d: State change failed: (-2) Need access to UpToDate data" % minor)
        self.sync_point(v.res)
        with self.lock:
            v.md["la_size"] = v.size
            v.save_md()
            drbdmd.save_hashes(v.md_base, v.hashes)
            os.close(v.fd)
            v.fd, v.disk, v.data_path, v.md = None, None, None, None
            v.disk_state = "Diskless"
            self.notify()
        self.broadcast_state(v.res)

    # ------------------------------------------------------------ roles

    def primary(self, name, force):
        r = self.res(name)
        with self.lock:
            if r.role == "Primary":
                return
            if not r.volumes or any(v.disk is None for v in r.volumes.values()):
                raise StateError("%s: State change failed: (-2) Need access to UpToDate data" % name)
            for v in r.volumes.values():
                if v.disk_state in ("Inconsistent", "Outdated") and not force:
                    raise StateError("%s: State change failed: (-2) Need access to UpToDate data" % name)
            for p in r.peers.values():
                if p.cstate == "Connected" and p.role == "Primary":
                    raise StateError("%s: State change failed: (-1) Multiple primaries not allowed by config" % name)
            if any(p.repl.get(v.vnr) == "SyncTarget" for p in r.peers.values() for v in r.volumes.values()):
                raise StateError("%s: State change failed: (-2) Need access to UpToDate data" % name)
            r.promoting = True
        try:
            for p in list(r.peers.values()):
                if p.cstate == "Connected" and not self.ask_promote(p):
                    raise StateError("%s: State change failed: (-10) State change was refused by peer node\n"
                                     "additional info from kernel:\nDeclined by peer %s (id: %d), see the kernel log "
                                     "there" % (name, p.name, p.node_id))
            with self.lock:
                forced_full = []
                for v in r.volumes.values():
                    if v.disk_state in ("Inconsistent", "Outdated"):
                        log("%s/%d: Forced to consider local data as UpToDate!" % (name, v.vnr))
                        if not v.md["consistent"]:
                            v.md["history"] = [v.md["current"]] + v.md["history"][:1]
                            v.md["current"] = drbdmd.new_uuid()
                            forced_full.append(v.vnr)
                        v.md.update(consistent=True, outdated=False)
                    v.disk_state = "UpToDate"
                    v.md.update(was_uptodate=True, primary_ind=True)
                    v.save_md()
                    v.point_node(True)
                r.role = "Primary"
                self.event("change resource name:%s role:Primary" % name)
                self.notify()
            self.broadcast_state(r)
            for p in list(r.peers.values()):
                if p.cstate == "Connected" and forced_full:
                    self.drop(p, "re-handshake after forced promotion")
        finally:
            r.promoting = False

    def ask_promote(self, p):
        with p.acks:
            p.promote_reply = None
            try:
                p.send({"t": "promote?"})
            except OSError:
                return True
            p.acks.wait_for(lambda: p.promote_reply is not None, timeout=3)
            return p.promote_reply is not False

    def secondary(self, name):
        r = self.res(name)
        if r.role != "Primary":
            return
        for v in r.volumes.values():
            if v.disk and simcore.in_use(v.device_node()):
                raise StateError("%s: State change failed: (-12) Device is held open by someone\n"
                                 "additional info from kernel:\n/dev/drbd%d opened by mount (pid %s) at least once"
                                 % (name, v.minor, "?"))
        self.sync_point(r)
        with self.lock:
            for v in r.volumes.values():
                v.point_node(False)
                if v.md is not None:
                    v.md["primary_ind"] = False
                    v.save_md()
                    drbdmd.save_hashes(v.md_base, v.hashes)
            r.role = "Secondary"
            self.event("change resource name:%s role:Secondary" % name)
            self.notify()
        self.broadcast_state(r)

    def down(self, name):
        r = self.res(name)
        self.secondary(name)
        for p in list(r.peers.values()):
            self.disconnect(name, p.node_id)
        for v in list(r.volumes.values()):
            self.detach(v.minor, final=True)
            simcore.remove_quietly(v.device_node())
        with self.lock:
            del self.resources[name]
            self.event("destroy resource name:%s" % name)
            self.notify()

    def del_minor(self, minor):
        v = self.volume_by_minor(minor)
        if v.disk is not None:
            raise StateError("%d: Failure: (124) Device is attached to a disk (use detach first)" % minor, 10)
        with self.lock:
            del v.res.volumes[v.vnr]
            simcore.remove_quietly(v.device_node())

    # ------------------------------------------------------------ replication

    def scan_and_ship(self, r, force=False):
        """Find blocks written locally; ship them or mark them out of sync."""
        if r.role != "Primary":
            return
        for v in list(r.volumes.values()):
            with v.send_lock:
                if v.fd is None:
                    continue
                changed = v.changed_blocks(force)
                if not changed:
                    continue
                targets = [p for p in r.peers.values() if p.cstate == "Connected" and p.pdisk.get(v.vnr, "Diskless")
                           not in ("Diskless", "DUnknown")]
                if targets:
                    for i in changed:
                        data = v.read_block(i)
                        for p in targets:
                            try:
                                with p.acks:
                                    v.inflight.add(i)
                                p.send({"t": "data", "vnr": v.vnr, "block": i, "gen": p.generation}, data)
                            except OSError:
                                self.mark_oos(v, [i])
                else:
                    self.mark_oos(v, changed)
                drbdmd.save_hashes(v.md_base, v.hashes)

    def mark_oos(self, v, blocks):
        md = v.md
        if md["bitmap_uuid"] == drbdmd.ZERO:
            md["bitmap_uuid"] = md["current"]
            md["current"] = drbdmd.new_uuid()
            log("%s/%d: new current UUID %s (writes while disconnected)" % (v.res.name, v.vnr, md["current"]))
        md["bitmap"] = sorted(set(md["bitmap"]) | set(blocks))
        v.save_md()

    def sync_point(self, r):
        """Ship everything written so far and wait until the peer confirmed it (bounded)."""
        self.scan_and_ship(r, force=True)
        deadline = time.time() + 5
        for p in list(r.peers.values()):
            with p.acks:
                while any(v.inflight for v in r.volumes.values()) and p.cstate == "Connected":
                    left = deadline - time.time()
                    if left <= 0:
                        break
                    p.acks.wait(left)

    def scanner(self):
        while not self.stopping:
            time.sleep(SCAN_INTERVAL)
            for r in list(self.resources.values()):
                try:
                    self.scan_and_ship(r)
                except Exception as e:  # a scan failure must not stop replication of other resources
                    log("scan of %s failed: %r" % (r.name, e))

    # ------------------------------------------------------------ connections

    def connect(self, name, peer_id, opts):
        with self.lock:
            p = self.peer(name, peer_id)
            if p.cstate != "StandAlone":
                raise StateError("%s: Failure: (102) Local address(port) already in use." % name, 10)
            if not p.paths:
                raise StateError("%s: Failure: (162) Invalid configuration request\nadditional info from kernel:\n"
                                 "connection endpoint(s) missing" % name, 10)
            p.discard_my_data = bool(opts.get("discard-my-data"))
            p.want = True
            p.cstate = "Connecting"
            p.generation += 1
            for v in p.res.volumes.values():
                if v.disk_state == "UpToDate" and p.res.role != "Primary":
                    v.disk_state = "Consistent"
            p.thread = threading.Thread(target=self.connection_loop, args=(p, p.generation), daemon=True)
            p.thread.start()
            self.event("change connection name:%s peer-node-id:%d conn-name:%s connection:Connecting"
                       % (name, peer_id, p.name))
            self.notify()

    def disconnect(self, name, peer_id):
        p = self.peer(name, peer_id)
        if p.cstate == "Connected":
            self.sync_point(p.res)
            try:
                p.send({"t": "bye"})
            except OSError:
                pass
        with self.lock:
            p.want = False
            p.generation += 1
            self.close(p)
            p.cstate = "StandAlone"
            self.lost(p)
            self.notify()

    def close(self, p):
        sock, p.sock = p.sock, None
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def lost(self, p):
        """Connection gone: unacknowledged blocks become out of sync, peer state unknown."""
        r = p.res
        for v in r.volumes.values():
            with p.acks:
                pending, v.inflight = list(v.inflight), set()
                p.acks.notify_all()
            if pending and v.md is not None:
                self.mark_oos(v, pending)
            if v.disk_state == "Consistent" and not p.want:
                v.disk_state = "UpToDate"
        p.role, p.pdisk, p.repl, p.sync = "Unknown", {}, {}, {}
        self.event("change connection name:%s peer-node-id:%d conn-name:%s connection:%s"
                   % (r.name, p.node_id, p.name, p.cstate))

    def drop(self, p, why):
        log("%s: dropping connection to %s: %s" % (p.res.name, p.name, why))
        self.close(p)

    def connection_loop(self, p, gen):
        """Keep trying to connect while wanted; run the session; on loss go back to Connecting."""
        local, remote = p.paths[0]
        listener = None
        while p.want and p.generation == gen and not self.stopping:
            try:
                if listener is None:
                    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                    listener.bind(local)
                    listener.listen(4)
                    listener.settimeout(0.5)
                sock = None
                if p.res.node_id < p.node_id:
                    try:
                        sock = socket.create_connection(remote, timeout=1, source_address=(local[0], 0))
                    except OSError:
                        time.sleep(0.3)
                else:
                    try:
                        sock, _ = listener.accept()
                    except socket.timeout:
                        pass
                if sock is None:
                    continue
                sock.settimeout(PEER_TIMEOUT)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                self.session(p, gen, sock)
            except OSError as e:
                if listener is not None:
                    listener.close()
                    listener = None
                log("%s: connection to %s: %s" % (p.res.name, p.name, e))
                time.sleep(0.5)
        if listener is not None:
            listener.close()

    def hello(self, p):
        r = p.res
        vols = {}
        for vnr, v in r.volumes.items():
            if v.md is None:
                vols[str(vnr)] = {"attached": False}
                continue
            vols[str(vnr)] = {"attached": True, "cur": v.md["current"], "bm": v.md["bitmap_uuid"],
                              "hist": v.md["history"], "incons": not v.md["consistent"], "crashed": v.md["crashed"],
                              "outdated": v.md["outdated"], "bitmap": v.md["bitmap"], "size": v.size,
                              "hashes": b"".join(v.hashes).hex()}
        return {"t": "hello", "res": r.name, "node_id": r.node_id, "role": r.role, "vols": vols,
                "discard": p.discard_my_data}

    def session(self, p, gen, sock):
        with self.lock:
            if not p.want or p.generation != gen:
                sock.close()
                return
            p.sock = sock
            mine = self.hello(p)
        p.send(mine)
        theirs, _ = recv_frame(sock)
        if theirs.get("t") != "hello" or theirs.get("res") != p.res.name or theirs.get("node_id") != p.node_id:
            raise OSError("peer is not %s of resource %s" % (p.name, p.res.name))
        with self.lock:
            p.cstate = "Connected"
            p.role = theirs["role"]
            self.event("change connection name:%s peer-node-id:%d conn-name:%s connection:Connected role:%s"
                       % (p.res.name, p.node_id, p.name, p.role))
            outcome = self.handshake(p, mine, theirs)
        if outcome is not None:
            log("%s: %s" % (p.res.name, outcome))
            with self.lock:
                p.want = False
                self.close(p)
                p.cstate = "StandAlone"
                self.lost(p)
                self.notify()
            return
        self.notify()
        last_ping = last_recv = time.time()
        sock.settimeout(PING_INTERVAL)
        try:
            while p.want and p.generation == gen:
                try:
                    hdr, data = recv_frame(sock)
                    last_recv = time.time()
                    if not self.handle(p, hdr, data):
                        break
                except socket.timeout:
                    pass
                now = time.time()
                if now - last_recv > PEER_TIMEOUT:
                    raise OSError("PingAck did not arrive in time")
                if now - last_ping >= PING_INTERVAL:
                    p.send({"t": "ping"})
                    last_ping = now
        finally:
            with self.lock:
                if p.generation == gen:
                    self.close(p)
                    p.cstate = "Connecting" if p.want else "StandAlone"
                    self.lost(p)
                    self.notify()

    def handshake(self, p, mine, theirs):
        """Decide per volume what to sync, as DRBD's uuid_compare does. Returns a reason to drop, or None."""
        r = p.res
        if mine["role"] == "Primary" and theirs["role"] == "Primary":
            return "Split-Brain detected: both nodes Primary, dropping connection!"
        for vnr, v in r.volumes.items():
            a, b = mine["vols"].get(str(vnr)), theirs["vols"].get(str(vnr), {"attached": False})
            if not a["attached"] or not b["attached"]:
                p.pdisk[vnr] = "Diskless" if not b["attached"] else ("Inconsistent" if b["incons"] else "UpToDate")
                p.repl[vnr] = "Established"
                continue
            verdict = compare(a, b, mine["discard"], theirs["discard"])
            log("%s/%d: handshake self %s:%s peer %s:%s -> %s" % (r.name, vnr, a["cur"], a["bm"], b["cur"], b["bm"],
                                                                 verdict))
            if verdict in ("split-brain", "unrelated"):
                return ("Split-Brain detected but unresolved, dropping connection!" if verdict == "split-brain"
                        else "Unrelated data, aborting!")
            if verdict == "none":
                p.repl[vnr] = "Established"
                if not a["incons"]:
                    v.disk_state = "UpToDate"
                    v.md.update(outdated=False, was_uptodate=True)
                p.pdisk[vnr] = "Inconsistent" if b["incons"] else "UpToDate"
                if not a["incons"] and not b["incons"]:
                    v.md["bitmap"] = []
                    if v.md["bitmap_uuid"] != drbdmd.ZERO:
                        v.md["history"] = [v.md["bitmap_uuid"]] + v.md["history"][:1]
                        v.md["bitmap_uuid"] = drbdmd.ZERO
                v.save_md()
            elif verdict.startswith("source"):
                blocks = (range(v.nblocks) if verdict == "source-full"
                          else sorted(set(a["bitmap"]) | set(b["bitmap"])))
                peer_hashes = bytes.fromhex(b["hashes"])
                p.repl[vnr] = "SyncSource"
                p.pdisk[vnr] = "Inconsistent"
                v.disk_state = "UpToDate"
                p.sync[vnr] = {"total": len(blocks), "done": 0}
                threading.Thread(target=self.resync, args=(p, v, list(blocks), peer_hashes, p.generation),
                                 daemon=True).start()
            else:
                p.repl[vnr] = "SyncTarget"
                p.pdisk[vnr] = "UpToDate"
                v.disk_state = "Inconsistent"
                v.md.update(consistent=False)
                v.save_md()
                total = v.nblocks if verdict == "target-full" else len(set(a["bitmap"]) | set(b["bitmap"]))
                p.sync[vnr] = {"total": total, "done": 0}
            self.event("change peer-device name:%s peer-node-id:%d conn-name:%s volume:%d replication:%s"
                       % (r.name, p.node_id, p.name, vnr, p.repl[vnr]))
        return None

    def resync(self, p, v, blocks, peer_hashes, gen):
        try:
            rate = int(os.environ.get("HALAB_SIM_SYNC_KBPS", "0"))
            started = time.time()
            for n, i in enumerate(blocks):
                if p.generation != gen or p.cstate != "Connected":
                    return
                with v.send_lock:
                    data = v.read_block(i)
                    same = peer_hashes[i * 20:(i + 1) * 20] == hashlib.sha1(data).digest()
                    if not same:
                        with p.acks:
                            v.inflight.add(i)
                        p.send({"t": "data", "vnr": v.vnr, "block": i, "gen": gen}, data)
                p.sync[v.vnr]["done"] = n + 1
                if rate:
                    ahead = (n + 1) * BS / 1024 / rate - (time.time() - started)
                    if ahead > 0:
                        time.sleep(ahead)
            with p.acks:
                p.acks.wait_for(lambda: not v.inflight or p.cstate != "Connected", timeout=30)
            with self.lock:
                if p.generation != gen or p.cstate != "Connected":
                    return
                p.send({"t": "synced", "vnr": v.vnr, "cur": v.md["current"], "hist": v.md["history"]})
                if v.md["bitmap_uuid"] != drbdmd.ZERO:
                    v.md["history"] = [v.md["bitmap_uuid"]] + v.md["history"][:1]
                v.md.update(bitmap_uuid=drbdmd.ZERO, bitmap=[], crashed=False)
                v.save_md()
                p.repl[v.vnr] = "Established"
                p.pdisk[v.vnr] = "UpToDate"
                p.sync.pop(v.vnr, None)
                self.event("change peer-device name:%s peer-node-id:%d conn-name:%s volume:%d "
                           "replication:Established peer-disk:UpToDate" % (p.res.name, p.node_id, p.name, v.vnr))
                self.notify()
        except OSError as e:
            log("%s/%d: resync to %s interrupted: %s" % (p.res.name, v.vnr, p.name, e))

    def handle(self, p, hdr, data):
        t = hdr["t"]
        r = p.res
        if t == "ping":
            p.send({"t": "pong"})
        elif t == "data":
            v = r.volumes.get(hdr["vnr"])
            if v is not None and v.fd is not None:
                with v.send_lock:
                    v.write_block(hdr["block"], data)
                    if v.md["bitmap"] and p.repl.get(v.vnr) == "SyncTarget":
                        sync = p.sync.get(v.vnr)
                        if sync is not None:
                            sync["done"] = min(sync["total"], sync["done"] + 1)
            p.send({"t": "ack", "vnr": hdr["vnr"], "block": hdr["block"]})
        elif t == "ack":
            v = r.volumes.get(hdr["vnr"])
            with p.acks:
                if v is not None:
                    v.inflight.discard(hdr["block"])
                p.acks.notify_all()
        elif t == "synced":
            v = r.volumes.get(hdr["vnr"])
            with self.lock:
                v.md.update(current=hdr["cur"], history=hdr["hist"], bitmap_uuid=drbdmd.ZERO, bitmap=[],
                            consistent=True, outdated=False, was_uptodate=True, crashed=False)
                v.save_md()
                drbdmd.save_hashes(v.md_base, v.hashes)
                v.disk_state = "UpToDate"
                p.repl[v.vnr] = "Established"
                p.sync.pop(v.vnr, None)
                self.event("change device name:%s volume:%d minor:%d disk:UpToDate" % (r.name, v.vnr, v.minor))
                self.notify()
        elif t == "state":
            with self.lock:
                p.role = hdr["role"]
                for vnr, state in hdr["disks"].items():
                    if p.repl.get(int(vnr)) == "Established":
                        p.pdisk[int(vnr)] = state
                self.event("change connection name:%s peer-node-id:%d conn-name:%s role:%s"
                           % (r.name, p.node_id, p.name, p.role))
                self.notify()
        elif t == "promote?":
            ok = r.role != "Primary" and not (r.promoting and r.node_id < p.node_id)
            p.send({"t": "promote!", "ok": ok})
        elif t == "promote!":
            with p.acks:
                p.promote_reply = hdr["ok"]
                p.acks.notify_all()
        elif t == "invalidate-me":
            # invalidate-remote on the peer: this disk becomes Inconsistent and the new handshake syncs it fully
            v = r.volumes.get(hdr["vnr"])
            if v is not None and v.md is not None and r.role != "Primary":
                with self.lock:
                    v.md.update(consistent=False)
                    v.save_md()
                    v.disk_state = "Inconsistent"
                return False
        elif t == "bye":
            return False
        return True

    def broadcast_state(self, r):
        hdr = {"t": "state", "role": r.role, "disks": {str(v.vnr): v.disk_state for v in r.volumes.values()}}
        for p in list(r.peers.values()):
            if p.cstate == "Connected":
                try:
                    p.send(hdr)
                except OSError:
                    pass

    def invalidate(self, minor, remote_peer=None):
        """invalidate: this disk becomes SyncTarget of a full sync; invalidate-remote: the peer's does."""
        v = self.volume_by_minor(minor)
        r = v.res
        if v.md is None:
            raise StateError("%d: State change failed: (-2) Need access to UpToDate data" % minor)
        if remote_peer is None:
            if r.role == "Primary":
                raise StateError("%d: State change failed: (-2) Need access to UpToDate data" % minor)
            with self.lock:
                v.md.update(consistent=False)
                v.save_md()
                v.disk_state = "Inconsistent"
            for p in list(r.peers.values()):
                if p.cstate == "Connected":
                    # reconnecting re-runs the handshake, which now decides a full sync towards this node
                    self.drop(p, "invalidate")
            return
        p = self.peer(r.name, remote_peer)
        if p.cstate != "Connected":
            raise StateError("%s: State change failed: (-15) Need a connection to start verify or resync" % r.name)
        p.send({"t": "invalidate-me", "vnr": v.vnr})

    def event(self, line):
        self.events.append((time.time(), line))
        del self.events[:-200]


def compare(a, b, a_discard, b_discard):
    """Sync decision from self (a) to peer (b): none, source-*, target-*, split-brain or unrelated."""
    if a["incons"] and b["incons"]:
        return "none"
    if a["incons"]:
        return "target-full"
    if b["incons"]:
        return "source-full"
    if a["cur"] == b["cur"]:
        if a["crashed"] and not b["crashed"]:
            return "source-bitmap"
        if b["crashed"] and not a["crashed"]:
            return "target-bitmap"
        return "none"
    if a["bm"] != drbdmd.ZERO and a["bm"] == b["cur"]:
        return "source-bitmap"
    if b["bm"] != drbdmd.ZERO and b["bm"] == a["cur"]:
        return "target-bitmap"
    if a["bm"] != drbdmd.ZERO and a["bm"] == b["bm"] or a["cur"] in b["hist"] and b["cur"] in a["hist"]:
        if a_discard and not b_discard:
            return "target-full"
        if b_discard and not a_discard:
            return "source-full"
        return "split-brain"
    if b["cur"] in a["hist"] or b["cur"] == a["bm"] or b["outdated"] and not a["outdated"]:
        return "source-full"
    if a["cur"] in b["hist"] or a["cur"] == b["bm"] or a["outdated"] and not b["outdated"]:
        return "target-full"
    if a_discard and not b_discard:
        return "target-full"
    if b_discard and not a_discard:
        return "source-full"
    return "unrelated"


def parse_addr(text):
    """ipv4:1.2.3.4:7789 or 1.2.3.4:7789 -> ('1.2.3.4', 7789)."""
    if text.startswith("ipv4:"):
        text = text[5:]
    host, port = text.rsplit(":", 1)
    return host, int(port)


def parse_size_kib(text):
    units = {"": 1, "k": 1, "m": 1024, "g": 1 << 20, "t": 1 << 30, "s": 0.5}
    t = text.lower()
    unit = t[-1] if t[-1] in units and not t[-1].isdigit() else ""
    num = t[:-1] if unit else t
    return int(float(num) * units[unit])
