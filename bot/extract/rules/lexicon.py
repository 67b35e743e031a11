"""The words the cue finder reads: French and English verbs of saying, auxiliaries, adverbs.

Only vocabulary lives here (compiled into regular expressions once); quotes.py applies it.
"""

from __future__ import annotations

import re


def _words(text: str) -> list[str]:
    return text.split()


# verbs of saying: regular -er stems, then irregular participles and finite forms
_REG_ER = _words(
    "déclar estim affirm ajout soulign précis insist réclam ni exhort qualifi indiqu salu attribu "
    "assur expliqu confirm accus demand plaid observ not déplor condamn regrett jur souhait signal "
    "révél confi proclam réaffirm tweet rétorqu répliqu résum contest critiqu prôn comment "
    "martel réitér répét espér rejet menac annonc appel jug exig dénonc lanc rappel avert "
    "écart fustig propos suggér évoqu félicit inquiét refus tranch gliss concéd raill ironis tonn "
    "balay conditionn racont relat témoign lâch souffl indign nuanc temporis abond corrig "
    "détaill argument object alarm post publi parl cingl persifl"
)
_FR_PARTICIPLES_IRREG = _words(
    "dit redit écrit décrit prétendu obtenu défendu promis admis soutenu répondu réagi renchéri garanti poursuivi prévenu averti reconnu démenti craint exclu "
    "mis\\s+en\\s+garde fait\\s+savoir fait\\s+valoir fait\\s+état fait\\s+part "
    "fait\\s+remarquer laissé\\s+entendre borné contenté\\s+d['’]indiquer "
    "posé\\s+comme\\s+(?:préalable|condition|exigence) "
    # "« … », a voulu croire X", "a voulu croire que …" (not "a voulu croire à un accord")
    "voulu\\s+croire(?=\\s+qu|\\s*,|\\s+[A-ZÀ-Ý]) "
    # "s'est engagée à rendre …": a commitment, not "a engagé des troupes"
    "engagé(?=(?:e|s|es)?\\s+à\\s)"
)
_FR_FINITE_IRREG = _words(
    "dit disait disaient disent prétend prétendent prétendait obtient obtiennent décrit décrivent décrivait réagit renchérit garantit écrit écrivait écrivent promet promettent admet soutient "
    "soutiennent répond répondent poursuit prévient avertit reconnaît reconnait dément démentait "
    "craint exclut menace menaçait annonçait jugeait exigeait lançait dénonçait martèle réitère "
    "répète espère rejette appelle rappelle fustigeait met\\s+en\\s+garde fait\\s+savoir "
    "fait\\s+valoir fait\\s+état fait\\s+part laisse\\s+entendre laissent\\s+entendre "
    "se\\s+dit se\\s+disent se\\s+disait défend défendent défendait veut\\s+croire(?=\\s+qu) "
    "s['’]engage(?=\\s+à\\s) s['’]engagent(?=\\s+à\\s) "
    "font\\s+valoir font\\s+savoir font\\s+état font\\s+part se\\s+souvient se\\s+souviennent veut\\s+que veulent\\s+que voulait\\s+que"
)
_INNER_ADV = r"(?:(?:toutefois|pourtant|cependant|aussi|également|ainsi|donc|bien|\w+ment)\s+)?"


def _inner(forms: list[str]) -> list[str]:
    """ "fait valoir" also as "fait toutefois valoir": an adverb between the two words."""
    out = []
    for form in forms:
        head, sep, tail = form.partition("\\s+")
        if sep and head in ("fait", "laissé", "laisse", "laissent", "mis", "met"):
            form = f"{head}\\s+{_INNER_ADV}{tail}"
        out.append(form)
    return out


_FR_PARTICIPLES_IRREG = _inner(_FR_PARTICIPLES_IRREG)
_FR_FINITE_IRREG = _inner(_FR_FINITE_IRREG)


def _imperfect(stem: str) -> str:
    """The stem before -ait/-aient: "jug" -> "juge" (jugeait), "lanc" -> "lanç" (lançait)."""
    if stem.endswith("g"):
        return stem + "e"
    return stem[:-1] + "ç" if stem.endswith("c") else stem


