"""Renderers: turn our rich-text Reply into each platform's markup within its limits."""
