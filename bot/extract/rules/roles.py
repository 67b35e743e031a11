"""Roles and titles: which words name an office, and which party a described role belongs to.

"le porte-parole du ministère ukrainien de la Défense" -> UA, "Ukraine's foreign minister" -> UA,
"a Kremlin spokesman" -> RU: the party comes from the first nationality adjective, country,
capital, institution or known person inside the role, as listed in the gazetteer.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from bot.domain.gazetteer import Gazetteer, Hit
from bot.domain.models import Person
from bot.extract.rules.subject_patterns import BEHALF_LEAD, FORMER_OFFICE, LEAD_CONTEXT

# (pattern, canonical key); longer offices first so "vice-président" is not read as "président"
_OFFICES: list[tuple[str, str]] = [
    (r"vice-présidente?s?|vice[- ]presidents?", "vice_president"),
    (
        r"vice-(?:premier )?ministres?(?: [\w\-]+)?(?: des affaires étrangères| de la défense)?"
        r"|deputy (?:foreign |defen[cs]e |prime )?ministers?",
        "deputy_minister",
    ),
    (
        r"premi(?:er|ère)s? ministres?|prime ministers?|PM|chef(?:fe)? du gouvernement"
        r"|heads? of government",
        "prime_minister",
    ),
    (r"présidente? du conseil(?: italien)?", "prime_minister"),
    (
        r"chef(?:fe)? de (?:la )?diplomatie|ministres? des affaires étrangères"
        r"|ministres? [\w\-]+ des affaires? étrangères|foreign (?:minister|secretary)",
        "foreign_minister",
    ),
    (
        r"ministres?(?: [\w\-]+)? (?:de la défense|des armées)|defen[cs]e (?:minister|secretary)",
        "defence_minister",
    ),
    (r"chef(?:fe)?s? de l['’][ée]tat|heads? of state", "president"),
    (r"secrétaires? généra(?:l|ux)|secretary[- ]general", "secretary_general"),
    (r"secrétaires? d['’]état adjointe?s?|deputy secretary of state", "deputy_minister"),
    (r"secrétaires? d['’]état|secretary of state", "secretary_of_state"),
    (r"chef(?:fe)?s? d['’]état-major|chief of staff", "chief_of_staff"),
    (r"porte-parole|spokes(?:man|woman|person|men|women)|press secretary", "spokesperson"),
    (r"négociat(?:eur|rice)s?(?: en chef)?|(?:chief )?negotiators?", "negotiator"),
    (
        r"ministres?-conseill(?:er|ère)s?|conseill(?:er|ère)s?|collaborat(?:eur|rice)s?"
        r"|advis[eo]rs?|aides?",
        "adviser",
    ),
    (r"envoyée?s?(?: spéciale?)?|émissaires?|(?:special )?envoys?", "envoy"),
    (r"ambassad(?:eur|rice)s?|ambassadors?", "ambassador"),
    (r"chancel(?:ier|ière)|chancellor", "chancellor"),
    (r"présidente?s?|presidents?|locataires?", "president"),
    (r"ministres?|ministers?|secretary", "minister"),
    (
        r"commandant(?: en chef)?s?|commanders?|généra(?:l|ux)|generals?(?! staff)|colonels?|amira(?:l|ux)",
        "commander",
    ),
    (
        r"chef(?:fe)?s?|dirigeante?s?|leaders?|head|chief|prince|princesse|roi|reine|émir|cheikh|pape|pope|patron(?:ne)?s?"
        r"|king|queen|emir|sheikh",
        "head",
    ),
    (
        r"analystes?|analysts?|experte?s?|chercheu(?:r|se)s?|researchers?|observat(?:eur|rice)s?"
        r"|observers?|politologues?|spécialistes?|specialists?|professeure?s?|professors?"
        r"|historien(?:ne)?s?|historians?|éditorialistes?|commentators?|journalistes?|journalists?"
        r"|agences? de presse|agences?(?= (?-i:[A-Z]))|news agency|journal|quotidien|newspaper|médias?|media|chaîne"
        r"|télévision|think tank|institut|institute|ONG|NGO",
        "commentator",
    ),
    (
        r"homologues?|counterparts?|responsables?|officials?|représentante?s?|representatives?|diplomates?|diplomats?"
        r"|délégué(?:e)?s?|delegates?|députée?s?|lawmakers?|sénat(?:eur|rice)s?|senators?"
        r"|gouvern(?:eur|rice)s?|governors?|maires?|mayors?|directeur|directrice|director"
        r"|gendre|son-in-law|haute? représentante?|high representative|commissaires?|commissioners?"
        r"|(?-i:Sen|Rep|Gov)\."
        r"|médiat(?:eur|rice)s?|ombudsm[ae]n|cardina(?:l|ux)|nonces?|prélats?|secrétaires?"
        r"|attachée?s?(?: de défense| militaires?)?|(?:defen[cs]e |military )?attachés?",
        "official",
    ),
]
_OFFICE_RES = [
    (re.compile(rf"(?<![\w\-])(?:{p})(?![\w\-])", re.IGNORECASE), k) for p, k in _OFFICES
]
ROLE_WORD = "|".join(p for p, _ in _OFFICES)
ROLE_RE = re.compile(rf"(?<![\w\-])(?:{ROLE_WORD})(?![\w\-])", re.IGNORECASE)
# keys that may point back to a person ("le président ukrainien" -> the last Ukrainian president)
# a lower-case adjective that may carry a nationality (checked against the gazetteer afterwards)
NATIONALITY_HINT = re.compile(
    r"[a-zà-ÿ\-]+(?:ien|ienne|iens|iennes|ais|aise|aises|ain|aine|ains|"
    r"aines|ois|oise|oises|e|es|c|que|ques|and|ande|ands|andes|ol|ole)"
)
PERSON_KEYS = {k for _, k in _OFFICES} - {"official", "commentator"}
# people described by these speak for no party, whatever their nationality
NO_PARTY_KEYS = {"commentator"}
GENERIC_KEYS = {"head"}

DETERMINER = (
    r"(?:le|la|les|l['’]|un|une|des|son|sa|ses|leur|leurs|ce|cette|the|a|an|his|her|its|their)"
)
# a determiner is a whole word: "a" must not be cut off "ancien"
_DET_RE = re.compile(rf"^\s*{DETERMINER}(?:\s+|(?<=['’])\s*)", re.IGNORECASE)
# "ancien diplomate américain, aujourd'hui chercheur": a former official now speaks for himself
_FORMER_NOW = re.compile(r"(?<![\w\-])(?:ancien(?:ne)?|ex-|former)", re.IGNORECASE)
_TITLE_NP = re.compile(
    rf"^\s*{DETERMINER}\s*(?:[\w\-'.]+\s+){{0,2}}?(?:{ROLE_WORD})\b", re.IGNORECASE
)
_POSSESSIVE = re.compile(
    r"^\s*(?:[A-Z][\w\-.]*\s+){0,2}[A-Z][\w\-.]*['’]s\s+"
    # "the EU's foreign policy chief": after a determiner, an office must follow
    rf"|^\s*(?:[Tt]he|[Aa]n?)\s+(?:[A-Z][\w\-.]*\s+){{0,2}}[A-Z][\w\-.]*['’]s\s+"
    rf"(?:[\w\-]+\s+){{0,3}}?(?i:{ROLE_WORD})\b",
)
_HOST = re.compile(
    r"\b(?:auprès\s+(?:de\s+(?:l['’]|la\s+)?|du\s+|des\s+)|(?:to|at)\s+(?:the\s+)?"
    # "l'envoyé spécial du secrétaire général pour l'Ukraine": the file the envoy is sent on
    # "its regional vice president for Europe and Central Asia": the region of the office
    r"|(?:envoyée?|émissaire|représentante?|envoy|representative|vice[- ]presidents?|"
    r"vice-présidente?s?|directeur|directrice|director)\b[^,;]{0,40}?\s"
    r"(?:pour|for|on)\s+(?:l['’]|la\s+|le\s+|the\s+)?)$",
    re.IGNORECASE,
)


def hosted(text: str, start: int) -> bool:
    """Whether the party named at ``start`` is the one an envoy or ambassador is sent to."""
    return bool(_HOST.search(text[:start]))


# the words before an interviewer's name: "Propos recueillis par X", "X répondait aux questions
# de Julien Morel", "au micro de", "answered questions from"
INTERVIEWER_BEFORE = re.compile(
    r"(?:Propos\s+recueillis\s+par|Interview\s+by|[Ii]nterviewed\s+by|Par|By"
    r"|r[ée]pond(?:ait|ra)?\s+aux\s+questions\s+de|a\s+r[ée]pondu\s+aux\s+questions\s+de"
    r"|au\s+micro\s+de|interrog[ée]e?\s+par|(?:answered|answering)\s+questions\s+from"
    r"|questioned\s+by)\s+$",
    re.IGNORECASE,
)
_LOCATIVE = re.compile(
    r"(?:\b(?:à|au|aux|en|in|at|depuis|from|vers|to|dans)\s+(?:l['’]|la |le |a |an |the )?)$",
    re.IGNORECASE,
)


def locative(text: str, hit: Hit) -> bool:
    """Whether a place names where something is, not who acts ("à Vienne", "in Vienna")."""
    return hit.kind in ("name", "alias", "place") and bool(_LOCATIVE.search(text[: hit.start]))


def office_keys(text: str) -> list[str]:
    """The canonical offices named in ``text``, longest patterns first, without overlaps."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for rx, key in _OFFICE_RES:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), key))
    return [k for _, k in sorted(found)]


