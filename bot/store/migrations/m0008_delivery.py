"""The shared send pace per bot token and the memory of handled update / event ids;
frozen DDL (see the package docstring)."""

import sqlalchemy as sa


def upgrade(conn: sa.Connection) -> None:
    md = sa.MetaData()
    sa.Table(
        "send_pace",
        md,
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("next_at", sa.Float, nullable=False),
    )
    sa.Table(
        "seen_updates",
        md,
        sa.Column("platform", sa.String(32), primary_key=True),
        sa.Column("update_id", sa.String(128), primary_key=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False, index=True),
    )
    md.create_all(conn, checkfirst=True)
