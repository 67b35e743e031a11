"""Person mentions in a sentence: gazetteer names, model (NER) names, "M. X", capitalised runs,
the name to display for each, and the role written right next to a name.
"""

from __future__ import annotations

import re

from bot.domain.gazetteer import GEOGRAPHY_WORDS, MASTHEAD_WORDS, Gazetteer, PersonHit
from bot.domain.models import Person
from bot.extract.rules import roles
from bot.extract.rules.cue_patterns import NOT_SUBJECT_SEGMENT
from bot.extract.rules.subject_patterns import FORMER_BEFORE, SUBJECT_CLAUSE_START
from bot.textnorm import fold

_HONORIFIC = re.compile(r"^(?:M\.|Mme|Mlle|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+")
_HONORIFIC_NAME = re.compile(
    r"(?<![\w\-])(?:M\.|Mme|Mr\.?|Mrs\.?|Ms\.?)\s+(?P<n>[A-ZÀ-Ý][\w\-’']+)"
)


# a complement's preposition and article right before a capitalised word ("de la", "of the")
_ARTICLE_BEFORE = re.compile(r"(?<![\w\-])(?:de\s+la|de\s+l['’]|du|des|of\s+the)\s*$", re.I)


def _words(text: str) -> list[str]:
    return text.split()


_CAP_RUN = re.compile(r"(?<![\w\-’'])(?:[A-ZÀ-Ý][\w\-’'.]*\s+){1,7}[A-ZÀ-Ý][\w\-’']+(?![\w\-])")
# capitalised words that start a run before the name: "Russian Deputy Foreign Minister X Y"
_TITLE_TOKENS = set(
    _words(
        "a an the le la les un une l' deputy foreign defence defense prime vice general secretary president minister chancellor "
        "spokesman spokeswoman spokesperson envoy special chief head senior aide adviser advisor "
        "ambassador negotiator commander mr mrs ms dr sir lord state national security interior "
        "finance affairs house white former acting first lady king queen pope lieutenant colonel "
        "major admiral speaker premier foreign-policy top presidential kremlin nato eu un us "
        "on in at by as if when while after before but and so then this that these those "
        "monday tuesday wednesday thursday friday saturday sunday"
    )
)
_POINTED = re.compile(r"(?:^|\s)(?:ce|cet|cette|ces|this|that|these|those)\s+$", re.IGNORECASE)
_GREETINGS = {"Bonjour", "Bonsoir", "Merci", "Hello", "Welcome", "Thanks", "Bienvenue"}
_STOP_CAPS = {
    "Le",
    "La",
    "Les",
    "The",
    "Un",
    "Une",
    "Selon",
    "Pour",
    "Mais",
    "Lors",
    "Dans",
    "Après",
    "À",  # "À Kiev, on espère …": a place, not a person
    "Au",
    "Aux",
    "En",
    "Côté",
    "Depuis",
    "Chez",
    # "Any Western troops …": a quantifier opens a noun phrase, never a name
    "Any",
    # "What I've said is that …": a question word opens a clause, never a name
    "What",
    "Where",
    "When",
    "Why",
    "How",
    "Which",
    "Some",
    "Every",
    "Each",
    "All",
    "No",
    "Many",
    "Most",
    "Several",
    # "One Western diplomat told me …": a number opens a noun phrase, never a name
    "One",
    "Two",
    "Three",
    "Four",
    "Deux",
    "Trois",
    "Quatre",
    "Both",
    "Tout",
    "Tous",
    "Toute",
    "Aucun",
    "Aucune",
    "Chaque",
    "Plusieurs",
    # "Ce Neuchâtelois discret défend …": a demonstrative points back to someone named before
    "Ce",
    "Cet",
    "Cette",
    "Ces",
    "This",
    "That",
    "These",
    "Those",
    # a time zone after a time: "1:17 P.M. EDT"
    "EDT",
    "EST",
    "GMT",
    "UTC",
    "CET",
    "CEST",
    "BST",
    "PST",
    "PDT",
    "MSK",
    # a transcript's turn label: "QUESTION: Matt, …"
    "QUESTION",
    "Question",
    "ANSWER",
    "Answer",
}


