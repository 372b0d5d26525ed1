"""Make Pagefind's output byte-identical from build to build.

Pagefind writes its filter values in hash-map order, which changes from run to run (upstream issue
#638), and names files after their content, so the meta file and the entry point change with them.
Here each filter file is decoded (gzip + CBOR), its values sorted, and the files renamed after their
new content, with the references in the meta file and pagefind-entry.json updated to match.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

_MAGIC = b"pagefind_dcd"


def _decode(path: Path) -> object:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(_MAGIC):
        raise ValueError(f"{path.name}: not a Pagefind data file")
    return cbor2.loads(raw[len(_MAGIC) :])


def _encode(value: object) -> bytes:
    return gzip.compress(_MAGIC + cbor2.dumps(value), compresslevel=9, mtime=0)


def _content_name(language: str, data: bytes, length: int) -> str:
    return f"{language}_{hashlib.sha256(data).hexdigest()[:length]}"


def canonicalise(bundle: Path) -> None:
    """Rewrite the filter and meta files of every language in `bundle` in a stable order."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _decode(meta_path)
        assert isinstance(meta, list) and len(meta) > 3, "unexpected Pagefind meta layout"
        renamed = {}
        for filter_entry in meta[3]:
            old_hash = filter_entry[1]
            old_path = bundle / "filter" / f"{old_hash}.pf_filter"
            name, values = _decode(old_path)  # type: ignore[misc]
            ordered = [name, sorted(([value, sorted(pages)] for value, pages in values), key=lambda v: v[0])]
            data = _encode(ordered)
            new_hash = _content_name(language, data, len(old_hash) - len(language) - 1)
            old_path.unlink()
            (bundle / "filter" / f"{new_hash}.pf_filter").write_bytes(data)
            renamed[old_hash] = new_hash
        meta[3] = sorted([name, renamed[old]] for name, old in meta[3])
        data = _encode(meta)
        new_meta_hash = _content_name(language, data, len(info["hash"]) - len(language) - 1)
        meta_path.unlink()
        (bundle / f"pagefind.{new_meta_hash}.pf_meta").write_bytes(data)
        info["hash"] = new_meta_hash
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
