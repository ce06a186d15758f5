"""Errors of the extract stage, each with a stable code so users and tests can tell them apart.

Why codes: a corpus run reports the failure of one document and carries on; the summary it prints
(and the API) names the file, the code and the reason, spaCy-style (``E001``...).
"""

from __future__ import annotations

__all__ = ["DocumentError", "ExtractError"]


class ExtractError(Exception):
    """Base class of every error raised by extract/."""


class DocumentError(ExtractError):
    """A document could not be loaded or processed; names the file and the reason.

    Example:
        >>> str(DocumentError("a.txt", "E001", "file is empty"))
        'a.txt: [E001] file is empty'
    """

    def __init__(self, path: str, code: str, reason: str) -> None:
        self.path = path
        self.code = code
        self.reason = reason
        super().__init__(f"{path}: [{code}] {reason}")