# an office's portfolio written in capitals between the office and the name
_PORTFOLIO_OF = re.compile(r"\b(?:for|of)\s+$")
_PORTFOLIO_WORDS = frozenset(
    [
        "human",
        "rights",
        "foreign",
        "affairs",
        "defence",
        "defense",
        "energy",
        "trade",
        "economy",
        "security",
        "refugees",
        "interior",
        "justice",
        "finance",
        "health",
        "children",
        "development",
        "cooperation",
        "relations",
        "international",
        "european",
        "home",
    ]
)


def _bare_word(word: str) -> str:
    """ "Children's," -> "children"."""
    return re.sub(r"[’']s$", "", word.strip(".,;:")).lower()


def cap_names(gaz: Gazetteer, text: str, *, before_comma: bool = False) -> list[tuple[int, int]]:
    """Names found by capitalisation alone (no NER): runs of 2+ capitalised words once the
    titles, nationalities and offices in front are taken off (``before_comma``: only the runs
    a comma follows, where an apposition can give an office)."""
    out = []
    for m in _CAP_RUN.finditer(text):
        if before_comma and not text[m.end() :].lstrip().startswith(","):
            continue
        words = list(re.finditer(r"\S+", m.group(0)))
        k = 0
        # "High Commissioner for Human Rights Volker Türk": the portfolio before the name
        portfolio = _PORTFOLIO_OF.search(text[: m.start()]) is not None
        while k < len(words) and (
            words[k].group(0).lower().strip(".") in _TITLE_TOKENS
            or gaz.party_hits(words[k].group(0))
            or roles.ROLE_RE.fullmatch(words[k].group(0))
            or (portfolio and _bare_word(words[k].group(0)) in _PORTFOLIO_WORDS)
        ):
            k += 1
        if len(words) - k >= 2:
            out.append((m.start() + words[k].start(), m.end()))
    return out


# a name that names a plan, not a person acting: "le plan Grossi", "the Grossi plan"
# or a political party: "député du parti Holos", "the Holos party"
_EPONYM_BEFORE = re.compile(
    r"\b(?:plan|formule|doctrine|méthode|format|parti|party)\s+$", re.IGNORECASE
)
_EPONYM_AFTER = re.compile(r"\s+(?:plan|formula|doctrine|format|party)\b")


_CAPITALISED_AFTER = re.compile(r"(?:\s+[A-Z][a-z]+)*\s+([A-Z][a-z]+)\b")
_OFFICE_WORD_END = re.compile(
    r"(?<![\w\-])(?:spokesperson|spokesman|spokeswoman|porte-parole|envoy|envoyée?|minister|"
    r"ministre|ambassador|ambassadeur|ambassadrice|secretary|secrétaire|adviser|advisor|"
    r"conseillère?|negotiator|négociatrice|négociateur)\s+$"
)
_CLOCK = re.compile(r"\d{1,2}[:.h]\d{2}\s*(?:[AaPp]\.?\s?[Mm]\.?)")
_EDITORIAL_TAG = re.compile(r"\s*\[[^\]\n]{1,40}\]\s*")


