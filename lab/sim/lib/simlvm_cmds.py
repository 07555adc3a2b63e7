"""The LVM commands: argument parsing and the changes they make to the sim's state."""
import os
import stat
import sys

import simcore
import simlvm as L
import simlvm_report

REPORTS = {"pvs": "pv", "vgs": "vg", "lvs": "lv"}
# options that take a value, per the LVM 2.03 man pages (only those a product plausibly passes)
VALUED = {"-L", "--size", "-l", "--extents", "-n", "--name", "-W", "--wipesignatures", "-Z", "--zero",
          "-a", "--activate", "-s", "--physicalextentsize", "--config", "-A", "--autobackup", "-t", "--type",
          "-r", "--readahead", "--addtag", "--deltag", "-p", "--permission", "-C", "--contiguous",
          "--alloc", "-M", "--persistent", "-i", "--stripes", "-I", "--stripesize", "--setactivationskip",
          "-k", "--setautoactivation"}


def parse(args):
    """-> (options dict: name -> value or True, positionals). Accepts -ay, -L20M, --size=20M forms."""
    opts, pos = {}, []
    i = 0
    while i < len(args):
        a = args[i]
        if a.startswith("--") and "=" in a:
            k, v = a.split("=", 1)
            opts[k] = v
        elif a in VALUED:
            i += 1
            opts[a] = args[i] if i < len(args) else ""
        elif a.startswith("-") and not a.startswith("--") and len(a) > 2 and a[:2] in VALUED:
            opts[a[:2]] = a[2:]
        elif a.startswith("-") and len(a) > 1:
            opts[a] = True
        else:
            pos.append(a)
        i += 1
    return opts, pos


def opt(opts, *names):
    for n in names:
        if n in opts:
            return opts[n]
    return None


def confirm(question):
    sys.stdout.write(question + " [y/n]: ")
    sys.stdout.flush()
    answer = sys.stdin.readline().strip().lower()
    return answer.startswith("y")


