"""Connection settings: environment, options, the local server's password file."""

from __future__ import annotations

from relgraph.settings import Settings, relgraph_home


def test_env_then_overrides():
    env = {"NEO4J_URI": "bolt://db:7687", "NEO4J_USER": "u", "NEO4J_PASSWORD": "p", "NEO4J_DATABASE": "d"}
    s = Settings.from_env(env)
    assert (s.uri, s.user, s.password, s.database) == ("bolt://db:7687", "u", "p", "d")
    s = Settings.from_env(env, uri="bolt://other:7687", user=None)
    assert (s.uri, s.user) == ("bolt://other:7687", "u")


def test_local_server_password_is_found_without_env(tmp_path, monkeypatch):
    monkeypatch.setenv("RELGRAPH_HOME", str(tmp_path))
    (tmp_path / "password").write_text("secret-from-file\n")
    s = Settings.from_env({})
    assert relgraph_home() == tmp_path
    assert s.password == "secret-from-file" and s.uri == "bolt://127.0.0.1:7687"


def test_repr_never_shows_the_password():
    assert "hunter2" not in repr(Settings(password="hunter2"))
