"""No network access anywhere: a full demo run with every export opens no socket."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    r"""
    import sys
    SEEN = []
    NETWORK = {"socket.__new__", "socket.connect", "socket.bind", "socket.getaddrinfo",
               "socket.gethostbyname", "socket.gethostbyaddr", "socket.sendto",
               "urllib.Request", "http.client.connect", "ftplib.connect", "smtplib.connect"}

    def hook(event, args):
        if event in NETWORK:
            SEEN.append(event)
            raise RuntimeError("network access: " + event)

    sys.addaudithook(hook)

    import json, sqlite3
    from pathlib import Path
    from chibo_desktop.cli import main
    out = Path(sys.argv[1])
    db = str(out / "demo.sqlite")
    codes = {"demo": main(["--db", db, "demo"])}
    steps = [["info", "--json"], ["members", "list", "--json"], ["check"],
             ["backup"], ["backup", "--to", str(out)], ["backups"], ["reminders", "--json"]]
    from chibo_desktop.cli.reports import NAMES
    for name in NAMES:
        for ext in ("xlsx", "pdf"):
            steps.append(["report", name, str(out / f"{name}.{ext}")])
    conn = sqlite3.connect(db)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    if "meetings" in tables:
        for mid, date in conn.execute("SELECT id, date FROM meetings ORDER BY id LIMIT 3"):
            steps.append(["meetings", "print", str(mid), str(out / f"bb{mid}.pdf")])
            steps.append(["meetings", "attendance", date[:4], str(out / f"dh{mid}.xlsx")])
    if "campaigns" in tables:
        for (cid,) in conn.execute("SELECT id FROM campaigns"):
            steps.append(["campaign", "report", str(cid), str(out / f"c{cid}.pdf")])
            steps.append(["campaign", "report", str(cid), str(out / f"c{cid}.xlsx")])
    conn.close()
    codes.update({" ".join(s[:3]): main(["--db", db, *s]) for s in steps})
    copy = next(out.glob("demo-sao-luu-*.sqlite"))
    codes["restore"] = main(["--db", db, "restore", str(copy)])
    print(json.dumps({"codes": codes, "seen": SEEN}))
    """
)


def test_full_demo_run_and_exports_open_no_socket(tmp_path):
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "CHIBO_LANG": "vi"},
    )
    assert out.returncode == 0, out.stderr[-3000:]
    import json

    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["seen"] == []
    failed = {k: v for k, v in result["codes"].items() if v != 0}
    assert failed == {}, out.stderr[-3000:]
    assert len(result["codes"]) >= 12
    produced = list(tmp_path.glob("*.pdf")) + list(tmp_path.glob("*.xlsx"))
    assert len(produced) >= 8


def test_the_audit_hook_does_catch_a_socket(tmp_path):
    """The guard above is real: the same hook stops an actual socket."""
    code = SCRIPT.split("import json, sqlite3")[0] + (
        "import socket\ntry:\n    socket.socket()\nexcept RuntimeError:\n    pass\nprint(SEEN)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "socket.__new__" in out.stdout
