"""Room on CPython's frame stack, so a page does not pay a system call per template tag.

CPython 3.11 keeps its Python frames in chunks of 16 KiB that it maps (mmap) when a call needs
a new one and unmaps as soon as the first frame in it returns. A loop that calls at exactly the
depth where one chunk ends maps and unmaps a chunk on every call: CPython issue gh-142183,
"Calls across stack chunks perform badly", fixed by a cached chunk only from 3.13.13/3.14.
Measured on the 80-item agenda editor under gunicorn (bench/README.md, "The frame stack"):
about 1,300 map/unmap pairs and 7,500 page faults per request, 95 ms instead of 48 ms.
Which page hits a boundary depends on how deep the server calls the view, so it comes and goes
with any change of middleware or template.

`run_on_roomy_stack` calls its function from a frame that reserves a large chunk of its own
(a code object with a large evaluation stack: CPython sizes a new chunk to the frame that needs
it, a power of two), so everything the function calls finds `HEADROOM` of free stack in that
one chunk. The reserved memory is address space only: pages the frames never touch are never
made resident. Harmless on a CPython without the problem.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

# Free stack for the calls below the padded frame: ample for a request or a PDF render (a
# thousand frames deep is about 150 KiB), and far more than one 16 KiB chunk.
HEADROOM = 256 * 1024
# The padded frame takes just over half of a 512 KiB chunk (in words of 8 bytes), so CPython
# maps a chunk of 512 KiB for it and the other half stays free for its callees.
_PAD_WORDS = HEADROOM // 8 + 64


def _padded_call(function, args, kwargs):
    return function(*args, **kwargs)


# A larger co_stacksize only reserves evaluation-stack slots (never initialised or read), and
# code.replace() is the supported way to make such a code object.
_padded_call.__code__ = _padded_call.__code__.replace(co_stacksize=_PAD_WORDS)


def run_on_roomy_stack(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`function(*args, **kwargs)` with HEADROOM of frame stack in one chunk below it."""
    return _padded_call(function, args, kwargs)


def padded_frame_size() -> int:
    """Bytes the padded frame reserves (for the tests and the benchmark's note)."""
    return _padded_call.__code__.co_stacksize * 8
