"""DRBD 9 on-disk meta data of the sim: generation UUIDs, flags, the out-of-sync bitmap, block hashes.

Kept in a side file instead of inside the backing device, so an internal meta-disk costs no space:
$HALAB_DISK/lvm/<VG>/<LV>.drbdmd[.<index>].json when the meta device is a sim LV (removed with the LV),
else $HALAB_DISK/drbd/md/<escaped device path>[.<index>].json. Block hashes (the sim's activity log,
see drbdagent.py) are in the same place with .hashes instead of .json.
"""
import json
import os
import random

import simcore
import simlvm

JUST_CREATED = "0000000000000004"
ZERO = "0000000000000000"


def md_base(meta_dev, index):
    suffix = "" if index in ("internal", "flexible", "flex-external", "") else "." + str(index)
    lv = simlvm.lv_of_device(meta_dev)
    if lv:
        return os.path.join(simlvm.lvm_dir(), lv[0], lv[1] + ".drbdmd" + suffix)
    name = meta_dev.strip("/").replace("_", "__").replace("/", "_")
    return os.path.join(simcore.disk_dir(), "drbd", "md", name + suffix)


def load(base):
    try:
        with open(base + ".json") as f:
            return json.load(f)
    except FileNotFoundError:
        return None


def save(base, md):
    os.makedirs(os.path.dirname(base), exist_ok=True)
    simcore.write_atomic(base + ".json", json.dumps(md))


def new_uuid():
    # DRBD clears the lowest bit of a current UUID (it marks "primary" in older formats)
    return "%016X" % (random.getrandbits(64) & ~1)


def fresh(node_id, max_peers):
    return {"version": "v09", "node_id": node_id, "max_peers": max_peers, "current": JUST_CREATED,
            "bitmap_uuid": ZERO, "history": [], "consistent": False, "was_uptodate": False,
            "primary_ind": False, "crashed": False, "outdated": False, "bitmap": [], "la_size": 0}


def load_hashes(base):
    try:
        with open(base + ".hashes", "rb") as f:
            data = f.read()
    except FileNotFoundError:
        return None
    return [data[i:i + 20] for i in range(0, len(data), 20)]


def save_hashes(base, hashes):
    simcore.write_atomic(base + ".hashes", b"".join(hashes))


def gi_line(md):
    hist = (md["history"] + [ZERO, ZERO])[:2]
    flags = [md["consistent"], md["was_uptodate"], md["primary_ind"], md["crashed"], False, False,
             md["outdated"], False]
    return "%s:%s:%s:%s:%s" % (md["current"], md["bitmap_uuid"], hist[0], hist[1],
                               ":".join("1" if f else "0" for f in flags))


GI_ART = """
       +--<  Current data generation UUID  >-
       |               +--<  Bitmap's base data generation UUID  >-
       |               |                 +--<  younger history UUID  >-
       |               |                 |         +-<  older history  >-
       V               V                 V         V
%s
                                                                    ^ ^ ^ ^ ^ ^ ^ ^
                                      -<  Data consistency flag  >--+ | | | | | | |
                             -<  Data was/is currently up-to-date  >--+ | | | | | |
                                  -<  Node was/is currently primary  >--+ | | | | |
                                  -<  Node crashed while being primary >--+ | | | |
                                           -<  (unused)  >------------------+ | | |
                                           -<  (unused)  >--------------------+ | |
                                         -<  Peer's disk was outdated  >--------+ |
                                           -<  (unused)  >--------------------------+
"""
