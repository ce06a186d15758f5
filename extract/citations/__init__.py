"""Citations: the forms (``patterns/``), their parsing, list members, organs and internal
references."""
