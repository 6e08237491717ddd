"""Test setup: headless Qt, private data folders, and database fixtures."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = Path(tempfile.mkdtemp(prefix="chibo-tests-"))
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["CHIBO_LANG"] = "vi"
# A fixed "today" for tests that compute dates, so results never drift: the program's own
# clock (services.common.today) follows CHIBO_TODAY.
TODAY = dt.date(2026, 3, 15)
os.environ["CHIBO_TODAY"] = TODAY.isoformat()

from chibo_desktop import i18n  # noqa: E402
from chibo_desktop.services.cell.identity import CellInfo, save_cell  # noqa: E402
from chibo_desktop.services.demo.build import fill_demo  # noqa: E402
from chibo_desktop.storage.database import open_database  # noqa: E402

CELL = CellInfo("Chi bộ Khu phố 3", "Đảng bộ phường Hàng Bạc", "Hà Nội", "Nguyễn Văn An")


@pytest.fixture(autouse=True)
def _no_remembered_window():
    """Each test starts without the window a previous test left (size, page, columns)."""
    from chibo_desktop.paths import config_dir

    (config_dir() / "config.json").unlink(missing_ok=True)


@pytest.fixture(autouse=True)
def _vietnamese():
    i18n.set_language("vi")
    yield
    i18n.set_language("vi")


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture
def db_path(tmp_path) -> Path:
    """A fresh, initialised cell file on disk."""
    path = tmp_path / "chibo.sqlite"
    db = open_database(path, create=True)
    save_cell(db, CELL)
    db.close()
    return path


@pytest.fixture
def db(db_path):
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture(scope="session")
def _demo_master(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    database = open_database(path, create=True)
    fill_demo(database, today=TODAY)
    database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return path


@pytest.fixture
def demo_path(_demo_master, tmp_path) -> Path:
    """A copy of the demo cell (made once per session), safe to change."""
    path = tmp_path / "demo.sqlite"
    shutil.copy(_demo_master, path)
    return path


@pytest.fixture
def demo_db(demo_path):
    database = open_database(demo_path)
    yield database
    database.close()