def people_in(
    gaz: Gazetteer, text: str, ner: list[tuple[int, int]], use_caps: bool = False
) -> list[PersonHit]:
    """Person mentions of a sentence: gazetteer names, model names, "M. X", capitalised pairs."""
    if _EDITORIAL_TAG.fullmatch(text):
        return []  # "[EXTRAIT VIDÉO]", "[APPLAUSE]": the paper's or transcriber's note
    hits = list(gaz.person_hits(text))
    extra: list[tuple[int, int]] = _joined(text, ner)
    extra += [(m.start("n"), m.end("n")) for m in _HONORIFIC_NAME.finditer(text)]
    if use_caps:
        extra += cap_names(gaz, text)
    else:  # a name the model missed beside one it found, with its office after it
        extra += [
            (cs, ce) for cs, ce in cap_names(gaz, text, before_comma=True) if role_after(text, ce)
        ]
        # "Foreign Ministry spokesperson Hua Chenyu": the run of capitals right after an office
        extra += [(cs, ce) for cs, ce in cap_names(gaz, text) if _OFFICE_WORD_END.search(text[:cs])]
    extra += [m.span() for m in _PARTICLE_NAME.finditer(text)]  # "Majed al-Ansari"
    party_spans = [(h.start, h.end) for h in gaz.party_hits(text)]
    for s, e in extra:
        raw = text[s:e]
        stripped = _HONORIFIC.sub("", raw)
        s += len(raw) - len(stripped)
        words = stripped.split()
        if len(words) >= 3 and words[0].rstrip(",.!") in _GREETINGS:
            # "Bonjour Ingrid Solberg.": a host's greeting before the guest's name
            cut = stripped.index(words[1], len(words[0]))
            s, stripped, words = s + cut, stripped[cut:], words[1:]
        if len(words) >= 3 and _ARTICLE_BEFORE.search(text[:s]):
            # "ministre de la Défense Ewa Lis": the first word ends the complement before
            cut = stripped.index(words[1], len(words[0]))
            s, stripped, words = s + cut, stripped[cut:], words[1:]
        if (
            not words
            or words[0].rstrip(".!") in _STOP_CAPS
            or not all(_name_word(w) for w in words)
            or any(re.fullmatch(r"I(?:['’](?:ve|ll|m|d))?", w) for w in words)
        ):
            continue
        if _POINTED.search(text[:s]):
            continue  # "ce Bergenois discret": someone named before, pointed at
        if _CLOCK.search(f"{text[:s]} {stripped}"):
            continue  # "1:17 P.M. EDT": a time and its zone
        offices = list(roles.ROLE_RE.finditer(stripped))
        if offices:
            # "Novarsk Oblast Governor Ivan Petrenko": the name after the title
            rest = stripped[offices[-1].end() :]
            if len(rest.split()) < 2:
                continue
            s, stripped = s + len(stripped) - len(rest.lstrip()), rest.strip()
            words = stripped.split()
        # "The United Kingdom's …", "the United States' support"
        owner = e - 2 if stripped.endswith(("'s", "’s")) else e
        owner = owner - 1 if stripped.endswith(("s'", "s’")) else owner
        if any(ps <= s and owner <= pe for ps, pe in party_spans):
            continue
        if any(ps == s for ps, _ in party_spans) and _REGION.search(stripped):
            continue  # "<place> Oblast", "<place> Region": a region, not a person
        if any(h.start < e and s < h.end for h in hits):
            continue
        known = gaz.known_person(stripped)
        if known is None and stripped.isupper():
            known = gaz.known_person(stripped.title())  # a transcript's "ALEXANDER STUBB:"
        if known is None and words[-1] in MASTHEAD_WORDS:
            continue  # "Financial Times", "Kyiv Independent": a newspaper
        if known is None and words[-1].title() in GEOGRAPHY_WORDS:
            continue  # "Black Sea", "BLACK SEA": a place
        after = _CAPITALISED_AFTER.match(text, e)
        if known is None and after and after.group(1) in GEOGRAPHY_WORDS:
            continue  # "James S. Brady Press Briefing Room": a building named after someone
        hits.append(PersonHit(s, e, stripped, known))
    hits = [h for h in hits if not _EPONYM_BEFORE.search(text, 0, h.start)]
    hits = [h for h in hits if not _EPONYM_AFTER.match(text, h.end)]
    hits.sort(key=lambda h: h.start)
    return hits


def _joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Model names one space apart are one name: the model may cut "Oleksandr Prokudin" in two
    after a title."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and text[out[-1][1] : s] == " ":
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


_PARTICLES = ("al-", "el-", "abou-", "abu-")
_REGION = re.compile(r"\b(?:Oblast|Region|Province|Krai|Raion|District)\b")
_PARTICLE_NAME = re.compile(
    r"(?<![\w\-])[A-ZÀ-Ý][\w’']+\s+(?:(?:ben|bin|ibn)\s+)?(?:al|el|abou|abu)-[A-ZÀ-Ý][\w\-’']+"
    r"|(?<![\w\-])[A-ZÀ-Ý][\w’']+\s+(?:ben|bin|ibn)\s+[A-ZÀ-Ý][\w\-’']+"
)


def _name_word(word: str) -> bool:
    if re.match(r"[LD]['’][a-zà-ÿ]", word):
        return False  # "L'administration Trump": an elided article and a noun, not a name
    return word[:1].isupper() or word in ("ben", "bin", "ibn") or word.startswith(_PARTICLES)


