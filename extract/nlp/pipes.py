"""One enabled component of a pipeline, found without building spaCy's listings.

Why: ``name in nlp.pipe_names`` builds the list of active pipes twice over (``pipeline``, then
``pipe_names``) and formats an error message for each frozen list it returns, about 5 µs per
call; the extractor asks for its components once or twice per document, which made this a
tenth of the fixed cost of a one-line document. The lookup below reads the pipeline's own
component list and disabled set, and answers what ``pipe_names`` and ``get_pipe`` would.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

__all__ = ["enabled_pipe"]


def enabled_pipe(nlp: Language, name: str) -> Any | None:
    """``nlp.get_pipe(name)`` when ``name in nlp.pipe_names``, else None.

    Example:
        >>> import spacy
        >>> nlp = spacy.blank("en")
        >>> _ = nlp.add_pipe("sentencizer")
        >>> type(enabled_pipe(nlp, "sentencizer")).__name__, enabled_pipe(nlp, "ner")
        ('Sentencizer', None)
        >>> _ = nlp.disable_pipe("sentencizer")
        >>> enabled_pipe(nlp, "sentencizer") is None
        True
    """
    if name in nlp._disabled:
        return None
    for pipe_name, component in nlp._components:
        if pipe_name == name:
            return component
    return None
