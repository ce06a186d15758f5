"""HTML templates of the API (query page, resource pages), shipped as package data."""
