"""Vendored browser assets served at /static (package data)."""