_FR_FORMS = sorted(
    {
        f
        for s in _REG_ER
        for f in (s + "e", s + "ent", _imperfect(s) + "ait", _imperfect(s) + "aient")
    }
    | set(_FR_FINITE_IRREG),
    key=len,
    reverse=True,
)
_FR_PRESENT_IRREG = _words(
    "disant écrivant prétendant promettant admettant soutenant répondant réagissant renchérissant "
    "garantissant prévenant avertissant reconnaissant démentant craignant excluant "
    "mettant\\s+en\\s+garde faisant\\s+savoir faisant\\s+valoir faisant\\s+état "
    "laissant\\s+entendre défendant"
)
# ", estimant que…", "en jugeant…": the present participle of a verb of saying
_FR_PRESENT = sorted(
    {
        s[:-1] + "çant" if s.endswith("c") else s + ("eant" if s.endswith("g") else "ant")
        for s in _REG_ER
    }
    | set(_FR_PRESENT_IRREG),
    key=len,
    reverse=True,
)
# "ne cesse de répéter", "a tenu à souligner", "Et d'ajouter": the infinitive of one
_FR_INFINITIVE = sorted(
    {s + "er" for s in _REG_ER}
    | set(
        _words(
            "dire écrire prétendre promettre admettre soutenir répondre réagir renchérir garantir "
            "prévenir avertir reconnaître démentir exclure mettre\\s+en\\s+garde "
            "faire\\s+savoir faire\\s+valoir laisser\\s+entendre défendre"
        )
    ),
    key=len,
    reverse=True,
)
_FR_PARTICIPLE = sorted(
    {s + "é" for s in _REG_ER} | set(_FR_PARTICIPLES_IRREG), key=len, reverse=True
)
_EN_VERBS = _words(
    "said says told tells warned warns insisted insists added adds urged urges stressed "
    "stresses claimed claims argued argues noted notes announced announces stated states "
    "declared declares denied denies rejected rejects demanded demands accused accuses vowed "
    "vows promised promises admitted admits acknowledged acknowledges wrote writes tweeted "
    "posted explained explains confirmed confirms replied responded threatened threatens "
    "reiterated reiterates reaffirmed reaffirms repeated emphasised emphasized asserted "
    "maintained described assured assures "
    "suggested welcomed dismissed condemned criticised criticized pledged signalled signaled "
    "countered predicted cautioned called\\s+for calls\\s+for called\\s+on calls\\s+on "
    "mused hinted hints recalled conceded concedes complained lamented praised hailed "
    "pointed\\s+out points\\s+out pushed\\s+for pressed\\s+for ruled\\s+out rules\\s+out "
    "proposed proposes insisted believes warned underlined underlines underscored underscores "
    "set\\s+out sets\\s+out agreed reads(?=\\s*[.;]) "
    # "Trump has been very clear that …", "Rubio made it clear that …"
    "been\\s+(?:very\\s+|quite\\s+)?clear(?=\\s+that) "
    # "Marco was also clear with me that …", "he was clear that …" (not "it was clear that")
    "(?<![Ii]t\\s)(?<![Tt]his\\s)was\\s+(?:also\\s+|very\\s+|quite\\s+)?clear(?:\\s+with\\s+(?:me|us|him|her|them))?(?=\\s+that) "
    # "made clear, in calls to Ankara all week, that …": a circumstance between
    "made\\s+(?:it\\s+)?(?:very\\s+)?clear(?=\\s+that|,[^,;:]{1,60},\\s+that) "
    # "X pressed instead for …"
    "pressed\\s+(?:instead|again|hard|also)\\s+for "
    # "called the agreement “a big win”": a verdict in the speaker's words
    'called(?=\\s+(?:the|it|this|that|these|those|his|her|their|its)\\b[^.“"«]{0,40}[“"«])'
)
# the plural present, a bare form that is no finite verb after a modal or "to" (quotes.py):
# "Britain and France say they are ready", "officials warn"
EN_PLURAL_PRESENT = _words("say warn insist argue deny reject demand accuse vow urge stress")
_EN_VERBS += EN_PLURAL_PRESENT
# ", insisting that…", "writing on X that…": the subject is the sentence's own
_EN_PRESENT = _words(
    "saying insisting warning writing arguing adding noting urging stressing claiming "
    "accusing calling\\s+for calling\\s+on vowing promising suggesting telling explaining "
    "declaring denying rejecting demanding threatening posting"
)

