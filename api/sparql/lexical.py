"""Where a SPARQL text is text and not syntax: comments, strings and IRI references.

Why a module of its own: the guard (bracket depth, dataset clauses) and the syntax-error messages
(undeclared prefixes) both look at the syntax *outside* those spans, with patterns that must not
match inside a string or an IRI; one definition keeps them reading the text the same way.

Example:
    >>> [m.group(0) for m in LEXICAL.finditer("SELECT * { ?s <urn:a> 'b' } # c")]
    ['<urn:a>', "'b'", '# c']
"""

from __future__ import annotations

import re

__all__ = ["LEXICAL", "blank_literals"]

# Comments, strings and IRI references: where brackets are text, not syntax.
LEXICAL = re.compile(
    r"""
      \#[^\n\r]*                                  # comment
    | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"         # long string "..."
    | '''(?:[^'\\]|\\.|'(?!''))*'''               # long string '...'
    | "(?:[^"\\\n\r]|\\.)*"                       # string
    | '(?:[^'\\\n\r]|\\.)*'                       # string
    | <[^<>"{}|^`\\\x00-\x20]*>                   # IRI reference
    """,
    re.VERBOSE | re.DOTALL,
)


def blank_literals(query: str) -> str:
    """``query`` with its comments, strings and IRI references replaced by spaces (same length,
    same line breaks), so that a pattern over the rest sees only syntax.

    Example:
        >>> blank_literals('SELECT * { ?s <urn:a:b> "x:y" } # rg:z')
        'SELECT * { ?s           "   " }       '
    """

    def blank(match: re.Match[str]) -> str:
        text = match.group(0)
        if text.startswith(('"', "'")):
            return text[0] + re.sub(r"[^\n\r]", " ", text[1:-1]) + text[-1]
        return re.sub(r"[^\n\r]", " ", text)

    return LEXICAL.sub(blank, query)
