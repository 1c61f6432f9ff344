"""Where dxplanner keeps the demo copies, backups, settings and log (per platform conventions)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "dxplanner"


@dataclass(frozen=True)
class AppPaths:
    """The folders and files dxplanner uses outside the plan files a user opens."""

    data_dir: Path
    config_dir: Path
    log_dir: Path

    @classmethod
    def for_user(cls) -> AppPaths:
        """The usual places for the current user (XDG folders on Linux)."""
        return cls(
            data_dir=platformdirs.user_data_path(APP_NAME),
            config_dir=platformdirs.user_config_path(APP_NAME),
            log_dir=platformdirs.user_log_path(APP_NAME),
        )

    @property
    def demo_plan(self) -> Path:
        """The fresh copy of the demo plan that `dxplanner --demo` opens."""
        return self.data_dir / "demo.dxplan"

    @property
    def backup_dir(self) -> Path:
        """Where automatic backups of every plan file are kept, a folder per file."""
        return self.data_dir / "backups"

    @property
    def settings_file(self) -> Path:
        """The window layout, recent files and preferences."""
        return self.config_dir / "settings.ini"

    @property
    def log_file(self) -> Path:
        """Where unexpected errors are written in full, for a bug report."""
        return self.log_dir / "dxplanner.log"