def head_office(text: str) -> str | None:
    """The office of the head of a role phrase: the first one named."""
    keys = office_keys(text)
    return keys[0] if keys else None


def has_office(text: str) -> bool:
    return bool(ROLE_RE.search(text))


def is_title_words(words: str) -> bool:
    """Whether a few words before a name are its office ("British Prime Minister", "le
    ministre turc"), with no verb: an office word, and nothing of a clause."""
    return has_office(words) and not _CLAUSE_WORD.search(words)


_CLAUSE_WORD = re.compile(
    r"(?<![\w\-])(?:a|ont|est|sont|has|have|had|is|are|was|were|said|says|met|with|avec|"
    r"who|qui|que|that)(?![\w\-])",
    re.IGNORECASE,
)


def is_title(np: str) -> bool:
    """True for a definite/indefinite noun phrase headed by an office ("le négociateur russe")."""
    return bool(_TITLE_NP.match(np) or _POSSESSIVE.match(np))


def strip_determiner(np: str) -> str:
    """The role phrase without its leading determiner, white space collapsed."""
    return re.sub(r"\s+", " ", _DET_RE.sub("", np, count=1)).strip(" ,")


_QUALIFIER = re.compile(r"\s+(?:(?:de|of)\s+(?:la\s+|l['’]|the\s+)?)?", re.IGNORECASE)


