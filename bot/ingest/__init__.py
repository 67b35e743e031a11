"""Turning files, web pages and feeds into stored articles (see pipeline.ingest)."""
