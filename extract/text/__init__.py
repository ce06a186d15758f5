"""Text in: load any document format and normalise it, keeping offsets back to the source."""
