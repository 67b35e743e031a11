"""Briefings: the offline and LLM composers (one protocol)."""
