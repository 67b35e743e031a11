"""User-facing strings in French and English, looked up by key: ``t("en", "key", n=3)``."""

from __future__ import annotations

from bot.models import Lang

MESSAGES: dict[str, dict[str, str]] = {
    "brief.title": {"fr": "Briefing du {date}", "en": "Briefing, {date}"},
    "brief.summary": {
        "fr": "{parties} parties, {positions} positions, {sources} sources.",
        "en": "{parties} parties, {positions} positions, {sources} sources.",
    },
    "brief.topics": {"fr": "Sujets : {topics}.", "en": "Topics: {topics}."},
    "brief.empty": {
        "fr": "Aucune position attribuée dans les articles de la période.",
        "en": "No attributed position in the articles of this period.",
    },
    "brief.disputes": {"fr": "Points de désaccord", "en": "Disputed claims"},
    "brief.sources": {"fr": "Sources", "en": "Sources"},
    "brief.collective": {"fr": "{party} (position officielle)", "en": "{party} (official line)"},
    "brief.in_french": {"fr": "", "en": " (in French)"},
    "brief.in_english": {"fr": " (en anglais)", "en": ""},
    "brief.more": {
        "fr": "… {n} autres positions : /positions",
        "en": "… {n} more positions: /positions",
    },
    "positions.none": {
        "fr": "Aucune position trouvée.",
        "en": "No position found.",
    },
}

TOPIC_NAMES: dict[str, dict[str, str]] = {
    "territory": {"fr": "territoires", "en": "territory"},
    "security_guarantees": {"fr": "garanties de sécurité", "en": "security guarantees"},
    "nato": {"fr": "OTAN", "en": "NATO"},
    "ceasefire": {"fr": "cessez-le-feu", "en": "ceasefire"},
    "sanctions": {"fr": "sanctions et avoirs gelés", "en": "sanctions and frozen assets"},
    "eu_membership": {"fr": "adhésion à l'UE", "en": "EU membership"},
    "talks": {"fr": "négociations", "en": "talks"},
    "military": {"fr": "situation militaire", "en": "military situation"},
    "humanitarian": {"fr": "humanitaire", "en": "humanitarian"},
}


def t(lang: Lang | str, key: str, **values: object) -> str:
    table = MESSAGES[key]
    template = table.get(lang) or table["en"]
    return template.format(**values)


def topic_name(topic: str, lang: Lang | str) -> str:
    names = TOPIC_NAMES.get(topic)
    return names.get(lang, names["en"]) if names else topic
