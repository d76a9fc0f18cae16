from factcheck.cli import cli

cli(prog_name="factcheck")
