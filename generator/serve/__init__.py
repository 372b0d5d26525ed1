"""The live-reload preview behind `arsip serve`: watch (watch.py), serve (handler.py), show errors (overlay.py)."""

from generator.serve.server import serve

__all__ = ["serve"]