def extents_for(vg, opts, current=0):
    """Target extent count from -L/-l (with +/- relative forms), rounding up like LVM."""
    size = opt(opts, "-L", "--size")
    ext = vg["extent_size"]
    if size is not None:
        sign, nbytes = L.parse_size(size)
        count = -(-nbytes // ext)
        if count * ext != nbytes:
            L.out("Rounding size to boundary between physical extents: %s." % L.fmt_human_long(count * ext)
                  if sign else "Rounding up size to full physical extent %s" % L.fmt_human_long(count * ext))
    else:
        text = opt(opts, "-l", "--extents")
        if text is None:
            raise L.LvmError(3, "Please specify either size or extents but not both.")
        sign = text[0] if text[0] in "+-" else ""
        text = text.lstrip("+-")
        if "%" in text:
            pct, what = text.split("%", 1)
            base = {"VG": vg["extent_count"], "FREE": L.free_extents(vg), "PVS": vg["extent_count"]}.get(what.upper())
            if base is None:
                raise L.LvmError(3, "Invalid argument for --extents: %s" % text)
            count = base * int(pct) // 100
        else:
            count = int(text)
    if sign == "+":
        return current + count
    if sign == "-":
        return current - count
    return count


def pvcreate(opts, pos):
    for dev in pos:
        if not os.path.exists(dev):
            raise L.LvmError(5, "Cannot use %s: device not found" % dev)
        L.out('Physical volume "%s" successfully created.' % dev)
    return 0


def device_size(dev):
    fd = os.open(dev, os.O_RDONLY)
    try:
        return os.lseek(fd, 0, os.SEEK_END)
    finally:
        os.close(fd)


def vgcreate(opts, pos, sim_size=None):
    if not pos:
        raise L.LvmError(3, "Please provide volume group name and physical volumes")
    name = pos[0]
    ext = L.EXTENT
    if opt(opts, "-s", "--physicalextentsize"):
        ext = L.parse_size(opt(opts, "-s", "--physicalextentsize"))[1]
    pvs = []
    if sim_size is not None:
        pvs.append({"name": os.path.join(L.lvm_dir(), name, "pv0"), "dev_size": sim_size})
    else:
        if len(pos) < 2:
            raise L.LvmError(3, "Please enter physical volume name(s)")
        for dev in pos[1:]:
            if not os.path.exists(dev):
                raise L.LvmError(5, "No device found for %s." % dev)
            pvs.append({"name": dev, "dev_size": device_size(dev)})
    with L.lock():
        if name in L.vg_names():
            raise L.LvmError(5, "A volume group called %s already exists." % name)
        for pv in pvs:
            pv["uuid"] = L.new_uuid()
            # LVM keeps 1 MiB of the PV for its label and metadata area
            pv["extents"] = max(0, (pv["dev_size"] - (1 << 20)) // ext)
        os.makedirs(os.path.join(L.lvm_dir(), name), exist_ok=True)
        vg = {"name": name, "uuid": L.new_uuid(), "extent_size": ext,
              "extent_count": sum(p["extents"] for p in pvs), "pvs": pvs, "lvs": {}, "seqno": 0}
        L.save_vg(vg)
    L.out('Volume group "%s" successfully created' % name)
    return 0


def vgremove(opts, pos):
    force = opt(opts, "-f", "--force", "-y", "--yes")
    for name in pos:
        with L.lock():
            vg = L.load_vg(name)
            if vg["lvs"] and not force:
                if not confirm('Do you really want to remove volume group "%s" containing %d logical volumes?'
                               % (name, len(vg["lvs"]))):
                    raise L.LvmError(5, 'Volume group "%s" not removed' % name)
            for lv in list(vg["lvs"]):
                remove_lv(vg, lv)
            for f in os.listdir(os.path.join(L.lvm_dir(), name)):
                os.unlink(os.path.join(L.lvm_dir(), name, f))
            os.rmdir(os.path.join(L.lvm_dir(), name))
        L.out('Volume group "%s" successfully removed' % name)
    return 0


def lvcreate(opts, pos):
    name = opt(opts, "-n", "--name")
    if not pos:
        raise L.LvmError(3, "Please specify a volume group name.")
    target = pos[0]
    vgname = target.split("/")[0]
    if name is None and "/" in target:
        name = target.split("/", 1)[1]
    if name is None:
        name = None
    with L.lock():
        vg = L.load_vg(vgname)
        if name is None:
            i = 0
            while "lvol%d" % i in vg["lvs"]:
                i += 1
            name = "lvol%d" % i
        if name in vg["lvs"]:
            raise L.LvmError(5, 'Logical Volume "%s" already exists in volume group "%s"' % (name, vgname))
        count = extents_for(vg, opts)
        if count <= 0:
            raise L.LvmError(3, "Unable to create new logical volume with no extents.")
        free = L.free_extents(vg)
        if count > free:
            raise L.LvmError(5, 'Volume group "%s" has insufficient free space (%d extents): %d required.'
                             % (vgname, free, count))
        with open(L.image_path(vgname, name), "wb") as f:
            f.truncate(count * vg["extent_size"])
        vg["lvs"][name] = {"uuid": L.new_uuid(), "extents": count, "start": used_extents_start(vg),
                           "host": L.hostname(), "time": L.now_text()}
        L.save_vg(vg)
        activation = opt(opts, "-a", "--activate")
        if activation not in ("n", "ln", "en"):
            L.activate(vgname, name)
    L.out('Logical volume "%s" created.' % name)
    return 0


def used_extents_start(vg):
    return L.used_extents(vg)


def lvresize(opts, pos, mode):
    if not pos:
        raise L.LvmError(3, "Please provide the logical volume name")
    vgname, name = L.resolve_lv(pos[0])
    force = opt(opts, "-f", "--force", "-y", "--yes")
    with L.lock():
        vg = L.load_vg(vgname)
        if name not in vg["lvs"]:
            raise L.LvmError(5, "Logical volume %s not found in volume group %s." % (name, vgname))
        lv = vg["lvs"][name]
        cur = lv["extents"]
        count = extents_for(vg, opts, cur)
        if mode == "extend" and count < cur:
            raise L.LvmError(5, "New size given (%d extents) not larger than existing size (%d extents)" % (count, cur))
        if mode == "reduce" and count > cur:
            raise L.LvmError(5, "New size given (%d extents) not less than existing size (%d extents)" % (count, cur))
        if count == cur:
            raise L.LvmError(5, "New size (%d extents) matches existing size (%d extents)." % (count, cur))
        if count <= 0:
            raise L.LvmError(5, "Unable to reduce %s/%s below 1 extent." % (vgname, name))
        if count - cur > L.free_extents(vg):
            raise L.LvmError(5, "Insufficient free space: %d extents needed, but only %d available"
                             % (count - cur, L.free_extents(vg)))
        ext = vg["extent_size"]
        if count < cur and not force:
            L.out("WARNING: Reducing active logical volume to %s." % L.fmt_human_long(count * ext))
            L.out("THIS MAY DESTROY YOUR DATA (filesystem etc.)")
            if not confirm("Do you really want to reduce %s/%s?" % (vgname, name)):
                raise L.LvmError(5, "Logical volume %s NOT reduced." % name)
        with open(L.image_path(vgname, name), "r+b") as f:
            f.truncate(count * ext)
        lv["extents"] = count
        L.save_vg(vg)
        n = L.active_loop(vgname, name)
        if n is not None:
            simcore.loop_set_capacity(n)
    L.out("Size of logical volume %s/%s changed from %s (%d extents) to %s (%d extents)."
          % (vgname, name, L.fmt_human_long(cur * ext), cur, L.fmt_human_long(count * ext), count))
    L.out("Logical volume %s/%s successfully resized." % (vgname, name))
    return 0


def remove_lv(vg, name):
    vgname = vg["name"]
    if L.active_loop(vgname, name) is not None and simcore.in_use(L.dm_path(vgname, name)):
        raise L.LvmError(5, "Logical volume %s/%s contains a filesystem in use." % (vgname, name))
    L.deactivate(vgname, name)
    for suffix in (".img", ".loop"):
        simcore.remove_quietly(os.path.join(L.lvm_dir(), vgname, name + suffix))
    base = os.path.join(L.lvm_dir(), vgname)
    for f in os.listdir(base):
        if f.startswith(name + ".drbdmd"):
            os.unlink(os.path.join(base, f))
    del vg["lvs"][name]


def lvremove(opts, pos):
    force = opt(opts, "-f", "--force", "-y", "--yes")
    rc = 0
    for spec in pos:
        if "/" not in spec:
            targets = [(spec, lv) for lv in sorted(L.load_vg(spec)["lvs"])]
        else:
            targets = [L.resolve_lv(spec)]
        for vgname, name in targets:
            with L.lock():
                vg = L.load_vg(vgname)
                if name not in vg["lvs"]:
                    raise L.LvmError(5, 'Failed to find logical volume "%s/%s"' % (vgname, name))
                if not force and L.active_loop(vgname, name) is not None:
                    if not confirm("Do you really want to remove active logical volume %s/%s?" % (vgname, name)):
                        L.out("Logical volume %s not removed." % name)
                        rc = 5
                        continue
                remove_lv(vg, name)
                L.save_vg(vg)
            L.out('Logical volume "%s" successfully removed.' % name)
    return rc


def change_activation(pos, value, what):
    """lvchange/vgchange -a y|n over the named LVs (what='lv') or every LV of the named VGs."""
    for spec in pos:
        if what == "lv":
            vgname, name = L.resolve_lv(spec)
            targets = [(vgname, name)]
        else:
            targets = [(spec, lv) for lv in sorted(L.load_vg(spec)["lvs"])]
        for vgname, name in targets:
            with L.lock():
                vg = L.load_vg(vgname)
                if name not in vg["lvs"]:
                    raise L.LvmError(5, 'Failed to find logical volume "%s/%s"' % (vgname, name))
                if value.lstrip("le") in ("y", ""):
                    L.activate(vgname, name)
                else:
                    L.deactivate(vgname, name)
        if what == "vg":
            active = sum(1 for _, n in targets if L.active_loop(spec, n) is not None)
            L.out("%d logical volume(s) in volume group \"%s\" now active" % (active, spec))
    return 0


def activation_value(opts):
    for k in ("-a", "--activate"):
        if k in opts and opts[k] is not True:
            return opts[k]
    raise L.LvmError(3, "Please give one or more of -a, -C, -M, -p, -r, -Z or --refresh.")


def vgdisplay(opts, pos, lvdisplay_only=False):
    verbose = opt(opts, "-v", "--verbose")
    names = pos or L.vg_names()
    for name in names:
        vg = L.load_vg(name)
        ext = vg["extent_size"]
        if not lvdisplay_only:
            used = L.used_extents(vg)
            open_count = sum(1 for lv in vg["lvs"] if L.active_loop(name, lv) is not None
                             and simcore.in_use(L.dm_path(name, lv)))
            rows = [("VG Name", name), ("System ID", ""), ("Format", "lvm2"), ("Metadata Areas", str(len(vg["pvs"]))),
                    ("Metadata Sequence No", str(vg.get("seqno", 1))), ("VG Access", "read/write"),
                    ("VG Status", "resizable"), ("MAX LV", "0"), ("Cur LV", str(len(vg["lvs"]))),
                    ("Open LV", str(open_count)), ("Max PV", "0"), ("Cur PV", str(len(vg["pvs"]))),
                    ("Act PV", str(len(vg["pvs"]))), ("VG Size", L.fmt_human_long(vg["extent_count"] * ext)),
                    ("PE Size", L.fmt_human_long(ext)), ("Total PE", str(vg["extent_count"])),
                    ("Alloc PE / Size", "%d / %s" % (used, L.fmt_human_long(used * ext))),
                    ("Free  PE / Size", "%d / %s" % (vg["extent_count"] - used,
                                                     L.fmt_human_long((vg["extent_count"] - used) * ext))),
                    ("VG UUID", vg["uuid"])]
            L.out("--- Volume group ---")
            for k, v in rows:
                L.out("%-21s %s" % (k, v))
            L.out(" ")
        if verbose or lvdisplay_only:
            for lvname in sorted(vg["lvs"]):
                lv = vg["lvs"][lvname]
                n = L.active_loop(name, lvname)
                is_open = n is not None and simcore.in_use(L.dm_path(name, lvname))
                major, minor = simcore.loop_devnum(n) if n is not None else (0, 0)
                rows = [("LV Path", "/dev/%s/%s" % (name, lvname)), ("LV Name", lvname), ("VG Name", name),
                        ("LV UUID", lv["uuid"]), ("LV Write Access", "read/write"),
                        ("LV Creation host, time", "%s, %s" % (lv.get("host", ""), lv.get("time", ""))),
                        ("LV Status", "available" if n is not None else "NOT available"),
                        ("# open", "1" if is_open else "0"),
                        ("LV Size", L.fmt_human_long(lv["extents"] * ext)), ("Current LE", str(lv["extents"])),
                        ("Segments", "1"), ("Allocation", "inherit"), ("Read ahead sectors", "auto")]
                if n is not None:
                    rows += [("- currently set to", "256"), ("Block device", "%d:%d" % (major, minor))]
                L.out("--- Logical volume ---")
                for k, v in rows:
                    L.out("%-22s %s" % (k, v))
                L.out(" ")
        if verbose and not lvdisplay_only:
            L.out("--- Physical volumes ---")
            for pv in vg["pvs"]:
                L.out("%-21s %s     " % ("PV Name", pv["name"]))
                L.out("%-21s %s" % ("PV UUID", pv["uuid"]))
                L.out("%-21s %s" % ("PV Status", "allocatable"))
                L.out("%-21s %d / %d" % ("Total PE / Free PE", pv["extents"], L.free_extents(vg)))
                L.out(" ")
    return 0


def lvdisplay(opts, pos):
    vgs = sorted({L.resolve_lv(p)[0] if "/" in p else p for p in pos}) if pos else L.vg_names()
    return vgdisplay(opts, vgs, lvdisplay_only=True)


def simvg(pos):
    """simvg create VG SIZE | simvg remove VG | simvg activate-all | simvg deactivate-all"""
    if len(pos) == 3 and pos[0] == "create":
        return vgcreate({}, [pos[1]], sim_size=L.parse_size(pos[2])[1] + (1 << 20))
    if len(pos) == 2 and pos[0] == "remove":
        return vgremove({"-f": True}, [pos[1]])
    if pos == ["activate-all"]:
        for vg in L.vg_names():
            change_activation([vg], "y", "vg")
        return 0
    if pos == ["deactivate-all"]:
        for vg in L.vg_names():
            change_activation([vg], "n", "vg")
        return 0
    sys.stderr.write("usage: simvg create VG SIZE (e.g. 256M) | simvg remove VG | simvg activate-all"
                     " | simvg deactivate-all\n")
    return 3


def run(argv0, args):
    cmd = os.path.basename(argv0)
    if cmd == "lvm" and args:
        cmd, args = args[0], args[1:]
    try:
        if cmd in REPORTS:
            return simlvm_report.report(REPORTS[cmd], args)
        opts, pos = parse(args)
        if cmd == "simvg":
            return simvg(args)
        if cmd == "pvcreate":
            return pvcreate(opts, pos)
        if cmd == "vgcreate":
            return vgcreate(opts, pos)
        if cmd == "vgremove":
            return vgremove(opts, pos)
        if cmd == "lvcreate":
            return lvcreate(opts, pos)
        if cmd in ("lvextend", "lvreduce", "lvresize"):
            return lvresize(opts, pos, {"lvextend": "extend", "lvreduce": "reduce"}.get(cmd, "resize"))
        if cmd == "lvremove":
            return lvremove(opts, pos)
        if cmd == "lvchange":
            return change_activation(pos, activation_value(opts), "lv")
        if cmd == "vgchange":
            return change_activation(pos or L.vg_names(), activation_value(opts), "vg")
        if cmd == "vgdisplay":
            return vgdisplay(opts, pos)
        if cmd == "lvdisplay":
            return lvdisplay(opts, pos)
        sys.stderr.write("%s: not supported by the lab's LVM simulator (lab/sim/README.md lists the commands)\n" % cmd)
        return 3
    except L.LvmError as e:
        for line in e.lines:
            L.error(line)
        return e.rc
    except OSError as e:
        L.error("%s: %s (lab LVM simulator, state in %s)" % (cmd, e, L.lvm_dir()))
        return 5
