"""The regular expressions speakers.py reads subjects with: pronouns, bare names, comma
segments, circumstances of an utterance, leading settings ("Côté russe, …"), document nouns.

Only patterns live here; speakers.py decides what they mean.
"""

from __future__ import annotations

import re

# a list item's mark or a newsletter's bold label before a sentence: "- X said", "**Driving
# the news:** X said"
BULLET = re.compile(r"\s*(?:[-–—•·*]+|\*\*[^*\n]{1,40}:\*\*)\s+")
# a sub-heading set between dashes: "- Washington se dit optimiste -"
FRAMED_HEADING = re.compile(r"^\s*[-–—]\s.{3,120}\s[-–—]\s*$")
PRONOUN = re.compile(
    r"^(?:il|elle|ils|elles|he|she|they|it|lui|eux|him|her|them|lui-même|elle-même)$", re.IGNORECASE
)
PRONOUN_START = re.compile(r"^\s*(?:il|elle|ils|elles|he|she|they)\b", re.IGNORECASE)
# "Ce Neuchâtelois discret défend …", "this Texan": a person named before, pointed at by where
# they come from (an office pointed at is read by SpeakerResolver._this_one)
DEMONSTRATIVE_PERSON = re.compile(
    r"^\s*(?:[Cc]e|[Cc]et|[Cc]ette|[Tt]his|[Tt]hat)\s+(?:[a-zà-ÿ]+\s+)?[A-ZÀ-Ý][\w’'\-]+(?:\s+[a-zà-ÿ]+)?\s*$"
)
SINGULAR_PRONOUN_START = re.compile(r"^\s*(?:il|elle|he|she)\b", re.IGNORECASE)
# a subordinate clause's conjunction before its subject: "Ministers meet in Bergen as
# X says …", "…; Y warns …": what comes before is no part of the subject or its role
SUBJECT_CLAUSE_START = re.compile(
    r"(?:;\s+|\s(?:as|while|whereas|when|comme|lorsque|quand|tandis\s+que|alors\s+que)\s+)"
    r"(?=[A-ZÀ-Ý]|$)"
)
# "…, a clause Oslo has ruled out": an English relative with no "that", up to its verb
REDUCED_RELATIVE_END = re.compile(
    r",\s+(?i:a|an|the)\s+[a-z\-]+\s+[A-Z][\w\-’']*(?:\s+[A-Z][\w\-’']*)?\s*"
    r"(?:(?i:has|have|had)\s+)?$"
)
# an apposition after a name: "X, the aide to President Y who …" (Y is not the subject)
APPOSITION_AFTER = re.compile(r",\s*(?:the|a|an|le|la|l['’]|un|une)\s", re.IGNORECASE)
# a pronoun that can stand for a side ("Oslo's starting point is … It insists …", a factbox's
# "- Elle refuse …"), after a list item's mark; English "it" is never a person
_SIDE_PRONOUN = {
    "en": re.compile(r"^[\W_]*it\b", re.IGNORECASE),
    "fr": re.compile(r"^[\W_]*(?:il|elle)s?\b", re.IGNORECASE),
}


def side_pronoun(lang: str) -> re.Pattern[str]:
    """The pattern of a pronoun that can stand for a side in ``lang``."""
    return _SIDE_PRONOUN["en" if lang == "en" else "fr"]


