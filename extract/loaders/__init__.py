"""Format readers behind :func:`extract.load.load_document` (one module per format)."""
