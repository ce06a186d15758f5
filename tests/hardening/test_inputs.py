"""Issue 16, items 9-12: bad input files cannot abort a build, exhaust memory or decode wrongly.

Every file here is made in the test, as an attacker or a careless export would make it: real
decompression bombs (a .docx whose document.xml expands to 512 MiB; one whose header claims 1 MB
while its stream expands to 3 GiB; a PDF with three 60 MB page streams), a corrupt deflate stream,
a document nested 1,500 deep, a sparse 3 GB text file, binary data named .html, text with one
invalid UTF-8 byte, UTF-8 HTML without ``<meta charset>``, Chinese UTF-16 without BOM.

Memory is measured, not assumed: the build runs as ``resgraph build --jobs 2`` under a small
parent process that reports ``getrusage(RUSAGE_CHILDREN).ru_maxrss``, the peak resident memory of
the largest process of the build (the builder or a worker). Why the small parent: Linux counts in
a child's peak the memory of the process it was started from (pytest's, here), so the child
of a fresh, small interpreter is measured; a child that only loads one file reports its own peak
(``VmHWM``) instead. Before the fix the 512 MiB bomb alone
took 4.9 GB and the 3 GB text file 3.2 GB.
"""

from __future__ import annotations

import io
import json
import random
import struct
import subprocess
import sys
import textwrap
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document

from extract import DocumentError, load_document
from graph.store import open_store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MIB = 1 << 20
#: Peak resident memory allowed to any process of a build fed every bad file below. Measured:
#: 146 MB, as much as the same build without the bad files (spaCy and the store).
BUILD_RSS_BOUND_MB = 300
#: ... and to a process that only loads one bad file (measured: 25 MB for the .docx bombs and
#: the 3 GB text, 68 MB for the PDF bomb, 24 MB for a process that loads nothing).
LOAD_RSS_BOUND_MB = 100

# ---------------------------------------------------------------------------- file makers


def _deflate(data: bytes, final: bool) -> bytes:
    """A raw deflate segment that refers to nothing before it (so segments concatenate)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush(zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH)


def _write_zip(path: Path, parts: list[tuple[str, bytes, int, int]]) -> Path:
    """A zip archive of (name, raw deflate data, CRC-32, declared size): written by hand so a
    test can declare any size, as an attacker can."""
    out, central = bytearray(), bytearray()
    for name, data, crc, size in parts:
        n = name.encode()
        offset = len(out)
        fields = (20, 0, 8, 0, 0x21, crc, len(data), size, len(n), 0)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields) + n + data
        central += (
            struct.pack("<IH", 0x02014B50, 20)
            + struct.pack("<HHHHHIIIHH", *fields)
            + struct.pack("<HHHII", 0, 0, 0, 0, offset)
            + n
        )
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(central), len(out), 0
    )
    path.write_bytes(bytes(out + central + end))
    return path


def _word_parts() -> list[tuple[str, bytes]]:
    """The parts of a real (empty) Word document, as python-docx writes it."""
    doc = Document()
    doc.add_paragraph("RESOLUTION 1")

    buf = io.BytesIO()
    doc.save(buf)
    with zipfile.ZipFile(buf) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


def _docx(path: Path, document: tuple[bytes, int, int] | None = None, xml: bytes = b"") -> Path:
    """A Word file whose document.xml is ``xml``, or the raw (stream, crc, declared size)."""
    parts = []
    for name, data in _word_parts():
        if name == "word/document.xml":
            if document is None:
                document = (_deflate(xml, True), zlib.crc32(xml), len(xml))
            parts.append((name, *document))
        else:
            parts.append((name, _deflate(data, True), zlib.crc32(data), len(data)))
    return _write_zip(path, parts)


def _bomb_stream(chunks: int, crc: bool = True) -> tuple[bytes, int, int]:
    """document.xml of one paragraph holding ``chunks`` x 64 MiB of text, deflated to about
    65 KB per chunk; returns (stream, CRC-32 or 0, size)."""
    head = f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>RESOLUTION 1 '.encode()
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    filler = b"A" * (64 * MIB)
    block = _deflate(filler, False)
    check = 0
    if crc:
        check = zlib.crc32(head)
        for _ in range(chunks):
            check = zlib.crc32(filler, check)
        check = zlib.crc32(tail, check)
    stream = _deflate(head, False) + block * chunks + _deflate(tail, True)
    return stream, check, len(head) + chunks * len(filler) + len(tail)


def docx_bomb(path: Path) -> Path:
    """About 520 KB expanding to 512 MiB, honest headers (item 10)."""
    return _docx(path, _bomb_stream(8))


def docx_lying_bomb(path: Path) -> Path:
    """A header that declares 1 MB for a stream expanding to 3 GiB (item 10)."""
    stream, _, _ = _bomb_stream(48, crc=False)
    return _docx(path, (stream, 0, 1_000_000))


def docx_corrupt_deflate(path: Path) -> Path:
    """document.xml's deflate stream starts with a reserved block type: zlib.error (item 9)."""
    xml = f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body>'
    raw = _deflate((xml + "</w:document>").encode(), True)
    broken = bytes([raw[0] | 0b110]) + raw[1:]
    return _docx(path, (broken, zlib.crc32(xml.encode()), len(xml)))


