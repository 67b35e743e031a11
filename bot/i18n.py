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
    "qa.unsupported": {
        "fr": "Les articles dont je dispose ne le disent pas.",
        "en": "The articles I have do not say.",
    },
    "qa.intro": {
        "fr": "Voici ce que disent les articles dont je dispose :",
        "en": "Here is what the articles I have say:",
    },
    "qa.intro_why": {
        "fr": "Les articles donnent ces éléments d'explication :",
        "en": "The articles give these elements of explanation:",
    },
    "qa.ask_something": {
        "fr": "Posez une question sur les articles, par exemple : « Que demande l'Ukraine ? »",
        "en": "Ask a question about the articles, e.g. “What does Ukraine demand?”",
    },
    "qa.in_french": {"fr": "", "en": " (in French)"},
    "qa.in_english": {"fr": " (en anglais)", "en": ""},
    "qa.sources": {"fr": "Sources", "en": "Sources"},
    "qa.other": {"fr": "Contexte", "en": "Context"},
    "positions.none": {
        "fr": "Aucune position trouvée.",
        "en": "No position found.",
    },
    # chat commands (bot/commands) -----------------------------------------------------
    "cmd.unknown": {
        "fr": "Commande inconnue : /{name}. Tapez /help pour la liste des commandes.",
        "en": "Unknown command: /{name}. Type /help for the list of commands.",
    },
    "cmd.failed": {
        "fr": "Désolé, quelque chose s'est mal passé. Réessayez dans un instant.",
        "en": "Sorry, something went wrong. Please try again in a moment.",
    },
    "cmd.stale_button": {
        "fr": "Ce bouton n'est plus valable : relancez /positions.",
        "en": "This button is no longer valid: run /positions again.",
    },
    "help.title": {"fr": "briefbot", "en": "briefbot"},
    "help.what": {
        "fr": "Je lis des articles de presse et résume les positions déclarées de chaque partie "
        "(qui a dit quoi, avec la citation exacte et la source).",
        "en": "I read news articles and sum up each party's stated positions "
        "(who said what, with the verbatim quote and the source).",
    },
    "help.commands": {"fr": "Commandes", "en": "Commands"},
    "help.brief": {
        "fr": "le briefing des nouveaux articles (ex. : /brief, /brief en)",
        "en": "the briefing of the new articles (e.g. /brief, /brief fr)",
    },
    "help.positions": {
        "fr": "les positions de chaque partie, ou d'une seule (ex. : /positions russie, /positions RU)",
        "en": "every party's positions, or one party's (e.g. /positions russia, /positions RU)",
    },
    "help.ask": {
        "fr": "poser une question sur l'actualité (ex. : /ask Que dit Kiev du cessez-le-feu ?)",
        "en": "ask a question about the news (e.g. /ask What does Kyiv say about the ceasefire?)",
    },
    "help.subscribe": {
        "fr": "recevoir le briefing chaque jour (ex. : /subscribe 07:30 Europe/Paris)",
        "en": "get the briefing every day (e.g. /subscribe 07:30 Europe/London)",
    },
    "help.unsubscribe": {"fr": "arrêter le briefing quotidien", "en": "stop the daily briefing"},
    "help.sources": {"fr": "les sources suivies", "en": "the sources followed"},
    "help.addsource": {
        "fr": "suivre une source (admins ; ex. : /addsource https://exemple.fr/rss)",
        "en": "follow a source (admins; e.g. /addsource https://example.com/rss)",
    },
    "help.removesource": {
        "fr": "ne plus suivre une source, par URL ou numéro (admins ; ex. : /removesource 2)",
        "en": "stop following a source, by URL or number (admins; e.g. /removesource 2)",
    },
    "help.status": {
        "fr": "articles stockés, dernière collecte, moteur utilisé",
        "en": "articles stored, last ingest, engine in use",
    },
    "help.lang": {
        "fr": "la langue de ce chat (ex. : /lang en)",
        "en": "this chat's language (e.g. /lang fr)",
    },
    "help.start": {"fr": "ce message d'aide", "en": "this help message"},
    "help.questions_private": {
        "fr": "Vous pouvez aussi m'écrire directement une question.",
        "en": "You can also just write me a question.",
    },
    "help.questions_group": {
        "fr": "Dans un groupe, mentionnez-moi ou répondez à l'un de mes messages pour poser une "
        "question ; répondre à un briefing pose une question sur ce briefing.",
        "en": "In a group, mention me or reply to one of my messages to ask a question; "
        "replying to a briefing asks about that briefing.",
    },
    "brief.usage": {"fr": "Usage : /brief [fr|en]", "en": "Usage: /brief [fr|en]"},
    "brief.nothing": {
        "fr": "Aucun article reçu ces dernières 24 heures.",
        "en": "No article received in the last 24 hours.",
    },
    "brief.nothing_new": {
        "fr": "Aucun nouvel article depuis le dernier briefing ({since}).",
        "en": "No new article since the last briefing ({since}).",
    },
    "positions.unknown": {
        "fr": "Partie inconnue : « {party} ». Parties connues : {known}.",
        "en": "Unknown party: “{party}”. Known parties: {known}.",
    },
    "positions.choose": {
        "fr": "Les positions de quelle partie ?",
        "en": "Which party's positions?",
    },
    "positions.all": {"fr": "Toutes", "en": "All"},
    "status.title": {"fr": "État", "en": "Status"},
    "status.articles": {"fr": "Articles stockés : {n}", "en": "Articles stored: {n}"},
    "status.last_ingest": {"fr": "Dernière collecte : {when}", "en": "Last ingest: {when}"},
    "status.engine": {"fr": "Moteur : {engine}", "en": "Engine: {engine}"},
    "status.lang": {"fr": "Langue de ce chat : {code}", "en": "This chat's language: {code}"},
    "status.subscribed": {
        "fr": "Briefing quotidien : {time} ({tz})",
        "en": "Daily briefing: {time} ({tz})",
    },
    "status.not_subscribed": {
        "fr": "Briefing quotidien : non (/subscribe)",
        "en": "Daily briefing: no (/subscribe)",
    },
    "ask.usage": {"fr": "Usage : /ask <question>", "en": "Usage: /ask <question>"},
    "ask.unavailable": {
        "fr": "Les questions ne sont pas encore disponibles. Essayez /brief ou /positions.",
        "en": "Questions are not available yet. Try /brief or /positions.",
    },
    "lang.usage": {
        "fr": "Langue actuelle : {code}. Usage : /lang fr|en",
        "en": "Current language: {code}. Usage: /lang fr|en",
    },
    "lang.set": {"fr": "Ce chat est maintenant en français.", "en": "This chat is now in English."},
    "subscribe.usage": {
        "fr": "Usage : /subscribe [HH:MM] [fuseau] (ex. : /subscribe 07:30 Europe/Paris)",
        "en": "Usage: /subscribe [HH:MM] [timezone] (e.g. /subscribe 07:30 Europe/London)",
    },
    "subscribe.bad_time": {
        "fr": "Heure invalide : « {value} ». Utilisez HH:MM sur 24 heures, par ex. 07:30.",
        "en": "Invalid time: “{value}”. Use 24-hour HH:MM, e.g. 07:30.",
    },
    "subscribe.bad_tz": {
        "fr": "Fuseau horaire inconnu : « {value} ». Utilisez un nom IANA, par ex. Europe/Paris.",
        "en": "Unknown time zone: “{value}”. Use an IANA name, e.g. Europe/Paris.",
    },
    "subscribe.done": {
        "fr": "C'est noté : le briefing arrivera chaque jour à {time} ({tz}).",
        "en": "Done: the briefing will arrive every day at {time} ({tz}).",
    },
    "unsubscribe.done": {
        "fr": "Briefing quotidien arrêté.",
        "en": "Daily briefing stopped.",
    },
    "unsubscribe.none": {
        "fr": "Ce chat n'était pas abonné.",
        "en": "This chat was not subscribed.",
    },
    "admin.refused": {
        "fr": "Désolé, seuls les administrateurs du bot peuvent modifier les sources.",
        "en": "Sorry, only the bot's administrators can change the sources.",
    },
    "sources.none": {"fr": "Aucune source suivie.", "en": "No source followed."},
    "sources.title": {"fr": "Sources suivies ({n})", "en": "Sources followed ({n})"},
    "sources.bad_url": {
        "fr": "Adresse invalide : donnez une URL http:// ou https://.",
        "en": "Invalid address: give an http:// or https:// URL.",
    },
    "sources.refused": {
        "fr": "Source refusée : {url} ({reason}).",
        "en": "Source refused: {url} ({reason}).",
    },
    "sources.added": {"fr": "Source ajoutée : {url}", "en": "Source added: {url}"},
    "sources.known": {"fr": "Source déjà suivie : {url}", "en": "Source already followed: {url}"},
    "sources.remove_usage": {
        "fr": "Usage : /removesource <url|numéro> (voir /sources)",
        "en": "Usage: /removesource <url|number> (see /sources)",
    },
    "sources.bad_number": {
        "fr": "Numéro invalide : il y a {n} source(s), voir /sources.",
        "en": "Invalid number: there are {n} source(s), see /sources.",
    },
    "sources.removed": {"fr": "Source retirée : {url}", "en": "Source removed: {url}"},
    "sources.unknown": {"fr": "Source non suivie : {url}", "en": "Source not followed: {url}"},
    "console.welcome": {
        "fr": "briefbot — tapez /help, une question, ou Ctrl-D pour quitter.",
        "en": "briefbot — type /help, a question, or Ctrl-D to quit.",
    },
}

