"""JSON Schemas of factcheck documents (installed as package data)."""
