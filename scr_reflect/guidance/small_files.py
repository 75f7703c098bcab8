"""Reading a small text file someone may have replaced with something hostile.

A school's own prompt files sit in the data folder, where anyone able to write there could
put a FIFO (reading it would wait for ever), a link to /dev/zero (reading it would fill the
memory) or a file of many megabytes. Each is refused with a plain reason instead.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


class NotASmallFile(Exception):
    """Not a regular file within the size limit; the message finishes "it ..."."""


def read_small_file(path: Path, limit: int) -> bytes:
    """A regular file's bytes, at most limit of them; NotASmallFile for anything else.

    Opened without following a link and without waiting, then checked on the open handle,
    so what is read is what was checked."""
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as error:
        if error.errno == errno.ELOOP:  # what O_NOFOLLOW gives for a link
            raise NotASmallFile("is a link, not a regular file") from error
        raise NotASmallFile(f"cannot be opened ({error.strerror})") from error
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotASmallFile("is not a regular file (a link, a device or a pipe)")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise NotASmallFile(f"is larger than {limit // 1024} KiB")
    return data
