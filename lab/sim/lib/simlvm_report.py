"""pvs / vgs / lvs reports in LVM 2.03's table and json formats."""
import json
import os

import simcore
import simlvm as L

# field -> (heading, numeric?)
FIELDS = {
    "pv_name": ("PV", False), "pv_fmt": ("Fmt", False), "pv_attr": ("Attr", False), "pv_size": ("PSize", True),
    "pv_free": ("PFree", True), "pv_uuid": ("PV UUID", False), "dev_size": ("DevSize", True),
    "pv_pe_count": ("PE", True), "pv_pe_alloc_count": ("Alloc", True), "pv_used": ("Used", True),
    "vg_name": ("VG", False), "pv_count": ("#PV", True), "lv_count": ("#LV", True), "snap_count": ("#SN", True),
    "vg_attr": ("Attr", False), "vg_size": ("VSize", True), "vg_free": ("VFree", True), "vg_uuid": ("VG UUID", False),
    "vg_extent_size": ("Ext", True), "vg_extent_count": ("#Ext", True), "vg_free_count": ("Free", True),
    "vg_seqno": ("Seq", True), "vg_fmt": ("Fmt", False),
    "lv_name": ("LV", False), "lv_attr": ("Attr", False), "lv_size": ("LSize", True), "pool_lv": ("Pool", False),
    "origin": ("Origin", False), "data_percent": ("Data%", True), "metadata_percent": ("Meta%", True),
    "move_pv": ("Move", False), "mirror_log": ("Log", False), "copy_percent": ("Cpy%Sync", True),
    "convert_lv": ("Convert", False), "lv_path": ("Path", False), "lv_dm_path": ("DMPath", False),
    "lv_uuid": ("LV UUID", False), "lv_full_name": ("LV", False), "lv_active": ("Active", False),
    "lv_kernel_major": ("KMaj", True), "lv_kernel_minor": ("KMin", True), "devices": ("Devices", False),
    "seg_count": ("#Seg", True), "lv_device_open": ("DevOpen", False), "lv_time": ("CTime", False),
    "lv_host": ("Host", False),
}
DEFAULTS = {
    "pv": ["pv_name", "vg_name", "pv_fmt", "pv_attr", "pv_size", "pv_free"],
    "vg": ["vg_name", "pv_count", "lv_count", "snap_count", "vg_attr", "vg_size", "vg_free"],
    "lv": ["lv_name", "vg_name", "lv_attr", "lv_size", "pool_lv", "origin", "data_percent", "metadata_percent",
           "move_pv", "mirror_log", "copy_percent", "convert_lv"],
}
SIZE_FIELDS = {"pv_size", "pv_free", "dev_size", "pv_used", "vg_size", "vg_free", "vg_extent_size", "lv_size"}
ALIASES = {"size": None, "name": None, "attr": None, "uuid": None, "path": "lv_path", "full_name": "lv_full_name"}


def canonical(field, kind):
    if field in FIELDS:
        return field
    for prefix in (kind + "_", "pv_", "vg_", "lv_"):
        if prefix + field in FIELDS:
            return prefix + field
    raise L.LvmError(5, 'Unrecognised field: %s' % field)


def columns(kind, option):
    cols = list(DEFAULTS[kind])
    for opt in option:
        if opt.startswith("+"):
            cols += [canonical(f, kind) for f in opt[1:].split(",") if f]
        else:
            cols = [canonical(f, kind) for f in opt.split(",") if f]
    return cols


def lv_rows(vgs, only):
    rows = []
    for vgname in vgs:
        vg = L.load_vg(vgname)
        for name in sorted(vg["lvs"]):
            if only and (vgname, name) not in only:
                continue
            lv = vg["lvs"][name]
            n = L.active_loop(vgname, name)
            is_open = n is not None and simcore.in_use(L.dm_path(vgname, name))
            attr = "-wi-" + ("a" if n is not None else "-") + ("o" if is_open else "-") + "----"
            major, minor = simcore.loop_devnum(n) if n is not None else (-1, -1)
            rows.append({
                "lv_name": name, "vg_name": vgname, "lv_attr": attr, "lv_size": lv["extents"] * vg["extent_size"],
                "pool_lv": "", "origin": "", "data_percent": "", "metadata_percent": "", "move_pv": "",
                "mirror_log": "", "copy_percent": "", "convert_lv": "", "lv_path": "/dev/%s/%s" % (vgname, name),
                "lv_dm_path": "/dev/mapper/" + L.mapper_name(vgname, name), "lv_uuid": lv["uuid"],
                "lv_full_name": "%s/%s" % (vgname, name), "lv_active": "active" if n is not None else "",
                "lv_kernel_major": str(major), "lv_kernel_minor": str(minor),
                "devices": "%s(%d)" % (vg["pvs"][0]["name"], lv.get("start", 0)) if vg["pvs"] else "",
                "seg_count": "1", "lv_device_open": "open" if is_open else "", "lv_time": lv.get("time", ""),
                "lv_host": lv.get("host", ""),
            })
            rows[-1].update(vg_fields(vg))
    return rows


def vg_fields(vg):
    ext = vg["extent_size"]
    return {
        "pv_count": str(len(vg["pvs"])), "lv_count": str(len(vg["lvs"])), "snap_count": "0", "vg_attr": "wz--n-",
        "vg_size": vg["extent_count"] * ext, "vg_free": L.free_extents(vg) * ext, "vg_uuid": vg["uuid"],
        "vg_extent_size": ext, "vg_extent_count": str(vg["extent_count"]), "vg_free_count": str(L.free_extents(vg)),
        "vg_seqno": str(vg.get("seqno", 1)), "vg_fmt": "lvm2",
    }


