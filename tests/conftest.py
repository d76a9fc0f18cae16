import json
import pathlib

import pytest
from click.testing import CliRunner

from factcheck.ingest import Source, read_source

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def seeds_dir():
    return SEEDS


@pytest.fixture(scope="session")
def seed_documents():
    """The five seed articles as Documents, with the manifest's metadata."""
    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        docs += read_source(Source(path, str(path.relative_to(ROOT)))).documents
    return docs


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory):
    """A database with the seeds ingested through the real CLI (shared, read-only)."""
    from factcheck.cli import cli

    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    result = CliRunner().invoke(cli, ["ingest", str(SEEDS), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def seed_manifest():
    return json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))["documents"]