ADV_FR = (
    r"(?:(?:toutefois|cependant|pourtant|également|aussi|encore|déjà|ensuite|alors|ainsi|enfin|surtout|"
    r"notamment|clairement|fermement|publiquement|récemment|néanmoins|lui-même|elle-même|plus\s+tôt|"
    r"par\s+ailleurs|pour\s+sa\s+part|pour\s+leur\s+part|de\s+son\s+côté|de\s+leur\s+côté|"
    r"de\s+nouveau|à\s+nouveau|en\s+outre|en\s+revanche|d['’]ailleurs|bien|mardi|lundi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche|hier|pas|jamais|toujours|souvent|longtemps|aussitôt|lui\s+aussi|"
    r"elle\s+aussi|eux\s+aussi|quant\s+à\s+(?:lui|elle|eux|elles)|à\s+(?:son|leur)\s+tour|"
    r"\w+ment)\s+){0,3}"
)
ADV_EN = r"(?:(?:also|later|earlier|again|repeatedly|previously|already|recently|\w+ly)\s+){0,2}"
_AUX_FR = r"(?:a|ont|avait|avaient|aurait|auraient|avoir|s['’]est|se\s+sont|s['’]était)"
_PRON = r"(?:il|elle|ils|elles)"
# "Zelensky a, lui, assuré…", "l'agence a, de son côté, rappelé…": a stressed pronoun or a
# discourse parenthetical between commas after the auxiliary
_STRESSED = (
    r"(?:\s*,\s*(?:(?:lui|elle|eux|elles)(?:-mêmes?)?(?:\s+aussi)?|de\s+(?:son|leur)\s+côté|"
    r"pour\s+(?:sa|leur)\s+part|quant\s+à\s+(?:lui|elle|eux|elles)|en\s+revanche|toutefois|"
    r"cependant|pourtant|par\s+ailleurs|une\s+nouvelle\s+fois|de\s+nouveau|à\s+son\s+tour|"
    r"elle\s+aussi|lui\s+aussi)\s*,)?"
)


def _alt(words: list[str]) -> str:
    return "|".join(w if "\\s" in w else re.escape(w) for w in words)


FR_INVERTED = re.compile(
    rf"(?<![\w\-])(?:{_AUX_FR}-t?-?{_PRON}\s+{ADV_FR}(?P<p1>{_alt(_FR_PARTICIPLE)})"
    # ", a-t-on appris auprès de l'ambassade": the source named after it, or the subject
    rf"|a-t-on\s+{ADV_FR}(?P<p3>appris\s+(?:auprès|de\s+source))"
    rf"|(?P<p2>{_alt(_FR_FORMS)})-(?:t-)?{_PRON})(?![\w\-])"
)
_MODAL_FR = (
    r"(?:(?:(?:ne|n['’])\s*)?(?:cesse|cessent|continue|continuent|tient|tiennent|vient|viennent|"
    r"(?:a|ont|avait|n['’]a|n['’]ont)\s+(?:tenu|continué|cessé|pas\s+cessé|voulu|pas\s+manqué)|"
    r"manque\s+pas|manquent\s+pas|"
    r"(?:s['’]est|se\s+sont)\s+(?:empressée?s?|bornée?s?|contentée?s?)|s['’]empresse|"
    r"se\s+borne|se\s+contente|veut|veulent|entend|entendent|préfère|préfèrent|"
    # "X a eu raison de rappeler que …": X said it, the writer agrees
    r"(?:a|ont|avait|avaient)\s+eu\s+(?:bien\s+)?raison)"
    r"(?:\s+(?:pas|plus|jamais))?(?:\s+\w+ment)?\s+(?:de\s+|d['’]|à\s+)"
    # "Washington a fini par concéder que…"
    r"|(?:a|ont|avait|avaient)\s+(?:\w+ment\s+)?fini\s+par\s+|finit\s+par\s+|finissent\s+par\s+)"
)
FR_VERB = re.compile(
    rf"(?<![\w\-])(?:(?:{_AUX_FR}){_STRESSED}\s+(?:depuis\s+)?{ADV_FR}"
    rf"(?P<part>{_alt(_FR_PARTICIPLE)})(?:e|s|es)?"
    rf"|{_MODAL_FR}(?P<inf>{_alt(_FR_INFINITIVE)})"
    rf"|(?P<fin>{_alt(_FR_FORMS)}))(?![\w\-])"
)
# ", estimant que…" / "en jugeant que…": the subject is the sentence's own
FR_PRESENT = re.compile(rf"(?:,|\ben)\s+{ADV_FR}(?P<fin>{_alt(_FR_PRESENT)})(?![\w\-])")
# "Elle a remercié Paris, avant de prévenir : « … »": the infinitive shares the subject
FR_BEFORE_INF = re.compile(
    rf"(?<![\w\-])(?:avant\s+(?:de\s+|d['’])|pour\s+(?:ensuite\s+)?(?=(?:rappeler|souligner|"
    rf"dénoncer|réclamer|exiger|affirmer|assurer|insister|avertir|prévenir)\b))"
    rf"(?P<fin>{_alt(_FR_INFINITIVE)})(?![\w\-])"
)
# '« … », a glissé le ministre' / '« … », sourit-on à l'Élysée': after a quotation and its comma,
# any past participle or inverted verb is an incise, whatever the verb
FR_QUOTE_INCISE = re.compile(
    rf"(?<=[»”\"],)\s*(?:(?:a|ont|avait|avaient)\s+{ADV_FR}[a-zà-ÿ]+(?:é|i|u|it|is)(?:e|s|es)?"
    rf"|(?P<inv>[a-zà-ÿ]+)-(?:t-)?(?P<pron>on|il|elle|ils|elles)"
    r"(?:\s+(?:valoir|savoir|remarquer|observer|entendre))?)(?![\w\-])"
)
# "Et d'ajouter : « … »": a narrative infinitive, whose subject is the last speaker
FR_NARRATIVE = re.compile(
    rf"^\s*(?:Et|Puis)\s+(?:de\s+|d['’])(?P<fin>{_alt(_FR_INFINITIVE)})(?![\w\-])"
)
# a stance stated with an adjective: "reste convaincu que", "se dit prête à", "est favorable à"
FR_STANCE = re.compile(
    r"(?<![\w\-’'])(?:est|sont|reste|restent|demeure|demeurent|se\s+dit|se\s+disent|"
    r"se\s+montre|se\s+montrent|(?:s['’]est|se\s+sont)\s+(?:dit|montré)(?:e|s|es)?|"
    r"(?:a|ont)\s+(?:été|paru)|était|étaient)\s+(?:(?:toujours|bien|très|pas|plus|tout\s+à\s+fait|"
    r"fermement|totalement|résolument|désormais|aussi)\s+){0,2}"
    r"(?P<fin>convaincue?s?|persuadée?s?|certaine?s?|sûre?s?|prête?s?|favorables?|opposée?s?|"
    r"hostiles?|ouverte?s?|disposée?s?|déterminée?s?|résolue?s?|confiante?s?|optimistes?|"
    r"pessimistes?|sceptiques?|inquiète?s?|réticente?s?)\s+(?=que\b|qu['’]|à\s|au\s|aux\s|de\s|d['’]|quant)"
)
# a participle after a determiner is an adjective: "no agreed width", "the proposed deal"
_EN_DETERMINER_BEFORE = r"(?<!\bno\s)(?<!\bNo\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bThe\s)(?<!\ba\s)"
EN_VERB = re.compile(
    rf"(?<![\w\-]){_EN_DETERMINER_BEFORE}(?:(?:has|have|had)\s+{ADV_EN})?"
    # "a mandate agreed by 57 States", "the plan proposed by Moscow": a passive participle,
    # whose agent comes after it, is not the act of the words before
    rf"(?P<fin>{_alt(_EN_VERBS)})(?![\w\-])(?!\s+by\s)"
)
EN_INVERTED = re.compile(r"(?<![\w\-])(?P<fin>said|added|says)\s+(?P<pron>he|she|they)\b")