# a ministry's portfolio named after a side: "des Affaires européennes", "European Affairs"
# "Minister for Europe", "secretary of state for Europe": the portfolio, not the EU's office
_PORTFOLIO_BEFORE = re.compile(
    r"\b[Aa]ffaires\s+$|\b(?:[Mm]inister|[Ss]ecretary(?:\s+of\s+[Ss]tate)?)\s+for\s+$"
    # "Assistant Secretary-General for Europe, Central Asia and the Americas": a region of work
    r"|\b[Ss]ecretary-[Gg]eneral\s+for\s+$|\bsecrétaire\s+général\s+adjointe?\s+(?:pour|chargée?\s+de)\s+(?:l['’])?$"
)
_PORTFOLIO_AFTER = re.compile(r"\s+(?:Union\s+)?[Aa]ffairs\b")
# "the Europe minister": a place naming a portfolio (not "the Russian minister")
_PLACE_PORTFOLIO_AFTER = re.compile(r"\s+[Mm]inister\b")


def infer_party(gaz: Gazetteer, text: str) -> str | None:
    """The party a described role or collective speaker belongs to: the first party clue in it.

    Clues are gazetteer forms (demonyms, countries, capitals, institutions) and known people;
    a place after a locative preposition ("l'ambassadeur à Kiev") is not a clue.
    """
    keys = office_keys(text)
    if keys and keys[0] in NO_PARTY_KEYS:
        return None
    if _FORMER_NOW.search(text) and any(k in NO_PARTY_KEYS for k in keys):
        return None
    clues: list[tuple[int, str]] = []
    hits = gaz.party_hits(text)
    for i, hit in enumerate(hits):
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if locative(text, hit):
            continue
        if _HOST.search(text[: hit.start]):
            continue  # "l'ambassadrice auprès de l'UE": the body she is sent to is not hers
        if _PORTFOLIO_BEFORE.search(text[: hit.start]) or _PORTFOLIO_AFTER.match(text, hit.end):
            continue  # "ministre des Affaires européennes", "Minister for European Affairs"
        if hit.kind == "alias" and _PLACE_PORTFOLIO_AFTER.match(text, hit.end):
            continue  # "the Europe minister": a portfolio
        # "le Conseil de sécurité russe", "du Conseil de sécurité de Russie": a common
        # institution name qualified by a country is that country's body
        if (
            hit.kind == "institution"
            and nxt is not None
            and nxt.party_id != hit.party_id
            and nxt.kind != "institution"
            and _QUALIFIER.fullmatch(text[hit.end : nxt.start])
        ):
            continue
        clues.append((hit.start, hit.party_id))
    for ph in gaz.person_hits(text):
        if ph.person is not None:
            clues.append((ph.start, ph.person.party_id))
    return min(clues)[1] if clues else None


