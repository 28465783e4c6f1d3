"""The README documents every `kg` command and option, and starts with the two make commands."""

from __future__ import annotations

import re

import click
import typer.main

from conftest import ROOT
from kg.cli import app

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands():
    group = typer.main.get_command(app)
    return group.commands.items()


def test_readme_mentions_every_command():
    for name, _ in commands():
        assert re.search(rf"\bkg {name}\b", README), f"README does not mention `kg {name}`"


def test_readme_mentions_every_option():
    for name, cmd in commands():
        for param in cmd.params:
            if isinstance(param, click.Option) and param.name != "help":
                longest = max(param.opts, key=len)
                assert longest in README, f"README does not mention {longest} of `kg {name}`"


def test_first_two_readme_commands_are_run_and_test():
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", README, re.S)
    cmds = [line.split("#")[0].strip() for block in blocks for line in block.splitlines()]
    cmds = [c for c in cmds if c]
    assert cmds[:2] == ["make run", "make test"]
