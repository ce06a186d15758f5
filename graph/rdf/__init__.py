"""Records -> RDF: the terms, each document's named graph, the shared graphs, N-Quads text."""
