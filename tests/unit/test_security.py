"""Password and encryption at rest (SQLCipher): open, lock, change, recover, back up."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3")

from chibo_desktop.errors import ChiboError
from chibo_desktop.services.safety import backup, password
from chibo_desktop.services.safety import file_key as security
from chibo_desktop.services.safety import restore as restoring
from chibo_desktop.services.safety.session import open_session
from chibo_desktop.storage import cipher, keyfile

PW = "Mật khẩu chi bộ 2026"
NAME = "Nguyễn Văn An"


def plain_readable(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.close()
        return True
    except sqlite3.DatabaseError:
        return False


def leaks(path: Path, text: str) -> bool:
    data = path.read_bytes()
    return text.encode("utf-8") in data or text.encode("utf-16-le") in data


@pytest.fixture
def encrypted(demo_path):
    db = open_session(demo_path)  # daily plain backup exists before encryption
    change = password.enable_password(db, PW).value
    yield demo_path, change
    change.db.close()


def test_scrypt_parameters_and_no_secret_in_the_key_file(encrypted):
    path, change = encrypted
    record = keyfile.read(keyfile.keyfile_path(path))
    assert record["kdf"] == {"name": "scrypt", "n": 2**17, "r": 8, "p": 1}
    text = keyfile.keyfile_path(path).read_text(encoding="utf-8")
    assert PW not in text and change.recovery_key not in text
    assert change.db.session.key.hex() not in text


def test_encrypted_file_hides_names_and_needs_the_password(encrypted):
    path, change = encrypted
    members = change.db.execute("SELECT count(*) FROM members").fetchone()[0]
    change.db.close()
    assert not plain_readable(path) and not leaks(path, "Nguyễn")
    with pytest.raises(security.PasswordRequiredError, match="có mật khẩu"):
        open_session(path)
    with pytest.raises(security.PasswordRequiredError, match="không đúng"):
        open_session(path, password="sai mật khẩu")
    db = open_session(path, password=PW)
    assert db.execute("SELECT count(*) FROM members").fetchone()[0] == members
    db.close()


def test_recovery_key_opens_without_the_key_file_and_resets_the_password(encrypted):
    path, change = encrypted
    change.db.close()
    keyfile.keyfile_path(path).unlink()  # the key file was lost
    messy = change.recovery_key.lower().replace("-", " ")
    db = open_session(path, recovery_key=messy)
    assert db.session.opened_with_recovery
    new = password.change_password(db, "mật khẩu mới 1").value
    new.db.close()
    assert new.recovery_key != change.recovery_key
    open_session(path, password="mật khẩu mới 1").close()
    with pytest.raises(security.PasswordRequiredError):
        open_session(path, recovery_key=change.recovery_key)


def test_change_password_rekeys_and_checks_the_old_one(encrypted):
    path, change = encrypted
    db = change.db
    with pytest.raises(ChiboError, match="không đúng"):
        password.change_password(db, "khác hẳn 123", old_password="đoán bừa")
    with pytest.raises(ChiboError, match="ít nhất"):
        password.change_password(db, "ngắn", old_password=PW)
    old_key = db.session.key
    result = password.change_password(db, "khác hẳn 123", old_password=PW).value
    db = result.db
    assert db.session.key != old_key
    db.execute("UPDATE cell SET place = 'Huế'")
    db.close()
    with pytest.raises(security.PasswordRequiredError):
        open_session(path, password=PW)
    db = open_session(path, recovery_key=result.recovery_key)
    assert db.execute("SELECT place FROM cell").fetchone()[0] == "Huế"
    db.close()


def test_backups_of_an_encrypted_file_are_encrypted(encrypted):
    path, change = encrypted
    db = change.db
    db.execute("UPDATE members SET notes = 'ghi chú bí mật' WHERE id = 1")
    manual = backup.make_backup(db, "manual")
    db.close()
    copies = list(backup.backup_folder(path).glob("*.sqlite"))
    assert {"manual", "password", "close"} <= {c.stem.rsplit("-", 1)[1] for c in copies}
    for copy in copies:  # the plain copies made before the password are encrypted too
        assert not plain_readable(copy), copy.name
        assert not leaks(copy, "Nguyễn") and not leaks(copy, "ghi chú bí mật")
        assert keyfile.keyfile_path(copy).exists()
    db = open_session(path, password=PW)
    listed = backup.list_backups(path, key=db.session.key)
    assert all(b.encrypted and b.members and not b.problem for b in listed)
    db.execute("UPDATE members SET notes = '' WHERE id = 1")
    restoring.restore(db, manual)
    assert db.execute("SELECT notes FROM members WHERE id = 1").fetchone()[0] == "ghi chú bí mật"
    db.close()


def test_backup_made_under_an_old_password_restores_with_that_password(encrypted):
    path, change = encrypted
    db = change.db
    old_copy = backup.make_backup(db, "manual")
    db = password.change_password(db, "mật khẩu thứ hai", old_password=PW).value.db
    db.execute("DELETE FROM member_status")
    db.execute("DELETE FROM members")
    with pytest.raises(ChiboError, match="mật khẩu khác"):
        restoring.restore(db, old_copy)
    restoring.restore(db, old_copy, password=PW)
    assert db.execute("SELECT count(*) FROM members").fetchone()[0] > 0
    db.close()
    open_session(path, password="mật khẩu thứ hai").close()


def test_remove_password_decrypts(encrypted):
    path, change = encrypted
    with pytest.raises(ChiboError):
        password.remove_password(change.db, "sai")
    result = password.remove_password(change.db, PW).value
    result.db.close()
    assert plain_readable(path)
    assert not keyfile.keyfile_path(path).exists()
    open_session(path).close()


def test_verify_password_for_the_lock_screen(encrypted):
    path, _change = encrypted
    assert security.verify_password(path, PW)
    assert not security.verify_password(path, PW + " ")
    assert not security.verify_password(path, "")


def test_idle_minutes_setting(db_path):
    db = open_session(db_path, backups=False)
    assert password.idle_minutes(db) == 10
    password.set_idle_minutes(db, 3)
    assert password.idle_minutes(db) == 3
    with pytest.raises(ChiboError):
        password.set_idle_minutes(db, -1)
    db.close()


def test_interrupted_password_change_opens_with_either_password(encrypted):
    """A crash after the re-encrypted file was swapped in, before the key file was."""
    path, change = encrypted
    db = change.db
    old_key = db.session.key
    new = security.new_key("mật khẩu dở dang")
    keyfile.write(keyfile.pending_path(path), security.pending_record(new, old_key))
    db.session.backups = False
    db.close()
    tmp = path.with_name("swap.tmp")
    cipher.export(path, tmp, source_key=old_key, target_key=new.key)
    os.replace(tmp, path)
    assert security.key_for(path, password=PW) == new.key
    assert security.key_for(path, recovery_key=change.recovery_key) == new.key
    db = open_session(path, password="mật khẩu dở dang", backups=False)
    assert any("mật khẩu mới" in notice for notice in db.session.notices)
    db.close()
    assert not keyfile.pending_path(path).exists()
    open_session(path, password="mật khẩu dở dang").close()
    with pytest.raises(security.PasswordRequiredError):
        open_session(path, password=PW)


def test_change_cut_short_before_the_swap_keeps_the_old_password(encrypted):
    path, change = encrypted
    db = change.db
    new = security.new_key("mật khẩu chưa kịp đổi")
    keyfile.write(keyfile.pending_path(path), security.pending_record(new, db.session.key))
    db.session.backups = False
    db.close()
    assert security.key_for(path, password="mật khẩu chưa kịp đổi") == security.key_for(
        path, password=PW
    )
    db = open_session(path, password="mật khẩu chưa kịp đổi", backups=False)
    assert any("mật khẩu cũ" in notice for notice in db.session.notices)
    db.close()
    open_session(path, password=PW).close()


def test_errors_of_either_driver_are_caught_once_sqlcipher_is_loaded_on_demand(encrypted):
    import sqlite3

    import sqlcipher3.dbapi2

    from chibo_desktop.storage import cipher

    path, change = encrypted
    assert cipher.is_cipher_connection(change.db.conn)
    assert set(cipher.DB_ERRORS) == {sqlite3.DatabaseError, sqlcipher3.dbapi2.DatabaseError}
    assert not cipher.key_fits(path, bytes(32))  # a wrong key is an error caught, not raised
