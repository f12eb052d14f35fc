"""The streams of an OLE2 compound file: the container of .xls workbooks.

Excel 97-2003 keeps its cells in a ``Workbook`` stream inside a compound file
(a small FAT file system); a password-protected .xlsx is a compound file too,
with an ``EncryptedPackage`` stream.  Only stream names and one stream's bytes
are needed, so this reader does no more; every sector chain is bounded by the
file's own sector count, so a crafted loop in the FAT ends with a refusal.
"""
from __future__ import annotations

import struct

from policycheck.actuals.workbook.limits import WorkbookRefused

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END = 0xFFFFFFFE
_FREE = 0xFFFFFFFF


class CompoundFile:
    """The directory and streams of one compound file held in memory."""

    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or not data.startswith(MAGIC):
            raise WorkbookRefused("not a readable workbook: the compound file header is missing")
        self.data = data
        shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if shift not in (9, 12) or mini_shift != 6:
            raise WorkbookRefused("not a readable workbook: the compound file header is damaged")
        self.sector = 1 << shift
        self.sectors = max(0, (len(data) - self.sector) // self.sector)
        (self.fat_count, self.dir_start, _, self.cutoff, self.minifat_start, self.minifat_count,
         self.difat_start, self.difat_count) = struct.unpack_from("<IIIIIIII", data, 0x2C)
        self.fat = self._fat()
        self.entries = self._directory()
        root = self.entries[0] if self.entries else ("", 5, _END, 0)
        self.ministream = self._chain_bytes(root[2], root[3]) if root[3] else b""
        self.minifat = self._ints(self._chain_bytes(self.minifat_start, self.minifat_count * self.sector)) \
            if self.minifat_count else []

    def names(self) -> list[str]:
        return [name for name, kind, _, _ in self.entries if kind == 2]

    def storages(self) -> list[str]:
        return [name for name, kind, _, _ in self.entries if kind == 1]

    def stream(self, name: str) -> bytes:
        """The bytes of the first stream called ``name`` (case-insensitive, as the format says)."""
        for entry_name, kind, start, size in self.entries:
            if kind == 2 and entry_name.lower() == name.lower():
                if size < self.cutoff:
                    return self._mini_bytes(start, size)
                return self._chain_bytes(start, size)
        raise KeyError(name)

    def _sector_bytes(self, index: int) -> bytes:
        if index >= self.sectors:
            raise WorkbookRefused("not a readable workbook: a sector lies beyond the end of the file")
        offset = (index + 1) * self.sector
        return self.data[offset:offset + self.sector]

    def _fat(self) -> list[int]:
        sectors = list(struct.unpack_from("<109I", self.data, 0x4C))
        nxt, seen = self.difat_start, 0
        per = self.sector // 4 - 1
        while nxt not in (_END, _FREE) and seen <= self.sectors:
            block = self._ints(self._sector_bytes(nxt))
            sectors.extend(block[:per])
            nxt = block[per]
            seen += 1
        fat: list[int] = []
        for index in sectors[:self.fat_count]:
            if index in (_END, _FREE):
                continue
            fat.extend(self._ints(self._sector_bytes(index)))
        return fat

    def _chain(self, start: int, table: list[int]) -> list[int]:
        chain: list[int] = []
        index = start
        while index not in (_END, _FREE):
            if index >= len(table) or len(chain) > len(table):
                raise WorkbookRefused("not a readable workbook: a sector chain of the compound file is broken")
            chain.append(index)
            index = table[index]
        return chain

    def _chain_bytes(self, start: int, size: int) -> bytes:
        data = b"".join(self._sector_bytes(i) for i in self._chain(start, self.fat))
        return data[:size]

    def _mini_bytes(self, start: int, size: int) -> bytes:
        pieces = [self.ministream[i * 64:(i + 1) * 64] for i in self._chain(start, self.minifat)]
        return b"".join(pieces)[:size]

    def _directory(self) -> list[tuple[str, int, int, int]]:
        raw = b"".join(self._sector_bytes(i) for i in self._chain(self.dir_start, self.fat))
        entries = []
        for offset in range(0, len(raw) - 127, 128):
            length, kind = struct.unpack_from("<HB", raw, offset + 0x40)
            name = raw[offset:offset + max(0, min(length, 64) - 2)].decode("utf-16-le", "replace")
            start, size = struct.unpack_from("<IQ", raw, offset + 0x74)
            if self.sector == 512:
                size &= 0xFFFFFFFF  # version 3 files: only the low half is the size
            entries.append((name, kind, start, size))
        return entries

    @staticmethod
    def _ints(data: bytes) -> list[int]:
        return list(struct.unpack(f"<{len(data) // 4}I", data[:len(data) // 4 * 4]))