# Office keys (bot.analysis.roles) as labels, to restate a role in the other language.
ROLE_LABELS: dict[str, dict[str, str]] = {
    "vice_president": {"fr": "vice-président", "en": "vice-president"},
    "deputy_minister": {"fr": "vice-ministre", "en": "deputy minister"},
    "prime_minister": {"fr": "Premier ministre", "en": "prime minister"},
    "foreign_minister": {"fr": "ministre des Affaires étrangères", "en": "foreign minister"},
    "defence_minister": {"fr": "ministre de la Défense", "en": "defence minister"},
    "secretary_general": {"fr": "secrétaire général", "en": "secretary general"},
    "secretary_of_state": {"fr": "secrétaire d'État", "en": "secretary of state"},
    "chief_of_staff": {"fr": "chef d'état-major", "en": "chief of staff"},
    "spokesperson": {"fr": "porte-parole", "en": "spokesperson"},
    "negotiator": {"fr": "négociateur", "en": "negotiator"},
    "adviser": {"fr": "conseiller", "en": "adviser"},
    "envoy": {"fr": "envoyé", "en": "envoy"},
    "ambassador": {"fr": "ambassadeur", "en": "ambassador"},
    "chancellor": {"fr": "chancelier", "en": "chancellor"},
    "president": {"fr": "président", "en": "president"},
    "minister": {"fr": "ministre", "en": "minister"},
    "commander": {"fr": "commandant", "en": "commander"},
    "official": {"fr": "responsable", "en": "official"},
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


def role_label(office: str, party_name: str, lang: Lang | str) -> str:
    """A role restated from its office key: "Ukraine's negotiator", "négociateur, Ukraine"."""
    labels = ROLE_LABELS.get(office)
    if not labels:
        return ""
    if lang == "en":
        return f"{party_name}'s {labels['en']}" if party_name else labels["en"]
    return f"{labels['fr']}, {party_name}" if party_name else labels["fr"]


def topic_name(topic: str, lang: Lang | str) -> str:
    names = TOPIC_NAMES.get(topic)
    return names.get(lang, names["en"]) if names else topic
