"""What the embedded store asks of its process and system: its resident memory, who holds a
database file's write lock, and the C heap's free pages handed back."""

from __future__ import annotations

import ctypes
import os
import re
from pathlib import Path

__all__ = ["LOCKED", "resident_mb", "return_freed_memory", "writer_pid"]

try:
    LIBC: ctypes.CDLL | None = ctypes.CDLL(None)
except (OSError, TypeError):  # no C library to ask (not a POSIX system)
    LIBC = None


def return_freed_memory() -> None:
    """Hand the C heap's free pages back to the system. A commit's checkpoint rewrites whole
    relationship tables in scratch memory that LadybugDB frees but glibc keeps (60-190 MB at
    3k reports). Where the C library has no ``malloc_trim``, nothing is done."""
    trim = getattr(LIBC, "malloc_trim", None)
    if trim is not None:
        trim(0)


LOCKED = re.compile(r"Could not set lock on file.*?Lock is held by PID (\d+)", re.S)


def resident_mb() -> float | None:
    """This process's resident memory in MB, or None where ``/proc`` does not tell it."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / (1 << 20)


def writer_pid(db_path: Path) -> int | None:
    """The process that holds the database file's write lock (LadybugDB takes a POSIX
    advisory lock on it while open for writing), or None."""
    import fcntl
    import struct

    layout = "hhqqixxxx"  # struct flock: type, whence, start, length, pid
    try:
        fd = os.open(db_path, os.O_RDONLY)
    except OSError:
        return None
    try:
        probe = struct.pack(layout, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        kind, _, _, _, pid = struct.unpack(layout, fcntl.fcntl(fd, fcntl.F_GETLK, probe))
    except OSError:
        return None
    finally:
        os.close(fd)
    return None if kind == fcntl.F_UNLCK else int(pid)
