"""Reading files, folders, globs, HTML and JSON Lines into Articles, and refusing bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relgraph.errors import BadArticle
from relgraph.loaders.read import parse_text, read_file, read_paths
from tests.conftest import DATA


def test_header_lines_give_title_date_outlet_and_offsets_point_into_the_whole_file():
    text = (DATA / "en_visit.txt").read_text(encoding="utf-8")
    a = read_file(str(DATA / "en_visit.txt"))
    assert a.text == text
    assert a.title == "US and Vietnam upgrade their ties during Biden visit"
    assert a.published == "2023-09-11"
    assert a.outlet == "Example Wire"
    assert text[a.body_start :].startswith("\nHANOI") or text[a.body_start :].startswith("HANOI")
    key, s, e = a.header[0]
    assert (key, text[s:e]) == ("source", "Example Wire")


def test_text_without_header_keeps_the_title_line():
    a = parse_text("Titre\n\nCorps du texte.\n", "x.txt")
    assert a.title == "Titre" and a.published is None and a.body_start == len("Titre\n")


def test_cp1252_is_read_correctly(tmp_path):
    f = tmp_path / "legacy.txt"
    f.write_bytes("Le président français a rencontré son homologue à Berlin.\n".encode("cp1252"))
    a = read_file(str(f))
    assert "président" in a.text and "à Berlin" in a.text


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty file"),
        (b"   \n\n\t  \n", "only blanks"),
        (b"\x00\x01\x02binary\x00" * 50, "binary"),
    ],
)
def test_unreadable_files_are_bad_articles(tmp_path, content, reason):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    with pytest.raises(BadArticle, match=reason) as e:
        read_file(str(f))
    assert str(f) in str(e.value)


def test_jsonl_batch_reports_the_broken_line_and_reads_the_others(tmp_path):
    f = tmp_path / "batch.jsonl"
    good = {
        "title": "T",
        "text": "Body about Russia.",
        "published": "2024-01-02T10:00:00Z",
        "url": "https://example.org/1",
        "outlet": "Example",
    }
    f.write_text(
        "\n".join([json.dumps(good), "{oops", json.dumps({"title": "no text"}), json.dumps(dict(good, url=None))])
        + "\n",
        encoding="utf-8",
    )
    items = list(read_paths([str(f)]))
    assert [type(i).__name__ for i in items] == ["Article", "BadArticle", "BadArticle", "Article"]
    assert items[0].published == "2024-01-02" and items[0].doc == "https://example.org/1"
    assert items[1].line == 2 and "not JSON" in str(items[1])
    assert items[2].line == 3 and '"text"' in str(items[2])
    assert items[3].doc == items[3].id  # no URL, no id: the text itself names the document


def test_folders_and_globs_expand_in_order_and_missing_paths_are_reported(tmp_path):
    for name in ("b.txt", "a.txt", "notes.pdf"):
        (tmp_path / name).write_text("Title\n\nText about France.\n", encoding="utf-8")
    items = list(read_paths([str(tmp_path), str(tmp_path / "*.txt"), str(tmp_path / "nope.txt")]))
    paths = [getattr(i, "path", None) for i in items]
    assert paths[:2] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert paths[2:4] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert isinstance(items[4], BadArticle) and "no such file" in str(items[4])


def test_html_page_gives_its_article_text(tmp_path):
    f = tmp_path / "page.html"
    body = " ".join(["Le président français Emmanuel Macron a rencontré le chancelier allemand à Berlin."] * 3)
    f.write_text(
        f"<html><head><title>Visite à Berlin</title>"
        f"<meta property='article:published_time' content='2024-05-26'></head>"
        f"<body><nav>Menu Accueil</nav><article><h1>Visite à Berlin</h1><p>{body}</p></article>"
        f"<footer>Mentions légales</footer></body></html>",
        encoding="utf-8",
    )
    a = read_file(str(f))
    assert "Emmanuel Macron" in a.text and "Mentions légales" not in a.text
    assert a.published == "2024-05-26"


def test_html_page_without_article_is_refused(tmp_path):
    f = tmp_path / "empty.html"
    f.write_text("<html><body><nav>Menu</nav></body></html>", encoding="utf-8")
    with pytest.raises(BadArticle, match="no article text"):
        read_file(str(f))


def test_oversized_file_is_refused_with_its_limit(tmp_path, monkeypatch):
    from relgraph.loaders import read

    monkeypatch.setattr(read, "MAX_BYTES", 1000)
    f = tmp_path / "big.txt"
    f.write_text("x" * 2000)
    with pytest.raises(BadArticle, match="limit"):
        read_file(str(f))


def test_a_50_mb_file_is_refused_with_its_limit_without_reading_it(tmp_path):
    f = tmp_path / "huge.txt"
    with open(f, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: costs nothing on disk
    with pytest.raises(BadArticle, match="50 MiB, over the 10 MiB limit"):
        read_file(str(f))


def test_an_unreadable_entry_in_a_folder_is_reported_and_the_rest_is_read(tmp_path):
    (tmp_path / "good.txt").write_text("Title\n\nThe French president met the German chancellor.\n", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    items = list(read_paths([str(tmp_path)]))
    bad = [i for i in items if isinstance(i, BadArticle)]
    good = [i for i in items if not isinstance(i, BadArticle)]
    assert len(good) == 1 and len(bad) == 1 and "gone.txt" in str(bad[0])


def test_unsupported_language_is_one_clear_line(tmp_path):
    from relgraph.pipeline import extract_paths

    f = tmp_path / "it.txt"
    f.write_text(
        "Il presidente del Consiglio ha incontrato il cancelliere tedesco a Roma per discutere "
        "della cooperazione economica e della situazione in Europa.\n",
        encoding="utf-8",
    )
    (item,) = list(extract_paths([str(f)]))
    assert isinstance(item, BadArticle) and "unsupported language Italian" in str(item)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Bolivian President Rodrigo Paz met Pedro Sánchez on Monday. The next day, he flew home.", "en"),
        ("Le président bolivien Rodrigo Paz a vu Pedro Sánchez lundi. Le lendemain, il est rentré.", "fr"),
        ("Der bolivianische Präsident Rodrigo Paz traf am Montag Pedro Sánchez. Danach flog er heim.", "de"),
    ],
)
def test_a_short_text_with_foreign_names_is_read_in_its_own_language(tmp_path, text, lang):
    # the fast models alone take the first for Italian; the full models are asked before refusing
    from relgraph.pipeline import extract_paths

    f = tmp_path / "short.txt"
    f.write_text("Probe\nDate: 2026-05-01\n\n" + text + "\n", encoding="utf-8")
    (item,) = list(extract_paths([str(f)]))
    assert not isinstance(item, BadArticle), item
    assert item.article.lang == lang


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=600))
def test_random_bytes_never_crash_the_reader(tmp_path_factory, data):
    f = tmp_path_factory.mktemp("rnd") / "x.txt"
    f.write_bytes(data)
    try:
        a = read_file(str(f))
    except BadArticle:
        return
    assert a.text and a.body_start <= len(a.text)


def test_jsonl_documents_do_not_depend_on_line_numbers(tmp_path):
    a = json.dumps({"text": "Russia and China signed a deal.", "id": "wire-1"})
    b = json.dumps({"text": "France and Germany met."})
    f = tmp_path / "x.jsonl"
    f.write_text(a + "\n" + b + "\n", encoding="utf-8")
    before = [i.doc for i in read_paths([str(f)])]
    f.write_text(json.dumps({"text": "A new line on top about Japan."}) + "\n" + a + "\n" + b + "\n", encoding="utf-8")
    after = [i.doc for i in read_paths([str(f)])]
    assert before == after[1:] and before[0] == "id:wire-1"


@pytest.mark.parametrize("header, published", [("Date: 2023-02-30", None), ("Date: 2023-09-14T10:00", "2023-09-14")])
def test_impossible_dates_are_dropped_not_fatal(header, published):
    from relgraph.loaders.read import parse_text

    assert parse_text(f"Title\n{header}\n\nBody.\n", "x.txt").published == published


def test_bom_utf16_hidden_folders_and_pipes(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffTitre\n\nLe président russe.\n".encode("utf-8"))
    (tmp_path / "u16.txt").write_bytes("Title\n\nThe French president.\n".encode("utf-16"))
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("Title\n\nNot to be read.\n")
    os.mkfifo(tmp_path / "pipe.txt")
    items = {Path(getattr(i, "path", "") or i.path).name: i for i in read_paths([str(tmp_path)])}
    assert items["bom.txt"].title == "Titre" and items["bom.txt"].text.startswith("\ufeff")
    assert items["u16.txt"].title == "Title"
    assert "x.txt" not in items
    assert isinstance(items["pipe.txt"], BadArticle) and "not a regular file" in str(items["pipe.txt"])
