"""Stores on a SPARQL 1.1 server (Virtuoso, Fuseki...): the store, builds into it, its lock."""
