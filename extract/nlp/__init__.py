"""The spaCy side: the pipeline, the ``itu_citations``/``itu_assignments`` components and their
pre-scan."""
