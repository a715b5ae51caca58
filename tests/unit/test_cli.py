"""The CLI surface: help for every command, each in the README, one-line errors."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from relgraph.cli import cli

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def commands(group=cli, prefix=()):
    for name, cmd in group.commands.items():
        path = prefix + (name,)
        if isinstance(cmd, click.Group):
            yield from commands(cmd, path)
        yield path, cmd


ALL = sorted(" ".join(p) for p, _ in commands())


@pytest.mark.parametrize("path", ALL)
def test_every_command_has_help_with_an_example(path):
    r = CliRunner().invoke(cli, path.split() + ["-h"])
    assert r.exit_code == 0
    assert "Example:" in r.output, path


@pytest.mark.parametrize("path", ALL)
def test_every_command_is_in_the_readme(path):
    assert f"relgraph {path}" in README, f"`relgraph {path}` is not documented in README.md"


def test_extract_of_missing_file_is_one_line_and_exit_1(tmp_path):
    r = CliRunner().invoke(cli, ["extract", str(tmp_path / "nope.txt")])
    assert r.exit_code == 1
    assert "no such file" in r.output


def test_query_with_missing_parameter_fails_before_connecting():
    r = CliRunner().invoke(cli, ["query", "sectors_discussed", "-p", "a", "RUS"])
    assert r.exit_code == 1
    assert "needs b" in r.output


def test_unknown_query_fails_cleanly():
    r = CliRunner().invoke(cli, ["query", "who_is_who"])
    assert r.exit_code == 1 and "no stored question" in r.output


def test_ask_refuses_before_connecting_with_exit_2():
    r = CliRunner().invoke(
        cli, ["ask", "Why", "did", "Putin", "meet", "Kim", "Jong", "Un?"], env={"NEO4J_URI": "bolt://127.0.0.1:1"}
    )
    assert r.exit_code == 2
    assert r.output.startswith("Error: I cannot map that to a stored question")
    assert "meetings_between" in r.output
