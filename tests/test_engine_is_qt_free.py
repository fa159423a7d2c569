"""The engine must stay pure numpy/scipy: importing any of it must not pull in Qt.

The headless command line and anyone scripting the engine must work on a machine without PySide6 or
Qt's system libraries. This is checked in a fresh interpreter, because the test process itself has
Qt loaded by pytest-qt, so its ``sys.modules`` says nothing.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

QT_ROOTS = ("PySide6", "shiboken6", "pyqtgraph")

# Run in a child interpreter: import every module under engine/ (walk_packages recurses into
# subpackages), then report what was imported and which Qt-related modules ended up loaded.
CHILD = """
import importlib, json, pkgutil, sys
import engine
imported = []
for info in pkgutil.walk_packages(engine.__path__, prefix="engine."):
    importlib.import_module(info.name)
    imported.append(info.name)
qt_roots = set(json.loads(sys.argv[1]))
loaded = sorted(name for name in sys.modules if name.split(".")[0] in qt_roots)
print(json.dumps({"engine_file": engine.__file__, "imported": imported, "qt_loaded": loaded}))
"""


def test_importing_every_engine_module_loads_no_qt():
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(QT_ROOTS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, f"importing the engine failed:\n{proc.stderr}"
    report = json.loads(proc.stdout.strip().splitlines()[-1])

    # The modules imported are this checkout's, not some other installed copy.
    assert Path(report["engine_file"]).resolve().parent == ROOT / "engine"
    # Guard against a walk that silently finds nothing and so passes vacuously (engine itself not counted).
    assert len(report["imported"]) >= 3, f"too few engine modules found: {report['imported']}"
    on_disk = {".".join(p.relative_to(ROOT).with_suffix("").parts) for p in (ROOT / "engine").rglob("*.py")
               if p.stem != "__init__"}
    assert on_disk <= set(report["imported"]), f"not imported: {sorted(on_disk - set(report['imported']))}"

    loaded = report["qt_loaded"]
    roots = sorted({name.split(".")[0] for name in loaded})
    assert not loaded, (
        f"engine/ must not import Qt, directly or through another package; loaded {', '.join(roots)} "
        f"({len(loaded)} modules, e.g. {', '.join(loaded[:5])})"
    )
