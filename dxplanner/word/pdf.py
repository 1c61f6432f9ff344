"""A Word document turned into PDF by LibreOffice, when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from dxplanner.core.errors import InvalidInputError
from dxplanner.i18n import _

# A report of a few hundred pages converts in seconds; a LibreOffice that hangs must not hang us.
TIMEOUT_S = 300


def office_program() -> str | None:
    """The LibreOffice program on this computer (None when there is none)."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def required_office() -> str:
    """The LibreOffice program; InvalidInputError naming what else can be done when there is none.

    Only the command line meets it: the window prints the PDF itself when LibreOffice is missing.
    """
    program = office_program()
    if program is None:
        raise InvalidInputError(
            _(
                "A PDF report needs LibreOffice, which is not installed on this computer. Write the PDF"
                " from the window (File > Progress report…, PDF made by: Built-in (Qt printing)), save"
                " the report as .docx, or install LibreOffice."
            )
        )
    return program


def convert_to_pdf(document: Path, pdf: Path) -> None:
    """Write document as the PDF at pdf; InvalidInputError saying why when LibreOffice cannot."""
    program = required_office()
    with tempfile.TemporaryDirectory(prefix="dxplanner-pdf-") as folder:
        work = Path(folder)
        # A profile of its own: a LibreOffice the user has open would otherwise take the job and
        # return at once without converting anything.
        command = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(document),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise InvalidInputError(
                _("LibreOffice could not turn the report into PDF: {reason}.").format(reason=error)
            ) from None
        written = work / (document.stem + ".pdf")
        # LibreOffice exits 0 even when it wrote nothing: the file is the only proof.
        if not written.exists() or written.stat().st_size == 0:
            raise InvalidInputError(_("LibreOffice could not turn the report into PDF."))
        shutil.move(written, pdf)
