"""Extraction: turning one article into positions (the rule pipeline, the LLM extractor)."""
