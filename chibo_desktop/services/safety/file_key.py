"""The file's password: scrypt-wrapped data key, recovery key, verification.

The database is encrypted (SQLCipher) with a random 32-byte data key. The password never
encrypts anything directly: scrypt(password, per-file salt) gives 64 bytes; the first 32
wrap (XOR) the data key, the last 32 verify the password (compared with compare_digest).
The recovery key is the data key itself written in base32, so it opens the file even when
the key file is lost. Changing the password makes a new data key and re-keys the file.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path

from ...errors import ChiboError, DatabaseError
from ...i18n import _
from ...storage import cipher, keyfile

SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
SCRYPT_MAXMEM = 256 * 1024 * 1024  # 128 * r * N bytes are needed; the default is 32 MiB
MIN_PASSWORD = 6
FORMAT = 1


class PasswordRequiredError(DatabaseError):
    """The file is encrypted and no password (or a wrong one) was given."""

    def __init__(self, message: str, path: Path):
        super().__init__(message)
        self.path = path


@dataclass(frozen=True)
class NewKey:
    key: bytes
    recovery_key: str
    record: dict


def available() -> bool:
    return cipher.available()


def _derive(password: str, salt: bytes) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        maxmem=SCRYPT_MAXMEM,
        dklen=64,
    )


def _xor(a: bytes, b: bytes) -> bytes:
    return bytes(x ^ y for x, y in zip(a, b, strict=True))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ChiboError(_("Mật khẩu phải có ít nhất {n} ký tự.").format(n=MIN_PASSWORD))


def new_key(password: str) -> NewKey:
    check_password_rules(password)
    key = secrets.token_bytes(32)
    return NewKey(key, format_recovery_key(key), wrap(key, password))


def wrap(key: bytes, password: str) -> dict:
    salt = secrets.token_bytes(16)
    derived = _derive(password, salt)
    return {
        "format": FORMAT,
        "cipher": "sqlcipher-raw-key",
        "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P},
        "salt": _b64(salt),
        "wrapped_key": _b64(_xor(key, derived[:32])),
        "verifier": _b64(derived[32:]),
    }


def unwrap(record: dict, password: str) -> bytes | None:
    """The data key, or None when the password is wrong."""
    try:
        salt = base64.b64decode(record["salt"])
        wrapped = base64.b64decode(record["wrapped_key"])
        verifier = base64.b64decode(record["verifier"])
        kdf = record.get("kdf", {})
        if (kdf.get("n"), kdf.get("r"), kdf.get("p")) != (SCRYPT_N, SCRYPT_R, SCRYPT_P):
            return None
    except (KeyError, ValueError, TypeError, AttributeError):
        return None
    derived = _derive(password, salt)
    if not hmac.compare_digest(derived[32:], verifier):
        return None
    return _xor(wrapped, derived[:32])


def format_recovery_key(key: bytes) -> str:
    text = base64.b32encode(key).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes | None:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    try:
        key = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except ValueError:
        return None
    return key if len(key) == 32 else None


def _mask(key: bytes) -> bytes:
    return hashlib.sha256(b"chibo-key-link" + key).digest()


def _key_id(key: bytes) -> str:
    return hashlib.sha256(b"chibo-key-id" + key).hexdigest()


def pending_record(new: NewKey, old_key: bytes | None) -> dict:
    """The key file written before a change of key: the new password's record, plus the
    new key reachable from the old one and the old key from the new one. While a change
    is under way (or was cut short), either secret therefore opens the file, whichever
    key it holds at that moment. The file is removed as soon as the change is finished."""
    record = dict(new.record, key_id=_key_id(new.key))
    if old_key is not None:
        record["next_from_previous"] = _b64(_xor(new.key, _mask(old_key)))
        record["previous_from_next"] = _b64(_xor(old_key, _mask(new.key)))
    return record


def _linked(key: bytes, record: dict | None) -> list[bytes]:
    if not record:
        return []
    found = []
    for name in ("next_from_previous", "previous_from_next"):
        try:
            found.append(_xor(base64.b64decode(record[name]), _mask(key)))
        except (KeyError, ValueError, TypeError):
            continue
    return found


def finish_interrupted_change(db_path: Path, key: bytes | None) -> bool | None:
    """Settle a password change that was cut short, once the file is open with ``key``.

    Returns True when the change had reached the file (its new password now applies),
    False when it had not (the old password still applies), None when nothing was pending.
    """
    pending = keyfile.pending_path(db_path)
    record = keyfile.read(pending)
    if key is None:  # a plain file: key files beside it are left from a cut-short change
        keyfile.remove(keyfile.keyfile_path(db_path))
    if record is None:
        keyfile.remove(pending)
        return None
    done = key is not None and hmac.compare_digest(str(record.get("key_id", "")), _key_id(key))
    if done:
        keyfile.write(keyfile.keyfile_path(db_path), final_record(record))
    keyfile.remove(pending)
    return done


def final_record(record: dict) -> dict:
    drop = {"key_id", "next_from_previous", "previous_from_next"}
    return {name: value for name, value in record.items() if name not in drop}


def is_encrypted(db_path: Path) -> bool:
    return keyfile.keyfile_path(db_path).exists() or keyfile.pending_path(db_path).exists()


def key_for(
    db_path: Path, *, password: str | None = None, recovery_key: str | None = None
) -> bytes:
    """The data key that opens ``db_path``, from the password or the recovery key."""
    db_path = Path(db_path)
    if not cipher.available():
        raise DatabaseError(
            _(
                "Tệp {path} được mã hóa nhưng bản cài đặt này thiếu thành phần mã hóa "
                "(sqlcipher3). Hãy cài lại chương trình đầy đủ."
            ).format(path=db_path.name)
        )
    candidates: list[bytes] = []
    pending = keyfile.read(keyfile.pending_path(db_path))
    if recovery_key:
        key = parse_recovery_key(recovery_key)
        if key is None:
            raise PasswordRequiredError(
                _("Khóa khôi phục không đúng dạng (52 ký tự chữ và số)."), db_path
            )
        candidates.append(key)
    elif password is not None:
        for path in (keyfile.keyfile_path(db_path), keyfile.pending_path(db_path)):
            record = keyfile.read(path)
            key = unwrap(record, password) if record else None
            if key is not None:
                candidates.append(key)
    else:
        raise PasswordRequiredError(
            _("Tệp {path} có mật khẩu. Hãy nhập mật khẩu để mở.").format(path=db_path.name),
            db_path,
        )
    for key in [*candidates, *(k for c in candidates for k in _linked(c, pending))]:
        if cipher.key_fits(db_path, key):
            return key
    raise PasswordRequiredError(_("Mật khẩu hoặc khóa khôi phục không đúng. Hãy thử lại."), db_path)


def verify_password(db_path: Path, password: str) -> bool:
    """For the lock screen: does ``password`` match the key file (no database access)."""
    record = keyfile.read(keyfile.keyfile_path(Path(db_path)))
    return record is not None and unwrap(record, password) is not None
