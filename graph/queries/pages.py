"""The resolution page: one resolution (or one version) as an analyst reads it.

Why one function gathering the others: the page must say what REST says. It takes the resolution
and its titles from :func:`graph.get_resolution`, the versions and what changed between them from
:func:`graph.lineage`, the cited and citing works from :func:`graph.citation_links` (the list
``/resolutions/{id}`` gives), the flagged citations from :func:`graph.outdated_citations`; it adds
only the places each link was read from (``page_*.rq``: section, paragraph, words, the source
document and offsets, the PDF page or HTML element path), so every edge links to the exact
characters of its source text.

Example:
    >>> page = resolution_page(store, "wtsa/44")  # doctest: +SKIP
    >>> [w.id for w in page.cites] == list(citation_links(store, "wtsa/44")[0])  # doctest: +SKIP
    True
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any

from graph.backend import Queryable
from graph.queries import select
from graph.queries.dependencies import dependencies, impact
from graph.queries.lineage import actor_name, lineage
from graph.queries.lookup import Ref, base_of, conference_id, short, work_of
from graph.queries.outdated import outdated_citations
from graph.queries.page_results import (
    AssignmentPlace,
    CitationPlace,
    LinkedWork,
    PageVersion,
    ResolutionPage,
    anchor,
)
from graph.queries.search import get_resolution
from graph.results import OutdatedCitation, ResolutionNotFound
from graph.vocab import RG

__all__ = ["resolution_page"]

_ADDRESSEE = str(RG.addressee)
#: Characters of context a quote keeps on each side of a citation (cut at a sentence or line).
QUOTE_CONTEXT = 160
#: Source texts read for quotes per page (a hub cited by hundreds of documents keeps its words).
MAX_QUOTED_DOCUMENTS = 40


def quote(text: str, start: int, end: int, context: int = QUOTE_CONTEXT) -> str:
    """The words around ``text[start:end]``: back to the sentence or line start, on to its end,
    at most ``context`` characters each side, whitespace folded. A PDF page break (form feed)
    ends a line too, so a quote never runs onto the previous page.

    Example:
        >>> quote("Noting this. Recalling Resolution 1 (Rev. X, 2000), it said. Next", 23, 50)
        'Recalling Resolution 1 (Rev. X, 2000), it said.'
        >>> quote("applies;\fb) that Resolution 1 applies", 12, 24)
        'b) that Resolution 1 applies'
    """
    lo = max(0, start - context)
    head = text[lo:start]
    cut = max(head.rfind(". "), head.rfind("\n"), head.rfind("\f"), head.rfind("; "))
    head = head[cut + 2 :] if cut >= 0 and head[cut] not in "\n\f" else head[cut + 1 :]
    tail = text[end : end + context]
    stops = [
        i for i in (tail.find(". "), tail.find("\n"), tail.find("\f"), tail.find("; ")) if i >= 0
    ]
    if tail.endswith(".") and not stops:
        stops = [len(tail) - 1]
    tail = tail[: min(stops) + 1] if stops else tail
    return " ".join(f"{head}{text[start:end]}{tail}".split())


def _with_quotes(
    store: Queryable, groups: list[dict[str, dict[str, CitationPlace]]]
) -> list[dict[str, dict[str, CitationPlace]]]:
    """The places with the words around each citation, read from the stored source texts."""
    places = [p for g in groups for ps in g.values() for p in ps.values()]
    keys = sorted({p.document for p in places if p.document})
    texts: dict[str, str] = {}
    for key in keys[:MAX_QUOTED_DOCUMENTS]:
        for r in select(store, "document_source", key=[str(key)]):
            if r.get("text"):
                texts[str(key)] = r["text"]
    out = []
    for g in groups:
        out.append(
            {
                w: {
                    c: (
                        replace(p, quote=quote(texts[p.document], p.start, p.end))
                        if p.document in texts and p.start is not None and p.end is not None
                        else p
                    )
                    for c, p in ps.items()
                }
                for w, ps in g.items()
            }
        )
    return out


def _place(r: dict[str, Any], base: str, outdated: dict[tuple[str, str], str]) -> CitationPlace:
    start, end = r.get("start"), r.get("end")
    citing, cited = short(r["citing"], base), short(r["cited"], base)
    return CitationPlace(
        citing=citing,
        cited=cited,
        surface=r.get("surface"),
        section=r.get("section"),
        paragraph=r.get("paragraph"),
        proposal=r.get("proposal"),
        document=r.get("key"),
        file=r.get("file"),
        start=start,
        end=end,
        anchor=anchor("citation", start, end),
        outdated_by=outdated.get((citing, cited)),
        **_original(r),
    )


def _original(r: dict[str, Any]) -> dict[str, Any]:
    """Where the mention of a row starts in the original file (PDF page, HTML element path, Word
    footnote), as the fields of a place."""
    page = r.get("page")
    return {
        "page": int(page) if page is not None else None,
        "element_path": r.get("elementPath"),
        "footnote": r.get("footnote"),
    }


def _group(
    ids: tuple[str, ...], found: dict[str, dict[str, CitationPlace]], titles: dict[str, str | None]
) -> tuple[LinkedWork, ...]:
    """One entry per id of ``ids`` (the REST list), with the places found for it, in order."""
    out = []
    for ident in ids:
        places = sorted(
            found.get(ident, {}).values(),
            key=lambda p: (p.citing, p.document or "", p.start or 0),
        )
        out.append(LinkedWork(id=ident, title=titles.get(ident), places=tuple(places)))
    return tuple(out)


def _with_documents(store: Queryable, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with the key and file name of their ``?doc`` (page_documents.rq, asked once)."""
    docs = sorted({r["doc"] for r in rows if r.get("doc")})
    found = {r["doc"]: r for r in select(store, "page_documents", doc=docs)} if docs else {}
    for r in rows:
        d = found.get(r.get("doc") or "")
        r["key"], r["file"] = (d["key"], d["file"]) if d else (None, None)
    return rows


