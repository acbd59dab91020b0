"""Regression guard: PySide6 must not leak references to None.

PySide6 6.12.0 on Python 3.11 drops one reference to None on every Qt call that returns
nothing (setWindowTitle, setToolTip, update...). None's count starts near 5,000, so after a
few thousand such calls Python aborts with "Fatal Python error: none_dealloc" and the app
dies mid-session. pyproject.toml keeps 6.12 away from Python < 3.12 (where None is
immortal); this test fails if that pin is lost or a later release brings the bug back.

The calls run in a subprocess because the failure is an abort, which would take pytest
down with it.
"""

import os
import subprocess
import sys
import textwrap

ITERATIONS = 20_000  # three None-returning calls each: 60,000 calls
MARGIN = 100  # how far None's count may drift for reasons of its own

SCRIPT = textwrap.dedent(
    f"""
    import sys

    import PySide6
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([])
    widget = QWidget()
    print("pyside", PySide6.__version__, flush=True)
    before = sys.getrefcount(None)
    for i in range({ITERATIONS}):
        widget.setWindowTitle("factcards")
        widget.setToolTip("a card")
        widget.update()
    after = sys.getrefcount(None)
    print("refcount", before, after, flush=True)
    print("ok", flush=True)
    """
)


def test_qt_calls_returning_none_do_not_leak_none() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = (
        f"exit code {result.returncode}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
    )
    assert result.returncode == 0, (
        "the process died making Qt calls that return None; a PySide6 refcount bug "
        "(6.12.0 on Python 3.11 aborts with 'none_dealloc'):\n" + report
    )
    lines = result.stdout.splitlines()
    assert lines[-1:] == ["ok"], report
    refcounts = [line.split() for line in lines if line.startswith("refcount ")]
    assert refcounts, report
    before, after = (int(count) for count in refcounts[0][1:3])
    assert after >= before - MARGIN, (
        f"None's reference count fell from {before} to {after} over "
        f"{3 * ITERATIONS} Qt calls: PySide6 is leaking references to None\n" + report
    )
