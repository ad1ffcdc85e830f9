"""Gunicorn's sync worker, with its request loop on a roomy frame stack.

The worker's whole life (accepting and answering requests) runs below one padded frame
(`nhn_portal.stack`), so the chunk it reserves is mapped once per worker process and no
request maps and unmaps frame-stack chunks as it renders (CPython gh-142183). Named in
gunicorn.conf.py as the worker class.
"""

from gunicorn.workers.sync import SyncWorker

from nhn_portal.stack import run_on_roomy_stack


class RoomyStackSyncWorker(SyncWorker):
    def run(self):
        return run_on_roomy_stack(super().run)
