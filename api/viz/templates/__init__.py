"""The Jinja2 template of the network page (a package so that it ships as package data)."""
