"""The local server's failure modes that need no running server: one clear line each."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from relgraph.errors import ServerError
from relgraph.graph.server import LocalServer


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("RELGRAPH_HOME", str(tmp_path))
    return tmp_path


def test_stale_pid_file_is_cleared(home):
    s = LocalServer.default()
    s.pid_file.parent.mkdir(parents=True)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    s.pid_file.write_text(f"{dead.pid}\n")
    assert s.pid() is None
    assert not s.pid_file.exists()


def test_a_live_pid_that_is_not_neo4j_is_not_taken_for_the_server(home):
    s = LocalServer.default()
    s.pid_file.parent.mkdir(parents=True)
    s.pid_file.write_text(f"{os.getpid()}\n")
    assert s.pid() is None


def test_port_taken_is_one_clear_line(home, monkeypatch):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        monkeypatch.setenv("RELGRAPH_BOLT_PORT", str(port))
        with pytest.raises(ServerError, match=f"port {port} .* taken.*RELGRAPH_BOLT_PORT"):
            LocalServer.default().start()


def test_missing_maven_says_what_to_do(home, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(ServerError, match="Maven .* not on PATH"):
        LocalServer.default().install()


def test_bad_port_variable(home, monkeypatch):
    monkeypatch.setenv("RELGRAPH_HTTP_PORT", "http")
    with pytest.raises(ServerError, match="not a port number"):
        LocalServer.default()


def test_status_of_a_stopped_server_exits_1(home):
    r = subprocess.run(
        [sys.executable, "-m", "relgraph", "db", "status"], capture_output=True, text=True, env=dict(os.environ)
    )
    assert r.returncode == 1 and "not running" in r.stdout


def test_conf_is_loopback_only(home):
    s = LocalServer.default()
    conf = s.write_conf().read_text()
    listens = [ln for ln in conf.splitlines() if "listen_address" in ln]
    assert listens and all("=127.0.0.1" in ln for ln in listens)


def test_a_generated_password_never_starts_with_a_dash(monkeypatch):
    from relgraph.graph import server

    drawn = iter(["-leading-dash-is-an-option", "_fine-password"])
    monkeypatch.setattr(server.secrets, "token_urlsafe", lambda n: next(drawn))
    assert server.new_password() == "_fine-password"
