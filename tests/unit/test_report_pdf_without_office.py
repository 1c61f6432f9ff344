"""A PDF report asked of the command line without LibreOffice: refused before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxplanner.i18n import set_language
from tests.conftest import run_cli


def test_a_pdf_without_libreoffice_is_refused_naming_the_window_s_built_in_printing_and_writes_nothing(
    demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("dxplanner.word.pdf.office_program", lambda: None)  # no LibreOffice here
    set_language("vi")
    pdf = tmp_path / "bao-cao.pdf"
    status, _out, err = run_cli("report", str(demo_template), "--out", str(pdf), "--plan", "6")
    assert status == 1 and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []  # no PDF, and no appendix left without its document
    # The window's choice that needs no LibreOffice is named.
    assert "LibreOffice" in err and "Tích hợp sẵn (in bằng Qt)" in err
