"""The package password: turned into SQLCipher's 32-byte raw key with scrypt."""

from __future__ import annotations

import hashlib
import os

SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def new_encryption() -> dict:
    """The manifest's record of how the data part is encrypted (no secret in it)."""
    return {"cipher": "sqlcipher", "kdf": "scrypt", "salt": os.urandom(16).hex(), **SCRYPT}


def derive_key(password: str, encryption: dict) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"),
        salt=bytes.fromhex(encryption["salt"]),
        n=int(encryption["n"]),
        r=int(encryption["r"]),
        p=int(encryption["p"]),
        maxmem=64 * 1024 * 1024,
        dklen=32,
    )