_PREDICATE = re.compile(
    r"(?:\s*,[^,;:«»]{0,30},)?\s+(?:est|était|reste|demeure|is|was|has\s+been|a\s+été)\s+(?:devenue?\s+|aussi\s+)?"
    r"(?P<role>[^,.;:«»\"“”()]{3,90})"
)


def role_predicate(text: str, end: int) -> str:
    """ "X, 47 ans, est vice-ministre de la Défense de Pologne depuis 2024": the office said of
    the person in the sentence naming them."""
    m = _PREDICATE.match(text, end)
    if not m:
        return ""
    role = re.split(
        r"\s(?:depuis|since|jusqu|until|et\s+(?:a|est)|and\s+(?:has|is))\b", m.group("role")
    )[0]
    role = roles.strip_determiner(role)
    # "Marta L. is the European Commissioner for …": an office after a side's adjective too
    sided = roles.has_office(role) and len(role.split()) <= 10 and role[:1].isupper()
    return role if roles.ROLE_RE.match(role) or sided else ""


def display_name(written: str, person: Person | None) -> str:
    """The name to show: as written in the article, completed with the gazetteer's first names."""
    written = re.sub(r"\s+", " ", _HONORIFIC.sub("", written)).strip()
    if written.isupper() and len(written) > 3:
        written = written.title()  # "KRISTINA HALVORSEN, Personal Envoy …": UN press style
    if person is None:
        return written
    if fold(person.name).endswith(fold(written)) or " " in written:
        return person.name if fold(person.name).endswith(fold(written)) else written
    return " ".join([*person.name.split()[:-1], written])


# "le Belge X", "la Norvégienne Y": a nationality noun written right before a name
NATIONAL_NOUN = re.compile(r"(?<![\w\-])(?:le|la|l['’])\s*[A-ZÀ-Ý][a-zà-ÿ\-]+$")
# ", mais la porte-parole, X": a conjunction opening the apposition is not part of the role
_LEAD_CONJUNCTION = re.compile(r"^\s*(?:mais|et|puis|or|and|but)\s+", re.IGNORECASE)


PLACE_OR_TIME = re.compile(
    r"(?:^|\n)\s*(?:at|in|on|during|after|before|lors|pendant|après|avant)\s", re.I
)


_AUXILIARY = re.compile(r"(?<![\w'’\-])(?:a|avait|est|était|has|had|is|was)\s+\w+")


_TIME_WORD = re.compile(
    r"\b(?:semaines?|mois|années?|ans|jours?|veille|lendemain|matin|soir|nuit|hier|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|weeks?|months?|years?|days?|"
    r"yesterday|morning|evening|night)\b",
    re.IGNORECASE,
)


_HONORIFIC_END = re.compile(r"(?<=,)\s*(?:M\.|MM\.|Mme|Mmes|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)$")


