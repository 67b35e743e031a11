"""Finds attribution cues in a sentence: direct quotes and reported speech, French and English.

A cue is a verb of saying with its subject before it ("Kiev réclame…", "X said"), after it in an
incise (", a déclaré le ministre", ', said X'), as an inverted pronoun (", a-t-il toutefois
estimé"), or a source phrase ("selon X", "d'après X", "according to X", "Pour X, …").
Who the subject is gets decided in speakers.py, where the quotes are in quote_marks.py; this
module only reads verbs and the punctuation around them.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from bot.extract.rules import roles
from bot.extract.rules.cue_patterns import (
    CIRCUMSTANCES_THAT,
    CONTRAST,
    EN_ZERO_THAT,
    INSERTED_ADVERBIAL,
    LEAD_ADV,
    LEAD_PP,
    NOT_SUBJECT_SEGMENT,
    NP_START,
    OWN_SUBJECT,
    PERFECT_CUE,
    SAYS_AFTER,
    Cue,
    tidy,
)
from bot.extract.rules.lexicon import (
    AMBIGUOUS,
    EN_INVERTED,
    EN_PLURAL_PRESENT,
    EN_PRESENT,
    EN_VERB,
    EN_VERDICT,
    FR_INVERTED,
    FR_VERB,
    FR_VERDICT,
)
from bot.extract.rules.quote_marks import inside as _inside
from bot.extract.rules.quote_marks import outside_quotes, quote_spans, quote_text
from bot.extract.rules.stance_cues import french_extra_cues
from bot.extract.rules.subject_patterns import (
    GOES_ON_TO,
    NAME_WORD,
    SUBJECT_CLAUSE_START,
    opening_name_end,
)

_SOURCE = re.compile(
    r"(?<![\w\-])(?:[Ss]elon|[Dd]['’]après|[Aa]ccording\s+to|[Dd]ixit|in\s+the\s+words\s+of"
    r"|[Aa]ux\s+yeux\s+(?:de|d['’]|(?=du\s|des\s))|(?<=,)\s*pour\s+(?=qui\b)"
    r"|(?<=[,:]\s)pour\s+(?=(?:lui|elle|eux|elles)\s*,)"
    r"|[ÀàAa]\s+en\s+croire|[Aa]ux\s+dires\s+(?:de|d['’]|(?=du\s|des\s))"
    # "pour reprendre les mots de la ministre", "pour citer X": the words are X's
    r"|[Pp]our\s+(?:reprendre\s+les\s+(?:mots|termes|propos)\s+(?:de|d['’]|(?=du\s))|citer))"
    r"\s*(?P<np>(?<=\s|['’])[^,;:.!?«»\"“”()]+)"
)
# "the Secretary's view is that …", "la position du Kremlin est que …": the owner's words
_VIEW_IS = re.compile(
    r"(?P<np>(?:\b[Tt]he\s+)?(?:[A-Z][\w.\-’']*\s+){0,3}[A-Z][\w.\-]*)['’]s?\s+"
    r"(?:view|position|belief|assessment|stance)\s+(?:is|remains)\s+that\s+"
    r"|\b(?:[Ll]a\s+position|[Ll]['’]avis|[Ll]e\s+point\s+de\s+vue|[Ll]a\s+conviction)\s+"
    r"(?:de\s+l['’]|de\s+la\s+|du\s+|de\s+|d['’])(?P<np2>[^,;:.!?«»\"“”()]{2,50}?)\s+"
    r"(?:est|reste|demeure)\s+(?:que\s+|qu['’])"
)
_POUR = re.compile(r"^\s*(?:Pour|For)\s+(?!reprendre\s|citer\s)(?P<np>[^,;:.!?«»\"“”]{2,60}),")
# ", Name," or ", the title," right after a source phrase: the apposition that completes it
_APPOSITION = re.compile(r",\s*(?P<app>[^,;:!?«»\"“”()]{2,80}?)\s*(?=,|[.;!?]?\s*$)")
_NAME_LIKE = re.compile(rf"(?:(?:M\.|Mme|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+)?(?:{NAME_WORD}\s*){{1,5}}")
_NOT_SOURCE = re.compile(
    r"^(?:laquelle|lequel|lesquelles|lesquels|qui|que|nos|notre|mes|moi|toute|tous|les\s+cas|"
    r"les\s+termes\s+de\s+l['’]accord|le\s+plan|the\s+plan|which|whom)\b",
    re.IGNORECASE,
)
_NOT_SUBJECT_BEFORE = re.compile(
    r"(?:\b(?:la|le|les|une|un|sa|son|ses|leur|leurs|cette|ce|des|du|de|d['’]|en|à|au|aux|l['’]|"
    r"the|a|an|his|her|its|their|this|that|of|to|as)\s*)$",
    re.IGNORECASE,
)
_CONDITION = re.compile(r"(?:^|[\s,])(?:si|if|unless)\s+[^,;:«»\"“”]{0,80}$", re.IGNORECASE)
# finite forms that are also past participles, and what shows them as participles
_PARTICIPLE_TOO = {"dit", "écrit", "décrit"}
_ADJECTIVAL = re.compile(
    r"^\s+(?:(?:et|ou)\s+[\w\-]+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues)\b|par\s+(?!ailleurs))",
    re.IGNORECASE,
)
_PREP_NOUN = re.compile(
    r"\b(?:sans|avec|pour|par|dans|sur|contre|de|d['’]|du|des|à|au|aux)\s+"
    r"(?:(?:un|une|le|la|les|l['’]|son|sa|ses|leur|leurs)\s*)?[a-zà-ÿ\-]+\s+$",
    re.IGNORECASE,
)
# "les Européens le jugeaient": an object pronoun, not a determiner, before a form no noun has
_CLITIC = re.compile(r"\b(?:le|la|les|l['’])\s*$", re.IGNORECASE)
# "X l'a rappelé hier soir à ses interlocuteurs, les pays riverains peuvent …": what "l'"
# stands for comes after a few words and a comma, a clause of its own
_CLITIC_THEN_CLAUSE = re.compile(
    r"^(?:\s*[^\s,;:«»\"“”.]+){0,8}?\s*,\s*"
    r"(?!(?:où|qui|que|qu['’]|dont|lequel|laquelle|pour|après|avant|avec|sans|puis|et|mais|"
    r"a-t-(?:il|elle)|ajoute|a\s+ajouté|précise|a\s+précisé|en\s+\w+ant)\b)(?=[\w«“\"])",
    re.IGNORECASE,
)
_CIRCUMSTANCES_COLON = re.compile(r"^[^:;«»“”\"]{1,120}?\s:\s*")
_CLAUSE_WORDS = 5  # a clause, not "la semaine dernière, à bord de …"


def _resumed_clause(after: str) -> re.Match[str] | None:
    """After "l'a dit", "l'a rappelé": a few words, a comma, then the clause "l'" stands for
    ("…, les pays riverains peuvent …"); None when a colon opens the words further on."""
    m = _CLITIC_THEN_CLAUSE.match(after)
    if m is None or ":" in after:
        return None
    rest = re.split(r"[,;:«»“”\"]", after[m.end() :], maxsplit=1)[0]
    return m if len(rest.split()) >= _CLAUSE_WORDS else None


_CIRCUMSTANCES_THAT = re.compile(CIRCUMSTANCES_THAT, re.IGNORECASE)
_VERB_ONLY = re.compile(r"(?:ait|aient|ent)$")
_COMPLEMENTISER = re.compile(
    r"^\s*(?:que\b|qu['’]|that\b|à\s|:|«|\"|“|to\s|on\s|for\s)", re.IGNORECASE
)
_INVERTING = re.compile(
    r"(?:\bce\s+qu['’]|\bcomme\s+(?:l['’]|le\s+)?|\bainsi\s+que\s+l['’])$", re.IGNORECASE
)
# "que" of a conjunction ("tant que", "alors que", "so that") opens no reported clause
_CONJUNCTION_THAT = "".join(
    rf"(?<!\b{w}\s)"
    for w in (
        "tant", "alors", "bien", "parce", "avant", "dès", "sans", "après", "pendant", "depuis",
        "ainsi", "plutôt", "so", "now", "given", "except", "such",
    )
)  # fmt: skip
# "that" as a determiner ("keep it that way", "said on that call that …") opens no clause
_AFTER_PREPOSITION = "".join(
    rf"(?<!\b{w}\s)" for w in ("on", "in", "at", "during", "from", "with", "over", "by")
)
_THAT = re.compile(
    rf"{_CONJUNCTION_THAT}(?:\bque\b|\bqu['’]|{_AFTER_PREPOSITION}\bthat\b"
    r"(?!\s+(?:way|time|day|point|moment|kind|sort)\b)|:)\s*",
    re.IGNORECASE,
)


# "(told) reporters in Brussels there would be …": to whom and where, then a clause with no
# "that"
_AUDIENCE_THEN_CLAUSE = re.compile(
    r"\s*(?:reporters|journalists|lawmakers|(?:a|the)\s+(?:news|press)\s+(?:conference|briefing))"
    r"(?:\s+(?:in|at|on|after|during|before)\s+[^,;:«»\"“”]{1,40}?)?\s+"
    r"(?=(?:there|it|he|she|they|we)\s|(?:the|his|her|their|its)\s+(?:[\w\-’']+\s+){1,3}"
    r"(?:would|will|could|should|had|has|have|was|were|is|are|must|might|may|can|did)\s)"
)


_NOUN_THEN_COMMA = re.compile(
    r"\b(?:un|une|le|la|les|l['’]|des|du|son|sa|ses|leur|leurs|a|an|the)\b[^,]*,\s*$",
    re.IGNORECASE,
)
_EN_CLAUSE_AFTER = re.compile(
    r"^\s*(?:the\s+|a\s+|an\s+)?(?:[\w'’\-]+\s+){0,3}?"
    r"[\"“]?(?:\w+ed|will|would|are|is|was|were|has|have|must|should|can|could)\b(?!\s*,)"
)
# '"…," said a senior official involved in the talks': a participle after the speaker's noun
_EN_POSTMODIFIED = re.compile(
    r"^\s*(?:the|a|an|one)\s+(?:[\w'’\-]+\s+){1,4}?\w+ed\s+"
    r"(?:in|on|with|to|at|by|for|from|about|over|into)\b"
)
_EN_FINITE = re.compile(r"\b(?:\w+ed|is|are|was|were|has|have|had|will|would|can|could|must)\b")
# a comma segment that is an apposition or an adjective phrase, not the subject
_APPOSITION_SEGMENT = re.compile(
    r"^\s*(?!(?:le|la|les|un|une|des|son|sa|ses|leur|leurs|ce|cet|cette|ces|il|elle|ils|elles|"
    r"on|nous|the|a|an|he|she|they|we|it|mais|et|but|and|puis|then)\b|l['’])[a-zà-ÿ]"
    r"|^\s*[A-Z][a-z]+\s+(?:of|from)\s+[A-Z]",  # "…, Republican of South Carolina, said"
)
# verbs whose "que"/"that" clause is a wish or an order (French subjunctive, English "be"), or
# that deny it ("refusent que des navires entrent …"): the clause alone would say the opposite
_ASKING = re.compile(
    r"\b(?:demand|exig|souhait|réclam|insist|préconis|recommand|veu[tl]|voul|urg|request|ask|"
    r"refus|rejet|oppos|exclu|conteste|nie|nient|niait|démen|craign|crai[nt]|redout|"
    r"refuse|reject|deni|deny|oppose|rule[sd]?\s+out|fear)",
    re.IGNORECASE,
)
_OUTSIDE_QUOTES_SEMICOLON = re.compile(r"\s*;\s+(?=[^«»“”]*(?:«|“|$))")


_OPENS_SEGMENT = re.compile(
    r"\s*(?:un|une|qui|que|qu['’]|dont|où|mais|et|which|who|and|but|an?)\b", re.IGNORECASE
)
_NEGATION_BEFORE = re.compile(r"\b(?:ne\s+|n['’])$", re.IGNORECASE)


# a contrast opening another subject's clause ("…, tandis qu'Ankara souhaite …", "…, while
# Italy has pushed for …"), not "…, while stressing that …"
_OTHER_SUBJECT = re.compile(
    r",\s*(?:(?:tandis|alors)\s+qu(?:e\s|['’])|whereas\s|while\s+(?=[A-Z]|the\s))"
)
_CLAUSE_CONJUNCTION = re.compile(
    r"^\s*(?:(?:while|whereas|and|but|tandis\s+que|alors\s+que|et|mais)\s+|(?:tandis|alors)\s+qu['’])"
    r"(?=\S)",
    re.IGNORECASE,
)


def _reported(before: str, verb: str, after: str) -> str:
    """The claim of a verb whose subject comes first: the clause after "que"/"that", the quote
    before ('"…," he said'), or else subject + verb + object ("Kiev réclame un cessez-le-feu")."""
    after = _OUTSIDE_QUOTES_SEMICOLON.split(after, maxsplit=1)[0]  # "…; X a parlé de …": X's
    after = _OTHER_SUBJECT.split(after, maxsplit=1)[0]  # "…, tandis qu'Ankara …": Ankara's
    lead = _THAT.search(after[:60])
    if lead is None and _CLITIC.search(before):
        # "X l'a rappelé hier soir, les pays …", "X l'a dit autrement, devant …, mardi : …"
        lead = _resumed_clause(after) or _CIRCUMSTANCES_COLON.match(after)
    circumstances = _CIRCUMSTANCES_THAT.match(after)  # "…, dans un communiqué, que …"
    gap = after[: lead.start()] if lead else ""
    if lead and (gap.count("«") > gap.count("»") or gap.count('"') % 2 or "“" in gap):
        lead = None  # « à condition qu'il … »: a "que" inside a quotation opens nothing
    if (
        lead
        and (
            _NOUN_THEN_COMMA.search(after[: lead.start()])
            or re.search(r"\b(?:mais|et|but|and)\s", after[: lead.start()])
            # "said Warsaw opposed any deal that would …": the clause began before "that"
            or (
                lead.group(0).strip().lower() == "that" and _EN_FINITE.search(after[: lead.start()])
            )
        )
    ):
        # "favorables à un arrangement, qu'ils présentent …": a relative "que"; "soutiennent
        # l'initiative mais refusent que …": another verb's clause
        lead = None
    lead = circumstances or lead
    if lead is None and not _quoted_before_subject(before):
        lead = _AUDIENCE_THEN_CLAUSE.match(after)  # "told reporters in Brussels there would …"
    if lead and _ASKING.search(verb) and lead.group(0).strip() != ":":
        # "a demandé que toute décision soit « discutée »": the clause needs its verb to read,
        # and "n'a pas exclu que …" its negation
        negation = _NEGATION_BEFORE.search(before)
        no = re.sub(r"\s+$", " ", negation.group(0)) if negation else ""
        claim = tidy(f"{no}{verb}{after}")
    elif lead:
        claim = tidy(after[lead.end() :])
    else:
        clause = list(SUBJECT_CLAUSE_START.finditer(outside_quotes(before)))
        if clause:  # "Delegations gather …; X warns …": the subject's own clause
            before = before[clause[-1].end() :]
        segs = [
            seg
            for seg in re.split(r"[,:«»\"“”]", before)
            if seg.strip() and not NOT_SUBJECT_SEGMENT.match(seg)
        ]
        while len(segs) > 1 and _APPOSITION_SEGMENT.match(segs[-1]):
            segs.pop()  # "La Chine, premier acheteur de céréales, appelle": La Chine appelle
        subject = segs[-1].strip() if segs else ""
        opening = opening_name_end(before)
        if opening is not None and len(segs) > 1:
            subject = before[:opening].split(",")[-1].strip()  # "X, speaking …, Y, said": X
        last = re.split(r"[,:«»\"“”]", before)[-1]
        joined = _CLAUSE_CONJUNCTION.match(last)
        if joined:
            subject = last[joined.end() :].strip()  # "…, while Italy has pushed for": Italy
        if re.match(r"(?i:who|qui)\b", re.split(r"[,:«»\"“”]", before)[-1].strip()):
            subject = ""  # "Orban, who had urged the EU to …": the verb opens the claim
        gap = "" if subject.endswith(("'", "’")) else " "  # "X l'a dit", not "X l' a dit"
        claim = tidy(f"{subject}{gap}{verb}{after}" if len(subject.split()) <= 12 else after)
    own_clause = lead is not None and "," not in after[: lead.start()]  # not "…, adding that"
    if re.match(r"\s*,\s*[«“\"]", after) and _quoted_before_subject(before):
        claim = quote_text(before + after)  # '"…," she said, "…"': the quote, both halves
    elif len(tidy(after).split()) < 3:
        claim = quote_text(before) or claim
    elif not own_clause and (said := _quoted_before_subject(before)):
        claim = said  # '"…," the minister told reporters after the session': the quote
    return claim


def _quoted_before_subject(before: str) -> str:
    """The words before a subject that directly follows a closed quote and its comma
    ('"…," she', '« … », le ministre'), else ""."""
    spans = quote_spans(before)
    if not spans or before[spans[-1][1] - 1] not in '»”"':
        return ""
    end = spans[-1][1]
    head, tail = before[:end].rstrip(), before[end:]
    # the subject, maybe with an apposition: '"…," X, the minister, told …'; a longer one
    # only when it opens with the name and its apposition ('"…," X, Russia's foreign minister,
    # who had arrived … with Y, Z's envoy, told reporters')
    long_subject = opening_name_end(tail.lstrip(" ,"), possessive=True) is not None
    if not re.fullmatch(r"\s*,?[^;:«»\"“”]{1,300}", tail):
        return ""
    if not long_subject and (len(tail) > 121 or tail.count(",") > 3 or len(tail.split()) > 16):
        return ""
    if not (head[:-1].rstrip().endswith((",", "?", "!")) or tail.lstrip().startswith(",")):
        return ""
    return tidy(head)


# the bare verb forms among the English verbs of saying, and what makes them no finite verb
_EN_BARE = frozenset(EN_PLURAL_PRESENT)
_EN_NOT_FINITE = re.compile(
    r"\b(?:would|will|could|should|might|must|may|can|to|not|n['’]t|did|do|does)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


def declines(sentence: str, lang: str, at: int) -> bool:
    """Whether the word at ``at`` stands inside a phrase of declining to speak."""
    phrases = _NO_COMMENT["fr" if lang == "fr" else "en"]
    return any(m.start() <= at < m.end() for m in phrases.finditer(sentence))


# ", he told …" / ", Sybiha told …" closing a sentence: its subject after the last comma
# "…, X told a news conference following the meeting in Y.": to whom, not what, follows
_AUDIENCE = re.compile(
    r"\s*(?:a|the)\s+(?:news|press)\s+(?:conference|briefing)\b|\s*(?:reporters|journalists)\b",
    re.IGNORECASE,
)
_EN_TRAILING_SUBJECT = re.compile(
    r",\s*(?P<who>he|she|they|we|[A-Z][\w\-'’.]*(?:\s+[A-Z][\w\-'’.]*){0,5}"
    # ", Ukraine's air force said,", ", the ministry said", ", a Danish spokesman said"
    r"(?:['’]s(?:\s+[a-z][\w\-]*){1,3})?|the\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2}"
    r"|an?\s+(?:[\w\-]+\s+){0,3}[a-z][\w\-]*)\s*$"
)
# "the Russian demands", "its warnings": an English verb form used as a noun
_EN_NOUNS_TOO = {
    "demands",
    "demand",
    "claims",
    "claim",
    "calls",
    "call",
    "pledges",
    "pledge",
    "vows",
    "promises",
    "promise",
    "appeals",
    "appeal",
    "requests",
    "request",
    "offers",
    "offer",
    "comments",
    "comment",
    "remarks",
    "urges",
    "warnings",
}
_EN_NOUN_BEFORE = re.compile(
    r"\b(?:the|a|an|its|his|her|their|our|these|those|this|[A-Z][\w\-]*['’]s)\s+"
    r"(?:(?:[A-Z][\w\-]*|[a-z]+(?:an|ese|ish|ic|al|ian))\s+){0,2}$"
    # "told us that European demands …": an adjective of a side and the plural, no article
    r"|\bthat\s+[A-Z][a-z]+(?:ean|ian|ese|ish)\s+$"
)


def _subject_before(before: str, looks_like_subject: object) -> bool:
    """Whether the comma-segments before a verb hold its subject ("X, qui…, a dit que")."""
    if not callable(looks_like_subject):
        return False
    segs = [s for s in before.split(",") if s.strip()]
    if segs and looks_like_subject(segs[-1]):
        return True
    return (
        bool(segs)
        and looks_like_subject(segs[0])
        and all(
            NOT_SUBJECT_SEGMENT.match(s)
            or looks_like_subject(s)
            or (roles.ROLE_RE.match(s.strip()) and len(s.split()) <= 10)  # "X, vice-ministre …,"
            for s in segs[1:]
        )
    )


_NO_COMMENT = {
    lang: re.compile("|".join(f"(?:{p})" for p in table["phrases"]), re.IGNORECASE)
    for lang, table in tomllib.loads(
        (Path(__file__).parent / "data" / "no_comment.toml").read_text("utf-8")
    ).items()
}
# "L'ancien juge", "la nouvelle porte-parole": a noun after a determiner and an adjective
_DET_ADJECTIVE = re.compile(
    r"\b(?:le|la|les|l['’]|un|une|son|sa|ses|leur|ce|cette)\s*(?:ancien(?:ne)?s?|nouveaux?|"
    r"nouvelles?|futur(?:e)?s?|jeunes?|premi(?:er|ère)s?|seule?s?|vieux|vieilles?)\s+$",
    re.IGNORECASE,
)


# what follows a mid-sentence incise ("…, he told reporters on Wednesday, would be …"): the
# rest of the clause it cut, opening on the verb of the subject before it
_INCISE_REST = re.compile(
    r"^[^,;:.!?«»\"“”]{0,60},\s+(?P<rest>(?:would|will|was|were|is|are|has|have|had|could|"
    r"should|must|may|might|can|did|does|do|ne|n['’]|est|sont|serait|seraient|sera|seront|a|ont|"
    r"avait|avaient|doit|doivent|devra|devrait|pourrait|pourraient|reste|restera|demeure|va|vont|"
    # "Il n'est pas question, a-t-il insisté, d'accepter …": the complement the incise cut
    r"de|d['’]|que|qu['’]|to|that)"
    # "The latest draft, he wrote on X, “reads like …”": the quotation goes on with the clause
    r"\b.*|[«“\"].*)$",
    re.IGNORECASE,
)


def _with_rest(before: str, after: str) -> str:
    """The words before an incise, and the rest of their clause when the incise cut it."""
    rest = _INCISE_REST.match(after)
    if rest is None or quote_spans(before):
        return before
    return before.rstrip(" ,") + " " + rest.group("rest")


# English verbs that never come before their subject in an incise ("…, said X", never
# "…, rejected X")
_EN_NEVER_INVERTED = re.compile(
    r"(?i:rejected|rejects|denied|denies|demanded|demands|accused|accuses|welcomed|welcomes|"
    r"condemned|condemns|dismissed|dismisses|criticised|criticized|praised|hailed|pledged|"
    r"threatened|threatens|proposed|proposes|vowed|vows|promised|promises|ruled\s+out|"
    r"rules\s+out|pushed\s+for|pressed\s+for)\b"
)
# "RIA Novosti quoted Foreign Ministry spokeswoman X as saying (that) …"
_QUOTED_AS_SAYING = re.compile(
    r"\bquoted\s+(?P<np>[^,;:.\"“”]{3,120}?)\s+as\s+(?:saying|telling\s+[^,;:]{2,40}?)\b"
    r"(?:\s+that)?"
)
# "He has told European counterparts, according to two officials …, that …"
_ACCORDING_THEN_THAT = re.compile(r",\s+according\s+to\s+[^,]{3,80},\s+that\s+(?P<rest>.+)$")
_EN_PRONOUN_AFTER = re.compile(r"^\s+(?:he|she|they|we|it)\s+(?!said|says|told)[a-z]")
_EN_VERB_NEXT = re.compile(
    r"^\s+(?:would|will|was|were|is|are|had|has|have|could|should|must|might|may|did|does|"
    r"wanted|wants|planned|plans|hoped|hopes|believed|believes|expected|expects)\b"
)


# a subject of a few words, before the comma opening an aside after it ("Mr. Trump, writing")
_SUBJECT_THEN_ASIDE = re.compile(
    r"\s*(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}\s*"
)
# the subject of an incise in mid-sentence, then the rest of the words said: " Moscow, Ukraine
# gets …"
_INCISE_CLAUSE = re.compile(r"\s*[^,;:«»\"“”]{1,60},\s+((?:\S+\s+){2,}\S+)$")
# "parler d'une seule voix", "speak with one voice": how a side speaks, not what it says
_ONE_VOICE = re.compile(
    r"\s*(?:d['’]une\s+(?:seule|même)\s+voix|with\s+(?:one|a\s+single)\s+voice)\b",
    re.IGNORECASE,
)
# the rest of a sentence an incise cut, when it opens a clause of its own: "Ukraine gets"
# (a name and a verb), not "conseiller du Kremlin" or "Iouri Ouchakov, …" (an apposition)
_CLAUSE_OPENS = re.compile(r"[A-Z][\w'’\-]*\s+[a-z]")
# "Comme l'a rappelé X, « … »", "As X put it, "…"": nothing before the verb but "comme"
_AS_SAID_BY = re.compile(r"\s*(?:comme|ainsi\s+que)\s+l['’]?\s*", re.IGNORECASE)
_CALLED_BY = re.compile(r"\b(?:what\s+\w+|who|which|that)\s+(?:has\s+|had\s+|have\s+)?$", re.I)
# a paper citing or taking up someone's words, before "…, pour qui": the one cited is the source
_CITED = re.compile(
    r".*\b(?:cite|citent|citait|citant|reprend|reprennent|reprenait|relaie|relaient|rapporte|"
    r"rapportent|quotes|cites|quoting|partagée?s?\s+par|shared\s+by)\s+"
    r"(?:(?:les|des|ses)\s+(?:déclarations|propos|mots)\s+"
    r"(?:de\s+(?:la\s+|l['’])?|du\s+|des\s+|d['’]))?",
    re.IGNORECASE,
)
# "what X said": a free relative naming words said elsewhere, unless they follow ("…said:")
_WHAT_BEFORE = re.compile(r"\bwhat\s+(?:[\w.'’\-]+\s+){1,5}$", re.IGNORECASE)
_WORDS_FOLLOW = re.compile(r"^[^.:;\"“”]{0,40}(?::|\"|“|\bthat\b)")


_OF_AFTER = re.compile(r"\s+of\b")
# "…, il me l'a répété", "…, elle nous l'a dit": a pronoun, its object "l'" standing for the
# words before the comma
_RESUMED = re.compile(
    r",\s*(?P<pron>il|elle)\s+(?:me\s+|m['’]|nous\s+|lui\s+|leur\s+)?l['’]\s*$", re.IGNORECASE
)


def find_cues(sentence: str, lang: str, looks_like_subject: object = None) -> list[Cue]:
    """Attribution cues of one sentence, left to right, outside direct quotes.

    ``looks_like_subject(text) -> bool`` tells whether a comma-segment is a speaker noun phrase
    (so "X, a déclaré que…" is read as a subject before the verb, not an incise).
    """
    quotes = quote_spans(sentence)
    cues: list[Cue] = []
    fr = lang == "fr"
    inverted = FR_INVERTED if fr else EN_INVERTED
    for m in inverted.finditer(sentence):
        # French often leaves the incise inside the guillemets: « …, a-t-il dit. … »
        if _inside(m.start(), quotes) and not (fr and sentence[: m.start()].rstrip().endswith(",")):
            continue
        if not fr and not sentence[: m.start()].rstrip().endswith((",", '"', "”")):
            continue  # "said he was…" is not an incise
        if not fr and _EN_VERB_NEXT.match(sentence[m.end() :]):
            continue  # "X, Republican of Y, said he would bring …": "he" opens the clause
        pron = re.search(r"(il|elle|ils|elles|he|she|they)\b", m.group(0))
        claim = _with_rest(sentence[: m.start()], sentence[m.end() :])
        cues.append(
            Cue(m.start(), m.end(), "pron", pron.group(1) if pron else "", tidy(claim), m.start())
        )
    declined = [n.span() for n in _NO_COMMENT["fr" if fr else "en"].finditer(sentence)]
    for m in (FR_VERB if fr else EN_VERB).finditer(sentence):
        if _inside(m.start(), quotes) or any(c.start <= m.start() < c.end for c in cues):
            continue
        if any(s <= m.start() < e for s, e in declined):
            continue  # "n'a pas souhaité réagir", "declined to comment": nothing said
        before, after = sentence[: m.start()], sentence[m.end() :]
        if fr and _DET_ADJECTIVE.search(before):
            continue  # "L'ancien juge ne commente pas": a noun
        if (
            not fr
            and m.group(0).lower() in _EN_BARE
            and _EN_NOT_FINITE.search(before)
            and not GOES_ON_TO.search(before)
        ):
            continue  # "Ukraine would insist", "refused to say": no statement of the subject's
        if (
            fr
            and m.group("fin") in _PARTICIPLE_TOO
            and (_ADJECTIVAL.match(after) or _PREP_NOUN.search(before))
        ):
            continue  # "un engagement écrit et ratifié", "sans un engagement écrit": a participle
        if (
            not fr
            and (m.group("fin") or "").lower() in _EN_NOUNS_TOO
            and _EN_NOUN_BEFORE.search(before)
        ):
            continue  # "called the Russian demands …": a noun
        if not fr and m.group(0).lower() in ("accused", "charged") and _OF_AFTER.match(after):
            continue  # "entities accused of helping Moscow": a participle, no one accusing
        if _ONE_VOICE.match(after):
            continue  # "que l'Europe parle d'une seule voix": a manner, nothing said
        if not fr and (m.group("fin") or "").lower() == "called" and _CALLED_BY.search(before):
            continue  # "for what he called its …", "X, who has called …": no statement of theirs
        if not fr and _WHAT_BEFORE.search(before) and not _WORDS_FOLLOW.match(after):
            continue  # "Let's listen to what President X said Friday": nothing said here
        if m.group("fin") and _CONDITION.search(before):
            continue  # "… si Moscou et Kiev le demandaient": a condition, not a statement
        if (
            m.group("fin")
            and _NOT_SUBJECT_BEFORE.search(before)
            and not (fr and _CLITIC.search(before) and _VERB_ONLY.search(m.group("fin")))
            and not (not fr and GOES_ON_TO.search(before))  # "Russia continues to insist"
        ):
            continue
        resumed = _RESUMED.search(before) if fr else None
        if resumed is not None and before[: resumed.start()].strip():
            # "Les quotas ne sont pas à vendre, il me l'a répété": the words before, by "il"
            claim = tidy(before[: resumed.start()])
            cues.append(Cue(m.start(), m.end(), "pron", resumed.group("pron"), claim, m.start()))
            continue
        incise = before.rstrip().endswith((",", "»", "”", '"', "—", "–")) or not before.strip()
        if not fr and incise and opening_name_end(before, possessive=True) is not None:
            incise = False  # "X, a retired admiral, said Ankara's …": X and an apposition
        after_adv = LEAD_ADV.sub("", INSERTED_ADVERBIAL.sub("", after, count=1), count=1)
        after_pp = LEAD_PP.sub("", after_adv, count=1)
        # subject after the verb: "comme l'a déclaré le ministre", "c'est ce qu'a affirmé X",
        # or an incise after a quote or with no subject before it ("…», a déclaré X")
        verb_first = bool(fr and _INVERTING.search(before) and NP_START.match(after_pp))
        after_quote = before.rstrip().rstrip(",").rstrip().endswith(("”", '"'))
        if not fr and (
            (_EN_CLAUSE_AFTER.match(after) and not (after_quote and _EN_POSTMODIFIED.match(after)))
            or _EN_PRONOUN_AFTER.match(after)
            or m.group(0).lower().startswith(("told", "tells"))  # "…, told the Kyiv Post that"
        ):
            # "The statement, released today, says the two leaders agreed …"; "X, Republican
            # of Y, said he would …" (English puts no pronoun after an incise's verb)
            incise = False
        if not fr and _EN_NEVER_INVERTED.match(m.group(0)):
            incise = False  # "X's delegation, headed by Y, rejected the demand": no "…, rejected Y"
        if verb_first or (
            incise
            and not _COMPLEMENTISER.match(after_pp)
            and NP_START.match(after_pp)
            and (
                before.rstrip().rstrip(",").rstrip().endswith(("»", "”", '"'))
                or not _subject_before(before, looks_like_subject)
            )
        ):
            claim = tidy(before)
            rest = _INCISE_CLAUSE.match(after_adv)
            if rest and not quote_spans(before) and _CLAUSE_OPENS.match(rest.group(1)):
                # "Without that, says Moscow, Ukraine gets …": the words on both sides
                claim = tidy(f"{before.rstrip(' ,')}, {rest.group(1)}")
            if _AS_SAID_BY.fullmatch(claim) and quote_text(after):
                claim = quote_text(after)  # "Comme l'a rappelé X, « … »": the quotation
            cue = Cue(m.start(), m.end(), "post", after_adv, claim, len(sentence) - len(after_adv))
            cues.append(cue)
            continue
        tail = None if fr else _EN_TRAILING_SUBJECT.search(before)
        if tail is not None and len(after.split(",")[0].split()) > 6 and not _AUDIENCE.match(after):
            tail = None  # "Arriving at X, NATO's Y Z said the alliance …": a clause follows
        if tail is not None and NOT_SUBJECT_SEGMENT.match(before[: tail.start()]):
            tail = None  # "Speaking at a meeting on Monday, Vladimir Putin said …": an adjunct
        if tail is not None and not SAYS_AFTER.match(after):
            # "Kyiv wants …, he told a news conference.": the words before are the statement
            who = tail.group("who")
            mode = "pron" if who.lower() in ("he", "she", "they", "we") else "post"
            claim = _with_rest(before[: tail.start()], after)
            cues.append(Cue(m.start(), m.end(), mode, who, tidy(claim), tail.start("who")))
            continue
        verb = (m.group("part") or m.group("inf") if fr else None) or m.group("fin") or ""
        zero_that = not fr and EN_ZERO_THAT.match(after)  # "confirmed the US would not …"
        said_after = fr and _CLITIC.search(before) and _resumed_clause(after)
        if (
            AMBIGUOUS.search(verb)
            and not SAYS_AFTER.match(LEAD_ADV.sub("", after, count=1))
            and not zero_that
            and not said_after
        ):
            continue  # "a lancé une offensive", "a rappelé son ambassadeur": not speech
        cues.append(Cue(m.start(), m.end(), "pre", before, _reported(before, m.group(0), after)))
    for m in (FR_VERDICT if fr else EN_VERDICT).finditer(sentence):
        # "X a été catégorique : « … »": the quote after the colon is the subject's position
        before = sentence[: m.start()]
        if _inside(m.start(), quotes) or any(c.start <= m.start() < c.end for c in cues):
            continue
        if not before.strip() or before.rstrip(" ,").endswith(("»", "”", '"', ":", ";")):
            continue
        claim = quote_text(sentence[m.end() :]) or tidy(sentence[m.end() :])
        cues.append(Cue(m.start(), m.end(), "pre", before, claim))
    if fr:
        cues.extend(french_extra_cues(sentence, quotes, cues))
    else:
        for m in EN_PRESENT.finditer(sentence):
            if _SUBJECT_THEN_ASIDE.fullmatch(sentence[: m.start()]) and "," in sentence[m.end() :]:
                continue  # "Mr. X, writing on Y, called …": an aside between subject and verb
            if not _inside(m.start(), quotes):
                cues.append(Cue(m.start(), m.end(), "part", "", tidy(sentence[m.end() :]), 0))
    for m in _SOURCE.finditer(sentence):
        np = m.group("np").strip()
        if re.match(r"qui\b", np) and not _inside(m.start(), quotes):
            # "X, pour qui « … »": the source is the noun phrase before the comma
            comma = sentence.rfind(",", 0, m.start() + 1)
            ante = sentence.rfind(",", 0, comma) + 1
            cited = _CITED.match(sentence, ante, comma)
            if cited is not None:
                ante = cited.end()  # "… cite le ministère hongrois, pour qui …": the ministry
            body = m.start("np") + 3
            cues.append(
                Cue(comma, body, "source", sentence[ante:comma], tidy(sentence[body:]), ante)
            )
            continue
        if _inside(m.start(), quotes) or _NOT_SOURCE.match(np):
            continue
        end = _with_apposition(sentence, m.start("np"), m.end())
        lead_words, rest_words = sentence[: m.start()], sentence[end:]
        if lead_words.rstrip().endswith(",") and rest_words.lstrip().startswith(","):
            # "serait, selon lui, « … »": the commas around it go with it (one stays before
            # "…, selon X, un montant que …", "…, selon X, mais …")
            rest_words = rest_words.lstrip()[1:]
            if not _OPENS_SEGMENT.match(rest_words):
                lead_words = lead_words.rstrip()[:-1]
        claim = tidy(
            lead_words.rstrip() + " " + rest_words.lstrip() if lead_words.strip() else rest_words
        )
        np = sentence[m.start("np") : end].strip()
        cues.append(Cue(m.start(), end, "source", np, claim, m.start("np")))
    for m in _QUOTED_AS_SAYING.finditer(sentence) if not fr else ():
        # "RIA Novosti quoted spokeswoman X as saying that …": X's words, not the agency's
        if _inside(m.start(), quotes) or any(c.start <= m.start("np") < c.end for c in cues):
            continue
        cues = [
            c for c in cues if not (c.start <= m.start() < c.end or m.start() <= c.start < m.end())
        ]
        np = m.group("np").strip()
        cues.append(
            Cue(m.start("np"), m.end(), "source", np, tidy(sentence[m.end() :]), m.start("np"))
        )
    for m in _VIEW_IS.finditer(sentence):
        name = "np" if m.group("np") else "np2"
        if not _inside(m.start(), quotes) and not any(c.start <= m.start() < c.end for c in cues):
            np = m.group(name).strip()
            cues.append(
                Cue(m.start(name), m.end(), "source", np, tidy(sentence[m.end() :]), m.start(name))
            )
    pm = _POUR.match(sentence)
    if pm:
        end = _with_apposition(sentence, pm.start("np"), pm.end("np"))
        end = end + 1 if end != pm.end("np") else pm.end()  # past the comma closing the source
        cues.append(
            Cue(
                pm.start(),
                end,
                "pour",
                sentence[pm.start("np") : end].rstrip(" ,"),
                tidy(sentence[end:]),
                pm.start("np"),
            )
        )
    cues.sort(key=lambda c: c.start)
    for cue in cues if not fr else ():
        told = _ACCORDING_THEN_THAT.search(cue.claim) if cue.mode == "pre" else None
        if told is not None:  # "He told X, according to two officials, that …": the clause
            cue.claim = tidy(told.group("rest"))
    return _drop_nested(sentence, _drop_relative(sentence, cues))


def _with_apposition(sentence: str, np_start: int, np_end: int) -> int:
    """Where a source phrase ends once its apposition is taken in: "selon le ministre turc,
    Ali Demir, …" and "according to Ali Demir, the Turkish minister, …" name one speaker."""
    m = _APPOSITION.match(sentence, np_end)
    if not m:
        return np_end
    np, app = sentence[np_start:np_end].strip(), m.group("app").strip()
    np = re.sub(r"^du\s", "le ", np)  # "aux dires du porte-parole, X"
    if (roles.is_title(np) and _NAME_LIKE.fullmatch(app)) or (
        _NAME_LIKE.fullmatch(np) and roles.is_title(app)
    ):
        return m.end("app")
    return np_end


