"""The exit codes of every ``resgraph`` command, in one place.

Why fixed codes: scripts and ``make`` run ``resgraph build`` unattended and must tell "some files
failed but the rest is in the store" (3) and "refused to drop documents" (4) from a crash or a
typo. ``resgraph --help`` prints :data:`EPILOG`; docs/troubleshooting.md explains each case.

Example:
    >>> PARTIAL, REFUSED
    (3, 4)
"""

from __future__ import annotations

__all__ = ["EPILOG", "FAILED", "OK", "PARTIAL", "REFUSED", "USAGE"]

#: Done (an empty result is a success: it is said in a sentence, and ``--json`` prints ``[]``).
OK = 0
#: Nothing to answer with: an unknown id, no citation path, a missing store, a SHACL violation,
#: a store that cannot be opened or is locked, no document could be processed at all.
FAILED = 1
#: The command line is wrong: a bad option or value, a path that does not exist, a directory with
#: no document of a supported format, a malformed id or query.
USAGE = 2
#: Some files failed (each named on stderr with its reason); every other file was processed, and
#: a build kept them in the store.
PARTIAL = 3
#: ``resgraph build`` would drop documents of the store that are not among the given paths, and
#: the drop was neither confirmed at the terminal nor allowed with ``--prune``.
REFUSED = 4

EPILOG = (
    "Exit codes: 0 done (empty results included); 1 not found or failed (unknown id, missing "
    "store, nothing processed); 2 bad usage (bad option, missing path, empty directory); "
    "3 some files failed, the rest was processed and built; 4 build refused to drop documents "
    "(give --prune, or use `resgraph add`). See docs/troubleshooting.md."
)
