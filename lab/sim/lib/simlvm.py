"""LVM2 2.03 drop-in for the lab: volume groups are directories, logical volumes sparse image files.

State: $HALAB_DISK/lvm/<VG>/vg.json (the VG's metadata), <VG>/<LV>.img (the LV's data),
<VG>/<LV>.loop (loop device number while active, checked against the image's inode on every use).
An active LV is a loop device on its image; /dev/mapper/<VG>-<LV> is a block node of that loop device
and /dev/<VG>/<LV> a symlink to it, as real LVM lays them out.
"""
import json
import os
import random
import re
import socket
import string
import sys
import time

import simcore

EXTENT = 4 * 1024 * 1024
UNITS = {"b": 1, "s": 512, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40, "p": 1 << 50, "e": 1 << 60}


class LvmError(Exception):
    def __init__(self, rc, *lines):
        super().__init__("\n".join(lines))
        self.rc = rc
        self.lines = lines


def vg_not_found(vg):
    return LvmError(5, 'Volume group "%s" not found' % vg, "Cannot process volume group %s" % vg)


def lvm_dir():
    return os.path.join(simcore.disk_dir(), "lvm")


def lock():
    return simcore.FileLock(os.path.join(lvm_dir(), ".lock"))


def new_uuid():
    alphabet = string.ascii_letters + string.digits
    parts = [6, 4, 4, 4, 4, 4, 6]
    return "-".join("".join(random.choice(alphabet) for _ in range(n)) for n in parts)


def vg_names():
    try:
        return sorted(n for n in os.listdir(lvm_dir()) if os.path.isfile(os.path.join(lvm_dir(), n, "vg.json")))
    except FileNotFoundError:
        return []


def load_vg(name):
    try:
        with open(os.path.join(lvm_dir(), name, "vg.json")) as f:
            return json.load(f)
    except (FileNotFoundError, NotADirectoryError):
        raise vg_not_found(name)


def save_vg(vg):
    vg["seqno"] = vg.get("seqno", 0) + 1
    simcore.write_atomic(os.path.join(lvm_dir(), vg["name"], "vg.json"), json.dumps(vg, indent=1))


def image_path(vg, lv):
    return os.path.join(lvm_dir(), vg, lv + ".img")


def used_extents(vg):
    return sum(lv["extents"] for lv in vg["lvs"].values())


def free_extents(vg):
    return vg["extent_count"] - used_extents(vg)


def active_loop(vg, lv):
    """Loop number the LV is active on in this node, or None."""
    try:
        with open(os.path.join(lvm_dir(), vg, lv + ".loop")) as f:
            n = int(f.read().strip())
    except (OSError, ValueError):
        return None
    if simcore.same_file(n, image_path(vg, lv)):
        return n
    return None


def mapper_name(vg, lv):
    return "%s-%s" % (vg.replace("-", "--"), lv.replace("-", "--"))


def lv_path(vg, lv):
    return os.path.join(simcore.dev_dir(), vg, lv)


def dm_path(vg, lv):
    return os.path.join(simcore.dev_dir(), "mapper", mapper_name(vg, lv))


def make_nodes(vg, lv, n):
    major, minor = simcore.loop_devnum(n)
    simcore.ensure_blockdev(dm_path(vg, lv), major, minor)
    simcore.ensure_symlink(lv_path(vg, lv), "../mapper/" + mapper_name(vg, lv))


def activate(vg, lv):
    n = active_loop(vg, lv)
    if n is None:
        n = simcore.loop_attach(image_path(vg, lv))
        simcore.write_atomic(os.path.join(lvm_dir(), vg, lv + ".loop"), "%d\n" % n)
    make_nodes(vg, lv, n)
    return n


def deactivate(vg, lv):
    n = active_loop(vg, lv)
    if n is not None:
        if simcore.in_use(dm_path(vg, lv)):
            raise LvmError(5, "Logical volume %s/%s in use." % (vg, lv))
        simcore.loop_detach(n)
    simcore.remove_quietly(os.path.join(lvm_dir(), vg, lv + ".loop"))
    simcore.remove_quietly(lv_path(vg, lv))
    simcore.remove_quietly(dm_path(vg, lv))
    try:
        os.rmdir(os.path.join(simcore.dev_dir(), vg))
    except OSError:
        pass


def resolve_lv(spec, default_vg=None):
    """vg/lv, /dev/vg/lv, /dev/mapper/vg-lv or a bare lv name (with the VG given elsewhere)."""
    dev = simcore.dev_dir().rstrip("/")
    if spec.startswith(dev + "/mapper/"):
        name = spec[len(dev) + 8:]
        m = re.match(r"^((?:[^-]|--)+)-((?:[^-]|--)+)$", name)
        if m:
            return m.group(1).replace("--", "-"), m.group(2).replace("--", "-")
    for prefix in (dev + "/", "/dev/"):
        if spec.startswith(prefix):
            spec = spec[len(prefix):]
            break
    if "/" in spec:
        vg, lv = spec.split("/", 1)
        return vg, lv
    if default_vg:
        return default_vg, spec
    raise LvmError(3, "Path required for Logical Volume \"%s\"." % spec)


def lv_of_device(path):
    """(vg, lv) when path names an existing sim LV (any of its device names), else None."""
    try:
        vg, lv = resolve_lv(path)
    except LvmError:
        return None
    try:
        meta = load_vg(vg)
    except LvmError:
        return None
    return (vg, lv) if lv in meta["lvs"] else None


# ---------------------------------------------------------------- sizes and units

def parse_size(text, default_unit="m"):
    """'+20M', '20m', '1.5g' -> (sign, bytes)."""
    m = re.match(r"^([+-]?)([0-9.]+)([bBsSkKmMgGtTpPeE]?)$", text)
    if not m:
        raise LvmError(3, 'Invalid argument for --size: %s' % text, "Error during parsing of command line.")
    unit = (m.group(3) or default_unit).lower()
    return m.group(1), int(float(m.group(2)) * UNITS[unit])


def fmt_human_long(nbytes):
    """'20.00 MiB' as vgdisplay and lvextend print sizes."""
    for name, mult in (("EiB", 1 << 60), ("PiB", 1 << 50), ("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20),
                       ("KiB", 1 << 10)):
        if nbytes >= mult:
            return "%.2f %s" % (nbytes / mult, name)
    return "%d B" % nbytes if nbytes else "0   "


def fmt_size(nbytes, units, nosuffix):
    if units == "h" or units == "H":
        if nbytes == 0:
            return "0" if nosuffix else "0 "
        base = 1024 if units == "h" else 1000
        for letter in "eptgmk":
            mult = base ** ("kmgtpe".index(letter) + 1)
            if nbytes >= mult:
                suffix = letter if units == "h" else letter.upper()
                return "%.2f%s" % (nbytes / mult, "" if nosuffix else suffix)
        return "%d%s" % (nbytes, "" if nosuffix else "B")
    low = units.lower()
    if low in ("b", "s"):
        value = "%d" % (nbytes // UNITS[low])
        return value if nosuffix else value + ("B" if low == "b" else "S")
    mult = UNITS[low] if units.islower() else 1000 ** ("kmgtpe".index(low) + 1)
    value = "%.2f" % (nbytes / mult) if nbytes else "0"
    return value if nosuffix else value + units


def main_entry(argv0, args):
    import simlvm_cmds
    return simlvm_cmds.run(argv0, args)


def hostname():
    return socket.gethostname()


def now_text():
    return time.strftime("%Y-%m-%d %H:%M:%S %z")


def out(line):
    sys.stdout.write("  " + line + "\n")


def error(line):
    sys.stderr.write("  " + line + "\n")
