"""Shared helpers of the storage simulator: paths, locks, loop devices, device nodes.

Only the Python standard library; imported by every sim command, so keep it light.
"""
import errno
import fcntl
import os
import stat
import struct
import sys

LOOP_MAJOR = 7
LOOP_SET_FD = 0x4C00
LOOP_CLR_FD = 0x4C01
LOOP_SET_STATUS64 = 0x4C04
LOOP_GET_STATUS64 = 0x4C05
LOOP_SET_CAPACITY = 0x4C07
LOOP_CTL_GET_FREE = 0x4C82
BLKFLSBUF = 0x1261
# struct loop_info64: 5 x u64, 4 x u32, file name[64], crypt name[64], key[32], init[2] x u64
LOOP_INFO64 = struct.Struct("=QQQQQIIII64s64s32sQQ")


def disk_dir():
    """The node's persistent storage directory (the lab binds the node's disk dir here)."""
    return os.environ.get("HALAB_DISK", "/var/lib/halab-disk")


def dev_dir():
    """Where device nodes go; the node's private /dev in the lab. Overridable for tests only."""
    return os.environ.get("HALAB_DEV", "/dev")


def run_dir():
    path = os.path.join(disk_dir(), "run")
    os.makedirs(path, exist_ok=True)
    return path


class FileLock:
    """An exclusive flock on a file; serialises sim commands of one node."""

    def __init__(self, path):
        self.path = path
        self.fd = None

    def __enter__(self):
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        os.close(self.fd)


def write_atomic(path, data):
    tmp = path + ".tmp%d" % os.getpid()
    with open(tmp, "w" if isinstance(data, str) else "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def ensure_blockdev(path, major, minor):
    """Make path a block device node major:minor (replacing whatever is there)."""
    try:
        st = os.lstat(path)
        if stat.S_ISBLK(st.st_mode) and os.major(st.st_rdev) == major and os.minor(st.st_rdev) == minor:
            return
        os.unlink(path)
    except FileNotFoundError:
        pass
    os.makedirs(os.path.dirname(path), exist_ok=True)
    os.mknod(path, 0o660 | stat.S_IFBLK, os.makedev(major, minor))


def ensure_symlink(path, target):
    try:
        if os.readlink(path) == target:
            return
        os.unlink(path)
    except FileNotFoundError:
        pass
    except OSError:
        os.unlink(path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    os.symlink(target, path)


def remove_quietly(path):
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def loop_devnum(n):
    """major, minor of loop device n as the kernel registered it."""
    try:
        with open("/sys/block/loop%d/dev" % n) as f:
            major, minor = f.read().strip().split(":")
            return int(major), int(minor)
    except OSError:
        return LOOP_MAJOR, n


def loop_node(n):
    """Path of /dev/loopN in this node's /dev, created if the private /dev lacks it."""
    path = os.path.join(dev_dir(), "loop%d" % n)
    if not os.path.exists(path):
        ensure_blockdev(path, *loop_devnum(n))
    return path


def loop_backing(n):
    """(st_dev, st_ino) of the file loop n is attached to, or None when it is free."""
    try:
        fd = os.open(loop_node(n), os.O_RDONLY)
    except OSError:
        return None
    try:
        buf = fcntl.ioctl(fd, LOOP_GET_STATUS64, bytes(LOOP_INFO64.size))
        info = LOOP_INFO64.unpack(buf)
        return info[0], info[1]
    except OSError:
        return None
    finally:
        os.close(fd)


def same_file(n, image):
    """True when loop n is attached to exactly this image file (compared by device and inode)."""
    backing = loop_backing(n)
    if backing is None:
        return False
    st = os.stat(image)
    return backing == (huge_encode_dev(st.st_dev), st.st_ino)


def huge_encode_dev(dev):
    # the kernel reports lo_device in its new_encode_dev form
    major, minor = os.major(dev), os.minor(dev)
    return (minor & 0xFF) | (major << 8) | ((minor & ~0xFF) << 12)


def loop_attach(image):
    """Attach image to a free loop device; returns its number. Retries when another node races us."""
    img_fd = os.open(image, os.O_RDWR)
    ctl = os.open(os.path.join(dev_dir(), "loop-control"), os.O_RDWR)
    try:
        for _ in range(50):
            n = fcntl.ioctl(ctl, LOOP_CTL_GET_FREE)
            lfd = os.open(loop_node(n), os.O_RDWR)
            try:
                fcntl.ioctl(lfd, LOOP_SET_FD, img_fd)
            except OSError as e:
                if e.errno == errno.EBUSY:
                    continue
                raise
            file_name = os.path.abspath(image).encode()[:63]
            info = LOOP_INFO64.pack(0, 0, 0, 0, 0, 0, 0, 0, 0, file_name, b"", b"", 0, 0)
            try:
                fcntl.ioctl(lfd, LOOP_SET_STATUS64, info)
            except OSError:
                pass
            os.close(lfd)
            return n
        raise OSError(errno.EBUSY, "no free loop device after 50 attempts")
    finally:
        os.close(ctl)
        os.close(img_fd)


def loop_detach(n):
    fd = os.open(loop_node(n), os.O_RDONLY)
    try:
        fcntl.ioctl(fd, LOOP_CLR_FD)
    except OSError as e:
        if e.errno != errno.ENXIO:
            raise
    finally:
        os.close(fd)


def loop_set_capacity(n):
    fd = os.open(loop_node(n), os.O_RDONLY)
    try:
        fcntl.ioctl(fd, LOOP_SET_CAPACITY)
    finally:
        os.close(fd)


def flush_buffers(path):
    """Drop the block device's cached pages so reads see the image as the peer wrote it."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        fcntl.ioctl(fd, BLKFLSBUF)
    except OSError:
        pass
    finally:
        os.close(fd)


def in_use(path):
    """True when something (a mount, an open for write) holds the block device exclusively."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_EXCL)
    except OSError as e:
        return e.errno == errno.EBUSY
    os.close(fd)
    return False


def err(msg):
    sys.stderr.write(msg + "\n")