def role_before(text: str, start: int) -> str:
    """The role written right before a name: "le ministre turc X" or "le porte-parole, X"."""
    head = _HONORIFIC_END.sub("", text[:start].rstrip())  # "La ministre, Mme X": the office
    if re.search(r"(?<![\w\-’'])(?:de|du|des|que|qu['’]|that)$", head):
        return ""  # "les propos de X", "rappelle que X": no office of X's before the name
    nat = NATIONAL_NOUN.search(head)
    if nat and head[: nat.start()].rstrip().endswith(","):
        # "le secrétaire général adjoint, le Norvégien X": the office is the apposition before
        before = role_before(text, len(head[: nat.start()].rstrip()))
        return f"{before}, {nat.group(0).strip()}" if before else ""
    if head.endswith(","):
        head = head[:-1]
        seg = _LEAD_CONJUNCTION.sub("", head[head.rfind(",") + 1 :])
        m = roles.ROLE_RE.search(seg)
        if not m:
            # "le numéro deux de la diplomatie russe, X": no office word, but a described role
            short = len(seg.split()) <= 8 and re.match(rf"^\s*{roles.DETERMINER}\s", seg, re.I)
            described = re.search(r"(?<![\w\-])[a-zà-ÿ]{3,}", roles.strip_determiner(seg))
            if _TIME_WORD.search(seg) or _AUTHOR.fullmatch(seg.strip()):
                return ""  # "la semaine dernière encore, X": when, not who; "Son auteur, X"
            return roles.strip_determiner(seg) if short and described else ""  # not "A Moscou"
        det = list(
            re.finditer(
                rf"(?<![\w\-]){roles.DETERMINER}(?![\w\-])", seg[: m.start()], re.IGNORECASE
            )
        )
        role = seg[det[-1].start() if det else 0 :]
        # "Dans la tribune avait pris place l'ambassadeur d'Ukraine, X": the leading phrase
        # belongs to a verb before the role, whose subject the role is
        inverted = bool(det) and bool(_AUXILIARY.search(seg[: det[-1].start()]))
        # "signé par la ministre canadienne …, X": the office is the agent's, X its apposition
        agent = (
            bool(det)
            and bool(_AGENT_END.search(seg[: det[-1].start()]))
            and bool(head[: head.rfind(",") + 1].strip())  # not "Interrogé par …, X" opening
            and not media_office(role)
        )
        inverted = inverted or (agent and roles.is_title(role))
        if PLACE_OR_TIME.search(seg) or (
            not roles.is_title(seg)
            and ((NOT_SUBJECT_SEGMENT.match(seg) and not inverted) or not roles.is_title(role))
        ):
            # "Interrogé par la chaîne X, Name", "At prime minister's questions, Name": not
            # an apposition
            return ""
        return roles.strip_determiner(role).strip()  # "Même ton chez le porte-parole, Name"
    seg = head[head.rfind(",") + 1 :]
    last = seg.split()[-1] if seg.split() else ""
    matches = list(roles.ROLE_RE.finditer(seg))
    if not matches or len(seg[matches[-1].start() :].split()) > 8:
        return ""
    if media_office(seg):
        return ""  # "Le journal cite X": a paper is no one's office
    if _MEETS.search(seg[matches[-1].end() :] + " "):
        return ""  # "Foreign Minister X talks with NPR's Y": the office is X's, not Y's
    if SUBJECT_CLAUSE_START.search(seg[matches[-1].end() :].rstrip() + " "):
        return ""  # "Ministers meet in Bergen as X says": another clause's subject
    if re.search(r"\s(?:et|and)(?:\s|$)", seg[matches[-1].end() :]):
        # "les négociateurs russe X et ukrainien Y": the office, with the adjective next to Y
        return f"{matches[-1].group(0)} {last}" if roles.NATIONALITY_HINT.fullmatch(last) else ""
    start = _with_modifiers(seg, matches[-1].start())
    former = FORMER_BEFORE.search(seg[:start])  # "l'ancien secrétaire général": held before
    return seg[former.start() if former else start :].strip()


_AUTHOR = re.compile(r"(?:son|leur|its|their)\s+(?:auteure?|author)", re.IGNORECASE)
_AGENT_END = re.compile(r"(?:^|\s)(?:par|by)\s*$")
# "X, et son homologue ukrainien, Y": a second person coordinated, not X's office
_COORDINATED = re.compile(r"(?:et|and|ou|or)\s", re.IGNORECASE)
# a verb of meeting between an office and the next name
_MEETS = re.compile(
    r"\s(?:talks|talked|speaks|spoke|sat\s+down|sits\s+down|met|meets|joins|joined|tells|told|"
    r"s['’]entretient|s['’]est\s+entretenue?|rencontre|a\s+rencontré|répond|a\s+répondu)"
    r"(?:\s+(?:with|to|avec|à|au|aux))?\s"
)
_MEDIA = re.compile(
    r"journal|quotidien|hebdomadaire|chaîne|télévision|médias?|newspaper|media|agences?",
    re.IGNORECASE,
)


def media_office(text: str) -> bool:
    """Whether the last office word of ``text`` names a paper or a channel ("Le journal cite"),
    which is no person's office."""
    found = list(roles.ROLE_RE.finditer(text))
    return bool(found) and bool(_MEDIA.fullmatch(found[-1].group(0)))


