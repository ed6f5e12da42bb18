"""Ctrl-C during a long write: stop between files, where every file in the store is whole.

A KeyboardInterrupt raised wherever the signal lands can land in a finaliser (a database
result closed by the garbage collector), where Python prints it and drops it, and the load
would run to its end. So the first Ctrl-C only asks: the load stops after the file it is
writing. A second Ctrl-C stops it at once, as before.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["stop_between_files"]


@contextmanager
def stop_between_files() -> Iterator[Callable[[], None]]:
    """A check to call between files: it raises KeyboardInterrupt once Ctrl-C was pressed.

    Where SIGINT is ignored (a background job) or this is not the main thread, the check
    never raises and the signal keeps its handling.
    """
    asked = threading.Event()

    def check() -> None:
        if asked.is_set():
            raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield check
        return
    previous = signal.getsignal(signal.SIGINT)
    if previous is signal.SIG_IGN:
        yield check
        return

    def on_sigint(signum: int, frame: FrameType | None) -> None:
        if asked.is_set():
            raise KeyboardInterrupt
        asked.set()

    signal.signal(signal.SIGINT, on_sigint)
    try:
        yield check
    finally:
        signal.signal(signal.SIGINT, previous)