# verbs that report speech only with a clause or quote after them ("a rappelé que…", not
# "a rappelé son ambassadeur"; "maintained that…", not "maintained control")
AMBIGUOUS = re.compile(
    r"^(?:lan[cç]|rappel|balay|not|observ|signal|confi|jur|maint|post|obt|parl|réag|react|admet|admis)",
    re.IGNORECASE,
)

# a verdict on the speaker's own words, then a colon and the quote: "X a été catégorique : « … »",
# "X s'est montrée ferme :", "X reste inflexible :", "The minister was blunt: "…""
_VERDICT_WORDS = r"(?:(?!(?:interrog|question|interview|cit|invit|reçu|accueilli|asked|quoted)\w*\s*:)[a-zà-ÿ][\w\-’']*\s*){1,4}"
FR_VERDICT = re.compile(
    r"(?<![\w\-’'])(?:(?:a|ont|avait|avaient)\s+été|est|sont|était|étaient|"
    r"(?:s['’]est|se\s+sont|s['’]était|s['’]étaient)\s+(?:montré|dit|voulu)(?:e|s|es)?|"
    r"se\s+(?:montre|montrent|dit|disent|veut|veulent)|reste|restent|restait|"
    rf"(?:est|sont|était)\s+resté(?:e|s|es)?)\s+{_VERDICT_WORDS}:\s*(?=[«“„\"])"
    # "l'ancien ministre a souri : « … »": a manner of speaking, then the words
    r"|(?<![\w\-’'])(?:a|avait|ont|avaient)\s+(?:souri|ri|soupiré|haussé\s+les\s+épaules|"
    r"plaisanté|conclu)\s*:\s*(?=[«“„\"])"
)
EN_VERDICT = re.compile(
    r"(?<![\w\-’'])(?:was|is|were|are|(?:has|have|had)\s+been|remained|remains|sounded|seemed|"
    rf"appeared)\s+{_VERDICT_WORDS}:\s*(?=[“\"])"
    r"|(?<![\w\-’'])(?:smiled|shrugged|laughed|sighed|joked|concluded)\s*:\s*(?=[“\"])"
)
EN_PRESENT = re.compile(rf",\s+{ADV_EN}(?P<fin>{_alt(_EN_PRESENT)})(?![\w\-])")
