"""``briefbot config path|show``: where briefbot reads its configuration and keeps its data,
and which files (packaged defaults or the user's copies) are in force."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    config_app = typer.Typer(
        help="Where the configuration and data live, and which files are in force.",
        no_args_is_help=True,
    )
    app.add_typer(config_app, name="config")

    @config_app.command("path")
    def path_cmd() -> None:
        """Print the user config directory, the data directory and the database.

        Copy a file from `briefbot config show` into the config directory to override it.
        """
        from bot import resources
        from bot.cli import out, settings

        s = settings()
        out.print(f"config dir   {resources.user_config_dir()}", markup=False)
        out.print(f"data dir     {s.data_dir}", markup=False)
        out.print(f"database     {safe_url(s.db_url)}", markup=False)
        out.print(f"demo db      {safe_url(s.demo_db_url)}", markup=False)

    @config_app.command("show")
    def show_cmd() -> None:
        """List each configuration and prompt file in force (default or user), then the
        settings; secrets only as set/unset."""
        from bot import resources
        from bot.cli import out, settings

        for item in resources.files_in_force():
            out.print(f"{item.origin:<15} {item.name:<20} {item.path}", markup=False)
        out.print("")
        s = settings()
        for name in type(s).model_fields:
            value = getattr(s, name)
            if name == "database_url":
                value = safe_url(value)
            out.print(f"{name} = {value}", markup=False)
        for name in type(s.secrets).model_fields:
            state = "set" if getattr(s.secrets, name) is not None else "unset"
            out.print(f"{name.upper()}: {state}", markup=False)


def safe_url(url: str) -> str:
    """A database URL with its password hidden."""
    if not url or "://" not in url:
        return url
    import sqlalchemy as sa

    return sa.engine.make_url(url).render_as_string(hide_password=True)
