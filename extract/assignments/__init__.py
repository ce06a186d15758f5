"""Work assignments: verbs, clause heads, actors (``patterns/``) and the records they become."""
