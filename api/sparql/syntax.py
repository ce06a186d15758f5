"""One line that says what is wrong with a malformed SPARQL query, and where.

Why: the engine's own message lists every character class its grammar could have accepted — for a
query that forgot one ``PREFIX``, five lines of Unicode ranges — and says nothing a person can act
on. The endpoint (400) and the CLI (``resgraph sparql``) both answer with this line instead: the
line and column, the prefixes that are used but never declared (with the IRI to declare when it is
one of resgraph's usual prefixes), or the tokens the parser expected, without the character
classes.

Example:
    >>> line = one_line_syntax_error("error at 1:30: expected one of Prefix not found, ['%']",
    ...                              "SELECT * { ?s a rg:Resolution }")
    >>> for part in line.split("; "):
    ...     print(part)
    malformed SPARQL query: error at line 1, column 30: prefix rg: is not declared
    add PREFIX rg: <https://w3id.org/resgraph/ontology#>
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from api.sparql.lexical import blank_literals
from graph import PREFIXES

__all__ = ["one_line_errors", "one_line_syntax_error", "parse_error_line", "undeclared_prefixes"]

T = TypeVar("T")

_POSITION = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.DOTALL)
_DECLARED = re.compile(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?:")
# A prefixed name: a prefix (or none) and a colon, not inside a longer word or after ? $ _ @.
_USED = re.compile(r"(?<![\w?$@.:\-])([A-Za-z][\w.-]*)?:(?=[\w%\\]|\s|[;,.)}\]]|$)")
_CHAR_CLASS = re.compile(r"\[[^\]]*(?:\.\.=|\\u\{)[^\]]*\](?:\s*\|\s*\[[^\]]*\])*")
_ALTERNATIVE = re.compile(r'"(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^,"\[]+')
_MAX_EXPECTED = 12
_MAX_LENGTH = 300


def undeclared_prefixes(query: str) -> list[str]:
    """Prefixes used in ``query`` (outside strings, IRIs and comments) but never declared.

    Example:
        >>> undeclared_prefixes("PREFIX x: <urn:x#> SELECT * { ?s x:p rg:q ; dcterms:t 'a:b' }")
        ['rg', 'dcterms']
    """
    text = blank_literals(query)
    declared = {m.group(1) or "" for m in _DECLARED.finditer(text)}
    body = _DECLARED.sub(" ", text)
    used: list[str] = []
    for match in _USED.finditer(body):
        name = match.group(1) or ""
        if name not in declared and name not in used:
            used.append(name)
    return used


def _expected(rest: str) -> str:
    """The engine's "expected one of ..." without character classes, shortened."""
    text = " ".join(rest.split())
    head, sep, alternatives = text.partition("expected one of ")
    if not sep:
        return text[:_MAX_LENGTH]
    cleaned = _CHAR_CLASS.sub("", alternatives)
    parts = [p.strip() for p in _ALTERNATIVE.findall(cleaned)]
    parts = [p for p in parts if p and p not in ("[_]",)]
    shown = ", ".join(parts[:_MAX_EXPECTED])
    if len(parts) > _MAX_EXPECTED:
        shown += f" (or {len(parts) - _MAX_EXPECTED} more)"
    return f"{head}expected one of {shown}" if shown else f"{head}unexpected text".strip()


def _near(query: str, line: int, column: int) -> str:
    lines = query.splitlines()
    if not 1 <= line <= len(lines):
        return ""
    text = lines[line - 1]
    if not 1 <= column <= len(text):
        return " (at the end of the line)" if column > len(text) else ""
    snippet = text[column - 1 : column + 19].strip()
    return f" (near {snippet!r})" if snippet else ""


def _prefix_hint(names: list[str]) -> str:
    def declare(name: str) -> str:
        iri = PREFIXES.get(name)
        return f"PREFIX {name}: <{iri}>" if iri else f"PREFIX {name}: <...>"

    listed = ", ".join(f"{n}:" for n in names)
    verb = "is" if len(names) == 1 else "are"
    return f"prefix {listed} {verb} not declared; add " + " and ".join(declare(n) for n in names)


def parse_error_line(line: int, column: int, expected: str, query: str) -> str:
    """One line for a parse error found by the guard's parser (rdflib's pyparsing grammar), whose
    own message names grammar rules (``Expected SelectQuery``) rather than anything to fix.

    Example:
        >>> parse_error_line(1, 1, "Expected {SelectQuery | AskQuery}", "SELEC * {}")[33:]
        "line 1, column 1: expected SELECT, CONSTRUCT, DESCRIBE or ASK (near 'SELEC * {}')"
    """
    if "|" in expected:
        what = "expected SELECT, CONSTRUCT, DESCRIBE or ASK"
    elif "end of text" in expected:
        what = "unexpected text after the end of the query"
    else:
        what = "the query does not parse here"
    where = f"malformed SPARQL query: error at line {line}, column {column}: "
    return (where + what + _near(query, line, column))[: _MAX_LENGTH * 2]


def one_line_syntax_error(message: str, query: str) -> str:
    """One line for a query the engine could not parse: position and what to fix.

    Args:
        message: the engine's message (pyoxigraph's ``SyntaxError``, possibly wrapped, such as
            ``SPARQL syntax error: error at 1:5: ...``), or any other error text.
        query: the query text, to name undeclared prefixes and quote the text near the error.

    Returns:
        ``malformed SPARQL query: error at line L, column C: ...`` — never more than one line;
        a message without a position is returned on one line, shortened.

    Example:
        >>> one_line_syntax_error("error at 1:20: expected one of \\",\\", \\".\\", [_]",
        ...                       "SELECT * { ?s a ?o ")[33:]
        'line 1, column 20: expected one of ",", "." (at the end of the line)'
    """
    found = _POSITION.search(message)
    if found is None:
        return " ".join(message.split())[:_MAX_LENGTH]
    line, column, rest = int(found.group(1)), int(found.group(2)), found.group(3)
    where = f"malformed SPARQL query: error at line {line}, column {column}: "
    missing = undeclared_prefixes(query)
    if "Prefix not found" in rest and missing:
        return where + _prefix_hint(missing)
    return (where + _expected(rest) + _near(query, line, column))[: _MAX_LENGTH * 2]


def one_line_errors(run: Callable[[], T], query: str) -> T:
    """``run()``, with a syntax error (or any ``ValueError``) about ``query`` re-raised as a
    ``ValueError`` holding :func:`one_line_syntax_error`'s line (what the CLI prints).

    Example:
        >>> def bad():
        ...     raise SyntaxError("error at 1:1: expected one of ASK, ['a' ..= 'z']")
        >>> try:
        ...     one_line_errors(bad, "SELEC")
        ... except ValueError as exc:
        ...     print(exc)
        malformed SPARQL query: error at line 1, column 1: expected one of ASK (near 'SELEC')
    """
    try:
        return run()
    except (SyntaxError, ValueError) as exc:
        raise ValueError(one_line_syntax_error(str(exc), query)) from None