LEAD_CONTEXT = re.compile(
    r"^\s*(?:(?:(?:du\s+)?côté|à|a|au|aux|in|en)\s+(?P<ctx>[^,;:.«»\"“”]{2,40})"
    # "Outre-Atlantique, le Washington Post rapporte …": across the Atlantic, the Channel, the Rhine
    r"|(?P<ctx2>outre-(?:Atlantique|Manche|Rhin))),",
    re.IGNORECASE,
)
# "Speaking for France, the delegate said …", "Au nom de la Pologne, le représentant …"
BEHALF_LEAD = re.compile(
    r"^\s*(?:speaking\s+(?:for|on\s+behalf\s+of)|on\s+behalf\s+of|au\s+nom\s+(?:de|du|des))"
    r"\s+(?P<ctx>[^,;:.«»\"“”]{2,40}),",
    re.IGNORECASE,
)
POST_LEAD_ADV = re.compile(
    r"^\s*(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|également|aussi|"
    r"encore|ensuite|alors|enfin|aussitôt|plus\s+tard|[\wé]+ment)\s+)+(?=[A-ZÀ-Ý]|le\s|la\s|l['’]|M\.|Mme)"
)
# "ils"/"they", and English "it" ("…," it said in its report): a body, never a person
PLURAL_PRONOUN = re.compile(r"^(?:ils|elles|eux|they|them|it)$", re.IGNORECASE)
# a word of a personal name: capitalised, or a particle ("ben", "von", "al-Khater")
NAME_WORD = (
    r"(?:(?![LD]['’][a-zà-ÿ])[A-ZÀ-Ý][\w\-’'.]*|(?:al|el|ben|bin|ibn|abou|abu)-[A-ZÀ-Ý][\w\-’']*"
    r"|von|van|der|den|de|da|di|al|bin|ben|ibn|el)"
)
NAME_ONLY = re.compile(rf"^(?:(?:M\.|Mme|Mr\.?|Ms\.?)\s+)?(?:{NAME_WORD}\s*){{1,5}}$")
COMPLEMENT = re.compile(
    r"\b(?:du|de|des|d['’]|of|avec|with|à|au|aux)\s+(?:(?:le|la|l['’]|the)\s*)?(?:[\w\-’']+\s+){0,4}$",
    re.IGNORECASE,
)
BOUNDARY = re.compile(
    r"(?:[»”\"]\s*,?|\bque\b|\bqu['’]|\bthat\b|;|:|\bet\s+que\b"
    # "No. I'll say it again": a sentence the splitter left whole ends at its full stop
    r"|\b(?:No|Yes|Non|Oui|Well|Look|Right)[.!]\s+"
    # "The EU has pledged X, and Britain and France say …": a clause of its own
    r"|,\s*(?:and|et|but|mais|while|whereas|tandis\s+que|alors\s+que)\s+"
    r"(?=[A-ZÀ-Ý]|(?:the|le|la|les|l['’])\s*\w))",
    re.IGNORECASE,
)
DOCUMENT_OF = re.compile(
    r"^\s*(?:une?|la|le|les|a|an|the)\s+(?:déclarations?|communiqués?|messages?|annonces?|"
    r"propos|statements?|posts?|tweets?|sources?\s+proches?)\s+(?P<of>du|des|de\s+la|de\s+l['’]|"
    r"de|d['’]|from\s+the|by\s+the|of\s+the|from|by|of)\s*",
    re.IGNORECASE,
)
DET_OF = {
    "du": "le ",
    "des": "les ",
    "de la": "la ",
    "de l'": "l'",
    "de": "",
    "d'": "",
    "from the": "the ",
    "by the": "the ",
    "of the": "the ",
    "from": "",
    "by": "",
    "of": "",
}
CE_QUE = re.compile(r"\b(?:ce|what)\s*(?:que|qu['’]|)\s*$", re.IGNORECASE)
# circumstances of an utterance (when, where, to whom, in what setting): never part of a role
CIRCUMSTANCE = (
    r"lors|devant|pendant|après|avant|au\s+cours|à\s+l['’](?:issue|occasion|antenne)|en\s+marge|"
    r"au\s+(?:terme|sortir|lendemain|micro)|à\s+la\s+(?:sortie|fin|suite|veille|presse|radio|"
    r"télévision|tribune)|aux?\s+(?:journalistes|médias)|à\s+des\s+journalistes|"
    r"par\s+(?:téléphone|visioconférence|communiqué)|ce\s+(?:matin|soir|week-end)|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd['’]hui|"
    r"during|after|before|following|ahead\s+of|told|to\s+(?:reporters|journalists)|"
    r"in\s+(?:an?|his|her|their)\s+(?:[\w\-]+\s+)?(?:interview|statement|speech|address|"
    r"video|post|message|briefing)|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)|yesterday|today|earlier|later|last\s+(?:week|month|night)"
)
CIRCUMSTANCE_CUT = re.compile(rf"\s(?:{CIRCUMSTANCE})\b")
# where the speaker's noun phrase ends: a circumstance, or a participle after the noun ("a
# senior official involved in the talks")
POST_CUT = re.compile(
    rf"\s(?:dans|sur|depuis|in|on|at|{CIRCUMSTANCE})\b"
    r"|\s(?=[a-z]+ed\s+(?:in|on|with|to|at|by|for|from|about|over|into)\b)"
)
FINITE = {
    "fr": re.compile(
        r"(?<![\w'’\-])(?:a|ont|avait|avaient|est|sont|était|s['’]est|se\s+sont|"
        r"has|have|had|is|was|were)\b"
    ),
    # English "a" is an article ('"…," a Kremlin spokesman said'), never a verb
    "en": re.compile(r"(?<![\w'’\-])(?:has|have|had|is|was|were)\b"),
}
NP_END = re.compile(
    r"(?<!\bM)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMme)(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bGen)"
    r"(?<!\b[A-Z])\.(?:\s|$)|[;:!?]"
)
TRAILING_HONORIFIC = re.compile(r"(?<![\w\-])(?:M\.|Mme|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s*$")
LEAD_CONJ = re.compile(r"^\s*(?:mais|et|or|puis|but|and)\s+", re.IGNORECASE)
FR_NP_START = re.compile(
    r"^\s*(?:(?i:le|la|les|l['’]|un|une|des|du|son|sa|ses|leur|leurs|ce|cet|cette|ces|notre|nos|"
    r"plusieurs|certaine?s|aucune?|chacune?|tous|toutes|quelques|nombre|ceux|celle|celui|"
    r"il|elle|ils|elles|on)\b|[A-ZÀ-Ý0-9«“\"]|(?:al|el|abou|abu)-[A-ZÀ-Ý])"
)
TITLED_NAME = re.compile(r"[A-ZÀ-Ý][\w\-’']+\s+[A-ZÀ-Ý][\w\-’']+\s*$")
PLURAL_NP = re.compile(r"^\s*(?:les|des|leurs|ses|the\s+\w+s)\b", re.IGNORECASE)
POSSESSIVE_ROLE = re.compile(r"^\s*(?:son|sa|ses|leur|leurs)\s", re.IGNORECASE)
# "…, son porte-parole, Jonas V.": the possessive written just before the name
POSSESSIVE_END = re.compile(r"(?:^|\s)(?:son|sa|leur)\s+[^,]{2,60},?\s*$", re.IGNORECASE)
# "Le Kremlin, par la voix de son porte-parole X, a jugé": X speaks for the collective
VOICE_OF = re.compile(r"par\s+la\s+voix\s+(?:de\s+|d['’]|(?=du\s))", re.IGNORECASE)
# "l'émissaire économique de Poutine": a name after "de" is a complement, not an apposition
OF_END = re.compile(r"\b(?:de|du|des|d['’]|of|for|to)\s*$", re.IGNORECASE)
# "She went on to say", "Russia continues to insist": the verb of saying is still the subject's
GOES_ON_TO = re.compile(
    r"\s*\b(?:(?:went|goes|go|has\s+gone)\s+on|continue[sd]?|keeps?|kept)\s+to\s*$",
    re.IGNORECASE,
)
# a definite or pointing noun phrase: "l'émissaire de X", "ce proche de X" (not X)
DEFINITE_START = re.compile(
    r"^\s*(?:le|la|les|l['’]|the|ce|cet|cette|ces|this|that|these|those)\b", re.IGNORECASE
)
# "Sur une rencontre avec X, il…": a leading prepositional phrase is not the subject
ADVERBIAL_LEAD = re.compile(
    r"^\s*(?:sur|avec|à|au|aux|dans|depuis|devant|pour|lors|après|avant|face|outre|chez|pendant|"
    r"malgré|contre|parmi|about|with|on|in|at|after|before|during|for)\b",
    re.IGNORECASE,
)
# "l'ancien premier ministre néerlandais": a former office describes someone already named
FORMER = re.compile(r"^\s*(?:l['’]|le\s+|la\s+)?(?:ancien(?:ne)?|ex-)\s*", re.IGNORECASE)
# an office held before, in either language, opening a role ("the former envoy", "une
# ancienne ministre") or closing the words before an office ("… l'ancien | secrétaire général")
FORMER_OFFICE = re.compile(
    r"^\s*(?:l['’]|le\s+|la\s+|the\s+|a\s+|an\s+|une?\s+)?(?:ancien(?:ne)?|ex-|former)\s*",
    re.IGNORECASE,
)
FORMER_BEFORE = re.compile(r"(?:(?<![\w\-])(?:[Aa]ncien(?:ne)?|[Ff]ormer)\s+|(?<![\w\-])[Ee]x-)$")
# "Quant au président letton, X, il …" / "C'est X qui …": the person the sentence is about
QUANT_A = re.compile(r"^\s*Quant\s+(?:à\s+(?:la\s+|l['’])?|au\s+|aux\s+)", re.IGNORECASE)
CLEFT = re.compile(r"^\s*C['’]est\s+(?P<who>[^;:«»\"“”]{2,140}?),?\s+qui\s", re.IGNORECASE)
EN_NP_START = re.compile(
    r"^\s*(?:(?i:the|a|an|one|two|three|his|her|its|their|this|that|these|those|he|she|they|it|we)"
    r"\b|[A-Z0-9\"“]"
    r"|(?:al|el|abu)-[A-Z])"  # "al-Ansari said"
)
# "… this month he", "…, à Genève, il": a subject pronoun ending the clause before the verb
TRAILING_PRONOUN = re.compile(r"(?:^|\s)(he|she|they|il|elle|ils|elles)\s*$")
# two people named together before, as one subject: "The leaders", "les deux dirigeants"
BOTH_LEADERS = re.compile(
    r"(?:the\s+(?:two\s+)?leaders|both\s+(?:leaders|men|women)"
    r"|(?:both|the\s+two)\s+(?:foreign\s+|defen[cs]e\s+|prime\s+)?(?:ministers|presidents)"
    r"|(?:les\s+)?deux\s+(?:dirigeants|dirigeantes|chefs\s+d['’][ée]tat|présidents|hommes"
    r"|ministres|chefs\s+de\s+la\s+diplomatie)|les\s+dirigeants)"
    r"(?:\s+(?:also|have|had|ont|avaient|aussi))*",
    re.IGNORECASE,
)


