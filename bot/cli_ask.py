"""``briefbot ask "question" [--lang fr|en]``: one question about the stored articles, answered
with quotes and numbered sources (platform "console", chat "cli", so follow-ups work)."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.domain.models import Lang


def register(app: typer.Typer) -> None:
    @app.command("ask")
    def ask_cmd(
        question: Annotated[str, typer.Argument(help="The question, in French or English.")],
        lang: Annotated[
            str | None,
            typer.Option(
                metavar="fr|en", help="Answer language (default: the question's language)."
            ),
        ] = None,
    ) -> None:
        """Answer a question from the articles of the last days, quoting them with sources.

        Examples: briefbot ask "Que réclame Kiev ?"  |  briefbot ask "What does Moscow want?"
        """
        from bot.cli import bot, err, out, settings
        from bot.cli_inputs import require_stored
        from bot.ingest.lang import detect_lang
        from bot.qa import QuestionAnswerer
        from bot.render.text import render_text

        detected = detect_lang(question)
        language = (
            lang.lower() if lang else (detected if detected in ("fr", "en") else settings().lang)
        )
        if language not in ("fr", "en"):
            err.print(f"Unknown language {language!r}: use fr or en.")
            raise typer.Exit(2)
        chosen: Lang = "en" if language == "en" else "fr"
        require_stored()
        reply = QuestionAnswerer(bot())(question, chosen, "console", "cli", None)
        out.print(render_text(reply), markup=False)
