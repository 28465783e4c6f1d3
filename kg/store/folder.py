"""The store folder: generations of an Oxigraph store, switched atomically.

A build never writes the store that readers see.  It copies the active generation with
``Store.backup`` (a RocksDB checkpoint: hard links, instant), writes the copy, closes it,
and then switches a symbolic link with one ``rename`` — atomic on POSIX file systems.  A
build killed at any point leaves ``active`` pointing at the old, complete generation; the
half-written copy is removed by the next build.  So readers see either the old graph or
the new one, never a mixture::

    DIR/
      active -> generations/000003       symbolic link, replaced atomically when a build ends
      generations/000003/store/          the Oxigraph (RocksDB) store readers open
      generations/000003/manifest.json   what was built: inputs, documents and their sha256, counts
      generations/000002/                the previous generation, kept for readers that have it open
      build.lock                         held (flock) by the one build that writes
      generations/000002/serving.lock    held (shared flock) by each kg serve that reads this generation

A build removes generations older than the previous one, but never one that a running ``kg serve``
holds (``lease``): that one stays until the server stops, and a later build removes it then.

A folder that is itself an Oxigraph store (the layout before generations) is still read;
the next build copies it into a generation and removes the old files after the switch.

No spaCy or jieba here.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import shutil
from pathlib import Path

from kg.model import InputError

ACTIVE = "active"
GENERATIONS = "generations"
LOCK = "build.lock"
STORE = "store"
MANIFEST = "manifest.json"
SPOOL = "spool"  # a build's temporary files (a long document's N-Quads): removed when it ends, or by the next one
LEASE = "serving.lock"
SEARCH_INDEX = "search.sqlite"  # kg.store.search: made by the build, carried to a generation that only kg link writes
_GEN = re.compile(r"^\d{6}$")
# files of a RocksDB folder (the layout before generations), removed once converted
_ROCKSDB_FILE = re.compile(r"^(CURRENT|IDENTITY|LOCK|LOG(\.old\.\d+)?|MANIFEST-\d+|OPTIONS-\d+|\d+\.(sst|log|blob))$")


def active_generation(folder: str | Path) -> Path | None:
    """The generation folder ``active`` points at, or None."""
    link = Path(folder) / ACTIVE
    if not link.is_symlink():
        return None
    target = link.resolve()
    return target if (target / STORE / "CURRENT").is_file() else None


def store_path(folder: str | Path) -> Path | None:
    """The Oxigraph store readers should open (resolved, so it stays the same while they read)."""
    gen = active_generation(folder)
    if gen is not None:
        return gen / STORE
    if (Path(folder) / "CURRENT").is_file():  # a store from before generations
        return Path(folder)
    return None


class Lease:
    """A reader's hold on the generation it serves (a shared flock, released when the reader ends,
    however it ends): builds do not remove a leased generation."""

    def __init__(self, store: Path | None, fd: int | None):
        self.store = store  # the Oxigraph store to open (None: no store in the folder)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def lease(folder: str | Path) -> Lease:
    """Resolve the active generation and hold it.  A folder in the layout before generations, or one
    that cannot be written, is read without a lease."""
    for _ in range(10):
        gen = active_generation(folder)
        store = gen / STORE if gen is not None else store_path(folder)
        if store is None:
            return Lease(None, None)
        holder = gen if gen is not None else Path(folder)  # a store from before generations: the folder
        try:
            fd = os.open(holder / LEASE, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return Lease(store, None)
        fcntl.flock(fd, fcntl.LOCK_SH)  # waits while a build removes this store (it holds LOCK_EX)
        if (store / "CURRENT").is_file():
            return Lease(store, fd)
        os.close(fd)  # removed meanwhile: hold the new active one
    raise InputError(str(folder), "the active generation keeps changing; try again")


def _unless_leased(holder: Path, remove) -> None:
    """Call ``remove()`` unless a server holds ``holder``'s lease (then the store stays, and a later
    build removes it); the lease is held exclusively meanwhile, so no server takes it half-removed."""
    try:
        fd = os.open(holder / LEASE, os.O_RDWR)
    except FileNotFoundError:
        fd = None
    except OSError:
        return
    try:
        if fd is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return  # served
        remove()
    finally:
        if fd is not None:
            os.close(fd)


def read_manifest(folder: str | Path) -> dict:
    gen = active_generation(folder)
    if gen is None:
        return {}
    try:
        return json.loads((gen / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _generations(root: Path) -> list[int]:
    gens = root / GENERATIONS
    if not gens.is_dir():
        return []
    return sorted(int(p.name) for p in gens.iterdir() if _GEN.match(p.name))


def _gen_dir(root: Path, n: int) -> Path:
    return root / GENERATIONS / f"{n:06d}"


class StoreFolder:
    """A store folder opened for one build: the lock, the active generation, a staging copy."""

    def __init__(self, folder: str | Path):
        self.root = Path(folder)
        self._lock_fd: int | None = None
        self.staging: Path | None = None
        self.previous: Path | None = None  # the active generation when the staging copy was made

    def __enter__(self) -> StoreFolder:
        return self

    def __exit__(self, *exc) -> None:
        """Whatever happened: a staging copy not committed and the temporary files are removed, the lock released."""
        self.abort()
        if self._lock_fd is not None:
            shutil.rmtree(self.root / SPOOL, ignore_errors=True)
        self.unlock()

    # -- locking ---------------------------------------------------------------------------
    def lock(self, create: bool) -> bool:
        """Take the build lock; False when the folder does not exist and ``create`` is false."""
        if self._lock_fd is not None:
            return True
        if not self.root.exists():
            if not create:
                return False
            try:
                self.root.mkdir(parents=True)
            except OSError as e:
                raise InputError(str(self.root), f"cannot create the store folder: {e.strerror or e}") from None
        if not self.root.is_dir():
            raise InputError(str(self.root), "not a folder")
        fd = os.open(self.root / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            os.close(fd)
            if e.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise InputError(str(self.root), "another kg build is writing this store; wait for it") from None
            raise
        self._lock_fd = fd
        self._remove_stale()
        return True

    def unlock(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing releases the flock (so does being killed)
            self._lock_fd = None

    def spool(self) -> Path:
        """An empty folder for this build's temporary files, on the store's disk (not /tmp, which may be memory).
        It goes when the build ends however it ends: on the way out of the ``with``, or, after a SIGKILL, when
        the next build or ``kg link`` takes the lock."""
        assert self._lock_fd is not None, "lock first"
        path = self.root / SPOOL
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir()
        return path

    def _remove_stale(self) -> None:
        """Generations newer than the active one are copies left by a build that was killed, and so are
        temporary files."""
        shutil.rmtree(self.root / SPOOL, ignore_errors=True)
        active = active_generation(self.root)
        keep = int(active.name) if active is not None else -1
        for n in _generations(self.root):
            if n > keep:
                shutil.rmtree(_gen_dir(self.root, n), ignore_errors=True)

    # -- staging ---------------------------------------------------------------------------
    def begin(self) -> Path:
        """Make the staging copy of the active store (or an empty folder) and return its store path."""
        from pyoxigraph import Store

        assert self._lock_fd is not None, "lock first"
        n = max(_generations(self.root), default=0) + 1
        self.staging = _gen_dir(self.root, n)
        self.staging.mkdir(parents=True)
        self.previous = active_generation(self.root)
        current = store_path(self.root)
        target = self.staging / STORE
        if current is not None:
            Store.read_only(str(current)).backup(str(target))
        if self.previous is not None and (self.previous / SEARCH_INDEX).is_file():
            os.link(self.previous / SEARCH_INDEX, self.staging / SEARCH_INDEX)  # the build replaces it
        return target

    def commit(self, manifest: dict) -> None:
        """Write the manifest and switch ``active`` to the staging generation in one rename."""
        assert self.staging is not None
        manifest_file = self.staging / MANIFEST
        with open(manifest_file, "w", encoding="utf-8") as f:
            json.dump(manifest, f, ensure_ascii=False, sort_keys=True)
            f.flush()
            os.fsync(f.fileno())
        _fsync_tree(self.staging / STORE)
        link_tmp = self.root / (ACTIVE + ".tmp")
        if link_tmp.is_symlink() or link_tmp.exists():
            link_tmp.unlink()
        os.symlink(os.path.join(GENERATIONS, self.staging.name), link_tmp)
        os.replace(link_tmp, self.root / ACTIVE)  # the switch
        _fsync_dir(self.root)
        self._after_switch()
        self.staging = None

    def abort(self) -> None:
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None

    def _after_switch(self) -> None:
        """Keep the new and the previous generation; remove older ones and pre-generation files."""
        keep = {self.staging.name, self.previous.name if self.previous is not None else None}
        for n in _generations(self.root):
            d = _gen_dir(self.root, n)
            if d.name not in keep and n < int(self.staging.name):
                _unless_leased(d, lambda d=d: shutil.rmtree(d, ignore_errors=True))
        _unless_leased(self.root, self._remove_old_layout)

    def _remove_old_layout(self) -> None:
        for f in self.root.iterdir():
            if f.is_file() and not f.is_symlink() and _ROCKSDB_FILE.match(f.name):
                f.unlink(missing_ok=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(path: Path) -> None:
    """Make the closed store durable before it becomes visible (matters on power loss, not on a kill)."""
    for f in path.iterdir():
        if f.is_file():
            fd = os.open(f, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    _fsync_dir(path)