# English puts nationality before the office: "(The) Ukrainian defence minister", "Turkey's
# foreign minister", "US envoy"; up to two such words are part of the role.
_MODIFIER = re.compile(r"[A-Z][a-z]+(?:ian|an|ese|ish|i|ch|ic)|\S+['’]s|[A-Z]{2,5}")


def _with_modifiers(seg: str, start: int) -> int:
    words = list(re.finditer(r"\S+", seg[:start]))[-2:]
    if (
        len(words) == 2
        and _MODIFIER.fullmatch(words[0].group(0))
        and re.fullmatch(r"[a-z]{4,}", words[1].group(0))
    ):
        return words[0].start()  # "Danish fisheries minister": a portfolio after the side
    for word in reversed(words):
        if not _MODIFIER.fullmatch(word.group(0)):
            break
        start = word.start()
    return start


_AFTER_APPOSITION = re.compile(
    r"^\s*,\s*(?P<app>[^,;:!?«»\"“”()]{3,90}?)\s*(?=[,;:!?]|\.(?:\s|$)|$)"
)
_OF_BODY = re.compile(r"^(?:de\s+la|de\s+l['’]|du|des|de|of\s+the|of)\s", re.IGNORECASE)


_CIRCUMSTANCE = re.compile(
    r"^(?:au\s+micro|à\s+l['’]antenne|sur\s+(?:le\s+plateau|l['’]antenne|les\s+ondes)|"
    r"cité|citée|cités|interrogée?s?|interviewée?s?|jointe?s?\s+par|s['’]exprimant|"
    r"dans\s+(?:un|une|son|sa)\s+(?:entretien|message|communiqué|interview|tribune)|lors\s|"
    r"speaking|quoted|asked|interviewed|writing|in\s+an?\s+(?:interview|statement|post)|"
    r"on\s+(?:air|radio|television|X)\b)",
    re.IGNORECASE,
)


_SINCE_YEAR = re.compile(r"\s+(?:in|en|since|depuis)\s+\d{4}$")
# "the Swedish physicist who became IAEA director general in 2028": the office now held
_BECAME = re.compile(
    r"\b(?:who|qui)\s+(?:became|is\s+now|est\s+devenue?|a\s+été\s+nommée?)\s+(?P<office>.+)$"
)
_VERB_FIRST = re.compile(
    r"(?:s['’]|se\s|ont\s|avait\s|est\s|sont\s|has\s|had\s|was\s|is\s|were\s|will\s|would\s)"
)


def role_after(text: str, end: int) -> str:
    """The role written right after a name: "X, porte-parole de la diplomatie russe," or
    "X, de l'état-major de la marine russe" (the body the person speaks for)."""
    m = _AFTER_APPOSITION.match(text[end:])
    if not m:
        return ""
    became = _BECAME.search(m.group("app"))
    if became and roles.has_office(became.group("office")) and not roles.is_former(m.group("app")):
        office = _SINCE_YEAR.sub("", became.group("office"))
        return roles.strip_determiner(office)  # "…, who became IAEA chief"
    app = re.split(r"\s(?:qui|que|qu['’]|dont|où)\s", m.group("app"))[0].strip()  # no relative
    if _COORDINATED.match(app):
        return ""
    if _CIRCUMSTANCE.match(app):
        return ""  # "X, au micro de notre envoyé spécial": where X spoke, not X's office
    if _VERB_FIRST.match(app):
        return ""  # "X, s'est entretenue avec son homologue polonais": the verb, no office
    lower_role = app[:1].islower() and roles.has_office(app) and len(app.split()) <= 8
    # "Ryan Dalton, Deputy Department Spokesperson": an office in title case, a header's
    # "NATO Deputy Secretary General", not a header's "NATO SECRETARY GENERAL"
    capitals = all(w[:1].isupper() for w in app.split()) and not app.isupper()
    title_role = roles.has_office(app) and len(app.split()) <= 6 and capitals
    # "X, installé par Moscou à la tête de la région": who put X in office
    installed = re.match(r"(?:installée?|nommée?|placée?)s?\s+par\s", app) is not None
    if (
        installed
        or roles.is_title(app)
        or roles.ROLE_RE.match(app)
        or _OF_BODY.match(app)
        or lower_role
        or title_role
    ):
        return roles.strip_determiner(app)
    return ""
