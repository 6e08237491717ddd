"""The entry pauses the cyclic collector while starting and always turns it back on."""

import gc

import pytest

from chibo_desktop.gui import app


def test_smoke_start_in_process_leaves_the_collector_on(qapp, demo_path):
    assert app.main(["--smoke", "--db", str(demo_path)]) == 0
    assert gc.isenabled()


def test_a_failed_start_leaves_the_collector_on(monkeypatch):
    def broken(argv):
        assert not gc.isenabled()  # paused while starting
        raise RuntimeError("broken start")

    monkeypatch.setattr(app, "parse_args", broken)
    with pytest.raises(RuntimeError):
        app.main([])
    assert gc.isenabled()
