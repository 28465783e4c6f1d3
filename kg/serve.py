"""Serve a store over SPARQL with the real Oxigraph server (PyPI package ``oxigraph``).

Read-only, union default graph, bound to 127.0.0.1 unless told otherwise, with a query
timeout.  The server's own query UI answers at ``/``, SPARQL at ``/query``.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .model import InputError


def oxigraph_binary() -> str:
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise InputError("oxigraph", "the Oxigraph server is not installed; pip install 'oxigraph==0.5.13'")
    return found


def command(store: str, host: str, port: int, timeout_s: int, cors: bool = False) -> list[str]:
    cmd = [oxigraph_binary(), "serve-read-only", "--location", str(store), "--bind", f"{host}:{port}",
           "--union-default-graph", "--timeout-s", str(timeout_s)]
    if cors:
        cmd.append("--cors")
    return cmd


def port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def wait_until_listening(proc: subprocess.Popen, host: str, port: int, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    connect_host = "127.0.0.1" if host in ("0.0.0.0", "") else ("::1" if host == "::" else host)
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with socket.create_connection((connect_host, port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def serve(store: str | Path, *, host: str = "127.0.0.1", port: int = 7878, timeout_s: int = 30,
          cors: bool = False, on_ready: Callable[[str], None] | None = None) -> int:
    """Run the server until it stops or Ctrl-C; returns its exit status (0 after Ctrl-C)."""
    from .store import locate

    location = locate(store)  # the active generation, resolved: a later build does not pull it away
    if not port_free(host, port):
        raise InputError(f"{host}:{port}", "address already in use; choose another with --port")
    proc = subprocess.Popen(command(str(location), host, port, timeout_s, cors), stdin=subprocess.DEVNULL)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)  # a plain `kill` stops the server too
    try:
        if not wait_until_listening(proc, host, port):
            proc.kill()
            proc.wait()
            raise InputError(str(store), f"the Oxigraph server did not start (exit status {proc.returncode})")
        if on_ready:
            shown = f"[{host}]" if ":" in host else host
            on_ready(f"http://{shown}:{port}/")
        return proc.wait()
    except KeyboardInterrupt:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        return 0
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait()
