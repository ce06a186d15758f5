"""Format readers behind :func:`extract.text.load.load_document` (one module per format)."""
