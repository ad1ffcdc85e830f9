"""The release a process runs, for the keys of cached HTML; and the getting of such HTML.

Rendered fragments (the agenda editor's, the reading page's, a council's list of letters,
the distribution dashboard) live in the shared cache for up to an hour. A deployment that
changes a template, a translation or an address must not serve a fragment the old code
rendered (a button posting to an address that is gone, say), so their keys carry the release:
RELEASE from the environment when the deployment sets it, else a fingerprint of the project's
Python, template and translation sources. The same checkout on two nodes gives the same
fingerprint, so the nodes keep sharing their fragments.
"""

import functools
import hashlib
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.cache import cache

SOURCES = {".py", ".html", ".po"}
# Not the code that renders: environments, front-end packages, data, tests and benchmarks.
SKIP = {".venv", "node_modules", "media", "var", "staticfiles", "tests", "bench", "migrations"}


def _sources(folder: Path):
    for child in sorted(folder.iterdir()):
        if child.name in SKIP or child.name.startswith((".", "__")):
            continue
        if child.is_dir():
            yield from _sources(child)
        elif child.suffix in SOURCES:
            yield child


@functools.cache
def release() -> str:
    """RELEASE, or the fingerprint of the sources (once per process, ~50 ms)."""
    if settings.RELEASE:
        return settings.RELEASE
    digest = hashlib.blake2b(digest_size=8)
    base = Path(settings.BASE_DIR)
    for path in _sources(base):
        digest.update(path.relative_to(base).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def fragment_key(key: str) -> str:
    """The cache key of a rendered fragment: `key` in this release."""
    return f"{key}:{release()}"


# A fragment last fetched or rendered is also kept in the process, for a short while (issue
# 26): its key changes with everything it shows, so the process need not fetch and unpickle
# it from the shared cache again (about 0.1 ms for the editor's, under gunicorn). Briefly,
# because a fragment's lifetime in the shared cache is the backstop for what a key cannot see
# (a write outside the services), and that should not grow by more than this.
KEPT_SECONDS = 30
_KEPT_BYTES = 16 * 1024 * 1024  # per process; then started afresh
_kept: dict[str, tuple[float, object]] = {}
_kept_size = 0


def cached_fragment(key: str, render: Callable[[], object], seconds: int):
    """The fragment kept under `key` in this release, rendered by `render` when it is not
    there (or has expired after `seconds`). `key` must change with everything it shows."""
    key = fragment_key(key)
    now = time.monotonic()
    kept = _kept.get(key)
    if kept is not None and now < kept[0]:
        return kept[1]
    fragment = cache.get(key)
    if fragment is None:
        fragment = render()
        cache.set(key, fragment, seconds)
    _keep(key, fragment, now + min(seconds, KEPT_SECONDS))
    return fragment


def _keep(key: str, fragment: object, until: float) -> None:
    global _kept_size
    size = len(fragment) if isinstance(fragment, str | bytes) else 1024
    if _kept_size + size > _KEPT_BYTES:
        forget_kept_fragments()
    _kept[key] = (until, fragment)
    _kept_size += size


def forget_kept_fragments() -> None:
    """Empty the process's copies (tests that empty the cache mid-way; a full store)."""
    global _kept_size
    _kept.clear()
    _kept_size = 0
