"""``briefings.fallback``: the briefing was built while the model had failed for some of its
articles (offline positions), so it is rebuilt once the model answers again."""

import sqlalchemy as sa


def upgrade(conn: sa.Connection) -> None:
    columns = {c["name"] for c in sa.inspect(conn).get_columns("briefings")}
    if "fallback" not in columns:  # databases created before the column was in tables.py
        conn.exec_driver_sql(
            "ALTER TABLE briefings ADD COLUMN fallback BOOLEAN NOT NULL DEFAULT FALSE"
        )
