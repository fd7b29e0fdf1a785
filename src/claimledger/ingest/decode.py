"""Bytes to text: BOMs first, then BOM-less UTF-16, strict UTF-8, then line by line UTF-8 or a
single-byte legacy codepage (a file pieced together from several encodings keeps every line).

Raises `TextDecodeError` (code + message) rather than InputError so callers can attach the file
and line; `read_file` turns it into one InputError and the run goes on.
"""

from __future__ import annotations

import codecs
import re

from claimledger.errors import BINARY_FILE, UNDECODABLE

# Control characters that never appear in text (tab, newline, CR, form feed and ESC excluded).
_CONTROL_BYTES = frozenset([*range(0, 9), 11, *range(14, 27), *range(28, 32), 127])
# The same bytes, for counting them with `bytes.translate` (no Python loop over the bytes).
_CONTROL_BYTE_STRING = bytes(sorted(_CONTROL_BYTES))
# Characters that are no prose in decoded text: C0 controls but \t \n \f \r and ESC, DEL, C1.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
# Above this share of control bytes a "text" file is taken to be binary.
_MAX_CONTROL_RATIO = 0.05
# Only the head is inspected for binary content: enough to decide, cheap for large files.
_SNIFF_BYTES = 8192
# Letters of a legacy decode that sit inside a word of plain ASCII letters ("cafй"): the mark
# of a Latin text wrongly read as Cyrillic.
_MIXED_WORD = re.compile(r"[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Fewer Cyrillic letters than this do not overrule a file's codepage.
_MIN_CYRILLIC = 4
LEGACY_CODECS = frozenset({"cp1251", "cp1252"})
# Bytes a surrogateescape decode could not read.
_ESCAPED = re.compile(r"[\udc80-\udcff]")
# UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class TextDecodeError(ValueError):
    """Bytes that cannot be turned into text; `code` is an errors.* constant."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message
        super().__init__(message)


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any 8-bit or UTF-8 encoding (NULs, control bytes).

    One stray NUL in a long text (a CSV export with a NUL in one cell) does not make it binary:
    only more than one NUL per thousand bytes does, or control bytes above 5 %.
    """
    head = data[:_SNIFF_BYTES]
    if not head:
        return False
    if head.count(0) > max(1, len(head) // 1000):
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTE_STRING))
    return controls / len(head) > _MAX_CONTROL_RATIO