_RELATIVE_SUBJECT = re.compile(r",\s*(?:qui|who)\s+(?:\S+\s+){0,2}$", re.IGNORECASE)


def _drop_relative(sentence: str, cues: list[Cue]) -> list[Cue]:
    """ "X, qui refusait jusque-là de commenter …, a parlé de « … »": the verb of the relative
    clause tells about X; the main verb after it is the statement."""
    return [
        c
        for c in cues
        if not (
            c.mode == "pre"
            and _RELATIVE_SUBJECT.search(sentence[: c.start])
            and any(o.start > c.end and "," in sentence[c.end : o.start] for o in cues)
        )
    ]


def _end_claim(cue: Cue, words: str, *, trim: str = " ,", unless_quoted: bool = False) -> None:
    """``cue``'s claim stops where ``words`` (the start of the next clause) begin in it; with
    ``unless_quoted``, not when a quotation follows them."""
    cut = cue.claim.find(words)
    if cut > 0 and not (unless_quoted and quote_spans(cue.claim[cut:])):
        cue.claim = tidy(cue.claim[:cut].rstrip(trim) if trim else cue.claim[:cut])


def _contrast_subject(sentence: str, start: int, verb: int) -> int | None:
    """Where the subject of the clause after a contrast starts ("…, while Ukraine's
    representative replied"), when it has one of its own: a name or a noun phrase, not a
    pronoun or nothing ("…, but warned", "…, mais il a ajouté")."""
    words = sentence[start:verb]
    lead = len(words) - len(_ELIDED_QUE.sub("", words, count=1))
    words = words[lead:]
    head = _SETTING_FIRST.sub("", words, count=1)  # "in London, X"
    if not (1 <= len(words.split()) <= 10) or _CONTRAST_PRONOUN.match(head):
        return None
    return start + lead if _NAMED_SUBJECT.match(head) else None