def vg_rows(vgs):
    rows = []
    for name in vgs:
        vg = L.load_vg(name)
        row = {"vg_name": name}
        row.update(vg_fields(vg))
        rows.append(row)
    return rows


def pv_rows(vgs):
    rows = []
    for name in vgs:
        vg = L.load_vg(name)
        ext = vg["extent_size"]
        for pv in vg["pvs"]:
            free = L.free_extents(vg) * ext if pv is vg["pvs"][0] else pv["extents"] * ext
            row = {"pv_name": pv["name"], "vg_name": name, "pv_fmt": "lvm2", "pv_attr": "a--",
                   "pv_size": pv["extents"] * ext, "pv_free": free, "pv_uuid": pv["uuid"],
                   "dev_size": pv["dev_size"], "pv_pe_count": str(pv["extents"]),
                   "pv_pe_alloc_count": str(pv["extents"] - free // ext), "pv_used": pv["extents"] * ext - free}
            row.update(vg_fields(vg))
            rows.append(row)
    return rows


def render(kind, rows, opts):
    cols = columns(kind, opts["o"])
    units, nosuffix = opts["units"], opts["nosuffix"]
    cells = [[L.fmt_size(r[c], units, nosuffix) if c in SIZE_FIELDS else str(r.get(c, "")) for c in cols]
             for r in rows]
    if opts["reportformat"] == "json":
        body = ",\n".join("                  {" + ", ".join('"%s":%s' % (c, json.dumps(v)) for c, v in zip(cols, row))
                          + "}" for row in cells)
        print("  {\n      \"report\": [\n          {\n              \"%s\": [" % kind)
        if body:
            print(body)
        print("              ]\n          }\n      ]\n  }")
        return
    heads = [FIELDS[c][0] for c in cols]
    if opts["separator"] is not None and not opts["aligned"]:
        lines = ([heads] if opts["headings"] else []) + cells
        for line in lines:
            print("  " + opts["separator"].join(line))
        return
    minimum = {"data_percent": 6, "metadata_percent": 6}
    widths = [max([len(h), minimum.get(cols[i], 0)] + [len(row[i]) for row in cells]) for i, h in enumerate(heads)]
    sep = opts["separator"] if opts["separator"] is not None else " "

    def fmt(values, is_head):
        parts = []
        for i, v in enumerate(values):
            numeric = FIELDS[cols[i]][1] and not is_head
            parts.append(v.rjust(widths[i]) if numeric else v.ljust(widths[i]))
        return "  " + sep.join(parts)

    if opts["headings"] and cells:
        print(fmt(heads, True))
    for row in cells:
        print(fmt(row, False))


def report(kind, args):
    opts = {"o": [], "units": "h", "nosuffix": False, "reportformat": "basic", "separator": None,
            "headings": True, "aligned": False}
    names = []
    i = 0
    while i < len(args):
        a = args[i]
        val = None
        if "=" in a and a.startswith("--"):
            a, val = a.split("=", 1)

        def take():
            nonlocal i
            if val is not None:
                return val
            i += 1
            return args[i]

        if a in ("-o", "--options"):
            opts["o"].append(take())
        elif a.startswith("-o") and len(a) > 2:
            opts["o"].append(a[2:])
        elif a == "--units":
            opts["units"] = take()
        elif a == "--nosuffix":
            opts["nosuffix"] = True
        elif a == "--reportformat":
            opts["reportformat"] = take()
        elif a == "--separator":
            opts["separator"] = take()
        elif a == "--noheadings":
            opts["headings"] = False
        elif a == "--aligned":
            opts["aligned"] = True
        elif a in ("-O", "--sort", "--config", "-S", "--select", "--binary"):
            if a != "--binary":
                take()
        elif a.startswith("-"):
            pass  # -a, -v, -q, --readonly, --nolocking ...: no effect on the sim's answer
        else:
            names.append(a)
        i += 1
    all_vgs = L.vg_names()
    only = set()
    vgs = []
    for name in names:
        if kind == "pv":
            continue
        if kind == "lv" and ("/" in name or name.startswith(simcore.dev_dir())):
            vg, lv = L.resolve_lv(name)
            if vg not in all_vgs or lv not in L.load_vg(vg)["lvs"]:
                raise L.LvmError(5, 'Failed to find logical volume "%s/%s"' % (vg, lv))
            only.add((vg, lv))
            vgs.append(vg)
        elif name not in all_vgs:
            raise L.vg_not_found(name)
        else:
            vgs.append(name)
    if not names or kind == "pv":
        vgs = all_vgs
    if only and len(only) != len(names):
        only = {(vg, lv) for vg in vgs for lv in L.load_vg(vg)["lvs"]
                if (vg, lv) in only or vg in names}
    vgs = sorted(set(vgs))
    if kind == "lv":
        rows = lv_rows(vgs, only)
    elif kind == "vg":
        rows = vg_rows(vgs)
    else:
        rows = pv_rows(vgs)
        pv_names = [n for n in names if not n.startswith("-")]
        if pv_names:
            rows = [r for r in rows if r["pv_name"] in pv_names]
    render(kind, rows, opts)
    return 0