def utf16_without_bom(data: bytes) -> str | None:
    """`utf-16-le` or `utf-16-be` for BOM-less UTF-16 of mostly Latin text, else None.

    Such text has a NUL in every other byte, on one side only (Windows tools write it).
    """
    head = data[: _SNIFF_BYTES - _SNIFF_BYTES % 2]
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd >= 0.6 * pairs and even == 0:
        return "utf-16-le"
    if even >= 0.6 * pairs and odd == 0:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, *, prior: str | None = None) -> str:
    """Decode file bytes to str, choosing the encoding that reads without errors.

    Order: UTF-8 with BOM, UTF-16/32 with BOM, BOM-less UTF-16 (NUL in every other byte),
    strict UTF-8, then line by line: UTF-8 lines as UTF-8, the others as cp1251 when they
    read as Cyrillic words, else cp1252/latin-1. Raises TextDecodeError for binary or
    unreadable bytes. `prior` is the codepage to prefer when the bytes show too little.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(codec))
            except UnicodeDecodeError as exc:
                raise TextDecodeError(
                    UNDECODABLE, f"not valid {codec} despite its BOM ({exc.reason})"
                ) from exc
    wide = utf16_without_bom(data)
    if wide is not None:
        try:
            return _check_text(data.decode(wide))
        except (UnicodeDecodeError, TextDecodeError):
            pass  # not UTF-16 after all: judged as bytes below
    if looks_binary(data):
        raise TextDecodeError(BINARY_FILE, "binary content (NUL or control bytes), not text")
    try:
        return _check_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return _decode_by_line(data, prior)


def sniff_encoding(head: bytes, *, binary_ok: bool = False) -> str:
    """The codec to stream a file with, judged from its first bytes (records are read lazily).

    A head with any non-ASCII line that is valid UTF-8 is UTF-8: its stray legacy lines are
    left to `repair`, line by line. Only a head without one is read in a legacy codepage.
    Raises TextDecodeError when the head is binary, unless `binary_ok` (the caller then
    reports the damaged records one by one).
    """
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec
    wide = utf16_without_bom(head)
    if wide is not None:
        return wide
    if looks_binary(head) and not binary_ok:
        raise TextDecodeError(BINARY_FILE, "binary content (NUL or control bytes), not text")
    try:
        # The head may end inside a multi-byte character: decode it as an unfinished stream.
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return "utf-8" if _has_utf8_line(head) else _legacy_codec(head)
    return "utf-8"


def _has_utf8_line(head: bytes) -> bool:
    """True when a line of `head` holds non-ASCII text that is valid UTF-8."""
    lines = head.split(b"\n")
    for line in lines[:-1] if len(lines) > 1 else lines:  # the last may be cut mid-character
        if not line.isascii():
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                continue
            return True
    return False


def stream_codec(codec: str) -> str:
    """The codec to open a record stream with, given the one `sniff_encoding` chose.

    A legacy file is streamed as UTF-8 with errors="surrogateescape" and each line decoded on
    its own by `repair`, the file's codepage only a tie-breaker: one garbage or foreign line
    then cannot sway how the others read.
    """
    return "utf-8" if codec in LEGACY_CODECS else codec


def repair(text: str, codec: str) -> str:
    """Re-decode the parts of `text` a stream read with errors="surrogateescape" left raw.

    `codec` is the file's, as `sniff_encoding` chose it (the stream is in `stream_codec`).
    A UTF-8 file with one cp1252 line gets that line right instead of failing the file.
    """
    if not _ESCAPED.search(text):
        return text
    prior = codec if codec in LEGACY_CODECS else None
    raw = text.encode(stream_codec(codec), errors="surrogateescape")
    return decode_bytes(raw, prior=prior)


def _legacy_codec(data: bytes, prior: str | None = None) -> str:
    """Pick cp1251 (Cyrillic) or cp1252 (Western) for bytes that are not UTF-8.

    With a `prior` (the file's codepage), bytes that show too little either way keep it.
    """
    cyrillic = data.decode("cp1251", errors="replace")
    letters = len(_CYRILLIC.findall(cyrillic))
    # Real Russian text has whole Cyrillic words; Western accents read as cp1251 give words
    # that mix Latin and Cyrillic letters ("rйsumй").
    if "\ufffd" in cyrillic or (letters and len(_MIXED_WORD.findall(cyrillic)) * 4 >= letters):
        return "cp1252"
    if prior is not None and letters < _MIN_CYRILLIC:
        return prior
    return "cp1251" if letters else "cp1252"


def _decode_by_line(data: bytes, prior: str | None = None) -> str:
    """Decode bytes that are not all UTF-8: lines that are UTF-8 stay so, the rest are legacy.

    Files put together from several sources (a UTF-8 article with a cp1252 paragraph pasted in,
    a UTF-8 feed with one cp1251 line) keep every line readable. One legacy codepage, judged
    from all the non-UTF-8 lines together, reads them (latin-1 never fails). A line break never
    falls inside a UTF-8 sequence, so splitting on it cuts no character.
    """
    lines = data.splitlines(keepends=True)
    decoded: list[str | None] = []
    legacy: list[bytes] = []
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            decoded.append(None)
            legacy.append(line)
    codec = _legacy_codec(b"".join(legacy), prior)
    legacy_text = [_decode_legacy(line, codec) for line in legacy]
    _check_text("".join(legacy_text), legacy=True)
    pending = iter(legacy_text)
    return _check_text("".join(text if text is not None else next(pending) for text in decoded))


def _decode_legacy(data: bytes, codec: str) -> str:
    """Decode non-UTF-8 bytes with a legacy codepage, latin-1 for bytes it leaves undefined."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _check_text(text: str, *, legacy: bool = False) -> str:
    """Reject decodes that are not plausibly prose (control characters, no word breaks)."""
    sample = text[:_SNIFF_BYTES]
    if not sample:
        return text
    bad = len(_CONTROL_CHARS.findall(sample))
    if bad / len(sample) > _MAX_CONTROL_RATIO:
        raise TextDecodeError(
            UNDECODABLE, "cannot be decoded as text (UTF-8, UTF-16, cp1251, cp1252)"
        )
    # A legacy decode of random high bytes is "valid" but has no spaces between words.
    if legacy and len(sample) >= 40 and sum(ch.isspace() for ch in sample) / len(sample) < 0.03:
        raise TextDecodeError(
            UNDECODABLE, "cannot be decoded as text (UTF-8, UTF-16, cp1251, cp1252)"
        )
    return text