_ELIDED_QUE = re.compile(r"^\s*(?:['’]|e\s)?\s*")  # "tandis qu'Ankara", "alors que Kiev"
_SETTING_FIRST = re.compile(r"^(?:in|at|from|à|au|en|depuis)\s+[^,]{1,30},\s*")
_NAMED_SUBJECT = re.compile(r"(?:[A-ZÀ-Ý]|(?:the|le|la|les|l['’])\s*\w)")
_CONTRAST_PRONOUN = re.compile(r"(?:he|she|it|they|il|elle|ils|elles|on)\b", re.IGNORECASE)


def _drop_nested(sentence: str, cues: list[Cue]) -> list[Cue]:
    """Keep the main cue; drop verbs inside another cue's reported clause ("X a dit que Y a…")."""
    kept: list[Cue] = []
    spans = quote_spans(sentence)
    for cue in cues:
        owner = next((k for k in kept if k.mode in ("pre", "part") and k.end <= cue.start), None)
        own = owner is not None and OWN_SUBJECT.search(sentence, owner.end, cue.start)
        if own and own.group("aux") and not PERFECT_CUE.match(sentence, cue.start):
            own = None  # "…, Ukraine insisted": a subject alone is no clause of its own
        if owner is not None and own:
            cue.lead = own.start()
            group = "np" if own.group("np") else "names" if own.group("names") else "aux"
            cue.subj_start = own.start(group)
            cue.subject = sentence[cue.subj_start : cue.start]
            cue.claim = _reported(cue.subject, sentence[cue.start : cue.end], sentence[cue.end :])
            last = [k for k in kept if k.mode in ("pre", "part") and k.end <= cue.start][-1]
            for before in (owner,) if last is owner else (owner, last):
                _end_claim(before, sentence[cue.lead : cue.start].strip(), trim="")
        contrast = None
        if owner is not None and not own:
            contrast = [
                c
                for c in CONTRAST.finditer(sentence, owner.end, cue.start)
                if not _inside(c.end() - 1, spans)  # ', but close …' inside a quotation is none
            ]
            subject = (
                _contrast_subject(sentence, contrast[-1].end(), cue.start) if contrast else None
            )
            if subject is not None and cue.mode == "pre" and cue.subj_start < subject:
                # "X said that …, while Y's representative replied that …": Y's own clause
                verb, after = sentence[cue.start : cue.end], sentence[cue.end :]
                cue.subj_start, cue.subject = subject, sentence[subject : cue.start]
                cue.claim = _reported(cue.subject, verb, after)
                _end_claim(owner, contrast[-1].group(0).rstrip())
        nested = owner is not None and not own and not contrast
        incise = (
            cue.mode in ("post", "pron")
            and (
                sentence[: cue.start].rstrip().endswith((",", "»", "”", '"'))
                # ", he told the Interfax news agency": the incise's subject after the comma
                or (
                    0 < cue.subj_start < cue.start
                    and sentence[: cue.subj_start].rstrip().endswith(",")
                )
            )
        )
        if incise and owner is not None and cue.mode == "post" and not own:
            # "La Norvège juge qu'un accord serait prématuré …, a dit X, cité par …", "…, the
            # people said": the words of the clause stop at the incise that credits them
            start = cue.subj_start if 0 < cue.subj_start < cue.start else cue.start
            _end_claim(owner, sentence[start : cue.end], unless_quoted=True)
        if nested and cue.mode in ("pre", "pron", "post") and not incise:
            # an incise (", a dit X, …") names who said the whole sentence; other verbs in a
            # reported clause count only when its owner speaks for no one ("Le journal
            # rappelle que X a qualifié…"): the engine decides, once speakers are resolved
            cue.nested = True
        kept.append(cue)
    return kept
