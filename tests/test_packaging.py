import pathlib
import subprocess
import sys
import zipfile

from conftest import ROOT


def test_wheel_carries_the_schemas_and_the_console_script(tmp_path):
    """A non-editable `pip install .` must find the schemas: they travel in the wheel."""
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path)],
        capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    (wheel,) = tmp_path.glob("factcheck-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    schemas = sorted(p.name for p in (ROOT / "schemas").glob("*.schema.json"))
    assert schemas and all(f"factcheck/schemas/{name}" in names for name in schemas)
    assert "factcheck/py.typed" in names
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "factcheck = factcheck.cli:cli" in entry_points
