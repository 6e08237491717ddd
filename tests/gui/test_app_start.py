"""The entry pauses the cyclic collector while starting and always turns it back on
(a whole start is checked in a separate process by tests/unit/test_startup_imports.py)."""

import gc

import pytest

from chibo_desktop.gui import app


def test_a_failed_start_leaves_the_collector_on(monkeypatch):
    def broken(argv):
        assert not gc.isenabled()  # paused while starting
        raise RuntimeError("broken start")

    monkeypatch.setattr(app, "parse_args", broken)
    with pytest.raises(RuntimeError):
        app.main([])
    assert gc.isenabled()
