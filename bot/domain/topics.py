"""Topic tags for a statement, from French and English keyword stems (see models.TOPICS)."""

from __future__ import annotations

import re

from bot.domain.models import TOPICS

_STEMS: dict[str, tuple[str, ...]] = {
    "territory": (
        "territo",
        "annex",
        "frontière",
        "border",
        "région",
        "region",
        "crimée",
        "crimea",
        "donbass",
        "donbas",
        "donetsk",
        "louhansk",
        "luhansk",
        "zaporij",
        "zaporizh",
        "kherson",
        "souveraineté",
        "sovereignty",
        "occupé",
        "occupied",
        "ligne de front",
        "front line",
        "contrôle des",
        "control of",
    ),
    "security_guarantees": (
        "garantie",
        "guarantee",
        "garant",
        "sécurité de l",
        "security of",
        "dissuasion",
        "deterren",
        "force de réassurance",
        "reassurance force",
        "article 5",
        "chapitre 5",
    ),
    "nato": ("otan", "nato", "alliance atlantique", "atlantic alliance", "adhésion à l'otan"),
    "ceasefire": (
        "cessez-le-feu",
        "ceasefire",
        "cease-fire",
        "trêve",
        "truce",
        "armistice",
        "arrêter la guerre",
        "mettre fin à la guerre",
        "end the war",
        "stop the war",
        "désescalade",
        "de-escalat",
        "réduire considérablement l'activité militaire",
    ),
    "sanctions": (
        "sanction",
        "embargo",
        "gel des avoirs",
        "frozen assets",
        "avoirs gelés",
        "avoirs russes",
        "russian assets",
        "tarif",
        "droits de douane",
    ),
    "eu_membership": (
        "adhésion à l'union",
        "adhésion à l'ue",
        "statut de candidat",
        "candidate status",
        "eu membership",
        "join the eu",
        "joining the eu",
        "élargissement",
        "enlargement",
        "intégration européenne",
        "european integration",
    ),
    "talks": (
        "négoci",
        "negotiat",
        "pourparler",
        "talks",
        "discussion",
        "sommet",
        "summit",
        "rencontre",
        "meeting",
        "accord",
        "agreement",
        "deal",
        "plan de paix",
        "peace plan",
        "paix",
        "peace",
        "compromis",
        "compromise",
        "diplomat",
        "médiat",
        "mediat",
    ),
    "military": (
        "armée",
        "army",
        "troupe",
        "troop",
        "soldat",
        "soldier",
        "offensive",
        "attaque",
        "attack",
        "frappe",
        "strike",
        "missile",
        "drone",
        "arme",
        "weapon",
        "militaire",
        "military",
        "combat",
        "fighting",
        "bombard",
        "shelling",
        "démilitaris",
        "demilitari",
        "munition",
        "ammunition",
        "défense aérienne",
        "air defen",
    ),
    "humanitarian": (
        "civil",
        "humanitaire",
        "humanitarian",
        "réfugié",
        "refugee",
        "prisonnier",
        "prisoner",
        "échange de",
        "exchange of",
        "genève",
        "geneva",
        "évacu",
        "evacuat",
        "blessé",
        "wounded",
        "victime",
        "casualt",
        "enfant",
        "children",
        "hôpital",
        "hospital",
        "crimes de guerre",
        "war crime",
        "criminel",
    ),
}
_TOPIC_OF = {stem.lower(): topic for topic, stems in _STEMS.items() for stem in stems}
assert set(_STEMS) <= set(TOPICS)
# one pass over lower-cased text; a stem must start a word
_ALL = re.compile(
    r"(?<![\w])(?:" + "|".join(re.escape(s) for s in sorted(_TOPIC_OF, key=len, reverse=True)) + ")"
)


def _stems(text: str) -> list[str]:
    return _ALL.findall(text.lower().replace("’", "'"))


def topics_of(text: str) -> list[str]:
    """Topics whose stems occur in ``text``, in models.TOPICS order."""
    found = {_TOPIC_OF[s] for s in _stems(text)}
    return [t for t in TOPICS if t in found]


def topic_weight(text: str) -> int:
    """How many topic stems occur in ``text`` (a rough measure of substance)."""
    return len(_stems(text))
