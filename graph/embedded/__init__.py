"""The embedded store: pyoxigraph on disk in atomic generations, and incremental builds into it."""
