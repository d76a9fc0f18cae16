import re

import click
import pytest

from factcheck.cli import cli

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def all_commands(group=cli, prefix=()):
    for name, command in group.commands.items():
        yield prefix + (name,), command
        if isinstance(command, click.Group):
            yield from all_commands(command, prefix + (name,))


@pytest.mark.parametrize("path, command", list(all_commands()), ids=lambda x: " ".join(x) if isinstance(x, tuple) else "")
def test_every_command_has_help_and_is_in_the_readme(runner, path, command):
    assert command.help, f"{' '.join(path)} has no help text"
    result = runner.invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    assert f"factcheck {' '.join(path)}" in README, f"`factcheck {' '.join(path)}` is not in the README"


def test_readme_opens_with_the_two_quickstart_commands():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in first_block.splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci
