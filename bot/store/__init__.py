"""Persistence: SQLAlchemy tables, numbered migrations and queries (SQLite and PostgreSQL)."""

from bot.store.db import Database

__all__ = ["Database"]
