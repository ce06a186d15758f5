"""Vendored YASGUI (see refresh.sh and LICENSE.txt); package data, served at /static/yasgui."""