def _assignments(store: Queryable, by: list[str], base: str) -> tuple[AssignmentPlace, ...]:
    acc: dict[str, dict[str, Any]] = {}
    for r in _with_documents(store, select(store, "page_assignments", by=by)):
        a = acc.setdefault(r["a"], {**r, "to": set(), "with": set()})
        if r.get("value"):
            a["to" if r.get("role") == _ADDRESSEE else "with"].add(actor_name(r["value"]))
    out = [
        AssignmentPlace(
            resolution=short(a["by"], base),
            verb=a["verb"],
            addressees=tuple(sorted(a["to"])),
            collaborators=tuple(sorted(a["with"])),
            surface=a.get("surface"),
            clause=a.get("clause"),
            section=a.get("section"),
            paragraph=a.get("paragraph"),
            proposal=a.get("proposal"),
            document=a.get("key"),
            file=a.get("file"),
            start=a.get("start"),
            end=a.get("end"),
            anchor=anchor("assignment", a.get("start"), a.get("end")),
            **_original(a),
        )
        for a in acc.values()
    ]
    out.sort(key=lambda x: (x.resolution, x.document or "", x.start or 0))
    return tuple(out)


def _mine(o: OutdatedCitation, ref: Ref, base: str) -> bool:
    """An outdated citation made by the page's resolution (or version), or naming it."""
    own = {ref.id} if ref.is_version else None
    for ident in (o.citing, o.cited):
        if own is not None and ident in own:
            return True
        if own is None and ident.rsplit("/", 1)[0] == short(ref.work, base):
            return True
    return False


def resolution_page(store: Queryable, ident: str, base: str | None = None) -> ResolutionPage:
    """What the page of ``ident`` shows: a work (``wtsa/44``) or one version (``wtsa/44/2022``).

    Raises:
        ValueError: for a malformed id or unknown organ.
        ResolutionNotFound: when the store has no such resolution or version (with suggestions).
    """
    base = base_of(store, base)
    ref = Ref.parse(ident, base)
    detail = get_resolution(store, ref.organ, ref.number, base=base)
    lin = lineage(store, short(ref.work, base), base=base)
    versions = [v for v in lin.versions if not ref.is_version or v.iri == ref.iri]
    if ref.is_version and not versions:
        known = tuple(v.id for v in lin.versions)
        raise ResolutionNotFound(ref.id, known or (short(ref.work, base),))
    nodes = [ref.work, *(v.iri for v in lin.versions if v.iri)]
    extra: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in select(store, "page_versions", node=nodes):
        value = conference_id(r["value"]) if r["kind"] == "confirmed" else r["value"]
        extra[r["node"]][r["kind"]].add(str(value))
    timeline = tuple(
        PageVersion(
            version=v,
            confirmed_at=tuple(sorted(extra[v.iri or ""]["confirmed"])),
            documents=tuple(sorted(extra[v.iri or ""]["text"])),
        )
        for v in versions
    )
    # exactly graph.citation_links (sorted ids of dependencies and impact at depth 1), read
    # here from the two walks themselves to keep the titles of their nodes
    deps, imp = dependencies(store, ref.id, 1, base=base), impact(store, ref.id, 1, base=base)
    cites, cited_by = tuple(sorted(deps.ids())), tuple(sorted(imp.ids()))
    titles = {n.id: n.title for n in (*deps.nodes, *imp.nodes)}
    mine = tuple(o for o in outdated_citations(store, base=base) if _mine(o, ref, base))
    flagged = {(o.citing, o.cited): o.latest for o in mine}
    level_work = not ref.is_version
    citing = [ref.iri] if ref.is_version else nodes
    out: dict[str, dict[str, CitationPlace]] = defaultdict(dict)
    for r in _with_documents(store, select(store, "page_cites_out", citing=citing)):
        key = short(r["citedWork"] if level_work else r["cited"], base)
        out[key][r["c"]] = _place(r, base, flagged)
    into: dict[str, dict[str, CitationPlace]] = defaultdict(dict)
    for r in _with_documents(store, select(store, "page_cites_in", target=[ref.iri])):
        key = short(work_of(r["citing"], base) if level_work else r["citing"], base)
        into[key][r["c"]] = _place(r, base, flagged)
    by = [ref.iri] if ref.is_version else nodes
    out, into = _with_quotes(store, [out, into])
    return ResolutionPage(
        id=ref.id,
        organ=ref.organ,
        number=ref.number,
        year=ref.year,
        title=(versions[0].title if ref.is_version and versions else None) or detail.summary.title,
        titles=dict(sorted(detail.summary.titles.items())),
        versions=timeline,
        cites=_group(cites, out, titles),
        cited_by=_group(cited_by, into, titles),
        assignments=_assignments(store, by, base),
        changes=tuple(s for s in lin.steps if not ref.is_version or ref.id in (s.before, s.after)),
        outdated=mine,
        confirmed_at=tuple(sorted(extra[ref.work]["confirmed"])),
        note=detail.note,
    )
