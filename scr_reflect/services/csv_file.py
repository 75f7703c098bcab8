"""Reading a CSV export from a MIS: its encoding, its separator, and each row's line.

Exports come as UTF-8 (with or without the byte order mark Excel adds), UTF-16 from Excel's
"Unicode text", or Windows-1252 from older systems. UTF-8 is tried first: Windows-1252
would read any bytes at all, and get every accented name wrong.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass

from .mis_errors import UnreadableFile

_SEPARATORS = (",", ";", "\t")


@dataclass(frozen=True, slots=True)
class CsvTable:
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (line in the file, cells)
    encoding: str


def read_csv(data: bytes) -> CsvTable:
    text, encoding = _decode(data)
    first_line = text.split("\n", 1)[0]
    separator = max(_SEPARATORS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    try:
        headers = tuple(cell.strip() for cell in next(reader, []))
        if not any(headers):
            raise UnreadableFile("The file is empty: there is no header row to read.")
        rows = []
        line = reader.line_num + 1
        for cells in reader:
            rows.append((line, tuple(cells)))
            line = reader.line_num + 1  # a quoted cell may run over several lines
    except csv.Error as error:
        raise UnreadableFile(
            f"The file is not a CSV file that can be read (line {reader.line_num}): {error}."
        ) from error
    return CsvTable(headers, tuple(rows), encoding)


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "UTF-16"
    body = data.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return _strict(body, "cp1252"), "Windows-1252"


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            "The file's text is not UTF-8, UTF-16 or Windows-1252: save it from the MIS or "
            "a spreadsheet as 'CSV UTF-8'."
        ) from error
