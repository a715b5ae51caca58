"""The parser server's failure modes that need no running server: one clear line each."""

from __future__ import annotations

import ipaddress
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from relgraph.errors import ParserError
from relgraph.loaders.nlp import parse
from relgraph.loaders.nlp.server import _NOT_LOOPBACK, ParserServer


def _word(i, form, upos, head, rel):
    """Token ``i`` of a hand-made parse, one character long at offset ``i``."""
    from relgraph.loaders.nlp import Tok

    return Tok(i, form, form.lower(), upos, head, rel, i, i + 1)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A parser home and port of this test's own, with no server in it."""
    monkeypatch.setenv("RELGRAPH_PARSER_HOME", str(tmp_path / "parser"))
    monkeypatch.setenv("RELGRAPH_PARSER_PORT", str(_free_port()))
    monkeypatch.delenv("RELGRAPH_PARSER_URL", raising=False)
    return tmp_path / "parser"


def test_home_follows_relgraph_home(tmp_path, monkeypatch):
    monkeypatch.delenv("RELGRAPH_PARSER_HOME", raising=False)
    monkeypatch.setenv("RELGRAPH_HOME", str(tmp_path))
    assert ParserServer.default().home == tmp_path.resolve() / "parser"


def test_missing_java_is_one_line(home, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.delenv("RELGRAPH_JAVA", raising=False)
    with pytest.raises(ParserError, match="Java is not installed") as e:
        ParserServer.default().start()
    assert "\n" not in str(e.value)


def test_missing_java_from_the_cli_is_one_line_and_exit_1(home):
    env = {k: v for k, v in os.environ.items() if k not in ("JAVA_HOME", "RELGRAPH_JAVA")}
    env["PATH"] = "/nonexistent"
    r = subprocess.run([sys.executable, "-m", "relgraph", "parser", "start"], capture_output=True, text=True, env=env)
    assert r.returncode == 1
    assert r.stderr.strip().startswith("Error: Java is not installed") and len(r.stderr.strip().splitlines()) == 1


def test_a_parse_with_no_java_fails_in_one_line(home, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.delenv("RELGRAPH_JAVA", raising=False)
    with pytest.raises(ParserError, match="Java is not installed"):
        parse("en", "Biden met Xi.", [(0, 13)])


def test_missing_maven_says_what_to_do(home, monkeypatch, tmp_path):
    java = Path(subprocess.run(["sh", "-c", "command -v java"], capture_output=True, text=True).stdout.strip())
    if not java.name:
        pytest.skip("no java on PATH")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "java").symlink_to(java.resolve())
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(ParserError, match=r"Maven \(mvn\) is not on PATH"):
        ParserServer.default().install()


def test_port_taken_is_one_clear_line(home, monkeypatch):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        monkeypatch.setenv("RELGRAPH_PARSER_PORT", str(port))
        with pytest.raises(ParserError, match=f"port {port} .* taken.*RELGRAPH_PARSER_PORT"):
            ParserServer.default().start()


def test_bad_port_variable(home, monkeypatch):
    monkeypatch.setenv("RELGRAPH_PARSER_PORT", "corenlp")
    with pytest.raises(ParserError, match="not a port number"):
        ParserServer.default()


def test_stale_pid_file_is_cleared(home):
    s = ParserServer.default()
    s.pid_file.parent.mkdir(parents=True)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    s.pid_file.write_text(f"{dead.pid}\n")
    assert s.pid() is None
    assert not s.pid_file.exists()


def test_a_live_pid_that_is_not_this_homes_server_is_not_taken_for_it(home):
    s = ParserServer.default()
    s.pid_file.parent.mkdir(parents=True)
    s.pid_file.write_text(f"{os.getpid()}\n")
    assert s.pid() is None
    assert not s.status().running


def test_status_of_a_stopped_server_exits_1(home):
    r = subprocess.run([sys.executable, "-m", "relgraph", "parser", "status"], capture_output=True, text=True)
    assert r.returncode == 1 and "not running" in r.stdout
    assert ParserServer.default().stop() == "not running"


def test_unknown_language_is_one_line(home):
    with pytest.raises(ParserError, match="no parser for language 'it'"):
        parse("it", "Meloni ha incontrato Xi.", [(0, 24)])


def test_no_spans_and_blank_spans_need_no_server(home, monkeypatch):
    monkeypatch.setenv("RELGRAPH_PARSER_URL", f"http://127.0.0.1:{_free_port()}")  # nothing answers there
    assert parse("en", "Anything.", []) == []
    assert [p.toks for p in parse("fr", "a  \n b", [(1, 4), (2, 2)])] == [(), ()]


def test_a_server_that_does_not_answer_is_one_line(home, monkeypatch):
    monkeypatch.setenv("RELGRAPH_PARSER_URL", f"http://127.0.0.1:{_free_port()}")
    with pytest.raises(ParserError, match="cannot be reached") as e:
        parse("de", "Scholz traf Macron in Paris.", [(0, 28)])
    assert "\n" not in str(e.value)


def test_block_list_is_all_of_ipv4_but_loopback():
    nets = [ipaddress.ip_network(n) for n in _NOT_LOOPBACK]
    assert sum(n.num_addresses for n in nets) == 2**32 - 2**24
    assert not any(ipaddress.ip_address("127.0.0.1") in n for n in nets)
    for ip in ("0.0.0.1", "10.0.0.1", "126.255.255.255", "128.0.0.1", "192.0.2.2", "255.255.255.255"):
        assert any(ipaddress.ip_address(ip) in n for n in nets), ip


def test_a_long_fetch_reports_the_megabytes_that_arrive(tmp_path):
    """A first `relgraph parser start` downloads 1.2 GB: it must say how far along it is."""
    from relgraph import procs

    script = (
        "import time, pathlib\n"
        f"p = pathlib.Path({str(tmp_path)!r})\n"
        "for i in range(4):\n"
        "    (p / f'part{i}').write_bytes(b'x' * (1 << 20)); time.sleep(0.4)\n"
    )
    lines: list[str] = []
    run = procs.run_with_progress([sys.executable, "-c", script], [tmp_path], 4, "fetching", lines.append, every=0.5)
    assert run.returncode == 0
    assert lines and all(line.startswith("fetching: ") and line.endswith("of about 4 MB") for line in lines)
    assert int(lines[-1].split()[1]) >= 2  # the count grows as the files arrive


def test_a_cycle_of_heads_is_cut_so_every_walk_up_ends():
    """natasha can make a word its own head, or two words each other's: the client cuts both."""
    from relgraph.loaders.nlp import Parse, Tok
    from relgraph.loaders.nlp.client import tree

    def tok(i, head):
        return Tok(i, "w", "w", "X", head, "dep", i, i + 1)

    toks = tree((tok(1, 1), tok(2, 3), tok(3, 2), tok(4, 0), tok(5, 9)))
    p = Parse(0, 5, toks)
    for t in toks:
        seen, cur = set(), t
        while cur.head:
            assert cur.i not in seen
            seen.add(cur.i)
            cur = p.tok(cur.head)
    assert toks[3].head == 0 and toks[2].head == 2  # the tree's own edges are kept
    assert len(p.subtree(4)) == 1


def test_words_hung_on_punctuation_hang_on_the_word_above_it():
    """UD punctuation has no dependents: a word the parser hung on a comma (or on a comma hung on
    a comma) hangs on the first word above that is no punctuation; the rest of the tree is kept."""
    from relgraph.loaders.nlp.client import _repair

    # "X held talks , Y , at Z"
    toks = (
        _word(1, "X", "PROPN", 2, "nsubj"),
        _word(2, "held", "VERB", 0, "root"),
        _word(3, "talks", "NOUN", 2, "obj"),
        _word(4, ",", "PUNCT", 2, "punct"),
        _word(5, "Y", "PROPN", 4, "dep"),
        _word(6, ",", "PUNCT", 4, "punct"),
        _word(7, "Z", "PROPN", 6, "dep"),
    )
    for lang in ("en", "fr", "de", "es", "ru"):
        out = _repair(lang, toks)
        assert [t.head for t in out] == [2, 0, 2, 2, 2, 4, 2]
        assert out[4].deprel == "dep" and out[0] == toks[0]
    clean = toks[:4]
    assert _repair("fr", clean) is clean  # nothing to repair: the same tuple


def test_a_russian_word_left_without_a_head_hangs_where_its_like_before_it_hangs():
    """natasha: "сделан в октябре ... в Душанбе, где ...", "Душанбе" an oblique of nothing: it
    hangs on the head of the oblique before it ("октябре" on "сделан"); with none, on the root.
    Other languages keep their tree."""
    from relgraph.loaders.nlp import Tok
    from relgraph.loaders.nlp.client import _repair

    def tok(i, upos, head, rel):
        return Tok(i, "w", "w", upos, head, rel, i, i + 1)

    toks = (
        tok(1, "VERB", 0, "root"),
        tok(2, "NOUN", 1, "obl"),
        tok(3, "PROPN", 0, "obl"),  # no head
        tok(4, "VERB", 3, "acl:relcl"),
        tok(5, "NOUN", 0, "nmod"),  # no head, and no nmod before it
    )
    out = _repair("ru", toks)
    assert [t.head for t in out] == [0, 1, 1, 3, 1]
    assert [t.deprel for t in out] == [t.deprel for t in toks]
    assert [t.head for t in _repair("de", toks)] == [0, 1, 0, 3, 0]


def test_what_comes_before_a_relative_adverb_belongs_to_the_clause_it_hangs_on():
    """A clause of place opens with its adverb: "fliegt nach Buenos Aires, wo ein Treffen ...
    geplant ist" parsed with "nach Buenos Aires" under "geplant", "wo" under the noun and "geplant"
    a complement of "fliegt" is repaired to "nach Buenos Aires" under "fliegt", "wo" under
    "geplant" and "geplant" a relative clause; with the relative clause taken for the root, the
    travel verb before the adverb becomes the root. A tree with no such slip is kept as it is."""
    from relgraph.loaders.nlp.client import _repair

    # "Er fliegt nach Aires , wo ein Treffen geplant ist"
    slipped = (
        _word(1, "Er", "PRON", 2, "nsubj"),
        _word(2, "fliegt", "VERB", 0, "root"),
        _word(3, "nach", "ADP", 4, "case"),
        _word(4, "Aires", "PROPN", 9, "obl"),
        _word(5, ",", "PUNCT", 7, "punct"),
        _word(6, "wo", "ADV", 8, "advmod"),
        _word(7, "ein", "DET", 8, "det"),
        _word(8, "Treffen", "NOUN", 9, "nsubj:pass"),
        _word(9, "geplant", "VERB", 2, "xcomp"),
        _word(10, "ist", "AUX", 9, "aux:pass"),
    )
    out = _repair("de", slipped)
    assert (out[3].head, out[3].deprel) == (2, "obl")
    assert (out[5].head, out[5].deprel) == (9, "advmod")
    assert (out[8].head, out[8].deprel) == (2, "acl:relcl")
    # the same with "geplant" the root and "fliegt" hung under it
    rooted = tuple(
        _word(
            t.i,
            t.form,
            t.upos,
            9 if t.i == 2 else 0 if t.i == 9 else t.head,
            "acl" if t.i == 2 else "root" if t.i == 9 else t.deprel,
        )
        for t in slipped
    )
    out = _repair("de", rooted)
    assert (out[1].head, out[1].deprel) == (0, "root")
    assert (out[8].head, out[8].deprel) == (2, "acl:relcl")
    assert out[3].head == 2 and out[5].head == 9
    # "Er fliegt nach Aires , wo er Y trifft": nothing to repair
    clean = (
        _word(1, "Er", "PRON", 2, "nsubj"),
        _word(2, "fliegt", "VERB", 0, "root"),
        _word(3, "nach", "ADP", 4, "case"),
        _word(4, "Aires", "PROPN", 2, "obl"),
        _word(5, ",", "PUNCT", 9, "punct"),
        _word(6, "wo", "ADV", 9, "advmod"),
        _word(7, "er", "PRON", 9, "nsubj"),
        _word(8, "Y", "PROPN", 9, "obj"),
        _word(9, "trifft", "VERB", 4, "acl:relcl"),
    )
    assert _repair("de", clean) == clean


def test_a_copula_before_a_place_becomes_the_verb_of_being_there():
    """UD hangs "Modi was in Paris" on "Paris", with "was" its copula: the copula becomes the
    clause's verb, with the subject, and the place its oblique (as in "stayed in Paris"). A copula
    before a noun that is no place phrase ("it was their first meeting") is kept as it is."""
    from relgraph.loaders.nlp import Tok
    from relgraph.loaders.nlp.client import _repair

    was = Tok(2, "was", "be", "AUX", 4, "cop", 2, 3)

    # "Modi was in Paris"
    toks = (
        _word(1, "Modi", "PROPN", 4, "nsubj"),
        was,
        _word(3, "in", "ADP", 4, "case"),
        _word(4, "Paris", "PROPN", 0, "root"),
    )
    out = _repair("en", toks)
    assert (out[1].head, out[1].deprel, out[1].upos) == (0, "root", "VERB")
    assert (out[3].head, out[3].deprel) == (2, "obl")
    assert out[0].head == 2 and out[2].head == 4
    # "it was their meeting"
    kept = (
        _word(1, "it", "PRON", 4, "nsubj"),
        was,
        _word(3, "their", "PRON", 4, "nmod:poss"),
        _word(4, "meeting", "NOUN", 0, "root"),
    )
    assert _repair("en", kept) == kept