def role_matches(person_role: str, key: str) -> bool:
    """Whether a person's known role text holds the office ``key``."""
    if key in GENERIC_KEYS:
        return True
    keys = office_keys(person_role)
    if key == "minister":  # "la ministre" after "X, cheffe de la diplomatie polonaise"
        # (a secretary of state is a minister: "the Secretary" after "Secretary Rubio")
        return any(
            k in (key, "secretary_of_state") or (k.endswith("_minister") and k != "prime_minister")
            for k in keys
        )
    return key in keys


_PORTFOLIOS: dict[str, list[str]] = tomllib.loads(
    (Path(__file__).parent / "data" / "portfolios.toml").read_text("utf-8")
)["portfolios"]
# "ministre de l'Europe et des Affaires étrangères", "Minister for Foreign Affairs", "Finance
# Minister": up to five words between the office and its portfolio
_PORTFOLIO_PREP = (
    r"(?:de\s+la\s+|de\s+l['’]|des\s+|du\s+|de\s+|aux\s+|à\s+la\s+|au\s+|of\s+|for\s+)?"
)
_PORTFOLIO_RE = [
    (
        key,
        re.compile(
            rf"\b(?:ministres?|ministers?|secretary)\s+(?:[\w\-'’]+\s+){{0,5}}?{_PORTFOLIO_PREP}"
            rf"(?:the\s+)?(?:{'|'.join(re.escape(w) for w in words)})\b"
            rf"|\b(?:{'|'.join(re.escape(w) for w in words)})\s+(?:minister|secretary)\b",
            re.IGNORECASE,
        ),
    )
    for key, words in _PORTFOLIOS.items()
]


def portfolios(text: str) -> set[str]:
    """The portfolios a minister's title names: "ministre des Finances" -> {"finance"},
    "ministre de l'Europe et des Affaires étrangères" -> {"europe", "foreign"}."""
    return {key for key, pat in _PORTFOLIO_RE if pat.search(text)}


def gazetteer_holds(person: Person | None, key: str) -> bool:
    """Whether the gazetteer's role of ``person`` (French or English) holds the office ``key``."""
    return person is not None and any(
        role_matches(r, key) for r in (person.role_fr, person.role_en) if r
    )


def behalf_party(gaz: Gazetteer, sentence: str) -> str | None:
    """The single party a sentence says its speaker speaks for: "Speaking for France, …"."""
    return lead_context_party(gaz, sentence, BEHALF_LEAD)


def lead_context_party(
    gaz: Gazetteer, sentence: str, lead: re.Pattern[str] = LEAD_CONTEXT
) -> str | None:
    """The single party a sentence's leading setting names: "Côté russe, …", "À Kiev, …"."""
    m = lead.match(sentence)
    if not m:
        return None
    where = m.group("ctx") or m.groupdict().get("ctx2") or ""
    parties = {h.party_id for h in gaz.party_hits(where)}
    return parties.pop() if len(parties) == 1 else None


def speaks_for_context(role: str) -> bool:
    """Whether an office with no side named serves the side the text is about; a former one
    ("ancienne négociatrice sur les questions énergétiques", "former envoy") serves none."""
    if is_former(role):
        return False
    keys = office_keys(role)
    return bool(keys) and not any(k in NO_PARTY_KEYS for k in keys)


def is_former(role: str) -> bool:
    """Whether an office is one held before ("ancienne négociatrice", "ex-ministre", "former")."""
    return bool(FORMER_OFFICE.match(role))
