"""One router per resource (prefix + tags); :func:`api.main.create_app` includes them all."""
