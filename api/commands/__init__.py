"""Subcommands of ``resgraph``, one module per pipeline stage; each exposes ``register(app)``."""
