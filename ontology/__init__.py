"""The resgraph OWL ontology and SHACL shapes, shipped as package data (Turtle files here)."""