def docx_nested(path: Path, depth: int = 1500) -> Path:
    """Tracked insertions nested 1,500 deep (RecursionError before the fix, item 9)."""
    xml = (
        f'<w:document xmlns:w="{W}"><w:body><w:p>'
        + "<w:ins>" * depth
        + "<w:r><w:t>RESOLUTION 1</w:t></w:r>"
        + "</w:ins>" * depth
        + "</w:p></w:body></w:document>"
    )
    return _docx(path, xml=xml.encode())


def pdf_bomb(path: Path, streams: int = 3, size: int = 60_000_000) -> Path:
    """A PDF of three pages whose content streams expand to 60 MB each (item 10)."""
    op = b"BT /F1 9 Tf 10 10 Td (RESOLUTION 1) Tj ET\n"
    z = zlib.compress(op * (size // len(op)), 9)
    kids = " ".join(f"{4 + i} 0 R" for i in range(streams))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {streams} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i in range(streams):
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font "
            f"<< /F1 3 0 R >> >> /Contents {4 + streams + i} 0 R >>".encode()
        )
    for _ in range(streams):
        objs.append(
            f"<< /Length {len(z)} /Filter /FlateDecode >>\nstream\n".encode() + z + b"\nendstream"
        )
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for n, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def sparse_txt(path: Path, size: int = 3_000_000_000) -> Path:
    """A 3 GB text file (sparse: no disk blocks), item 11."""
    with path.open("wb") as fh:
        fh.truncate(size)
    return path


def binary_html(path: Path) -> Path:
    """Random bytes named .html (item 12)."""
    path.write_bytes(random.Random(16).randbytes(20_000))
    return path


BAD: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    # file name: (maker, code, words the reason must hold)
    "bomb.docx": (docx_bomb, "E002", "expands to 536,871,"),
    "lying.docx": (docx_lying_bomb, "E005", "CRC"),
    "corrupt.docx": (docx_corrupt_deflate, "E005", "invalid block type"),
    "nested.docx": (docx_nested, "E005", "depth"),
    "bomb.pdf": (pdf_bomb, "E002", "limit"),
    "huge.txt": (sparse_txt, "E002", "3,000,000,000 bytes"),
    "garbage.html": (binary_html, "E003", "binary"),
}

# ------------------------------------------------------------------ one file, one coded error


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_file_is_a_coded_error_naming_the_file(tmp_path: Path, name: str) -> None:
    make, code, words = BAD[name]
    path = make(tmp_path / name)
    with pytest.raises(DocumentError) as info:
        load_document(path)
    err = info.value
    assert (err.code, err.path) == (code, str(path)), str(err)
    assert words in err.reason, err.reason
    assert str(path) in str(err)


LOAD_IN_CHILD = textwrap.dedent(
    """
    import json, resource, sys
    from extract import DocumentError, load_document
    limit = int(sys.argv[2])
    if limit:  # address space: what a machine short of memory gives
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        load_document(sys.argv[1])
        out = {"code": None}
    except DocumentError as err:
        out = {"code": err.code, "reason": err.reason, "path": err.path}
    # the peak of this process's own memory (getrusage would count the parent's memory too, which
    # the child shared until it started python)
    status = open("/proc/self/status").read()
    out["rss_kb"] = int(status.split("VmHWM:")[1].split()[0])
    out["vm_kb"] = int(status.split("VmPeak:")[1].split()[0])
    print(json.dumps(out))
    """
)


def _load_in_child(path: Path, address_space: int = 0) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", LOAD_IN_CHILD, str(path), str(address_space)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", ["bomb.docx", "lying.docx", "bomb.pdf", "huge.txt"])
def test_a_bomb_is_refused_at_low_memory(tmp_path: Path, name: str) -> None:
    make, code, _ = BAD[name]
    out = _load_in_child(make(tmp_path / name))
    assert out["code"] == code
    assert int(out["rss_kb"]) < LOAD_RSS_BOUND_MB * 1024, out  # type: ignore[call-overload]
    peak = int(out["rss_kb"]) / 1024  # type: ignore[call-overload]
    print(f"\n{name}: {code}; loader peak RSS {peak:.0f} MiB (bound {LOAD_RSS_BOUND_MB})")


