"""decode_bytes: the encoding that reads without errors; binary and garbage are refused."""

from __future__ import annotations

import codecs

import pytest

from claimledger.errors import BINARY_FILE, UNDECODABLE
from claimledger.ingest.decode import TextDecodeError, decode_bytes, repair, sniff_encoding

RUSSIAN = "Министерство обороны сообщило, что двенадцать военных получили ранения."
FRENCH = "Le ministère a déclaré que le café près de la gare était fermé."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (RUSSIAN.encode("utf-8"), RUSSIAN),
        (codecs.BOM_UTF8 + RUSSIAN.encode("utf-8"), RUSSIAN),
        (RUSSIAN.encode("utf-16"), RUSSIAN),
        (codecs.BOM_UTF16_BE + RUSSIAN.encode("utf-16-be"), RUSSIAN),
        (RUSSIAN.encode("cp1251"), RUSSIAN),
        (FRENCH.encode("cp1252"), FRENCH),
        (FRENCH.encode("latin-1"), FRENCH),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "cp1251", "cp1252", "latin1"],
)
def test_decode_bytes_picks_the_right_encoding(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


def test_decode_bytes_refuses_binary() -> None:
    with pytest.raises(TextDecodeError) as info:
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    assert info.value.code == BINARY_FILE


def test_decode_bytes_refuses_high_byte_noise() -> None:
    with pytest.raises(TextDecodeError) as info:
        decode_bytes(bytes(range(0x80, 0x100)) * 4)
    assert info.value.code == UNDECODABLE


def test_decode_bytes_refuses_broken_utf16() -> None:
    with pytest.raises(TextDecodeError) as info:
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8\x41")  # lone surrogate, odd length
    assert info.value.code == UNDECODABLE


def test_sniff_encoding_and_repair_a_stray_legacy_line() -> None:
    data = ("The envoy said talks would go on.\n" * 3).encode() + "Café owners said so.\n".encode(
        "cp1252"
    )
    codec = sniff_encoding(data[:40])
    assert codec == "utf-8"
    text = data.decode(codec, errors="surrogateescape")
    last = text.splitlines()[-1]
    assert repair(last, codec) == "Café owners said so."
