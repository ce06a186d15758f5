"""Find resolution headings and table entries: where each resolution of a document begins.

Why several shapes: ITU documents name a resolution as a heading line ("RESOLUTION 68 (Rev.
Hammamet, 2016)", "resolution 86 (Hammamet, 2016)", "MOD  RESOLUTION 44 (...)"), as a compilation
entry with a status marker and inline title ("RESOLUTION 2 [Rev] on ...:"), as a Chinese entry
("第2号决议“...”", "新决议“...”"), or as a table row of cells (status, number or 待定, title). A
heading line is a line that *is* the reference (plus marker/title), never a line where the
reference runs on into a sentence ("Resolution 59 (...) of the WTDC, on ..." is a citation).

All offsets here are into the normalized text; :mod:`extract.structure.segment` maps them to the
source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.text.line_scan import LineRegex

__all__ = ["STATUS_WORDS", "Entry", "find_entries", "status_of"]

#: Status markers as written -> contract status.
STATUS_WORDS: dict[str, str] = {
    "Rev": "Rev",
    "Rev.": "Rev",
    "REV": "Rev",
    "MOD": "Rev",
    "Revised": "Rev",
    "NOC": "NOC",
    "Unchanged": "NOC",
    "New": "New",
    "NEW": "New",
    "ADD": "New",
    "Sup": "Sup",
    "SUP": "Sup",
    "Suppressed": "Sup",
    "新": "New",
    "新决议": "New",
    "修订": "Rev",
    "修改": "Rev",
    "未修改": "NOC",
    "未改动": "NOC",
    "废止": "Sup",
    "删除": "Sup",
}
_UNNUMBERED = {"待定", "未定", "TBD", "tbd", "-", "–", "—", "[ ]"}

_MARKER = r"(?:MOD|ADD|NOC|SUP)"
_PROPOSAL_REF = r"[A-Z]{2,8}/[0-9A-Z]+/\d+"
_HEADING = LineRegex(
    rf"^(?P<lead>[ \t]*(?:(?P<marker>{_MARKER})[ \t]+(?:(?P<ref>{_PROPOSAL_REF})[ \t]+)?)?)"
    r"(?P<surface>(?P<word>(?:DRAFT[ \t]+)?NEW[ \t]+(?:DRAFT[ \t]+)?RESOLUTION|NEW RÉSOLUTION"
    r"|RESOLUTION|Resolution|resolution|RÉSOLUTION|Résolution|RESOLUCIÓN|Resolución)"
    r"(?:[ \t]+(?P<number>\d{1,4}[A-Z]?\b|ITU-R[ \t]+\d{1,3}(?:-\d{1,2})?\b|\[[^\]\n]{1,20}\]))?"
    r"(?:[ \t]*(?P<paren>\([^()\n]{0,90}\)))?)"
    r"(?P<after>[^\n]*)$",
    re.MULTILINE,
)
_AFTER_STATUS = re.compile(r"[ \t]*\[(?P<status>[A-Za-z.]{2,10})\]")
_AFTER_TITLE = re.compile(r"[ \t]*(?:on|sur|sobre|[–—:-])[ \t]+(?P<title>\S[^\n]*)$")
_ZH = LineRegex(
    r"^[ \t]*(?P<surface>(?:第(?P<number>\d{1,4})号决议|新决议)(?P<paren>（[^）\n]{0,40}）)?)"
    r"(?P<after>[^\n]*)$",
    re.MULTILINE,
)
_ZH_TITLE = re.compile(r"[ \t]*[“\"](?P<title>[^”\"\n]+)[”\"]")
_MARKER_LINE = re.compile(rf"^[ \t]*(?P<marker>{_MARKER})[ \t]+(?P<ref>{_PROPOSAL_REF})?[ \t]*$")
_CELL = re.compile(r" ?\t(?P<cell>\S[^\n]*?)[ \t]*$", re.MULTILINE)
_ROW = LineRegex(
    r"^ ?\t(?P<t1>\S[^\n]*?)[ \t]*\n ?\t(?P<t2>\S[^\n]*?)[ \t]*\n ?\t(?P<t3>\S[^\n]*?)[ \t]*$",
    re.MULTILINE,
)
_NUMBER_CELL = re.compile(r"\d{1,4}[A-Z]?")


def status_of(marker: str | None) -> str | None:
    """The contract status of a marker ("[Rev]", "MOD", "新", "NEW RESOLUTION"), or None.

    Example:
        >>> [status_of(m) for m in ("[Rev]", "MOD", "未修改", "NEW RESOLUTION", None)]
        ['Rev', 'Rev', 'NOC', 'New', None]
    """
    if not marker:
        return None
    key = marker.strip().strip("[]").strip()
    if key in STATUS_WORDS:
        return STATUS_WORDS[key]
    if re.match(r"(?:DRAFT\s+)?NEW\b", key):
        return "New"
    return None


@dataclass
class Entry:
    """A resolution heading or table entry (offsets into the normalized text).

    ``block_start`` is where the resolution's block starts (the heading line, or the proposal
    marker line before it); ``surface_*`` the heading surface; ``title_*`` the inline title
    when the entry carries one; ``source`` "summary" for table/compilation paraphrases.
    """

    shape: str  # "heading" | "zh" | "row"
    block_start: int
    line_end: int
    surface_start: int
    surface_end: int
    number: str | None
    status_marker: str | None = None
    paren: str | None = None
    title_start: int | None = None
    title_end: int | None = None
    inline_title: bool = False
    source: str = "operative"
    proposal_ref: str | None = None


def _heading_entries(text: str) -> list[Entry]:
    out: list[Entry] = []
    for m in _HEADING.finditer(text):
        word = m.group("word")
        number = m.group("number")
        is_new = word.upper().replace("É", "E").find("NEW") >= 0
        if number is None and not is_new:
            continue
        after = m.group("after")
        marker = m.group("marker")
        title_start = title_end = None
        inline = False
        rest = after
        sm = _AFTER_STATUS.match(rest)
        if sm and status_of(sm.group("status")):
            marker = f"[{sm.group('status')}]"
            rest = rest[sm.end() :]
        tm = _AFTER_TITLE.match(rest)
        if tm:
            inline = True
            base = m.start("after") + len(after) - len(rest)
            title_start, title_end = base + tm.start("title"), base + tm.end("title")
        elif rest.strip():
            continue  # the reference runs on into a sentence: a citation, not a heading
        if is_new and marker is None:
            marker = " ".join(word.split())
        e = Entry(
            shape="heading",
            block_start=m.start(),
            line_end=m.end(),
            surface_start=m.start("surface"),
            surface_end=m.end("surface"),
            # "[ACP-1]" is a draft's provisional id, not a resolution number.
            number=None if number is None or number.startswith("[") else number,
            status_marker=marker,
            paren=m.group("paren"),
            title_start=title_start,
            title_end=title_end,
            inline_title=inline,
            source="summary" if inline else "operative",
            proposal_ref=m.group("ref"),
        )
        out.append(e)
    return out


def _zh_entries(text: str) -> list[Entry]:
    out: list[Entry] = []
    if "第" not in text and "新决议" not in text:
        return out  # _ZH needs one of them: a find is far cheaper than the line scan
    for m in _ZH.finditer(text):
        after = m.group("after").strip()
        number = m.group("number")
        title_start = title_end = None
        qm = _ZH_TITLE.match(text, m.start("after"), m.end())
        if qm:  # quotes are ASCII after normalization, curly in raw text
            title_start, title_end = qm.start("title"), qm.end("title")
        elif after:
            continue
        out.append(
            Entry(
                shape="zh",
                block_start=m.start(),
                line_end=m.end(),
                surface_start=m.start("surface"),
                surface_end=m.end("surface"),
                number=number,
                status_marker=None if number else "新决议",
                paren=m.group("paren"),
                title_start=title_start,
                title_end=title_end,
                inline_title=title_start is not None,
                source="summary" if after else "operative",
            )
        )
    return out


def _row_entries(text: str) -> list[Entry]:
    """Table rows of tab-prefixed cells: status, number (or 待定), title — in either order.

    A row starts after a line that is not a cell (rows are separated by blank lines).
    """
    out: list[Entry] = []
    for m in _ROW.finditer(text):
        prev_start = text.rfind("\n", 0, max(0, m.start() - 1)) + 1
        if m.start() > 0 and _CELL.match(text, prev_start, m.start() - 1):
            continue  # inside a longer row
        texts = (m["t1"], m["t2"])
        if status_of(texts[0]):
            first, second = 1, 2
        elif status_of(texts[1]):
            first, second = 2, 1
        else:
            continue
        num_cell = m[f"t{second}"]
        if not (_NUMBER_CELL.fullmatch(num_cell) or num_cell in _UNNUMBERED):
            continue
        out.append(
            Entry(
                shape="row",
                block_start=m.start(),
                line_end=m.end(),
                surface_start=m.start(f"t{second}"),
                surface_end=m.end(f"t{second}"),
                number=num_cell if num_cell not in _UNNUMBERED else None,
                status_marker=m[f"t{first}"],
                title_start=m.start("t3"),
                title_end=m.end("t3"),
                inline_title=True,
                source="summary",
            )
        )
    return out


def find_entries(text: str) -> list[Entry]:
    """Every resolution heading or entry of a (normalized) text, in order.

    A proposal marker line just before a heading ("MOD\\tAFCP/35A8/1") gives the heading its
    status marker and proposal reference, and starts its block.

    Example:
        >>> [(e.number, e.status_marker) for e in find_entries("\\tRESOLUTION 2 [Rev] on X:\\n")]
        [('2', '[Rev]')]
    """
    entries = _heading_entries(text) + _zh_entries(text) + _row_entries(text)
    entries.sort(key=lambda e: e.surface_start)
    kept: list[Entry] = []
    for e in entries:  # two shapes read from the same lines: keep the first
        if kept and e.block_start < kept[-1].line_end:
            continue
        kept.append(e)
    entries = kept
    for e in entries:
        if e.shape != "heading" or e.block_start == 0 or e.proposal_ref:
            continue
        line_end = e.block_start - 1
        for _ in range(3):  # the marker line, possibly followed by blank lines
            prev_end = text.rfind("\n", 0, line_end)
            line = text[prev_end + 1 : line_end]
            pm = _MARKER_LINE.match(line)
            if pm:
                e.status_marker = e.status_marker or pm.group("marker")
                e.proposal_ref = pm.group("ref")
                e.block_start = prev_end + 1
                break
            if line.strip() or prev_end < 0:
                break
            line_end = prev_end
    return entries
