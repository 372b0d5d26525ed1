"""Readers: one per seed format, each turning a file's text into a Draft. They know nothing of the site."""