# "X, speaking alongside the Belgian prime minister, Y, said": a name opening the subject (after
# a setting), then an aside in lower case between commas that runs up to the verb
_OPENING_NAME = re.compile(
    r"\s*(?:(?:At|In|On|From|À|Au|Aux|En|Depuis)\s[^,]{1,60},\s*)?"
    r"(?P<name>[A-ZÀ-Ý][\w\-’']+(?:\s+[A-Z]\.)?"
    r"(?:\s+(?:de\s+|van\s+|von\s+)?[A-ZÀ-Ý][\w\-’']+){1,3})"
    # its apposition: "the …", "chef de …" (or, with ``possessive``, "Russia’s foreign minister")
    r"\s*,\s*(?:[a-zà-ÿ]|(?:the|a|an|le|la|l['’]|un|une)\s|(?P<owner>[A-Z][\w\-]+['’]s\s))"
)


def opening_name_end(subject: str, *, possessive: bool = False) -> int | None:
    """Where the opening name of such a subject ends, or None."""
    m = _OPENING_NAME.match(subject)
    if m is None or (m.group("owner") and not possessive):
        return None
    return m.end("name") if subject.rstrip().endswith(",") else None


# a first-person subject, maybe after a lead phrase: "On the Black Sea, we", "Sur ce point, nous"
FIRST_PERSON_SUBJECT = re.compile(r"(?:^|,)\s*(?:[Ww]e|I|[Nn]ous|[Jj]e|[Jj]['’])\s*$")
# an indefinite pronoun as the subject: "ce que beaucoup jugeaient impossible", "some argue"
INDEFINITE_SUBJECT = re.compile(
    r"(?:^|[\s,])(?:beaucoup|certains|certaines|d['’]autres|plusieurs|(?:la\s+)?plupart|"
    r"nombreux|many|some|others|few|most)\s*$",
    re.IGNORECASE,
)
