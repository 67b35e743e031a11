"""User-facing strings in French and English, looked up by key: ``t("en", "key", n=3)``."""

from __future__ import annotations

from bot.domain.models import Lang

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
    "brief.report_in_french": {"fr": "", "en": " (article, in French)"},
    "brief.report_in_english": {"fr": " (article, en anglais)", "en": ""},
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
    "help.example": {"fr": " (ex. : {example})", "en": " (e.g. {example})"},
    "help.questions_private": {
        "fr": "Vous pouvez aussi m'écrire directement une question.",
        "en": "You can also just write me a question.",
    },
    "help.questions_replies": {
        "fr": "Dans un groupe, mentionnez-moi ou répondez à l'un de mes messages pour poser une "
        "question ; répondre à un briefing pose une question sur ce briefing.",
        "en": "In a group, mention me or reply to one of my messages to ask a question; "
        "replying to a briefing asks about that briefing.",
    },
    "help.questions_threads": {
        "fr": "Dans un canal, mentionnez-moi (@briefbot) pour poser une question, ou écrivez dans "
        "le fil de l'une de mes réponses : c'est une question de suivi (sur ce briefing, pour "
        "un briefing).",
        "en": "In a channel, mention me (@briefbot) to ask a question, or write in the thread "
        "of one of my answers: it is a follow-up (about that briefing, for a briefing).",
    },
    "help.slash_umbrella": {
        "fr": "Chaque commande existe aussi sous /briefbot : /briefbot brief en. Les réponses "
        "qui ne concernent que vous (aide, état, erreurs) ne sont visibles que par vous.",
        "en": "Every command also works under /briefbot: /briefbot brief en. Answers meant only "
        "for you (help, status, errors) are visible only to you.",
    },
    "brief.usage": {"fr": "Usage : /brief [fr|en]", "en": "Usage: /brief [fr|en]"},
    "brief.nothing": {
        "fr": "Aucun article reçu ces dernières 24 heures.",
        "en": "No article received in the last 24 hours.",
    },
    "brief.nothing_new": {
        "fr": "Aucun nouvel article depuis le dernier briefing ({since}). "
        "/brief fr ou /brief en le renvoie dans cette langue.",
        "en": "No new article since the last briefing ({since}). "
        "/brief en or /brief fr sends it again in that language.",
    },
    "positions.unknown": {
        "fr": "Partie inconnue : « {party} ». Par exemple : {examples}. "
        "/positions sans argument montre les parties qui ont des positions.",
        "en": "Unknown party: “{party}”. For example: {examples}. "
        "/positions without an argument shows the parties that have positions.",
    },
    "positions.unknown_close": {
        "fr": "Partie inconnue : « {party} ». Vouliez-vous dire : {examples} ? "
        "/positions sans argument montre les parties qui ont des positions.",
        "en": "Unknown party: “{party}”. Did you mean: {examples}? "
        "/positions without an argument shows the parties that have positions.",
    },
    "positions.heading": {
        "fr": "{party} ({id}) — {n} position(s)",
        "en": "{party} ({id}) — {n} position(s)",
    },
    "positions.page": {"fr": " · page {page}/{pages}", "en": " · page {page}/{pages}"},
    "positions.parties": {"fr": "Parties", "en": "Parties"},
    "positions.how_to_open": {
        "fr": "Tapez /positions suivi de la partie, par ex. /positions russie.",
        "en": "Type /positions and the party, e.g. /positions russia.",
    },
    "positions.next_page": {
        "fr": "Suite : /positions {id} {page}",
        "en": "More: /positions {id} {page}",
    },
    "positions.choose": {
        "fr": "Les positions de quelle partie ?",
        "en": "Which party's positions?",
    },
    "status.title": {"fr": "État", "en": "Status"},
    "status.articles": {"fr": "Articles stockés : {n}", "en": "Articles stored: {n}"},
    "status.last_ingest": {"fr": "Dernière collecte : {when}", "en": "Last ingest: {when}"},
    "status.engine": {"fr": "Moteur : {engine}", "en": "Engine: {engine}"},
    "status.engine_offline": {
        "fr": "règles hors ligne (version {version})",
        "en": "offline rules (version {version})",
    },
    "status.engine_llm": {"fr": "LLM {model}", "en": "LLM {model}"},
    "status.engine_fallback": {"fr": ", sinon {fallback}", "en": ", else {fallback}"},
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
    "subscribe.console": {
        "fr": "La console ne reçoit pas de briefing quotidien : abonnez un chat Telegram ou "
        "Slack, ou tapez /brief ici.",
        "en": "The console cannot receive daily digests: subscribe a Telegram or Slack chat, "
        "or type /brief here.",
    },
    "subscribe.usage": {
        "fr": "Usage : /subscribe [HH:MM] [fuseau] (ex. : /subscribe 07:30 Europe/Paris)",
        "en": "Usage: /subscribe [HH:MM] [timezone] (e.g. /subscribe 07:30 Europe/London)",
    },
    "subscribe.bad_time": {
        "fr": "Heure invalide : « {value} ». Donnez l'heure en HH:MM sur 24 heures, puis "
        "éventuellement le fuseau : /subscribe 07:30 Europe/Paris.",
        "en": "Invalid time: “{value}”. Give the time as 24-hour HH:MM, then optionally the time "
        "zone: /subscribe 07:30 Europe/London.",
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
        "fr": "Désolé, seuls les administrateurs du bot peuvent utiliser /{name}.",
        "en": "Sorry, only the bot's administrators can use /{name}.",
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

# Office keys (bot.extract.rules.roles) as labels, to restate a role in the other language.
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
        if not party_name:
            return labels["en"]
        # "the United Nations' spokesperson", not "United Nations's"
        owner = f"{party_name}'" if party_name.endswith("s") else f"{party_name}'s"
        return f"{owner} {labels['en']}"
    return f"{labels['fr']}, {party_name}" if party_name else labels["fr"]


def topic_name(topic: str, lang: Lang | str) -> str:
    names = TOPIC_NAMES.get(topic)
    return names.get(lang, names["en"]) if names else topic
