"""The record of a clause head that gives work (:class:`HeadMatch`), apart from the finder.

Why its own module: the records, the component and the quoted-clause reader all read heads,
while only :mod:`extract.assignments.heads` finds them; the type stays importable from there.
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.fast_init import fast_frozen_init

__all__ = ["HeadMatch"]


@fast_frozen_init
@dataclass(frozen=True)
class HeadMatch:
    """A clause head found in a text (offsets relative to that text).

    ``start``/``end`` delimit the surface (verb through addressee and collaborator phrase, or the
    addressee phrase alone when ``addressee_only``); ``verb_start``/``verb_end`` the governing verb.
    """

    start: int
    end: int
    verb: str
    verb_start: int
    verb_end: int
    addressee: str
    addressees: tuple[str, ...]
    collaborators: tuple[str, ...]
    qualifier: str | None
    addressee_only: bool
    line_start: bool
    voice: str
    pattern: str
    #: what stands before the verb (see :func:`extract.assignments.verbs.lead`): ``line``,
    #: ``boundary``, ``item``, ``quote``, ``document``, ``organ`` or ``word``
    lead: str = "line"
    #: ``present`` or ``past`` ("invited the Council": only read as a reported clause)
    tense: str = "present"
    #: the language of the verb pattern that matched
    lang: str = "en"
