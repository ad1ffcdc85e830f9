"""The roomy frame stack (nhn_portal/stack.py): calls below it never map stack chunks.

CPython 3.11 maps a 16 KiB chunk when a call does not fit in the current one and unmaps it when
that call returns (gh-142183), so a call repeated at such a depth costs a map, an unmap and a
page fault each time. The exercise below calls a function with an 8 KiB frame 200 times at
each of 120 depths: on a plain stack it is at such a depth for about half of them.
"""

import resource
import sys

import pytest

from nhn_portal.gunicorn_worker import RoomyStackSyncWorker
from nhn_portal.stack import HEADROOM, padded_frame_size, run_on_roomy_stack


def _leaf():
    return 1


# A frame of 8 KiB: fits in a chunk's remainder only half of the time.
_leaf.__code__ = _leaf.__code__.replace(co_stacksize=1024)


def _descend(depth: int) -> int:
    if depth:
        return _descend(depth - 1)
    return sum(_leaf() for _ in range(200))


def _exercise() -> int:
    return sum(_descend(depth) for depth in range(120))


def _page_faults(function) -> int:
    before = resource.getrusage(resource.RUSAGE_THREAD).ru_minflt
    function()
    return resource.getrusage(resource.RUSAGE_THREAD).ru_minflt - before


def test_calls_below_the_roomy_stack_map_no_chunks():
    run_on_roomy_stack(_exercise)  # first touch of the reserved pages
    assert _page_faults(lambda: run_on_roomy_stack(_exercise)) < 200


@pytest.mark.skipif(sys.version_info >= (3, 13), reason="CPython 3.13.13+ caches one chunk")
def test_the_same_calls_on_a_plain_stack_map_a_chunk_at_the_wrong_depths():
    # The control: what the roomy stack prevents happens here, on this CPython.
    _exercise()
    assert _page_faults(_exercise) > 2_000


def test_the_function_gets_its_arguments_and_its_result_comes_back():
    assert run_on_roomy_stack(divmod, 17, 5) == (3, 2)
    assert run_on_roomy_stack(dict, a=1) == {"a": 1}
    with pytest.raises(ZeroDivisionError):
        run_on_roomy_stack(divmod, 1, 0)


def test_the_padded_frame_leaves_the_headroom_free_in_its_chunk():
    # CPython sizes a new chunk to the power of two above the frame: more than half of it is
    # the padded frame, the rest (HEADROOM) is for the frames below.
    assert HEADROOM < padded_frame_size() < 2 * HEADROOM


def test_gunicorn_and_celery_run_their_work_on_the_roomy_stack():
    from nhn_portal.celery import RoomyStackTask, app

    with open("gunicorn.conf.py", encoding="utf-8") as conf:
        assert 'worker_class = "nhn_portal.gunicorn_worker.RoomyStackSyncWorker"' in conf.read()
    assert RoomyStackSyncWorker.run is not RoomyStackSyncWorker.__mro__[1].run
    assert issubclass(app.Task, RoomyStackTask)
    assert isinstance(app.tasks["nhn_portal.core.tasks.document_generation_run"], RoomyStackTask)