def test_running_out_of_memory_while_loading_is_a_coded_error(tmp_path: Path) -> None:
    """A real MemoryError: the child's address space leaves room for the 38 MB file but not for
    its decoded text (about 130 MB: one character above U+FFFF makes Python store 4 bytes per
    character)."""
    path = tmp_path / "wide.txt"
    path.write_bytes(("RESOLUTION 1 \U0001f4dc " * 2_000_000).encode("utf-8"))
    baseline = _load_in_child(tmp_path / "missing.txt")  # same imports, nothing loaded
    room = int(baseline["vm_kb"]) * 1024 + 100 * MIB  # type: ignore[call-overload]
    out = _load_in_child(path, address_space=room)
    assert out["code"] == "E002" and out["path"] == str(path), out
    assert "memory" in str(out["reason"])


# ------------------------------------------------------------------ a whole build of them


BUILD_IN_CHILD = textwrap.dedent(
    """
    import json, resource, subprocess, sys
    done = subprocess.run(
        [sys.executable, "-m", "api.cli", "build", *sys.argv[1:]], capture_output=True, text=True
    )
    print(json.dumps({
        "rc": done.returncode, "stdout": done.stdout, "stderr": done.stderr,
        "rss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    }))
    """
)

TEXT = (
    "RESOLUTION 77 (Rev. Genève, 2022)\n\n"
    "Standardization work in the ITU Telecommunication Standardization Sector\n\n"
    "The World Telecommunication Standardization Assembly (Genève, 2022),\n\n"
    "recalling\n\n"
    "a)\tResolution 44 (Rev. Hammamet, 2016) – Bridging the standardization gap;\n"
    "b)\tResolution 195 (Busan, 2014) of the Plenipotentiary Conference;\n"
    "c)\tResolution 123 (Rev. Dubaï, 2018) of the Plenipotentiary Conference;\n\n"
    "considering\n\n"
    "that Resolution 71 (Rev. Guadalajara, 2010) and Resolution 1 (Rev. Genève, 2022) "
    "define the working methods – «les méthodes de travail»,\n\n"
    "resolves\n\n"
    "1\tto instruct the Director of the Telecommunication Standardization Bureau to report.\n"
)


def _damaged(text: str) -> tuple[bytes, int]:
    """The UTF-8 text with one ASCII byte (in a word, not in a citation) replaced by 0xFF."""
    data = text.encode("utf-8")
    at = data.index(b"Bridging") + 3
    return data[:at] + b"\xff" + data[at + 1 :], at


def test_a_build_of_every_bad_file_builds_the_rest_at_low_memory(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, (make, _, _) in BAD.items():
        make(corpus / name)
    good = sorted(CORPUS.glob("*.txt"))[:2]
    for p in good:
        (corpus / p.name).write_bytes(p.read_bytes())
    damaged, at = _damaged(TEXT)
    (corpus / "damaged.txt").write_bytes(damaged)
    store = tmp_path / "store"
    done = subprocess.run(
        [sys.executable, "-c", BUILD_IN_CHILD, str(corpus), "--store", str(store), "--jobs", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["rc"] == 3, out["stderr"]  # some files failed, the rest is built
    failed = {
        line.split(": ")[1]: line.split(": ", 2)[2]
        for line in out["stderr"].splitlines()
        if line.startswith("failed: ")
    }
    assert {n: r.split("]")[0].lstrip("[") for n, r in failed.items()} == {
        n: code for n, (_, code, _) in BAD.items()
    }, out["stderr"]
    assert f"added {len(good) + 1}," in out["stdout"]
    # the repaired file is built, and the user is told where it was damaged
    assert f"damaged.txt: [W001] invalid UTF-8 at byte {at:,}" in out["stderr"]
    with open_store(store, read_only=True) as s:
        assert set(s.manifest()) == {p.name for p in good} | {"damaged.txt"}
    assert out["rss_kb"] < BUILD_RSS_BOUND_MB * 1024, f"peak RSS {out['rss_kb'] / 1024:.0f} MB"
    print(
        f"\nbuild of every bad file: exit {out['rc']}, failed {sorted(failed.items())}; "
        f"peak RSS {out['rss_kb'] / 1024:.0f} MiB (bound {BUILD_RSS_BOUND_MB})"
    )
