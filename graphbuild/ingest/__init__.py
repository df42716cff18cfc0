"""Ingest: find the inputs, decode their bytes, normalise their text and clean page furniture -> Documents."""
