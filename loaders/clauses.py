"""Events from clause structure: meetings, visits and calls read from dependency parses.

An event is a predicate (a meeting, visit or call verb, or an event noun that is the subject of
"took place" / "was held" or the object of "held" / "paid") with its arguments taken from the
parse: who (subject, object and obliques that are leaders), where and when (the obliques in the
predicate's own clause, never those of another clause), polarity (a negation on the predicate or
on the verb that governs it) and modality (planned, hoped, recalled, from the governing verb, the
auxiliaries, the verb's morphology and the dates attached).

Article-level discourse: the kind of encounter (in person or by phone / video) is set by the
headline and lead; when they report a call, later "talks" and "conversations" re-mention that
call and make no meeting. Nothing is filled in: a participant is a leader the clause names (or a
pronoun or "the two leaders" whose referents the text has just named).

Passes, each over typed records: ``_candidates`` (sentences an event can be in) -> parse ->
``_predicates`` -> ``_arguments`` -> ``_event`` -> ``merge_meetings`` / ``visits``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from relgraph.loaders import refdata as rd
from relgraph.loaders.context import HEADS_OF_STATE, MAX_EVIDENCE, Ctx, LeaderHit, abbreviation_dots
from relgraph.loaders.dates import DateMention
from relgraph.loaders.gazetteer import Match, fold, lemmatize
from relgraph.loaders.mentions import role_fits, ru_genitive_noun, titles
from relgraph.loaders.nlp import Parse, Tok, parse
from relgraph.loaders.resolve import project_id
from relgraph.loaders.sources import on_caption_line
from relgraph.records import CallFact, Evidence, MeetingFact, ProposalFact, SectorRef, VisitFact

# relations that open another clause: its arguments are not the predicate's
BOUNDARY = {"ccomp", "advcl", "acl", "acl:relcl", "parataxis", "csubj", "list", "discourse"}
CORE = {
    "nsubj",
    "nsubj:pass",
    "obj",
    "iobj",
    "obl",
    "obl:agent",
    "nmod",
    "obl:arg",
    "dep",
    "conj",
    "flat",
    "compound",
    "nmod:poss",
    "appos",
}


def _memo_by_word(has):
    """``Lex.has`` answers from the key and the token's lemma, form, part of speech and verb form alone:
    remember each answer (the rules ask the same few hundred words thousands of times an
    article); the memo is emptied when it grows past ``_MEMO_SIZE`` entries."""

    def memo_has(self: "Lex", key: str, t: Tok) -> bool:
        k = (key, t.lemma, t.form, t.upos, t.feats.get("VerbForm"))
        found = self.memo.get(k)
        if found is None:
            if len(self.memo) >= _MEMO_SIZE:
                self.memo.clear()
            found = self.memo[k] = has(self, key, t)
        return found

    memo_has.__doc__ = has.__doc__
    return memo_has


_MEMO_SIZE = 200_000


@dataclass(frozen=True)
class Lex:
    """One language's event words, folded."""

    words: dict[str, frozenset[str]]

    lang: str = ""
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # answers of ``has``

    @_memo_by_word
    def has(self, key: str, t: Tok) -> bool:
        ws = self.words.get(key, frozenset())
        if fold(t.lemma) in ws or fold(t.form) in ws:
            return True
        if self.lang == "es" and t.upos in ("VERB", "ADJ", "AUX"):
            # participles: "previsto" -> prever, "propuesto" -> proponer, "celebrada" -> celebrar
            form = re.sub(r"(?:o|a|os|as)$", "", fold(t.form))
            for end, infs in (
                ("ad", ("ar",)),
                ("id", ("er", "ir")),
                ("ist", ("er",)),
                ("puest", ("poner",)),
                ("ech", ("acer",)),
                ("ich", ("ecir",)),
            ):
                if form.endswith(end) and any(form[: -len(end)] + i in ws for i in infs):
                    return True
        if self.lang == "ru" and t.feats.get("VerbForm") == "Part":
            # natasha's participles keep their own lemma: "состоявшемся" -> состояться, "посетившего"
            # -> посетить (the regular past active participle, stem + "вш")
            m = re.fullmatch(
                r"(\w+?[аеиоуыяю])вш(?:ий|ая|ее|ие|его|ей|ему|им|ем|ую|их|ими|ом|ого)(ся|сь)?", fold(t.form)
            )
            if m and m.group(1) + "ть" + ("ся" if m.group(2) else "") in ws:
                return True
        ends, infs = _stem_endings(self.lang) if t.upos in ("VERB", "AUX") else ("", ())
        if ends:
            # a verb the lemmatiser took for a noun ("espera" -> espera): its stem and an infinitive
            stem = re.sub(ends, "", fold(t.form))
            if stem != fold(t.form) and any(stem + i in ws for i in infs):
                return True
        if self.lang == "fr" and t.upos in ("VERB", "ADJ", "AUX"):
            # participles the lemmatiser leaves as adjectives: "tenus" -> tenir, "rendu" -> rendre
            base = re.sub(r"(?:e|es|s)$", "", fold(t.form))
            if base.endswith("cu") and base[:-2] + "cevoir" in ws:
                return True  # "reçue" -> recevoir, "aperçu" -> apercevoir
            if base.endswith("u"):
                return any(base[:-1] + end in ws for end in ("ir", "re", "oir"))
            if base.endswith("e"):
                return base[:-1] + "er" in ws
            if base.endswith("i"):
                return base + "r" in ws  # "démenti" -> démentir, "parti" -> partir
        return False


@lru_cache(maxsize=None)
def _stem_endings(lang: str) -> tuple[str, tuple[str, ...]]:
    """The language's finite verb endings (a regular expression, "" for none) and the infinitive
    endings a stem takes."""
    lx = rd.lexicon(lang)
    return lx.get("verb_endings", ""), tuple(lx.get("infinitive_endings", ()))


@lru_cache(maxsize=None)
def lex(lang: str) -> Lex:
    ev = rd.lexicon(lang).get("events", {})
    return Lex({k: frozenset(fold(w) for w in v) for k, v in ev.items()}, lang)


@dataclass
class Pred:
    """An event predicate in one parsed sentence."""

    kind: str  # meet | visit | call
    k: int  # sentence index
    p: Parse
    head: Tok  # the verb or noun
    gov: list[Tok] = field(default_factory=list)  # verbs that govern it (xcomp, light verb, occur verb)
    during: bool = False  # "during the talks": the event is the frame of another clause


@dataclass
class Event:
    kind: str
    k: int
    leaders: list[str]  # leader ids, in text order
    subject: list[str]  # leader ids in subject position (travellers, hosts)
    place: tuple[str, Match] | None
    places: list[tuple[str, Match]]
    state_dest: list[str]  # states named as a destination ("to China")
    date: DateMention | None
    status: str
    start: int  # the predicate's offset (evidence anchor)
    noun: bool = False  # an event noun ("the meeting took place in ..."), maybe a re-mention
    during: bool = False  # "during the talks, ...": the frame of another clause, a re-mention
    anaphoric: bool = False  # "that meeting", "cette rencontre": a meeting already told, never a new one
    anchor: tuple[str, ...] = ()  # leaders of the encounter it is placed before or after ("before meeting X")
    pairwise: bool = False  # told as a bilateral ("un encuentro bilateral", "двусторонние переговоры")
    sequenced: bool = False  # placed before or after another encounter ("al término de la cumbre")
    onward: bool = False  # a leg told after another ("before flying to X"): in that leg's time
    described: bool = False  # told in a relative clause on a thing ("the pen X gave Y during his visit")
    recounted: bool = False  # told with no time in an interview's answer by the one interviewed: background


# -- candidates ------------------------------------------------------------------------------
def _candidates(ctx: Ctx) -> list[int]:
    """The sentences worth parsing: an event word with someone who could take part (a leader,
    "the two leaders", a pronoun), a place or a sector (a re-mention: "the talks were held at
    ...", "the talks covered energy"); a proposal word with a leader or a state; a discuss or
    cooperate word with a sector. Most sentences of an article are none of these."""
    L = lex(ctx.lang)
    ev_keys = (
        "meet_verbs",
        "meet_nouns",
        "visit_verbs",
        "visit_nouns",
        "call_words",
        "agree_verbs",
        "sign_verbs",
        "awaited_verbs",
        "sit_with_verbs",
        "talk_with_verbs",
        "placed_talk_verbs",
        "welcome_words",
        "meal_nouns",
        "with_nouns",
        "see_verbs",
        "visit_person_verbs",
    )
    prop_keys = ("propose_verbs", "propose_nouns", "ready_words", "need_nouns")
    topic_keys = ("discuss_verbs", "cooperate_words", "topic_nouns")
    sector_ks = {ctx.sent_of(h.start) for h in ctx.sector_hits}
    place_ks = {ctx.sent_of(m.start) for _, m in ctx.place_hits}
    out = []
    title_ks = {ctx.sent_of(t.m.start) for t in titles(ctx)}
    for k, s in enumerate(ctx.sents):
        person = (
            any(s.start <= h.start < s.end for h in ctx.leader_hits)
            or ctx.has("plural_leaders", k)
            or k in title_ks  # "talks with her Japanese counterpart", "with the Danish minister"
            or _third_person_in(ctx, k)  # "He met ...", "On Tuesday she held talks ..."
            # "I was in Riga on Tuesday", "You were in Bern in October": the person interviewed
            or ((_answerer(ctx, s.start) or _asked(ctx, s.start)) is not None and _personal_in(ctx, k))
        )
        state = any(s.start <= m.start < s.end for _, _, m in ctx.state_hits)
        sector, place = k in sector_ks, k in place_ks
        # "The talks on Wednesday lasted an hour": the meeting told before, named again with its day
        timed = any(s.start <= d.start < s.end for d in ctx.dates)
        denial = False
        if not (person or state or sector or place or timed):
            # "a spokesman said no such meeting had taken place": a denial naming nobody
            negators = {fold(w) for w in rd.lexicon(ctx.lang).get("events", {}).get("negators", ())}
            denial = any(fold(w) in negators for w in re.findall(r"\w[\w'-]*", ctx.text[s.start : s.end]))
            if not denial:
                continue
        # each word as a verb would be read after parsing (lemma, form, participle and stem rules)
        words = re.findall(r"\w[\w-]*", ctx.text[s.start : s.end])
        toks = [Tok(0, w, lemmatize(ctx.lang, w), "VERB", 0, "dep", 0, 0) for w in words]
        parts = [w.lower() for w in words if L.has("verb_particles", Tok(0, w, w.lower(), "ADP", 0, "dep", 0, 0))]
        if parts:
            # a separable verb split by the clause ("bot ... an", "regte ... an"): the parser
            # joins its particle to the lemma (anbieten), so the word is looked up joined too
            toks += [Tok(0, x.form, prt + x.lemma, "VERB", 0, "dep", 0, 0) for x in toks[:] for prt in parts]

        def has(keys: tuple[str, ...]) -> bool:
            return any(L.has(key, x) for x in toks for key in keys)

        reciprocal = has(("reciprocal_meet_verbs",)) and any(L.has("reflexive_pronouns", x) for x in toks)
        if (
            ((person or place or sector) and (has(ev_keys) or reciprocal))
            # "X was in Paris in July", "se trouve à Tokyo", "leaves Manila for Jakarta"
            or (person and place and has(("stay_verbs", "spend_time_verbs", "reflexive_stay_verbs", "departure_verbs")))
            or (denial and has(("meet_nouns",)))
            or (timed and has(("meet_nouns", "visit_nouns")))
            or ((person or state) and has(prop_keys))
            or (sector and has(topic_keys))
        ):
            out.append(k)
    return out


def _third_person_in(ctx: Ctx, k: int) -> bool:
    """A third-person pronoun anywhere in sentence ``k`` ("Am Dienstag sprach er ...")."""
    s = ctx.sents[k]
    return any(w.lower() in _third_person(ctx.lang) for w in re.findall(r"\w+", ctx.text[s.start : s.end]))


def _personal_in(ctx: Ctx, k: int) -> bool:
    """A first- or second-person pronoun anywhere in sentence ``k`` (a word of the text: "I", "je",
    "Sie", "usted", "вы"), or a verb that drops it in a language that does."""
    s = ctx.sents[k]
    ev = rd.lexicon(ctx.lang).get("events", {})
    words = {
        fold(w)
        for key in ("first_person_pronouns", "second_person_pronouns", "first_person_clitics")
        for w in ev.get(key, ())
    }
    found = re.findall(r"\w+'?", ctx.text[s.start : s.end])
    return any(fold(w) in words for w in found) or (
        bool(ev.get("null_subject")) and any(_first_person_form(ctx.lang, w) for w in found if len(w) > 3)
    )


def _third_person_start(ctx: Ctx, k: int) -> bool:
    s = ctx.sents[k]
    first = re.findall(r"\w+", ctx.text[s.start : min(s.end, s.start + 40)])[:2]
    # compared with their accents: Spanish "él" (he) is no "el" (the)
    return any(w.lower() in _third_person(ctx.lang) for w in first)


@lru_cache(maxsize=None)
def _cond_forms(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in rd.lexicon(lang).get("events", {}).get("cond_aux", ()))


def _is_cond_aux(L: Lex, t: Tok) -> bool:
    """A conditional auxiliary, compared with its umlaut: "würde" (would) is no "wurde" (was),
    "könnte" (could) no "konnte" (was able to)."""
    return t.form.lower() in _cond_forms(L.lang)


@lru_cache(maxsize=None)
def _achieved_forms(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in rd.lexicon(lang).get("events", {}).get("achieved_modals", ()))


def _achieved(L: Lex, t: Tok) -> bool:
    """A modal in a past form that says it was done: "konnte treffen" (managed to meet), "a pu
    rencontrer", "pudo reunirse", "смог встретиться" - not "könnte" (could)."""
    return t.form.lower() in _achieved_forms(L.lang)


@lru_cache(maxsize=None)
def _third_person(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in rd.lexicon(lang).get("events", {}).get("third_person", ()))


# -- predicates ------------------------------------------------------------------------------
def _is_call_marked(L: Lex, p: Parse, t: Tok) -> bool:
    """ "by phone", "par téléphone", "telefonisch", "по телефону", "in a video call" on ``t``."""
    for c in p.children(t.i):
        if c.deprel in ("obl", "advmod", "nmod", "amod", "compound", "obj") and (
            L.has("call_markers", c)
            or L.has("call_words", c)
            or (
                c.deprel == "nmod" and any(x.deprel == "compound" and L.has("call_markers", x) for x in p.children(c.i))
            )
        ):
            return True  # (the last: "talks by video link")
        if (
            c.deprel in ("obl", "obl:tmod")
            and _time_word(L, c)
            and any(
                x.deprel in ("nmod", "compound")
                and L.has("call_markers", x)
                and any(y.deprel == "case" for y in p.children(x.i))
                for x in p.children(c.i)
            )
        ):
            return True  # "hatten sich im Dezember am Telefon ausgetauscht": the manner hung on the time
    if t.upos == "NOUN" and t.deprel == "obj" and t.head and L.has("light_verbs", p.tok(t.head)):
        # "avaient eu un entretien en visioconférence", "had talks by video link": the manner hung
        # on the light verb is the talks' (not "after a video conference": another event before)
        return any(
            c.i != t.i
            and c.deprel in ("obl", "advmod")
            and (
                L.has("call_markers", c)
                or any(x.deprel == "compound" and L.has("call_markers", x) for x in p.children(c.i))  # "by video link"
            )
            and not any(x.deprel == "case" and L.has("sequence_words", x) for x in p.children(c.i))
            for c in p.children(t.head)
        )
    return False


@lru_cache(maxsize=1)
def _opportunity_words() -> tuple[frozenset[str], frozenset[str]]:
    """The nouns of an opportunity and the verbs that have or take one, in every language (a
    parse does not know its language; the words do not collide)."""
    nouns: set[str] = set()
    verbs: set[str] = set()
    for lang in rd.languages():
        ev = rd.lexicon(lang).get("events", {})
        nouns |= {fold(w) for w in ev.get("opportunity_nouns", ())}
        verbs |= {fold(w) for w in ev.get("opportunity_verbs", ())}
    return frozenset(nouns), frozenset(verbs)


def _opportunity_of(p: Parse, t: Tok) -> Tok | None:
    """The verb that has or takes the opportunity an infinitive tells: "will have the opportunity
    to meet", "avaient eu l'occasion de se retrouver", "tendrán la oportunidad de reunirse", "у них
    будет возможность встретиться". That verb tells the event's tense, polarity and subject; an
    opportunity discussed, offered or hoped for is not taken this way ("discussed the opportunity
    to meet" keeps no governor)."""
    if not t.head or t.upos not in ("VERB", "AUX") or t.deprel not in ("acl", "ccomp", "xcomp", "advcl", "nmod"):
        return None
    nouns, verbs = _opportunity_words()
    h = p.tok(t.head)

    def taken(v: Tok) -> bool:
        return v.upos in ("VERB", "AUX") and fold(v.lemma) in verbs

    if h.upos == "NOUN" and fold(h.lemma) in nouns and h.head and h.deprel in ("obj", "nsubj", "obl", "nsubj:pass"):
        v = p.tok(h.head)
        return v if taken(v) else None
    if t.deprel != "acl" and taken(h):
        # "have the opportunity to meet" parsed with the infinitive on "have" itself
        if any(c.deprel == "obj" and fold(c.lemma) in nouns and c.i < t.i for c in p.children(h.i)):
            return h
    return None


def _governors(p: Parse, t: Tok) -> list[Tok]:
    """Verbs up the chain that share the predicate's clause: xcomp, light verbs, occur verbs, conj,
    and the verb that has the opportunity an infinitive tells (``_opportunity_of``)."""
    out = []
    cur = t
    while len(out) < 3 and (v := _opportunity_of(p, cur)) is not None:
        out.append(v)
        cur = v
    while (
        cur.head
        and cur.deprel in ("xcomp", "obj", "nsubj", "nsubj:pass", "conj", "obl", "nmod", "ccomp", "advcl", "csubj")
        and len(out) < 3
    ):
        g = p.tok(cur.head)
        if cur.deprel in ("obl", "nmod") and g.upos not in ("VERB", "AUX"):
            break
        if cur.deprel in ("ccomp", "advcl", "csubj"):
            # "X said he would meet Y": the saying verb is outside the event, but its negation or a
            # hope verb ("hopes that they will meet") still governs it
            out.append(replace(g, deprel="~" + cur.deprel))
            break
        out.append(g)
        cur = g
    return out


def _predicates(ctx: Ctx, k: int, p: Parse) -> list[Pred]:
    L = lex(ctx.lang)
    out: list[Pred] = []
    headline = ctx.sents[k].para == -1
    in_dates = [(d.start, d.end) for d in ctx.dates if p.start <= d.start < p.end]
    for t in p.toks:
        if any(a <= t.start < b for a, b in in_dates):
            continue  # "el mes que viene" (next month): a date's words, no event
        if (
            t.upos in ("VERB", "AUX")
            or (t.upos in ("ADJ",) and ctx.lang == "de")
            # "X is due in Mumbai on Friday": an awaited word the parser makes an adjective
            or (t.upos == "ADJ" and L.has("awaited_verbs", t) and any(c.deprel == "cop" for c in p.children(t.i)))
            or (headline and L.has("meet_verbs", t) and not L.has("meet_nouns", t))
            or (
                # "se sont entretenus", "se han reunido" tagged as an adjective after its auxiliary
                t.upos == "ADJ"
                and ctx.lang in ("fr", "es")
                and any(c.deprel in ("cop", "aux", "aux:pass") for c in p.children(t.i))
                and (
                    any(
                        c.deprel in ("expl", "expl:pv", "expl:pass", "obj") and c.upos == "PRON"
                        for c in p.children(t.i)
                    )
                    or L.has("awaited_verbs", t)  # "es esperado en Rabat"
                )
            )
        ):
            if L.has("call_words", t) and _called_off(L, p, t):
                continue  # "calls off the trip", "sagt die Reise ab": a cancellation, not a call
            if L.has("call_words", t) and t.upos in ("VERB", "AUX") and _names_as(ctx, L, p, t):
                continue  # "a visit officials called overdue", "le calificó de histórico": naming, not phoning
            if L.has("call_words", t) and _calls_on(L, p, t):
                out.append(Pred("meet", k, p, t, _governors(p, t)))  # "called on Xi at the Great Hall"
            elif (L.has("call_words", t) and not _call_for(p, t)) or (
                (L.has("meet_verbs", t) or _talks_with(ctx, L, p, t)) and _is_call_marked(L, p, t)
            ):
                out.append(Pred("call", k, p, t, _governors(p, t)))
            elif (
                L.has("reflexive_stay_verbs", t)
                and _stays_in(L, p, t)
                and not any(_companion(L, p, c) and c.upos != "PRON" for c in p.children(t.i))
                # (not "Milei y Paz se encontraron en La Paz": two who found each other met)
                and not (L.has("meet_verbs", t) and _plural_subject(ctx, p, t))
            ):
                out.append(Pred("visit", k, p, t, _governors(p, t)))  # "se encuentra en Tokio" (not "con X")
            elif (
                L.has("meet_verbs", t)
                or (L.has("see_verbs", t) and _sees_someone(ctx, L, p, t))
                or (L.has("visit_person_verbs", t) and _visits_someone(ctx, L, p, t))
                or (L.has("reciprocal_meet_verbs", t) and _reciprocal(L, p, t))
                or _sits_down_with(L, p, t)
                or _talks_with(ctx, L, p, t)
                or _bids_welcome(L, p, t)
            ):
                out.append(Pred("meet", k, p, t, _governors(p, t)))
            elif (
                (L.has("visit_verbs", t) and t.deprel not in ("aux", "aux:pass") and not _going_to(p, t))
                or _bound_for(L, p, t)
                or (L.has("awaited_verbs", t) and _awaited(L, p, t))
                or _stays_in(L, p, t)
            ):
                # (not "iban a mantener", "va rencontrer": going to, the future's auxiliary)
                out.append(Pred("visit", k, p, t, _governors(p, t)))
            elif L.has("agree_verbs", t) or L.has("sign_verbs", t):
                out.append(Pred("agree", k, p, t, _governors(p, t)))
        elif t.upos in ("NOUN", "PROPN", "ADJ"):
            g = p.tok(t.head) if t.head else None
            if L.has("call_words", t) and t.upos != "ADJ" and g is not None and _calls_on(L, p, t, g):
                # "paid a courtesy call on the Emperor": a visit in person
                out.append(Pred("meet", k, p, t, [g] + _governors(p, g)))
            elif t.upos == "NOUN" and g is not None and _visit_paid(ctx, L, p, t, g):
                # "paid him a visit at his hotel", "lui a rendu visite", "le hizo una visita", "stattete
                # ihm einen Besuch ab", "нанес ему визит": a visit to a person is a meeting with them
                out.append(Pred("meet", k, p, t, [g] + _governors(p, g)))
            elif L.has("call_words", t) and t.upos != "ADJ":
                out.append(Pred("call", k, p, t, _governors(p, t)))
            elif t.upos == "NOUN" and _guest_of_someone(ctx, L, p, t):
                # "X was the guest of President Y at the Hofburg", "était l'hôte du roi", "был
                # гостем президента Y": the guest and the host met
                # ("war X zu Gast bei Y": the guest is the word the copula is on)
                cop_on_noun = any(c.deprel == "cop" for c in p.children(t.i))
                out.append(Pred("meet", k, p, t, [] if cop_on_noun or g is None else [g]))
            elif t.upos == "NOUN" and g is not None and _invitation_to(ctx, L, p, t):
                # "has taken up Carney's invitation to Ottawa", "nahm eine Einladung nach Nigeria an"
                out.append(Pred("visit", k, p, t, [g] + _governors(p, g)))
            elif (
                L.has("meet_nouns", t)
                or L.has("visit_nouns", t)
                or L.has("meal_nouns", t)
                or (L.has("with_nouns", t) and _with_noun(L, p, t))
            ) and t.upos != "ADJ":
                kind = "visit" if L.has("visit_nouns", t) else "meet"
                if _is_call_marked(L, p, t):
                    out.append(Pred("call", k, p, t, _governors(p, t)))
                    continue
                pred = _noun_event(ctx, L, p, t, kind, k)
                if pred:
                    out.append(pred)
    return out


def _sees_someone(ctx: Ctx, L: Lex, p: Parse, t: Tok) -> bool:
    """ "X saw Y at the ministry", "a vu son homologue nigérian", "vio al presidente Y", "видел
    президента Y": a verb of seeing (lexicon ``see_verbs``) whose object is a person the text
    names or a title ("his counterpart"), with no predicative after it ("sees Merz as an ally",
    "le voit comme un partenaire": an opinion) and no other clause under it ("saw that ...")."""
    if t.upos != "VERB" or t.deprel in ("aux", "aux:pass", "xcomp"):
        return False  # (nor "hopes to see Y", "möchte Y sehen": a wish, whatever its verb)
    kids = p.children(t.i)
    objs = [c for c in kids if c.deprel in ("obj", "iobj")]
    for c in kids + [x for o in objs for x in p.children(o.i)]:
        if c.deprel in ("xcomp", "ccomp", "csubj"):
            return False
        if c.deprel in ("obl", "advcl", "nmod", "acl") and any(
            x.deprel in ("case", "mark") and L.has("predicative_as", x) for x in p.children(c.i)
        ):
            return False  # ("sees Merz as an ally", "sieht Macron als Verbündeten")
    title_spans = [(th.m.start, th.end) for th in titles(ctx) if p.start <= th.m.start < p.end]
    name_links = ("appos", "flat", "flat:name", "compound", "amod", "det", "case", "nummod")
    for c in objs:
        if c.upos == "NOUN" and any(a <= c.start < b for a, b in title_spans):
            return True  # "his Nigerian counterpart"
        # the person named in the object's own words ("al presidente Lula"), not an owner's
        # ("Merz's speech")
        own, todo = [c], [c]
        while todo:
            x = todo.pop()
            for y in p.children(x.i):
                if y.deprel in name_links:
                    own.append(y)
                    todo.append(y)
        if any(h.start <= x.start < h.end for x in own if x.upos == "PROPN" for h in ctx.leader_hits):
            return True
    return False


def _a_person(ctx: Ctx, L: Lex, p: Parse, c: Tok) -> bool:
    """``c`` is a person: a leader the text names (the word itself, not an owner's or a thing's
    name: "the Modi stadium"), a title ("his counterpart"), or a third person's pronoun ("him",
    "lui", "ihm", "ему")."""
    if c.upos == "PRON":
        return (L.has("third_person", c) or L.has("object_pronouns", c) or c.feats.get("Person") == "3") and not L.has(
            "reflexive_pronouns", c
        )
    if c.upos == "NOUN":
        return any(th.m.start <= c.start < th.end for th in titles(ctx))
    return c.upos == "PROPN" and any(h.start <= c.start < h.end for h in ctx.leader_hits)


def _visits_someone(ctx: Ctx, L: Lex, p: Parse, t: Tok) -> bool:
    """ "X visited Y at his hotel", "visitó a Y", "besuchte Y", "навестил Y": a verb of visiting
    (lexicon ``visit_person_verbs``) whose object is a person is a meeting with them (not "visited
    Kenya", nor "hopes to visit Y": a wish)."""
    if t.upos != "VERB" or t.deprel in ("aux", "aux:pass", "xcomp"):
        return False
    objs = [c for c in p.children(t.i) if c.deprel == "obj"]
    # (every object a person: "посетить инаугурацию Мусевени", its name parsed as a second object,
    # is a visit to the inauguration)
    return bool(objs) and all(_a_person(ctx, L, p, c) for c in objs)


def _visit_paid(ctx: Ctx, L: Lex, p: Parse, t: Tok, g: Tok) -> bool:
    """A visit noun that a verb of paying a visit takes as its object (lexicon ``visit_light``:
    "pay", "rendre", "hacer", "abstatten", "нанести"; a German compound on "Besuch" too), with a
    person it is paid to: "paid him a visit", "paid a visit to Y", "a rendu visite à Y", "le hizo
    una visita", "stattete ihm einen Besuch ab", "нанес ему визит". Not a visit to a place."""
    if t.deprel != "obj" or not L.has("visit_light", g):
        return False
    if L.has("call_words", t):
        # "paid him a courtesy call": a call paid to someone (not "made a call to Y": a phone call)
        return any(c.deprel == "iobj" and _a_person(ctx, L, p, c) for c in p.children(g.i))
    if not (L.has("visit_nouns", t) or (ctx.lang == "de" and fold(t.form).endswith("besuch"))):
        return False
    to = [
        c
        for c in p.children(g.i)
        if (c.deprel in ("iobj", "obl", "obl:arg") or (c.deprel == "obj" and c.upos == "PRON"))
        # (a pronoun bare, as a dative: not "quant à lui", "as for him")
        and not (c.upos == "PRON" and any(x.deprel == "case" for x in p.children(c.i)))
    ]
    to += [c for c in p.children(t.i) if c.deprel in ("nmod", "obl") and c.upos == "PROPN"]
    return any(c.i != t.i and c.head and _a_person(ctx, L, p, c) for c in to)


def _guest_of_someone(ctx: Ctx, L: Lex, p: Parse, t: Tok) -> bool:
    """A guest noun in its singular (lexicon ``guest_nouns``), said of the subject by a copula, with
    a named leader as whose guest ("Gast von Bundespräsident Y", "the guest of King Y", "invité du
    président Y", "huésped del rey Y", "гостем президента Y")."""
    if fold(t.form) not in L.words.get("guest_nouns", ()):
        return False
    said = any(c.deprel == "cop" for c in p.children(t.i)) or (
        # "war ... zu Gast bei Y": the noun in a phrase of its own on the word the copula is on
        t.head
        and any(c.deprel == "case" for c in p.children(t.i))
        and any(c.deprel == "cop" for c in p.children(t.head))
    )
    if not said:
        return False
    for c in p.children(t.i):
        if c.deprel in ("nmod", "nmod:poss"):
            sub = p.subtree(c.i)
            a, b = min(x.start for x in sub), max(x.end for x in sub)
            if any(a <= h.start < b for h in ctx.leader_hits):
                return True
    return False


@lru_cache(maxsize=8)
def _calendar(lang: str) -> frozenset[str]:
    """Weekdays, months and seasons ("Thursday", "jeudi", "Donnerstag"), folded."""
    from relgraph.loaders.dates import calendar_words

    return frozenset(fold(w) for w in calendar_words(lang))


def _stays_in(L: Lex, p: Parse, t: Tok) -> bool:
    """ "Modi was last in Paris in July 2023", "Macron war im Juni in Berlin", "avait séjourné à
    Paris", "был в Москве": being (or staying) in a named place, said of someone, is a trip there
    (the copula read as the clause's verb: ``nlp.client._copula_places``)."""
    if t.deprel in ("aux", "aux:pass", "cop"):
        return False
    kids = p.children(t.i)
    if L.has("reflexive_stay_verbs", t) and any(L.has("reflexive_pronouns", c) for c in kids):
        pass  # "se trouve à Tokyo", "se encuentra en Tokio", "hält sich in Tokio auf"
    elif not L.has("stay_verbs", t):
        # "spent Thursday in Pretoria", "a passé deux jours à Nairobi", "verbrachte den Tag in
        # Rom": a verb of spending with a time as its object (key ``spend_time_verbs``; not "spent
        # two billion in Kenya")
        if not L.has("spend_time_verbs", t) or not any(
            c.deprel in ("obj", "obl", "obl:tmod") and _time_word(L, c) for c in kids
        ):
            return False
    if not any(c.deprel in ("nsubj", "nsubj:pass") for c in kids) and not (
        # ("Estuvo en Ereván en 2023": a language that drops the subject, a finite singular verb)
        L.words.get("null_subject")
        and t.deprel == "root"
        and fold(t.form) != fold(t.lemma)
        and not fold(t.form).endswith("n")
        and not any(c.deprel in ("csubj", "expl") for c in kids)
    ):
        return False
    # (or the place of the visit it is on: "hält sich zu einem Besuch in Tokio auf")
    return any(
        c.deprel in ("obl", "nmod")
        and c.upos == "PROPN"
        and any(x.deprel == "case" and L.has("stay_case", x) for x in p.children(c.i))
        for c in [*kids, *(x for v in kids if v.deprel == "obl" and L.has("visit_nouns", v) for x in p.children(v.i))]
        if c.deprel == "obl" or c.head != t.i
    )


def _present_stay(L: Lex, p: Parse, t: Tok) -> bool:
    """A being somewhere told in the present ("is in", "находится в")."""
    return (
        (t.feats.get("Tense") == "Pres" or L.has("present_be_forms", t))
        and not L.has("irregular_futures", t)  # ("будет", which natasha calls a present)
        and not any(c.deprel == "aux" for c in p.children(t.i))
    )


def _plural_subject(ctx: Ctx, p: Parse, t: Tok) -> bool:
    """``t``'s subject is more than one: coordinated names ("Milei y Paz"), a plural word, or a
    phrase for two leaders ("ambos", "the two presidents")."""
    plural = [(m.start, m.end) for m in ctx.triggers.get("plural_leaders", ()) if p.start <= m.start < p.end]
    for c in p.children(t.i):
        if not c.deprel.startswith("nsubj"):
            continue
        if c.feats.get("Number") == "Plur" or any(x.deprel == "conj" for x in p.children(c.i)):
            return True
        if any(a <= x.start < b for x in p.subtree(c.i) for a, b in plural):
            return True
    return False


def _others_travel(ctx: Ctx, L: Lex, pr: Pred) -> bool:
    """A travel verb whose subject is a group of people no leader heads ("an advance team of the
    chancellery visited Brasília to inspect sites for a visit by X", "Передовая группа службы
    протокола президента прибыла в Баку"): they travel, not a leader their subject phrase or the
    clause names (not "the delegation", "the guests", "the royal couple": the leader's party)."""
    p = pr.p
    if pr.head.upos not in ("VERB", "AUX"):
        return False
    covered = [(h.start, h.end) for h in ctx.leader_hits] + [(t.m.start, t.m.end) for t in titles(ctx)]
    plural = [(m.start, m.end) for m in ctx.triggers.get("plural_leaders", ())]
    for c in p.children(pr.head.i):
        if not c.deprel.startswith("nsubj") or c.upos != "NOUN":
            continue
        own = [c] + [x for x in p.children(c.i) if x.deprel in ("flat", "appos", "compound", "amod")]
        if any(s <= x.start < e for x in own for s, e in covered + plural):
            return False
        if any(L.has(key, c) for key in ("party_nouns", "epithet_nouns", "guest_nouns", "vehicle_nouns")):
            return False
        return not any(x.upos == "PROPN" for x in own)  # (a name of its own: whoever it is)
    return False


def _on_a_visit(L: Lex, p: Parse, t: Tok) -> bool:
    """ "is in Tokyo on an official visit", "se trouve à Tokyo pour une visite d'État", "находится
    в Токио с официальным визитом": being somewhere on a visit the clause names is a trip there
    (not "is in Singapore this week for a forum")."""
    return any(c.deprel in ("obl", "nmod", "advcl", "obl:arg") and L.has("visit_nouns", c) for c in p.children(t.i))


def _bound_for(L: Lex, p: Parse, t: Tok) -> list[Tok]:
    """The named places a departure is bound for ("leaves for Jakarta", "quitte Manille pour
    Jakarta", "dejará Manila rumbo a Yakarta"; key ``bound_for_words``): where the leaver goes,
    not the place left (not "left the talks for his hotel": no name)."""
    if L.has("visit_verbs", t) or not L.has("departure_verbs", t) or t.deprel in ("aux", "aux:pass"):
        return []
    dom = _domain(p, t)
    return [
        c
        for c in p.toks
        if c.i in dom
        and c.upos == "PROPN"
        and c.deprel in ("obl", "nmod", "obl:arg", "appos")
        and (
            any(x.deprel == "case" and L.has("bound_for_words", x) for x in p.children(c.i))
            # "rumbo a Yakarta", "in Richtung Jakarta": a heading noun
            or (bool(c.head) and p.tok(c.head).upos == "NOUN" and L.has("bound_for_words", p.tok(c.head)))
        )
    ]


def _gapped(ctx: Ctx, p: Parse, m: Match) -> bool:
    """The place is told of another person, named between it and the word it hangs on ("Modi was
    in Gujarat and Carney in Ottawa": Ottawa is Carney's)."""
    ids = _tok_ids(p, m.start, m.end)
    if not ids:
        return False
    cur = p.tok(min(ids))
    while cur.head:
        if cur.i not in ids and cur.deprel == "conj" and cur.upos == "PROPN" and _leaders_in(ctx, p, {cur.i}):
            return True  # "Путин находился в Москве, Токаев в Астане": Tokayev's, hung on his name
        if any(
            c.deprel == "conj" and c.upos == "PROPN" and cur.head < c.i < cur.i and _leaders_in(ctx, p, {c.i})
            for c in p.toks  # ("estuvo en Lisboa y Sánchez en Roma": the name hung on Lisboa)
        ):
            return True
        if cur.upos in ("VERB", "AUX"):
            return False
        cur = p.tok(cur.head)
    return False


def _bids_welcome(L: Lex, p: Parse, t: Tok) -> bool:
    """ "dio la bienvenida a Y", "a souhaité la bienvenue à Y", "hieß Y willkommen": a welcome
    said with a light verb and its noun or particle, to someone (not "dio la bienvenida al
    acuerdo": a thing, which the object test of the event reads as for any meeting verb)."""
    if not L.has("welcome_light_verbs", t):
        return False
    return any(
        c.deprel in ("obj", "compound:prt", "compound", "advmod", "xcomp", "obl", "nsubj:pass")
        and L.has("welcome_words", c)
        for c in p.children(t.i)
    )


def _hosted_meal(L: Lex, pr: Pred) -> bool:
    """The predicate is a meal given by someone: the meal noun of a verb of giving ("gave a
    banquet", "a offert un dîner", "устроил ужин"), as ``_noun_event`` makes it."""
    return (
        bool(pr.gov)
        and pr.gov[0].i == pr.head.head
        and L.has("meal_nouns", pr.head)
        and L.has("host_meal_verbs", pr.gov[0])
    )


def _sits_down(L: Lex, p: Parse, t: Tok) -> bool:
    """ "sat down", "setzten sich zusammen": a verb of sitting with its particle, written apart
    or joined (not "sat on the board", "setzt sich für Y ein")."""
    if not L.has("sit_with_verbs", t):
        return False
    parts = L.words.get("sit_with_particles", frozenset())
    return any(fold(t.lemma).startswith(x) for x in parts) or any(
        c.deprel in ("compound:prt", "compound", "advmod") and fold(c.form) in parts and c.i > t.i
        for c in p.children(t.i)
    )  # ("before sitting down with Y": the particle read as an adverb)


def _sits_down_with(L: Lex, p: Parse, t: Tok) -> bool:
    """ "X sat down with Y", "setzte sich mit Y zusammen": a meeting, said with its particle and a
    companion named with "with" (not "sat down at the table", "setzt sich aus ... zusammen")."""
    if not _sits_down(L, p, t):
        return False
    return any(
        c.deprel in ("obl", "nmod")
        and c.upos in ("NOUN", "PROPN", "PRON")
        and any(x.deprel == "case" and L.has("companion_case", x) for x in p.children(c.i))
        for c in p.children(t.i)
    )


def _with_noun(L: Lex, p: Parse, t: Tok) -> bool:
    """ "had an audience with the King", "eine Audienz bei Papst Leo", "аудиенция у короля", "a eu
    un long échange avec Y": a noun that is a meeting only with whom, said with its own preposition
    (not "the speech had a larger audience": listeners; not "les échanges commerciaux": trade)."""
    return (
        any(
            c.deprel in ("nmod", "obl") and _case_of(p, c) in L.words.get("with_noun_case", ()) for c in p.children(t.i)
        )
        or (
            bool(t.head)
            and t.deprel in ("obj", "nsubj", "nsubj:pass")
            and any(
                c.deprel == "obl" and _case_of(p, c) in L.words.get("with_noun_case", ()) for c in p.children(t.head)
            )
        )
        or (
            # "granted an audience to Y", "a accordé une audience au prince", "hat dem Minister eine
            # Audienz gewährt", "concedió una audiencia al primer ministro": given to someone by a
            # light verb (not "the speech had a larger audience": no one it was given to)
            bool(t.head)
            and t.deprel == "obj"
            and L.has("grant_verbs", p.tok(t.head))
            and any(
                c.deprel == "iobj"
                or (
                    c.deprel in ("obl", "obl:arg", "nmod", "obj")
                    and _case_of(p, c) in L.words.get("destination_preps", ())
                )
                # (a German dative with no preposition, which the parser calls an oblique)
                or (L.lang == "de" and c.deprel == "obl" and _case_of(p, c) is None and c.upos == "NOUN")
                for c in p.children(t.head) + p.children(t.i)
                if c.i != t.i and c.upos in ("NOUN", "PROPN")
            )
        )
    )


def _signed_somewhere(ctx: Ctx, L: Lex, pr: Pred) -> bool:
    """ "X and Y signed a memorandum at the foreign ministry", "ont signé à l'hôtel d'Assézat",
    "подписали в Серахсе": a signing told with a place phrase of its own, whether or not the
    reference data knows the place (not "agreed at the talks": an agreement may be reached apart)."""
    if not L.has("sign_verbs", pr.head) or pr.head.upos != "VERB":
        return False
    return _told_somewhere(ctx, L, pr.p, pr.head)


def _signed_that_day(ctx: Ctx, L: Lex, pr: Pred) -> bool:
    """A signing told as part of the day the report follows ("the same day", "в тот же день": key
    ``same_day``; not a bare "also" or "then", which a blind set showed may join a signing
    told apart), in a past tense: "Рыженков и его
    камбоджийский коллега в тот же день подписали документ" - done together, where that day was
    spent (the place the text leaves to the day it threads on)."""
    return (
        L.has("sign_verbs", pr.head)
        and pr.head.upos == "VERB"
        and _phrase(ctx, L, "same_day", pr.k)
        and _past_tense(ctx, L, pr)
    )


def _told_somewhere(ctx: Ctx, L: Lex, p: Parse, head: Tok) -> bool:
    """The verb ``head`` has a place phrase of its own: a town or venue by name, or a venue word."""
    in_dates = [(d.start, d.end) for d in ctx.dates if p.start <= d.start < p.end]
    lx = rd.lexicon(ctx.lang)
    venue_words = {fold(w) for key in ("ministry_heads", "ministry_building_nouns") for w in lx.get(key, ())}
    return any(
        c.deprel in ("obl", "nmod")
        and _case_of(p, c) in L.words.get("locative_case", ())
        # a town or venue by name, or a venue word ("in Serakhs", "at the foreign ministry's
        # headquarters"), not "signed a letter in support of Y", "in the presence of Y"
        and (
            (
                c.upos == "PROPN"
                and any(c.start <= m.start < c.end or m.start <= c.start < m.end for _, m in ctx.place_hits)
            )
            or _located_venue(p, c, ctx.lang)
            or fold(c.lemma) in venue_words
            or any(fold(c.form).endswith(e) for e, _ in rd.facility_compounds(ctx.lang))  # "im Handelsministerium"
        )
        and not any(a <= c.start < b for a, b in in_dates)
        # (or hung by the parser on what was signed: "signed an agreement at the headquarters")
        for c in [
            *p.children(head.i),
            *(x for o in p.children(head.i) if o.deprel == "obj" for x in p.children(o.i) if x.deprel == "nmod"),
        ]
    )


def _talks_with(ctx: Ctx, L: Lex, p: Parse, t: Tok) -> bool:
    """ "X sprach mit Y", "a échangé avec Y", "побеседовал с Y", "X und Y verhandelten": a verb of
    talking is a meeting only with whom the talk was: someone named or titled after "with", or
    the subject's other conjunct (not "sprach mit Journalisten über Y", "discutait de Y")."""
    placed_only = L.has("placed_talk_verbs", t) and not L.has("talk_with_verbs", t)
    # "spent Saturday afternoon with Trump", "a passé la journée avec X": time spent with someone
    spent = L.has("spend_time_verbs", t) and any(
        c.deprel in ("obj", "obl", "obl:tmod")
        and (
            _time_word(L, c)
            or L.has("day_parts", c)
            or any(fold(c.form).endswith(w) and len(fold(c.form)) > len(w) for w in L.words.get("day_parts", ()))
            or any(fold(x.form) in _calendar(L.lang) for x in p.children(c.i) if x.deprel in ("compound", "nmod"))
        )
        for c in p.children(t.i)
    )  # ("den Samstagnachmittag", "la tarde del sábado")
    if not (L.has("talk_with_verbs", t) or placed_only or spent) or t.upos != "VERB":
        return False
    if placed_only and not _told_somewhere(ctx, L, p, t):
        # English "talked with Y", "X and Y talked": a readout's call as often as a meeting; in a
        # place of its own ("talked for ninety minutes at the Union Buildings") it is a meeting
        return False
    if any(c.deprel == "compound:prt" for c in p.children(t.i)):
        return False  # "sprachen sich für Sanktionen aus": another verb, aussprechen

    def someone(c: Tok) -> bool:
        # "mit ihm", "avec lui"; else the phrase's own words, not what hangs on it ("mit
        # Journalisten über den Minister X")
        return c.upos == "PRON" or _names_someone(ctx, p, c)

    for c in p.children(t.i):
        if c.deprel in ("obl", "nmod", "obj") and c.upos in ("NOUN", "PROPN", "PRON"):
            # (an object with "with" of its own is the parser's slip for the oblique: "pasó la tarde
            # con el presidente")
            if any(x.deprel == "case" and L.has("companion_case", x) for x in p.children(c.i)) and someone(c):
                return True
            if any(x.deprel == "case" and L.has("locative_case", x) for x in p.children(c.i)) and any(
                x.deprel == "nmod"
                and any(y.deprel == "case" and L.has("companion_case", y) for y in p.children(x.i))
                and someone(x)
                for x in p.children(c.i)
            ):
                # "hatte im Auswärtigen Amt mit Johann Wadephul gesprochen", the companion hung by
                # the parser on the place where they talked (a place takes no "with" of its own)
                return True
            if (_time_unit(L.lang, c) or _a_duration(L.lang, p, c)) and any(
                x.deprel == "nmod"
                and any(y.deprel == "case" and L.has("companion_case", y) for y in p.children(x.i))
                and someone(x)
                for x in p.children(c.i)
            ):
                # "mehr als eine Stunde mit Trump gesprochen", "больше часа беседовала с Трампом": the
                # companion hung on the length of the talk
                return True
        if (
            c.deprel == "nsubj"
            and not (spent and not L.has("talk_with_verbs", t))
            and not any(
                x.deprel == "obj"
                and not _time_unit(L.lang, x)
                and not _a_duration(L.lang, p, x)
                and not (x.upos == "PRON" and L.has("reflexive_pronouns", x))
                for x in p.children(t.i)
            )
        ):
            # "X und Y verhandelten" (not "X und Y unterhalten enge Beziehungen": a thing kept up;
            # but "sprachen vierzig Minuten miteinander": a time, no thing; "unterhielten sich":
            # themselves, no thing; nor "X and Y spent Wednesday in separate suites": time spent
            # is spent together only "with" someone)
            conj = [x for x in p.children(c.i) if x.deprel == "conj"]
            if conj and someone(c) and all(someone(x) for x in conj):
                return True
    return False


def _a_duration(lang: str, p: Parse, t: Tok) -> bool:
    """ "vierzig Minuten", "two hours": a phrase that is a length of time (the parser may make it the
    verb's object: "sprachen rund vierzig Minuten miteinander")."""
    from relgraph.loaders.dates import duration

    return t.upos == "NOUN" and duration(" ".join(x.form for x in p.subtree(t.i)), lang) is not None


def _talk_only(L: Lex, pr: Pred) -> bool:
    """The event's word only says that people talked ("sprach mit", "a échangé avec"), which a
    phone call does as well as a meeting."""
    return L.has("talk_with_verbs", pr.head) and not L.has("meet_verbs", pr.head)


def _companion(L: Lex, p: Parse, c: Tok) -> bool:
    """``c`` names whom a verb's act is with or on: its object, or a phrase with "with"."""
    return c.deprel in ("obj", "iobj") or (
        c.deprel in ("obl", "nmod") and any(x.deprel == "case" and L.has("companion_case", x) for x in p.children(c.i))
    )


def _framed_elsewhere(ctx: Ctx, L: Lex, p: Parse, pr: Pred) -> set[int]:
    """An event noun that frames another act ("Hichilema nahm bei dem Treffen eine Einladung von
    Merz an, im Herbst nach Berlin zu kommen"): the act's thing and whose it is ("an invitation
    from Merz") and the places hung on its other phrases ("im Herbst ... nach Berlin") are the
    act's, not the meeting's."""
    g = pr.gov[0]
    noun = {t.i for t in p.subtree(pr.head.i)}
    out: set[int] = set()
    for c in p.children(g.i):
        sub = {t.i for t in p.subtree(c.i)}
        if sub & noun or c.upos != "NOUN":
            continue
        own = [c] + [x for x in p.children(c.i) if x.deprel in ("flat", "appos", "compound", "flat:name")]
        if c.deprel == "obj" and not any(h.start < x.end and x.start < h.end for x in own for h in ctx.leader_hits):
            out |= sub  # the thing accepted, signed or handed over, and whose it is
        elif c.deprel == "obl":
            # (only a place hung there: "im Herbst ... nach Berlin"; not a date's year, "d'août 2022")
            places = [(m.start, m.end) for _, m in ctx.place_hits]
            for x in p.children(c.i):
                sub_x = p.subtree(x.i)
                if x.deprel == "nmod" and any(a <= t.start < b for t in sub_x for a, b in places):
                    out |= {t.i for t in sub_x}
    return out


def _agent_by(L: Lex, p: Parse, c: Tok) -> bool:
    """``c`` is a passive's agent the parser hung as a plain oblique or object ("was received by
    President X", "fue recibido por el presidente X"): the passive's other party."""
    if c.deprel not in ("obl", "obj", "nmod") or not c.head:
        return False
    verb = p.tok(c.head)
    passive = any(x.deprel in ("aux:pass", "nsubj:pass") or L.has("passive_aux", x) for x in p.children(verb.i))
    return passive and any(x.deprel == "case" and L.has("agent_preps", x) for x in p.children(c.i))


def _first_conjunct(p: Parse, t: Tok) -> Tok:
    """The first of the verbs ``t`` is coordinated with ("... when he arrived and met X": "arrived"),
    which holds the clause's relation to the rest of the sentence."""
    while t.deprel == "conj" and t.head:
        t = p.tok(t.head)
    return t


def _place_top(p: Parse, t: Tok) -> Tok:
    """The verb a clause of place hangs from, above the infinitives below it ("..., where he is
    expected to meet Y", "..., wo er Y treffen will": ``expected``, which the relative adverb
    hangs on); ``t`` itself when no clause of place is above it."""
    cur = t
    while cur.deprel == "xcomp" and cur.head:
        cur = p.tok(cur.head)
        if cur.deprel in ("acl:relcl", "acl", "advcl") and any(
            fold(c.form) in _where_words() for c in p.children(cur.i)
        ):
            return cur
    return t


def _reciprocal(L: Lex, p: Parse, t: Tok) -> bool:
    """ "Ils s'étaient vus à Pékin", "se vieron en Lima", "hatten sich in Warschau gesehen": seeing
    each other is meeting (not "s'est vu refuser", "se ve obligado", "sieht sich gezwungen": a
    verb or an adjective completes those)."""
    kids = p.children(t.i)
    if any(
        c.deprel in ("nsubj", "nsubj:pass")
        and c.upos == "NOUN"
        and c.i > t.i
        and fold(c.lemma) not in _title_words(L.lang)
        for c in kids
    ):
        return False  # "se conocieron los detalles": a passive, the details became known
    # ("last saw each other", "sahen einander", "видели друг друга": key ``each_other``, right after the verb)
    if any(
        c.deprel in ("obl", "advcl", "nmod", "acl", "xcomp")
        and c.upos not in ("VERB", "AUX")  # (not "als die Dänin ... war": a clause of time)
        and not any(x.deprel == "cop" for x in p.children(c.i))
        and any(x.deprel in ("case", "mark") and L.has("predicative_as", x) for x in p.children(c.i))
        for o in [t, *(c for c in kids if c.deprel in ("obj", "iobj"))]
        for c in p.children(o.i)
    ):
        return False  # "saw each other as rivals", "se voyaient comme des rivaux": an opinion
    after = " ".join(fold(x.form) for x in p.toks[t.i : t.i + 4])
    each_other = any(after.startswith(fold(w)) for w in L.words.get("each_other", ()))
    return (
        each_other
        or any(
            c.upos == "PRON"
            and c.deprel in ("obj", "iobj", "expl", "expl:pv", "expl:pass")
            and L.has("reflexive_pronouns", c)
            for c in kids
        )
    ) and not any(
        c.deprel == "ccomp"
        or (
            c.deprel == "xcomp"
            # (but a finite clause after a comma the parser hung there: "hatten sich ... gesehen,
            # als der Kanzler an einem Gipfel teilnahm")
            and not (
                c.upos == "VERB"
                and fold(c.form) != fold(c.lemma)
                and any(x.form == "," and t.i < x.i < c.i for x in p.toks)
                and any(x.deprel in ("mark", "case") and x.i < c.i for x in p.subtree(c.i))
            )
        )
        for c in kids
    )


@lru_cache(maxsize=8)
def _title_words(lang: str) -> frozenset[str]:
    """The one-word titles of a language ("presidente", "mandatarios"): nouns that name people."""
    return frozenset(fold(w) for w in rd.lexicon(lang).get("titles", {}) if " " not in w)


def _going_to(p: Parse, t: Tok) -> bool:
    """A verb of going that only carries the future of the verb it completes ("were going to
    hold", "allaient tenir", "va rencontrer"): an infinitive under it and no place of its own."""
    kids = p.children(t.i)
    return any(c.deprel == "xcomp" and c.upos == "VERB" and c.i > t.i for c in kids) and not any(
        c.deprel in ("obl", "advmod")
        and c.upos in ("PROPN", "NOUN", "ADV")
        and c.i < next(x.i for x in kids if x.deprel == "xcomp" and x.upos == "VERB" and x.i > t.i)
        for c in kids
    )


def _awaited(L: Lex, p: Parse, t: Tok) -> bool:
    """ "X is expected in Berlin", "X est attendu à Rome", "X wird in Paris erwartet": someone
    awaited somewhere (a passive with a subject) is a trip planned there."""
    kids = p.children(t.i)
    return (
        any(c.deprel in ("aux:pass", "nsubj:pass") for c in kids)
        or (
            any(c.deprel == "nsubj" for c in kids)
            and (
                t.lemma.endswith("ся")
                or any(c.deprel in ("aux", "cop") and L.has("passive_aux", c) for c in kids)
                # "X is due in Mumbai" (not "is due to open a wing in Victoria": the verb's plan)
                or (
                    t.upos == "ADJ"
                    and any(c.deprel == "cop" for c in kids)
                    and not any(c.deprel == "xcomp" for c in kids)
                )
            )
        )
        or (
            # "Боакаи ожидают в Кумаси": an impersonal third person plural with the one awaited its object
            not any(c.deprel.startswith("nsubj") for c in kids)
            and t.feats.get("Number") == "Plur"
            and t.feats.get("Person") == "3"
            and any(c.deprel == "obj" and c.upos in ("PROPN", "NOUN") for c in kids)
        )
    )


def _remention_time(p: Parse, t: Tok) -> set[int]:
    """Where the time of a meeting named again by its noun is told: in the noun's own phrase ("das
    Gespräch am Mittwoch", "l'entretien de mercredi"), or beside it on the verb it is the subject
    of ("Переговоры в среду продлились три часа"), not on a verb above ("..., the government said
    on Wednesday")."""
    ids = {x.i for x in p.subtree(t.i)}
    if t.head:
        for c in p.children(t.head):
            if c.deprel in ("obl", "obl:tmod", "nmod:tmod", "advmod") and c.i != t.i:
                ids |= {x.i for x in p.subtree(c.i)}
    return ids


def _definite_noun(ctx: Ctx, L: Lex, p: Parse, t: Tok) -> bool:
    """An event noun told as known, by a definite article or a demonstrative ("the talks", "das
    Gespräch", "cet entretien"); in a language with no articles, a noun with none of its own
    (Russian "встреча")."""
    if t.upos not in ("NOUN", "PROPN") or t.deprel not in ("nsubj", "nsubj:pass"):
        return False
    if any(c.feats.get("Case") == "Gen" and c.deprel == "nmod" for c in p.children(t.i)):
        return False  # ("переговоры министров ..."): whose talks, maybe others'
    locative = {fold(w) for w in ctx.lex.get("locative", ())}
    for c in p.children(t.i):
        if c.deprel in ("det", "case", "punct", "acl:relcl") or (c.deprel == "amod" and L.has("bilateral_words", c)):
            continue  # (a relative clause says more of the noun: "the talks, which ran on ...")
        if c.deprel in ("nmod", "obl") and c.upos in ("NOUN", "PROPN"):
            # a time or a venue ("am Mittwoch", "im Kongresszentrum"), not an owner ("of the bloc")
            if any(d.start <= c.start < d.end for d in ctx.dates):
                continue
            if any(x.deprel == "case" and fold(x.form) in locative for x in p.children(c.i)):
                continue
        return False  # ("the Mercosur summit", "the leaders' talks", "le sommet de l'UE"): another event, maybe
    articles = {fold(w) for w in ctx.lex.get("definite_articles", ())}
    dets = [c for c in p.children(t.i) if c.deprel == "det"]
    if not articles:
        return not dets or any(L.has("demonstratives", c) for c in dets)
    return bool(dets) and all(
        fold(c.form).rstrip("'’") in articles or L.has("demonstratives", c) or c.feats.get("PronType") == "Dem"
        for c in dets
    )


def _partitive_object(ctx: Ctx, p: Parse, t: Tok, g: Tok) -> bool:
    """French "ont eu des entretiens": the parser splits the partitive "des" into "de les" (one
    word of the text: the preposition, events key ``partitive_preps``, and a definite article at
    the same place) and hangs the noun on the verb as an oblique; with no object beside it, it is
    the object."""
    preps = {fold(w) for w in ctx.lex.get("events", {}).get("partitive_preps", ())}
    if not preps or t.deprel != "obl" or g.upos not in ("VERB", "AUX"):
        return False
    kids = p.children(t.i)
    articles = {fold(w) for w in ctx.lex.get("definite_articles", ())}
    case = [c for c in kids if c.deprel == "case" and fold(c.form) in preps]
    return (
        bool(case)
        and any(c.deprel == "det" and fold(c.form) in articles and c.start == case[0].start for c in kids)
        and not any(c.deprel == "obj" for c in p.children(g.i))
    )


def _noun_event(ctx: Ctx, L: Lex, p: Parse, t: Tok, kind: str, k: int) -> Pred | None:
    """An event noun counts when the clause says it happened (or will): the subject of "took
    place", the object of "held" / "paid", or a headline's noun with its participants. A noun that
    is the topic of another predicate ("talks on X remain stalled") is no event."""
    g = p.tok(t.head) if t.head else None
    for c in p.children(t.i):
        if (
            (
                c.deprel in ("acl:relcl", "acl")
                # ("l'entretien que X a eu mercredi avec Y", parsed as a complement clause)
                # (the relative pronoun right after the noun: "the talks that X held", "l'entretien que")
                or (
                    c.deprel == "ccomp"
                    and any(
                        x.i == t.i + 1 and x.deprel in ("mark", "dep", "obj") and x.upos in ("SCONJ", "PRON")
                        for x in p.children(c.i)
                    )
                )
            )
            and c.upos in ("VERB", "AUX")
            and (L.has("light_verbs", c) or (kind == "visit" and L.has("visit_light", c)))
            # (its object the relative pronoun, or none: not "the talks that led X to hold a vote")
            and all(
                x.upos in ("PRON", "SCONJ") or _time_word(L, x)
                for x in p.children(c.i)
                if x.deprel in ("obj", "nsubj:pass")
            )
            and any(x.deprel == "nsubj" for x in p.children(c.i))
            # (not "la visite d'État que le roi effectuait alors en France": in the time of the
            # clause around it, which that one tells)
            and not any(
                x.deprel == "advmod" and (L.has("then_words", x) or L.has("then_office", x)) for x in p.children(c.i)
            )
        ):
            # "the talks (that) X held with Y on Wednesday", "la reunión que X mantuvo con Y", "das
            # Gespräch, das X mit Y führte", "l'entretien que X a eu avec Y": the noun is the object
            # of its relative clause's light verb, and that clause tells who, when and where
            return Pred(kind, k, p, t, [c])
    if (
        kind == "visit"
        and g is not None
        and g.upos == "NOUN"
        and t.deprel in ("nmod", "obl")
        and L.has("invite_words", g)
        and g.head
        and _accepted(L, p, g)
    ):
        # "accepted Stocker's invitation to a visit to Vienna", "a accepté l'invitation à une
        # visite à Vienne", "принял приглашение к визиту в Вену": the visit invited to, by whoever
        # accepted it
        v = p.tok(g.head)
        return Pred(kind, k, p, t, [v] + _governors(p, v))
    if g is not None and g.upos in ("VERB", "AUX", "ADJ", "NOUN"):
        if t.deprel in ("obj", "nsubj:pass") or _partitive_object(ctx, p, t, g):
            if (
                L.has("light_verbs", g)
                or (kind == "visit" and L.has("visit_light", g))
                # "Starmer sagte einen Besuch in der Schweiz zu", "accepted a visit to Bern": a trip
                # agreed to, by whoever agreed (planned: ``_modality``)
                or (kind == "visit" and t.deprel == "obj" and _accept_verb(L, p, g))
                or (kind == "meet" and L.has("meet_phase", g))
                or (kind == "meet" and L.has("grant_verbs", g) and L.has("with_nouns", t))  # "granted an audience"
            ):
                return Pred(kind, k, p, t, [g] + _governors(p, g))  # "held talks", "opened their talks"
        if (
            g.upos in ("VERB", "AUX", "ADJ")
            and L.has("schedule_verbs", g)
            and (
                t.deprel in ("obj", "nsubj:pass")
                # ("où est prévu un entretien", "donde está prevista una reunión": a participle
                # after its auxiliary, with the noun parsed as its plain subject)
                or (t.deprel == "nsubj" and any(c.deprel in ("aux", "cop") for c in p.children(g.i)))
            )
        ):
            # "a meeting with Y is scheduled for Thursday", "wo ein Gespräch mit Y geplant ist",
            # "plans talks with Y": an event set for later, in the mode its verb gives
            return Pred(kind, k, p, t, [g] + _governors(p, g))
        if (
            t.deprel in ("obj", "nsubj:pass")
            and L.has("meal_nouns", t)
            and L.has("host_meal_verbs", g)
            # (a meal with its article: "ofreció una cena", not "ofreció comida y combustible": food;
            # in a language with no articles, any)
            and (any(c.deprel == "det" for c in p.children(t.i)) or not rd.lexicon(ctx.lang).get("definite_articles"))
        ):
            # "gave a banquet in honour of Y", "a offert un dîner à Y", "устроил ужин в честь Y": a
            # meal given for someone is a meeting of the host and the guest
            return Pred(kind, k, p, t, [g] + _governors(p, g))
        if (
            t.deprel == "nsubj"
            and g.upos == "VERB"
            and (L.has("stay_verbs", g) or L.has("be_lemmas", g))
            and any(c.deprel == "obl" and (c.upos == "PROPN" or _time_word(L, c)) for c in p.children(g.i))
        ):
            # "the previous encounter was in September in New York" with the copula made the verb
            # (``nlp.client._copula_places``): the event was then and there (not "was in doubt")
            return Pred(kind, k, p, t, [g] + _governors(p, g))
        if (
            t.deprel == "obj"
            and L.has("meal_nouns", t)
            and L.has("meal_take_verbs", g)
            and any(
                _companion(L, p, c) and c.i != t.i and c.deprel != "obj" and _names_someone(ctx, p, c)
                for c in p.children(g.i) + p.children(t.i)
            )
        ):
            # "a pris le petit-déjeuner avec Y", "compartió un almuerzo con Y", "nahm ein Mittagessen
            # mit Y ein": a meal taken with someone is a meeting with them (key ``meal_take_verbs``)
            return Pred(kind, k, p, t, [g] + _governors(p, g))
        if t.deprel in ("nsubj", "nsubj:pass") and (
            L.has("occur_verbs", g)
            or L.has("light_verbs", g)
            # "the visit continues on Thursday in Mombasa", "la gira continuará en Mérida", "die
            # Reise geht in Graz weiter": a trip going on somewhere is there (key ``go_on_verbs``;
            # not "the talks continue", which may be by phone)
            or (kind == "visit" and _verb_of(L, p, g, "go_on_verbs"))
        ):
            if L.words.get("occur_objects") and fold(g.lemma) in rd.every_language("occur_light_verbs", events=True):
                if not any(L.has("occur_objects", c) for c in p.children(g.i)):
                    return None
            return Pred(kind, k, p, t, [g] + _governors(p, g))
        if (
            t.deprel == "obl"
            and kind == "meet"
            and _sits_down(L, p, g)
            and any(c.deprel == "case" and L.has("meet_goal_preps", c) for c in p.children(t.i))
        ):
            return Pred(
                kind, k, p, t, [g] + _governors(p, g)
            )  # "sat down for talks", "setzten sich zu Gesprächen zusammen"
        if t.deprel == "obl" and (
            (g.upos == "VERB" and (L.has("visit_verbs", g) or _stays_in(L, p, g)))
            # "is expected in Paris on Tuesday for talks with Y", "est attendu mardi à Paris pour des
            # entretiens avec Y": awaited somewhere for the talks, as one who travels there for them
            or (g.upos in ("VERB", "ADJ") and L.has("awaited_verbs", g) and _awaited(L, p, g))
        ):
            if kind == "visit":
                return None  # "arrived on a visit": the verb is the event
            if any(c.deprel == "case" and L.has("meet_goal_preps", c) for c in p.children(t.i)):
                # "came to the talks with Y", "arrived for the summit": the traveller takes part,
                # when and where the travel verb says
                return Pred(kind, k, p, t, [g] + _governors(p, g))
    if (
        kind == "visit"
        and g is not None
        and g.upos in ("NOUN", "PROPN")
        and t.deprel in ("nmod", "appos", "acl")
        and any(c.deprel == "case" and L.has("on_visit_preps", c) for c in p.children(t.i))
        and g.head
    ):
        # "le président ivoirien, en visite officielle en France, a été reçu ...", "Lula, on a
        # state visit to Spain, met ...": the person the noun hangs on is on that visit now
        verb = p.tok(g.head)
        if verb.upos in ("VERB", "AUX") and g.deprel in ("nsubj", "nsubj:pass"):
            return Pred(kind, k, p, t, [verb] + _governors(p, verb))
    if any(c.deprel == "cop" for c in p.children(t.i)):
        return Pred(kind, k, p, t, [])  # "it was their first meeting"
    if _during(L, p, t) and g is not None:
        # "during the summit, X and Y discussed ...": the clause around it says who and where
        verb = g
        while verb.upos not in ("VERB", "AUX") and verb.head:
            verb = p.tok(verb.head)
        if verb.upos in ("VERB", "AUX") and _after_event(L, p, t):
            # "X and Y agreed to set up a dialogue and to work together, after talks at ...": the
            # talks are over before the agreement, told in its verb, not in the infinitives it governs
            while verb.head and (
                verb.deprel == "xcomp" or (verb.deprel == "conj" and p.tok(verb.head).deprel == "xcomp")
            ):
                verb = p.tok(verb.head)
        if verb.upos in ("VERB", "AUX"):
            return Pred(kind, k, p, t, [verb] + _governors(p, verb), during=True)
        return None
    if t.deprel == "root":
        for c in p.children(t.i):
            if (
                c.upos in ("VERB", "AUX")
                and c.deprel in ("ccomp", "acl", "parataxis", "dep")
                and L.has("occur_verbs", c)
                and (
                    fold(c.lemma) not in rd.every_language("occur_light_verbs", events=True)
                    or any(L.has("occur_objects", x) for x in p.children(c.i))
                )
            ):
                # "Un tête-à-tête ..., que certains médias annonçaient, n'a pas eu lieu" with the
                # verb hung below its subject by the parser: that verb tells the noun's event
                return Pred(kind, k, p, t, [c] + _governors(p, c))
        return Pred(kind, k, p, t, [])  # a verbless headline or sentence: "Putin-Kim summit at Vostochny"
    if ctx.sents[k].para == -1 and not _verb_above(p, t):
        return Pred(kind, k, p, t, [])
    return None


def _names_someone(ctx: Ctx, p: Parse, c: Tok) -> bool:
    """The phrase ``c`` heads names a leader or a title in its own words (not "with business
    leaders", "avec les membres de la délégation")."""
    own = [c] + [x for x in p.children(c.i) if x.deprel in ("flat", "flat:name", "appos", "amod", "compound")]
    own += [y for x in own[1:] for y in p.children(x.i) if y.deprel in ("flat", "flat:name")]
    spans = [h.start for h in ctx.leader_hits] + [x.m.start for x in titles(ctx)]
    return any(x.start <= s < x.end for x in own for s in spans)


def _verb_above(p: Parse, t: Tok) -> bool:
    cur = t
    while cur.head:
        cur = p.tok(cur.head)
        if cur.upos in ("VERB", "AUX"):
            return True
    return False


# -- arguments -------------------------------------------------------------------------------
def _before_step(L: Lex | None, p: Parse, v: Tok) -> Tok | None:
    """The verb of the clause that ``v``, a clause told as right before the next step ("before
    sitting down with Y", "avant de s'entretenir avec Y", "antes de reunirse con Y", "bevor er
    sich mit Y zusammensetzte"; key ``before_words``), hangs on; None if ``v`` is no such clause.
    (Spanish "antes de" may come as the adverb "antes" with the infinitive under it.)"""
    if L is None or v.deprel != "advcl" or not v.head:
        return None
    up = p.tok(v.head)
    if any(c.deprel in ("mark", "case", "advmod") and L.has("before_words", c) for c in p.children(v.i)):
        return up if up.upos in ("VERB", "AUX") else None
    if up.upos == "ADV" and L.has("before_words", up) and up.head:
        g = p.tok(up.head)
        return g if g.upos in ("VERB", "AUX") else None
    return None


def _loose_relative(p: Parse, c: Tok) -> bool:
    """``c`` heads a relative clause the parser left as a bare ``dep``: a verb, or a noun with its
    copula, whose subject is a pronoun ("X, who is accompanying Y, met Z"; "on Tuesday afternoon
    local time, which was Wednesday morning in New Zealand")."""
    return (
        c.deprel == "dep"
        and (c.upos in ("VERB", "AUX") or any(x.deprel == "cop" for x in p.children(c.i)))
        and any(x.deprel in ("nsubj", "nsubj:pass") and x.upos == "PRON" for x in p.children(c.i))
    )


def _domain(p: Parse, top: Tok, skip: set[int] = frozenset()) -> set[int]:
    """Tokens of ``top``'s own clause: its subtree without the clauses embedded in it."""
    out, todo = set(), [top.i]
    while todo:
        j = todo.pop()
        out.add(j)
        kids = p.children(j)
        semis = [c.i for c in kids if c.deprel == "punct" and c.form == ";"]
        for c in kids:
            if c.i in skip:
                continue
            if any(j < s < c.i or c.i < s < j for s in semis):
                continue  # "X receives Y; no date yet for Z": a semicolon ends the clause
            if c.deprel in BOUNDARY or (
                c.deprel == "conj" and c.upos in ("VERB",) and p.tok(j).upos in ("VERB", "AUX")
            ):
                continue
            if _loose_relative(p, c):
                continue  # "X, who is accompanying Y, met Z" with the relative clause left loose
            if (
                c.deprel == "dep"
                and c.upos == "VERB"
                and _says(c)
                and any(x.deprel == "nsubj" for x in p.children(c.i))
            ):
                continue  # "X will have talks with Y in Z, his office said on Wednesday": the report's clause
            if c.deprel == "appos" and _relative_in_disguise(p, c):
                continue  # "Albares, der Sánchez begleitet, ist ... weitergereist" read as an apposition
            if c.deprel == "conj" and _negated_conjunct(p, c):
                continue  # "Li Qiang, mais ni Xi Jinping ni Han Zheng", "but not Xi": not of the clause
            todo.append(c.i)
    return out


@lru_cache(maxsize=1)
def _not_words() -> frozenset[str]:
    """The negators and the words of correlative negation of every language ("not", "ni",
    "weder", "noch", "ни"): distinct enough that one set serves every article."""
    words = set(rd.every_language("negators", events=True))
    for w in rd.every_language("correlative_negation", events=True):
        words.update(w.split())
    return frozenset(words)


def _negated_conjunct(p: Parse, c: Tok) -> bool:
    """A conjunct opened by a negation: "Li Qiang, but not Xi", "mais ni Xi ni Han", "aber weder Xi
    noch Han", "pero no Xi", "но не Си" (a noun; a negated verb is a clause of its own)."""
    if c.upos not in ("NOUN", "PROPN", "X"):
        return False
    return any(
        x.deprel in ("cc", "advmod", "cc:preconj", "neg") and fold(x.form) in _not_words() and x.i < c.i
        for x in p.children(c.i)
    )


def _says(t: Tok, key: str = "say") -> bool:
    """``t`` is a verb of saying as the lexicons write them under ``key`` ("said", "заявил*"; of a
    phrase, its last word: "indiqué" of "a indiqué"; "credit_verbs": "reported", "сообщ*")."""
    form = fold(t.form)
    words = {w.split()[-1] for w in rd.every_language(key) if w.strip()}
    return any(form == w or (w.endswith("*") and form.startswith(w[:-1])) for w in words)


def _relative_in_disguise(p: Parse, c: Tok) -> bool:
    """An apposition that opens with a relative pronoun and holds a verb: a relative clause the
    parser misread ("X, der Sánchez begleitet, ..."); its people are not the clause's."""
    sub = sorted((t for t in p.subtree(c.i) if t.upos != "PUNCT"), key=lambda t: t.i)
    return (
        len(sub) > 1
        and fold(sub[0].form) in rd.every_language("relative_pronouns", events=True)
        and any(t.upos in ("VERB", "AUX") for t in sub)
    )


def _pred_domain(pr: Pred, L: Lex | None = None) -> tuple[set[int], set[int]]:
    """(tokens of the event's clause, tokens in subject position)."""
    p = pr.p
    dom = _domain(p, pr.head)
    subj: set[int] = set()
    root = p.tok(pr.head.head) if pr.head.head else None
    if (
        root is not None
        and pr.head.upos == "VERB"
        and pr.head.deprel == "dep"
        and root.deprel == "root"
        and root.upos in ("NOUN", "PROPN")
        and any(c.deprel == "cop" for c in p.children(root.i))
    ):
        # "Am Mittwoch ist Bundeskanzler X in Zagreb mit Y zusammengetroffen": the parser took the
        # perfect's "ist" for a copula, the subject for the root and the participle for a loose
        # word; the root's clause is the event's, the root and its apposition its subject
        dom |= _domain(p, root)
        subj |= {root.i} | {
            x.i for c in p.children(root.i) if c.deprel in ("appos", "flat", "compound") for x in p.subtree(c.i)
        }
    for c in p.children(pr.head.i):
        if c.deprel in ("nsubj", "nsubj:pass") or (
            c.deprel == "nmod" and pr.head.upos == "NOUN" and c.upos == "PROPN" and pr.kind == "visit"
        ):
            subj |= _domain(p, c)
    if (
        root is not None
        and pr.head.deprel == "conj"
        and root.upos == "PROPN"
        and root.i < pr.head.i
        and any(c.deprel.startswith("nsubj") and c.i < pr.head.i for c in p.children(pr.head.i))
    ):
        # "Merz et De Wever se sont entretenus": the parser made the first name the root and the
        # verb its conjunct; that name is the verb's subject too
        first = {root.i} | {x.i for c in p.children(root.i) if c.deprel in ("flat", "appos") for x in p.subtree(c.i)}
        subj |= first
        dom |= first
    prev = pr.head
    for g in pr.gov:
        if g.deprel.startswith("~"):
            break
        # the governing verb's subject and obliques belong to the event too ("X hopes to meet Y")
        for c in p.children(g.i):
            if c.i == prev.i or c.deprel in BOUNDARY:
                continue
            if (
                prev.deprel == "conj"
                and L is not None
                and _companion(L, p, c)
                and any(
                    (_companion(L, p, x) or x.deprel == "obl:agent" or _agent_by(L, p, x))
                    and x.upos in ("NOUN", "PROPN")
                    for x in p.children(prev.i)
                )
            ):
                # "talks with Lavrov, and then met Shoigu": coordinated verbs share a subject, a
                # time and a place, not the people each was with (when each names its own; "spoke
                # with Li and then met him" is one person)
                continue
            # (an adjective hung on a verb is a parser's slip for an adverb: "a accordé avant-hier
            # une audience")
            if c.deprel in ("nsubj", "nsubj:pass", "obl", "obl:agent", "iobj", "advmod", "obj", "nmod", "dep") or (
                c.deprel == "amod" and g.upos == "VERB"
            ):
                if _loose_relative(p, c):
                    continue
                d = _domain(p, c)
                dom |= d
                if c.deprel in ("nsubj", "nsubj:pass"):
                    subj |= d
        prev = g
    # the relative clause the predicate is, or whose verb it is joined to with no subject of its own
    # ("X, qui a atterri à Jakarta, s'est entretenu avec Y", the second verb hung on the first)
    rel = pr.head
    if (
        pr.head.deprel == "conj"
        and pr.head.head
        and pr.head.upos in ("VERB", "AUX")
        and not any(c.deprel.startswith(("nsubj", "csubj")) for c in p.children(pr.head.i))
    ):
        rel = p.tok(pr.head.head)
    if (
        (
            rel.deprel == "acl:relcl"
            # "Kast, que aterrizó en Seúl", "Merz, der in Doha gelandet war": a relative clause the
            # parser calls a plain clausal modifier, known by its relative pronoun subject
            # (on a noun: not one the parser hung on the verb before it, "dankte den Pflegern, die
            # in Jakarta gelandet waren", whose antecedent it leaves unsaid)
            or (
                rel.deprel == "acl"
                and L is not None
                and bool(rel.head)
                and p.tok(rel.head).upos in ("NOUN", "PROPN")
                and any(c.deprel.startswith("nsubj") and L.has("relative_pronouns", c) for c in p.children(rel.i))
            )
        )
        and rel.head
        and not any(p.tok(i).upos in ("PROPN", "NOUN") for i in subj)
        and not any(
            c.upos == "PRON" and (c.deprel == "obj" or (c.deprel == "nsubj:pass" and pr.kind != "visit"))
            for c in p.children(rel.i)
        )  # ("der ... gelandet war": a perfect of a travel verb read as a passive)
        and not any(fold(c.form) in _where_words() for c in p.children(rel.i))
    ):
        # "Sheinbaum, who met Carney in June": the noun the relative clause hangs on (not the
        # place of "..., where he met": a clause of place has the traveller's subject)
        ante = p.tok(rel.head)
        d = {x.i for x in p.subtree(ante.i)} - {x.i for x in p.subtree(rel.i)}
        subj |= d
        dom |= d
    top = _place_top(p, _first_conjunct(p, _clause_verb(pr)))
    step_of = _before_step(L, p, top)
    if (
        top.deprel == "advcl"
        and top.head
        and not subj
        and top.upos in ("VERB", "AUX")
        and not any(
            c.deprel in ("nsubj", "nsubj:pass", "expl", "csubj")
            and not (c.deprel == "expl" and L is not None and L.has("reflexive_pronouns", c))  # ("s'entretenir")
            for c in p.children(top.i)
        )
        and not any(fold(c.form) in _where_words() for c in p.children(top.i))
        # ("avant de s'entretenir avec Y", "antes de reunirse con Y", "before sitting down with Y":
        # the infinitive's subject is the main clause's)
        and (_finite_clause(p, top) or step_of is not None)
    ):
        # "X urged Japan to spend more, mientras recibía / когда принимал / while hosting its
        # minister": a clause of time with no subject of its own has its main clause's
        for c in p.children(step_of.i if step_of is not None else top.head):
            if c.deprel in ("nsubj", "nsubj:pass") and c.i != top.i:
                d = _domain(p, c)
                subj |= d
                dom |= d
    if (
        top.deprel in ("acl:relcl", "advcl", "acl")
        and top.head
        and any(c.deprel in ("advmod", "mark", "obl") and fold(c.form) in _where_words() for c in p.children(top.i))
    ):
        # "flew on to Warsaw, where Tusk received him", "... to Beijing, where he will hold talks
        # with Xi": the place the relative adverb stands for
        ante = p.tok(top.head)
        dom |= {ante.i} | {c.i for c in p.children(ante.i) if c.deprel in ("flat", "case", "compound")}
        if ante.upos != "PROPN" or fold(ante.form) in _calendar_words():
            # "reist nach Madrid weiter, wo er ...", "to Jakarta on Wednesday, where he ...": the
            # clause hangs on the verb or on the day, the place it stands for is the proper noun
            # just before the relative adverb
            where = next(c for c in p.children(top.i) if fold(c.form) in _where_words())
            name = _name_before(p, where)
            if name is not None:
                dom |= {x.i for x in p.subtree(name.i) if x.i < where.i}
    kids = p.children(pr.head.i)
    passive = any(c.deprel == "aux:pass" for c in kids) or any(
        c.deprel == "aux" and fold(c.lemma) in rd.every_language("passive_aux", events=True) for c in kids
    )
    if pr.kind == "meet" and passive and not any(c.deprel == "obl:agent" for c in kids):
        # "a été reçu à déjeuner à l'Élysée par Macron", "fue recibido a almorzar ... por el
        # presidente", the agent parsed under the infinitive: the passive's agent all the same
        # (not one inside a relative clause)
        relcl = {x.i for c in p.toks if c.deprel == "acl:relcl" for x in p.subtree(c.i)}
        agent = next(
            (
                x
                for x in p.subtree(pr.head.i)
                if x.i not in relcl
                and (
                    x.deprel == "obl:agent"
                    or (
                        x.upos in ("NOUN", "PROPN")
                        and x.head != pr.head.i
                        and any(
                            c.deprel == "case" and fold(c.form) in rd.every_language("agent_preps", events=True)
                            for c in p.children(x.i)
                        )
                    )
                )
            ),
            None,
        )
        if agent is not None:
            dom |= _domain(p, agent)
    if pr.kind == "meet" and pr.head.upos == "VERB" and L is not None:
        for c in kids:
            if (
                c.deprel in ("advcl", "xcomp")
                and c.upos == "VERB"
                and not any(x.deprel in ("nsubj", "nsubj:pass") for x in p.children(c.i))
                and not any(L.has(key, c) for key in ("meet_verbs", "visit_verbs", "call_words"))
            ):
                # "reçu à déjeuner à l'Élysée", "received for dinner at the palace": the meal's
                # place is the reception's
                for o in p.children(c.i):
                    if o.deprel == "obl" and _case_of(p, o) in L.words.get("locative_case", ()):
                        dom |= _domain(p, o)
    if pr.kind == "meet" and pr.head.upos == "VERB" and not any(c.deprel == "obj" for c in kids):
        for c in kids:
            if (
                c.deprel in ("advcl", "conj")
                and c.i > pr.head.i
                and c.upos == "VERB"
                # a bare participle: no auxiliary, no conjunction ("et Y est arrivé" is a clause)
                and not any(x.deprel in ("aux", "aux:pass", "mark", "cop", "cc") for x in p.children(c.i))
            ):
                # "a reçu mardi à Berne la ministre canadienne, Anita Anand, arrivée la veille": the
                # one received read as the subject of the participle after her; she is the object
                last = max(y.i for y in p.subtree(c.i))
                if any(y.upos != "PUNCT" for y in p.toks[last:]):
                    continue  # ("a reçu, Merz reparti la veille, le président Lula": the one received comes after)
                for x in p.children(c.i):
                    if x.deprel == "nsubj" and pr.head.i < x.i < c.i and x.upos in ("NOUN", "PROPN"):
                        dom |= _domain(p, x)
    moving = pr.kind in ("visit", "meet")  # an invitation's participle hangs on the one invited
    if (
        moving
        and pr.head.deprel == "acl"
        and pr.head.upos == "VERB"
        and pr.head.head
        and not subj
        and not any(c.deprel in ("nsubj", "nsubj:pass", "mark") for c in p.children(pr.head.i))
        and not any(fold(c.form) in _where_words() for c in p.children(pr.head.i))
    ):
        # "Arrivé mercredi à Varsovie, le chancelier ...", parsed as a participle on its noun
        # (not "en Lima, donde se reunirá": the clause of a place has the traveller's subject)
        ante = p.tok(pr.head.head)
        if ante.upos in ("NOUN", "PROPN"):
            d = {x.i for x in p.subtree(ante.i)} - {x.i for x in p.subtree(pr.head.i)}
            subj |= d
            dom |= d
    if (
        moving
        and pr.head.deprel == "advcl"
        and pr.head.upos == "VERB"
        and pr.head.head
        and not any(c.deprel in ("nsubj", "nsubj:pass", "mark", "expl") for c in p.children(pr.head.i))
    ):
        # "Arrivé dimanche à Hanoï, Macron a ...", "Arriving in Delhi, she ...", "Прибыв в Минск,
        # Путин ...": a participle's subject is the main clause's ("Nada más llegar a ..., Sánchez")
        up = p.tok(pr.head.head)
        while up.upos not in ("VERB", "AUX") and up.head:
            up = p.tok(up.head)
        for c in p.children(up.i):
            if c.deprel in ("nsubj", "nsubj:pass"):
                d = _domain(p, c)
                subj |= d
                dom |= d
    if pr.head.deprel == "conj" and not subj:
        first = p.tok(pr.head.head)
        for c in p.children(first.i):
            if c.deprel in ("nsubj", "nsubj:pass"):
                d = _domain(p, c)
                subj |= d
                dom |= d
    return dom, subj


def _controller(L: Lex, p: Parse, t: Tok) -> Tok | None:
    """ "will travel to Savai'i to visit villages, before flying to Nuku'alofa", "visitera Sfax,
    avant de s'envoler pour Tunis", "se desplazará a Yeda antes de volar a Doha": a travel verb
    with no subject of its own (an infinitive, a gerund) in a clause a sequence word opens is
    done by the subject of the verb it hangs on (up through the verbs that share it), in that
    verb's time. That verb (the first up the chain, when one up it has a subject), or None."""
    if t.upos != "VERB" or any(c.deprel.startswith(("nsubj", "csubj")) for c in p.children(t.i)):
        return None
    head = p.tok(t.head) if t.head else None
    opened = any(
        c.deprel in ("mark", "case") and (L.has("sequence_marks", c) or L.has("sequence_words", c))
        for c in p.children(t.i)
    ) or (head is not None and head.upos == "ADV" and L.has("sequence_words", head))
    if not opened:
        return None
    cur, verb = head, None
    for _ in range(4):
        if cur is None:
            break
        if cur.upos in ("VERB", "AUX"):
            verb = verb or cur
            if any(c.deprel in ("nsubj", "nsubj:pass") for c in p.children(cur.i)):
                return verb
        if cur.deprel in ("ccomp", "csubj", "acl:relcl", "acl", "parataxis") or not cur.head:
            break  # (a clause of its own: "X said that Y ...", "the visit that ...")
        cur = p.tok(cur.head)
    return verb  # (its subject, if any, is the one person of its clause: ``_event``)


def _joined_subject(ctx: Ctx, p: Parse, verb: Tok, own: Tok) -> set[int]:
    """The tokens of the subject of ``verb`` (the clause ``own``'s clause is joined to), up its
    chain; else, when the parse hung no subject on it ("On Thursday Luxon will travel to X, before
    ..." with the name taken into the time phrase), of the one person its clause names before the
    verb (not for a conjunct verb: "held talks with X and was received by Y")."""
    subj = _subject_up(p, verb)
    if subj:
        return subj
    if own.deprel == "conj":
        return set()  # ("held talks with X and was received by Y": X is no subject of the second verb)
    rest = _domain(p, verb) - {t.i for t in p.subtree(own.i)}
    hits = [h for h in _leaders_in(ctx, p, rest) if h.end <= verb.start]  # (before the verb, where a subject stands)
    if len({h.lid for h in hits}) != 1:
        return set()
    return {i for h in hits for i in _tok_ids(p, h.start, h.end)}


def _subject_up(p: Parse, v: Tok) -> set[int]:
    """The tokens of the subject of ``v`` or of the first verb up its chain that has one."""
    cur: Tok | None = v
    for _ in range(4):
        if cur is None:
            break
        subs = [c for c in p.children(cur.i) if c.deprel in ("nsubj", "nsubj:pass")]
        if subs:
            return {x for c in subs for x in _domain(p, c)}
        cur = p.tok(cur.head) if cur.head else None
    return set()


@lru_cache(maxsize=8)
def _time_units(lang: str) -> frozenset[str]:
    """The words of the units a time is counted in ("years", "Tagen", "месяцев"): lexicon ``ago_units``."""
    return frozenset(fold(w) for ws in rd.lexicon(lang).get("ago_units", {}).values() for w in ws)


@lru_cache(maxsize=8)
def _weekday_words(lang: str) -> tuple[str, ...]:
    """The weekday names of the dates lexicon (``weekdays``; a trailing * for any ending)."""
    return tuple(fold(w) for w in rd.lexicon(lang).get("weekdays", {}))


def _day_word(lang: str, t: Tok) -> bool:
    """``t`` is a weekday's name ("вторник", "Tuesday", "mardi")."""
    words = {fold(t.form), fold(t.lemma)}
    return any((x.startswith(w[:-1]) if w.endswith("*") else x == w) for w in _weekday_words(lang) for x in words)


def _time_unit(lang: str, t: Tok) -> bool:
    return t.upos == "NOUN" and (fold(t.form) in _time_units(lang) or fold(t.lemma) in _time_units(lang))


def _time_word(L: Lex, t: Tok) -> bool:
    """``t`` names a time: a weekday, month or season ("Thursday", "Herbst") or a unit of time
    ("days", "Stunden")."""
    return fold(t.form) in _calendar(L.lang) or fold(t.lemma) in _calendar(L.lang) or _time_unit(L.lang, t)


def _another_event(L: Lex, pr: Pred, frames: bool = True) -> set[int]:
    """Tokens of a phrase that places the event after or before another one ("after the audience
    with the king", "tras la audiencia con el rey", "nach dem Treffen mit ...", "после встречи с
    ..."): who and where that other event was is not this one's."""
    p = pr.p
    out: set[int] = set()
    heads = [pr.head, *[g for g in pr.gov if not g.deprel.startswith("~")]]
    for v in heads + [t for t in p.toks if t.upos in ("NOUN", "PROPN") and t.i != pr.head.i]:
        for c in p.children(v.i):
            if c.deprel == "advmod" and L.has("sequence_words", c) and p.children(c.i):
                if any(_time_unit(L.lang, x) for x in p.children(c.i)):
                    continue  # "siete años antes, en julio de 2019": a time counted back, no other event
                ids = {x.i for x in p.subtree(c.i)}  # "ahead of Tinubu's visit", "prior to the summit"
                if pr.head.i not in ids:
                    out |= ids
                continue
            if c.deprel not in ("obl", "nmod", "advcl", "obl:arg") or not (
                c.upos in ("NOUN", "VERB")
                # "before meeting Modi", parsed as a name the verb qualifies
                or (c.upos == "PROPN" and any(x.upos == "VERB" and x.deprel == "amod" for x in p.children(c.i)))
            ):
                continue  # "nach Paris" is where to, not after what
            if not any(
                g.deprel in ("case", "mark") and (L.has("sequence_words", g) or L.has("sequence_marks", g))
                for g in p.children(c.i)
            ) and not (
                # "en amont de la visite de X le mois prochain", "im Vorfeld des Besuchs", "в
                # преддверии визита": a noun of sequence over another event (with ``frames``)
                frames
                and c.upos == "NOUN"
                and (
                    (
                        (L.has("sequence_words", c) or _hyphened(p, c) in L.words.get("sequence_words", ()))
                        and any(L.has("visit_nouns", x) or L.has("meet_nouns", x) for x in p.children(c.i))
                    )
                    # "Накануне визита": an event noun after a preposition of the eve (key ``eve_preps``)
                    or (
                        (L.has("visit_nouns", c) or L.has("meet_nouns", c))
                        and any(g.deprel == "case" and L.has("eve_preps", g) for g in p.children(c.i))
                    )
                )
            ):
                continue
            ids = {x.i for x in p.subtree(c.i)}
            for x in p.children(c.i):
                if x.deprel in ("conj", "appos") and _day_word(L.lang, x):
                    # "Накануне визита, во вторник, ...": the day set beside the frame is the clause's
                    ids -= {y.i for y in p.subtree(x.i)}
            if pr.head.i not in ids:
                out |= ids
    # "met Wang Yi to prepare for President Putin's visit to China", "on the eve of a visit to China
    # by Putin": the traveller of another trip the clause names is that trip's, not this event's
    gov = {g.i for g in pr.gov}
    # (not the trip the predicate itself tells: "arrived for a visit to Warsaw", "est arrivé pour
    # une visite")
    heads_ids = {c.i for v in heads for c in p.children(v.i) if c.deprel in ("obl", "obj", "nmod", "xcomp")}
    for t in p.toks:
        if t.i == pr.head.i or t.i in gov or t.upos != "NOUN" or not L.has("visit_nouns", t):
            continue
        if pr.head.i in {x.i for x in p.subtree(t.i)}:
            continue
        if t.i in heads_ids:
            continue
        places = L.words.get("locative_case", frozenset()) | L.words.get("direction_case", frozenset())
        for c in p.children(t.i):
            if c.deprel in ("nmod:poss", "nmod", "obl:agent", "obl") and c.upos in ("PROPN", "NOUN"):
                if any(x.deprel == "case" and fold(x.form) in places for x in p.children(c.i)):
                    continue  # where the trip goes ("Besuch in Wien, wo ..."), not whose it is
                ids = {x.i for x in p.subtree(c.i)}
                if pr.head.i not in ids:
                    out |= ids
    return out


def _clause_above(pr: Pred) -> Pred | None:
    """The clause the predicate's adverbial clause hangs on, as a predicate of its verb ("Arrivé
    lundi à Paris, X avait été reçu mardi": "reçu"), or None."""
    top = _clause_verb(pr)
    if top.deprel != "advcl" or not top.head:
        return None
    up = pr.p.tok(top.head)
    return Pred(pr.kind, pr.k, pr.p, up, _governors(pr.p, up)) if up.upos in ("VERB", "AUX") else None


def _pluperfect_above(L: Lex, pr: Pred) -> bool:
    """The verb the predicate's adverbial clause hangs on is in the pluperfect ("Arrivé lundi à
    Paris, X avait été reçu mardi", "Having arrived on Monday, X had been received")."""
    above = _clause_above(pr)
    return above is not None and _pluperfect(L, above)


def _pluperfect(L: Lex, pr: Pred) -> bool:
    """The event's verb is in the pluperfect ("had met", "avait été reçu", "había recibido")."""
    verb = next(
        (v for v in [pr.head] + list(pr.gov) if v.upos in ("VERB", "AUX") and not v.deprel.startswith("~")), None
    )
    if verb is None and pr.head.upos == "ADJ":
        verb = pr.head  # "ils s'étaient entretenus", the participle parsed as an adjective under a copula
    if verb is None:
        return False
    kids = pr.p.children(verb.i)
    if any(
        (c.deprel in ("aux", "aux:pass") or (c.deprel == "cop" and verb.upos == "ADJ")) and L.has("pluperfect_aux", c)
        for c in kids
    ):
        return True
    # "war ... zusammengekommen und ... empfangen worden", "had met ... and been received": a
    # passive participle joined to a pluperfect shares its auxiliary (not "and was received")
    passive = [c for c in kids if c.deprel == "aux:pass"]
    return (
        verb.deprel == "conj"
        and bool(passive)
        and all(L.has("passive_participle_aux", c) for c in passive)
        and not any(c.deprel == "aux" for c in kids)
        and any(c.deprel in ("aux", "aux:pass") and L.has("pluperfect_aux", c) for c in pr.p.children(verb.head))
    )


def _phrase(ctx: Ctx, L: Lex, key: str, k: int) -> bool:
    """One of the lexicon's phrases under ``key`` is in sentence ``k`` ("later that day", "plus tôt
    dans la journée", "в тот же день"), as whole words."""
    text = fold(ctx.text[ctx.sents[k].start : ctx.sents[k].end])
    return any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", text) for w in L.words.get(key, ()))


def _clock_time(ctx: Ctx, L: Lex, k: int) -> bool:
    """Sentence ``k`` tells a time of day by the clock ("at 5 p.m.", "vers 17 heures", "a las
    17.30 horas", "um 17 Uhr", "в 17 часов"; key ``clock_units``): a time in the story's day, like
    a part of the day."""
    units = sorted(L.words.get("clock_units", ()), key=len, reverse=True)
    if not units:
        return False
    text = fold(ctx.text[ctx.sents[k].start : ctx.sents[k].end])
    alt = "|".join(re.escape(u) for u in units)
    return re.search(r"(?<![\w.,])(?:[01]?\d|2[0-3])(?:[:.h]\s?[0-5]\d)?\s?(?:" + alt + r")(?!\w)", text) is not None


def _earlier_that_day(ctx: Ctx, L: Lex, k: int) -> bool:
    """Sentence ``k``'s main verb takes a bare "earlier" and the sentence names no time ("The
    Sultan had earlier been given a ceremonial welcome at ..., where X received him", "Il avait
    auparavant été accueilli ..."): told as before the encounter just told, as a sentence opening
    with it (not "earlier this year", "earlier in the week": a time of its own)."""
    p = parsed(ctx).get(k)
    if p is None or any(ctx.sent_of(d.start) == k for d in ctx.dates) or _phrase(ctx, L, "earlier_phrases", k):
        return False
    return any(
        c.deprel == "advmod" and L.has("earlier_words", c) and not p.children(c.i)
        for t in p.toks
        if t.deprel == "root"
        for c in p.children(t.i)
    )


def _opens_with(ctx: Ctx, L: Lex, key: str, k: int) -> bool:
    """Sentence ``k`` begins with one of the lexicon's phrases under ``key`` ("Before that, ...")."""
    text = fold(ctx.text[ctx.sents[k].start : ctx.sents[k].end]).lstrip()
    return any(re.match(re.escape(w) + r"(?!\w)", text) for w in L.words.get(key, ()))


def _phrase_at(ctx: Ctx, L: Lex, key: str, t: Tok) -> bool:
    """One of the lexicon's phrases under ``key`` takes in token ``t`` ("ce jour-là", "that day")."""
    s = ctx.sents[ctx.sent_of(t.start)]
    near = fold(ctx.text[max(s.start, t.start - 40) : min(s.end, t.end + 40)])
    form = fold(t.form)
    return any(
        form in re.findall(r"[\w-]+", w) and re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", near)
        for w in L.words.get(key, ())
    )


def _clause_verb(pr: Pred) -> Tok:
    """The verb of the event's clause: the predicate itself, or for an event noun the verb it is
    the object or subject of ("held talks", "talks took place")."""
    if pr.head.upos in ("NOUN", "PROPN") and pr.gov and pr.head.deprel in ("obj", "nsubj", "nsubj:pass"):
        g = pr.gov[0]
        if g.i == pr.head.head and (
            g.upos in ("VERB", "AUX")
            # ("donde está prevista una reunión": a participle the parser took for an adjective)
            or (g.upos == "ADJ" and any(c.deprel in ("cop", "aux", "aux:pass") for c in pr.p.children(g.i)))
        ):
            return g
    return pr.head


def _departed_from(ctx: Ctx, L: Lex, pr: Pred) -> list[tuple[str, Match]] | None:
    """An event noun placed before a departure ("left Moscow for Beijing after talks with Putin",
    "a quitté Moscou pour Pékin après des entretiens", "вылетел из Москвы в Пекин после
    переговоров"): the talks were where the traveller left from (the departure's object, or its
    "from" phrase), not where he went; None when the clause is no such departure."""
    p = pr.p
    if pr.head.upos not in ("NOUN", "PROPN") or not pr.gov or not _sequenced(L, p, pr.head):
        return None
    g = pr.gov[0]
    if g.upos not in ("VERB", "AUX") or not L.has("departure_verbs", g):
        return None
    ids: set[int] = set()
    for c in p.children(g.i):
        if c.deprel == "obj" or (
            c.deprel in ("obl", "nmod", "obl:arg")
            and any(x.deprel == "case" and L.has("origin_words", x) for x in p.children(c.i))
        ):
            ids |= {x.i for x in p.subtree(c.i)}
    return [(pid, m) for pid, m in ctx.place_hits if p.start <= m.start < p.end and _tok_ids(p, m.start, m.end) & ids]


def _other_tense_conjunct(ctx: Ctx, L: Lex, pr: Pred) -> bool:
    """The event's verb is a conjunct told in another tense than the verb it is joined to: a
    future after a past ("visited Egypt in 2023 and will fly to Cairo"), a past after a future
    ("will travel to Rome in June and visited Milan last year"). It shares none of that verb's
    times."""
    v = _clause_verb(pr)
    while v.deprel == "xcomp" and v.head:
        v = pr.p.tok(v.head)  # "y volverá a viajar a El Cairo": the conjunct is "volverá"
    if v.deprel != "conj" or not v.head or v.upos not in ("VERB", "AUX"):
        return False
    first = pr.p.tok(v.head)
    if first.upos not in ("VERB", "AUX"):
        return False
    mine, theirs = Pred(pr.kind, pr.k, pr.p, v, []), Pred(pr.kind, pr.k, pr.p, first, [])
    if _future(ctx, L, mine):
        return not _future(ctx, L, theirs)
    return _future(ctx, L, theirs) and _past_tense(ctx, L, mine)


def _own_clause(p: Parse, pr: Pred) -> set[int]:
    """The tokens of the event's own clause: its verb's subtree, from the verb that governs it
    when it is that verb's complement ("plan to meet": the planning clause, its time included)."""
    t = _clause_verb(pr)
    while t.deprel == "xcomp" and t.head:
        t = p.tok(t.head)
    return {x.i for x in p.subtree(t.i)}


@lru_cache(maxsize=1)
def _where_words() -> frozenset[str]:
    """The relative adverbs of place of the five languages, folded ("where", "où", "wo", "где"):
    distinct words, so one set serves every language."""
    return frozenset(
        fold(w) for lang in rd.languages() for w in rd.lexicon(lang).get("events", {}).get("where_words", ())
    )


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """Month and weekday names of the five languages, folded: a day is never the place meant."""
    from relgraph.loaders.dates import calendar_words

    return frozenset(w for lang in rd.languages() for w in calendar_words(lang))


def _ago_clauses(ctx: Ctx, p: Parse, dom: set[int]) -> set[int]:
    """ "il y a un an à Johannesburg", "hace dos años en Lima": the parser makes the counted-back
    time a clause of its own (its verb "a", "hace"); that clause, with the place in it, belongs to
    the event it dates."""
    out: set[int] = set()
    for d in ctx.dates:
        if not d.ago or not p.start <= d.start < p.end:
            continue
        ids = _tok_ids(p, d.start, d.end)
        for i in ids:
            t = p.tok(i)
            if t.deprel in BOUNDARY and t.head in dom and t.head not in ids:
                out |= _domain(p, t)
    return out


def _setting_clauses(ctx: Ctx, L: Lex, p: Parse, pr: Pred, dom: set[int]) -> set[int]:
    """ "met Y at the summit held in Rio last November", "lors du sommet tenu à Rio", "en la
    cumbre celebrada en Río", "на саммите, прошедшем в Рио": the clause that says where and when a
    meeting noun of the event's own clause took place (a participle or a relative of taking place
    or holding) sets the event there and then. Only its phrases without a person: "the summit
    hosted by Lula" puts nobody in the event; and not the day a summit began or ended on."""
    out: set[int] = set()
    rels = L.words.get("thing_relatives", ())
    for j in sorted(dom):
        n = p.tok(j)
        if n.upos != "NOUN" or not L.has("meet_nouns", n) or (j != pr.head.i and n.deprel not in ("obl", "nmod")):
            continue
        for c in p.children(j):
            if c.deprel not in ("acl", "acl:relcl", "amod") or c.upos not in ("VERB", "ADJ"):
                continue
            if not (L.has("occur_verbs", c) or L.has("light_verbs", c)):
                continue
            kids = p.children(c.i)
            if any(
                x.deprel in ("nsubj", "nsubj:pass", "csubj")
                and not (x.feats.get("PronType") == "Rel" or fold(x.form) in rels)
                or (x.deprel == "mark" and fold(x.form) not in rels)
                for x in kids
            ):
                continue  # "the summit they held": a clause with a subject of its own
            if c.deprel == "acl:relcl" and not any(
                x.feats.get("PronType") == "Rel" or fold(x.form) in rels for x in kids
            ):
                continue
            if _present(ctx, L, Pred(pr.kind, pr.k, p, c, _governors(p, c))):
                continue  # "la primera que se celebra en Castilla y León en dos décadas": said of such summits
            for x in kids:
                if x.deprel not in ("obl", "obl:tmod", "nmod", "advmod"):
                    continue
                sub = {t.i for t in p.subtree(x.i)}
                if L.has("edge_verbs", c) and any(
                    d.precision == "day" and _tok_ids(p, d.start, d.end) & sub for d in ctx.dates
                ):
                    continue  # "the summit, which closed on Sunday": the day it ended, not the talks' (key ``edge_verbs``)
                if _leaders_in(ctx, p, sub) or any(
                    ctx.places[pid].get("guessed") and _tok_ids(p, m.start, m.end) & sub for pid, m in ctx.place_hits
                ):
                    continue  # (nor a town only guessed from the text: the reference data does not know it)
                out |= sub
    return out


def _ago_ids(ctx: Ctx, p: Parse) -> set[int]:
    return {i for d in ctx.dates if d.ago and p.start <= d.start < p.end for i in _tok_ids(p, d.start, d.end)}


def _tok_ids(p: Parse, start: int, end: int) -> set[int]:
    return {t.i for t in p.toks if t.start < end and start < t.end}


def _denies(L: Lex, p: Parse, t: Tok) -> bool:
    """ "ruled out", "a démenti", "descartó", "ausgeschlossen", "исключил": a verb of denial."""
    return t.upos in ("VERB", "ADJ") and _verb_of(L, p, t, "deny_verbs")


def _verb_of(L: Lex, p: Parse, v: Tok, key: str) -> bool:
    """``v`` is a verb of lexicon ``key``, a separable one too, its particle after it ("nahm ...
    an", "sagte ... zu", "schloss ... aus": "nehmen an" in the lexicon)."""
    if L.has(key, v):
        return True
    prt = [c for c in p.children(v.i) if c.deprel in ("compound:prt", "compound") and c.i > v.i]
    return any(f"{fold(v.lemma)} {fold(c.form)}" in L.words.get(key, ()) for c in prt)


def _denied(L: Lex, pr: Pred) -> bool:
    """The event is what a verb of denial denies: its object ("ruled out a meeting", "hat ein
    Treffen ausgeschlossen", parsed either way round), or a clause on that object ("a démenti les
    informations selon lesquelles X rencontrerait Y", "denied that X would travel to Z")."""
    p = pr.p
    if any(c.deprel in ("acl", "acl:relcl") and _denies(L, p, c) for c in p.children(pr.head.i)):
        return True  # "ein Treffen ... ausgeschlossen" with the participle hung on the noun
    cur, steps = _clause_verb(pr), 0
    while cur.head and steps < 3:
        up = p.tok(cur.head)
        if _denies(L, p, up) and cur.deprel in ("obj", "nsubj:pass", "ccomp", "xcomp", "advcl"):
            return True
        if cur.deprel not in ("acl", "acl:relcl", "obj", "nsubj:pass", "ccomp", "nmod", "xcomp"):
            return False  # (xcomp: "denied that X plans to travel to Z")
        cur, steps = up, steps + 1
    return False


def _negated(ctx: Ctx, L: Lex, pr: Pred) -> bool:
    p = pr.p
    if _denied(L, pr):
        return True
    if pr.head.deprel != "root" and _phrase_in(ctx, pr.k, "error_phrases"):
        # "we wrongly reported that X had met Y", "afirmamos por error que ...", "haben wir
        # fälschlicherweise berichtet, dass ...": a claim the text takes back
        return True
    if pr.head.deprel != "root" and pr.k + 1 < len(ctx.sents):
        nxt = fold(ctx.text[ctx.sents[pr.k + 1].start : ctx.sents[pr.k + 1].end]).lstrip(" \"«„“'-–—")
        if any(nxt.startswith(fold(w)) for w in L.words.get("retraction_openers", ())):
            return True  # "we had written that X and Y met. This is incorrect: ...": taken back at once
    if ctx.lang == "ru" and any(
        fold(t.lemma) == "быть" and any(c.feats.get("Polarity") == "Neg" for c in p.children(t.i)) for t in p.toks
    ):
        # "встречи ... не было": the genitive of negation, the parser leaving "не было" a root apart
        # (and the meeting noun hung on another verb of the sentence, whose event it then is)
        near = [pr.head] + [c for g in pr.gov if not g.deprel.startswith("~") for c in p.children(g.i)]
        if any(
            n.upos == "NOUN"
            and n.feats.get("Case") == "Gen"
            and (L.has("meet_nouns", n) or L.has("visit_nouns", n))
            and not any(c.deprel == "case" for c in p.children(n.i))
            and (not n.head or p.tok(n.head).upos in ("VERB", "AUX"))
            for n in near
        ):
            return True
    heads = [pr.head] + [g for g in pr.gov]
    if pr.kind == "meet" and any(
        c.deprel in ("amod", "advmod") and L.has("indirect_words", c) for h in heads[:2] for c in p.children(h.i)
    ):
        # "indirect talks", "hat indirekt verhandelt", "pourparlers indirects", "непрямые переговоры":
        # each side in its own room, a go-between carrying the messages: they did not meet
        return True
    for h in heads:
        if any(
            c.deprel in ("obl", "advmod", "obl:tmod", "nmod:tmod")
            and L.has("no_time_nouns", c)
            and any(x.deprel in ("det", "amod", "advmod") and L.has("negators", x) for x in p.children(c.i))
            for c in p.children(h.i)
        ):
            return True  # "at no point did they meet", "ne se sont à aucun moment retrouvés", "zu keinem Zeitpunkt"
    for h in heads:
        hi = h.i
        for c in p.children(hi):
            if c.deprel in ("advmod", "neg", "det", "cc:preconj", "aux", "mark", "case", "amod", "nmod", "obl") and (
                L.has("negators", c) or c.feats.get("Polarity") == "Neg"
            ):
                if c.deprel in ("case",) and fold(c.form) not in rd.every_language("without_preps", events=True):
                    continue
                return True
    # "Ein Treffen hat es seit Monaten nicht gegeben": the parser making the auxiliary the root and
    # the participle, with its negator, a complement of it; the negated participle is the clause's
    for h in heads[1:2]:
        if (
            h.upos in ("VERB", "AUX")
            and fold(h.lemma) in ("haben", "sein")
            and any(
                x.deprel == "xcomp"
                and x.upos == "VERB"
                and x.i > h.i
                and any(c.deprel in ("advmod", "neg") and L.has("negators", c) for c in p.children(x.i))
                for x in p.children(h.i)
            )
        ):
            return True
    # "hat seit Monaten nicht mehr mit X gesprochen", "больше не встречались": a negator the parser
    # hung on the adverb of "no longer" negates the verb that adverb qualifies
    for h in heads:
        if any(
            c.deprel == "advmod"
            and L.has("no_longer_words", c)
            and any(x.deprel in ("advmod", "neg") and L.has("negators", x) for x in p.children(c.i))
            for c in p.children(h.i)
        ):
            return True
    # "have yet to hold a meeting": not held by now
    for h in heads:
        kids = p.children(h.i)
        if any(
            c.deprel == "advmod"
            and L.has("not_yet_words", c)
            and any(m.deprel == "mark" and m.i == c.i + 1 for m in kids)
            for c in kids
        ):
            return True
    if _neither_nor(L, pr):
        return True
    # German "kein Treffen" on the object, Russian "нет встречи"
    for c in p.children(pr.head.i):
        if c.deprel == "det" and L.has("negators", c):
            return True
    # "Aucun président français n'avait fait le voyage", "no US president has visited": nobody did
    for h in heads:
        if h.deprel.startswith("~"):
            break
        for c in p.children(h.i):
            if c.deprel in ("nsubj", "nsubj:pass") and (
                any(x.deprel == "det" and L.has("negators", x) for x in p.children(c.i))
                # "neither of them went", "ninguno de los dos viajó", "keiner der beiden reiste"
                or L.has("negators", c)
                or L.has("negative_subjects", c)
            ):
                return True
    # "has no plans to visit", "n'a aucune intention de", "keine Pläne, ... zu reisen": a negated
    # plan noun the predicate hangs on, or stands beside under the same verb
    frames = _frame_nouns(p, pr.head) + [n for g in pr.gov if not g.deprel.startswith("~") for n in _frame_nouns(p, g)]
    if pr.head.head and pr.head.deprel in ("xcomp", "ccomp", "advcl"):
        frames += [c for c in p.children(pr.head.head) if c.upos == "NOUN" and c.i < pr.head.i]
    if pr.head.head and pr.head.deprel in ("acl", "nmod"):
        frames.append(p.tok(pr.head.head))  # "n'ont eu aucune occasion de se rencontrer"
    for n in frames:
        if L.has("propose_nouns", n) or L.has("plan_nouns", n) or L.has("opportunity_nouns", n):
            if any(c.deprel in ("det", "advmod", "amod") and L.has("negators", c) for c in p.children(n.i)) or (
                n.head and L.has("negators", p.tok(n.head))
            ):  # "у него нет планов посетить"
                return True
    if pr.head.upos in ("NOUN", "PROPN") and pr.head.deprel == "root" and not pr.gov:
        # "Una reunión a tres con Noboa, que había anunciado la Cancillería, finalmente no se
        # realizó": the parser left the noun a root and hung the verb telling its fate below it
        for t in p.subtree(pr.head.i):
            if (
                t.upos in ("VERB", "AUX")
                and (L.has("occur_verbs", t) or L.has("light_verbs", t))
                and not any(c.deprel.startswith("nsubj") and c.upos != "PRON" for c in p.children(t.i))
                and any(
                    c.deprel in ("advmod", "neg") and (L.has("negators", c) or c.feats.get("Polarity") == "Neg")
                    for c in p.children(t.i)
                )
            ):
                return True
    if (
        ctx.sents[pr.k].para == -1
        and pr.head.upos in ("NOUN", "PROPN")
        and not _verb_above(p, pr.head)
        and any(L.has("negators", t) or t.feats.get("Polarity") == "Neg" for t in p.toks)
    ):
        # "Peskov: a Putin-Zelensky meeting is not planned", "no date yet for a summit in X":
        # a verbless headline the parser took apart; its negation is the noun's
        return True
    return False


def _neither_nor(L: Lex, pr: Pred) -> bool:
    """ "Neither X nor Y travelled to Z", "Ni X ni Y viajaron", "Weder X noch Y reisten": a negative
    correlation in the clause's own words (no "not" on the verb: the first word negates it)."""
    p = pr.p
    # in the subject or the object, each word opening a noun phrase: "ni X ni Y", not "ni plus ni
    # moins", "ни свет ни заря" (a time), "sans ni conseillers ni journalistes" (an oblique)
    args: set[int] = set()

    def phrase(i: int) -> set[int]:
        # the noun phrase, without the clauses hung on it ("el primer ministro ..., Li Qiang, pero ni
        # X ni Y lo recibieron" parsed as a clause of the subject)
        out, todo = set(), [i]
        while todo:
            j = todo.pop()
            out.add(j)
            todo += [
                x.i
                for x in p.children(j)
                if x.deprel not in ("acl", "acl:relcl", "advcl", "ccomp", "parataxis") and x.upos not in ("VERB", "AUX")
            ]
        return out

    for v in [pr.head, *(g for g in pr.gov if not g.deprel.startswith("~"))]:
        for c in p.children(v.i):
            if c.deprel in ("nsubj", "nsubj:pass", "obj"):
                args |= phrase(c.i)
            elif c.deprel in ("cc", "cc:preconj"):
                args.add(c.i)  # ("Neither" hung on the verb)
    forms = [
        fold(t.form)
        for t in (p.tok(i) for i in sorted(args))
        if t.i < len(p.toks) and p.toks[t.i].upos in ("NOUN", "PROPN", "PRON", "DET", "NUM")
    ]
    # (or the words from the clause's first word up to the verb, when the parse made a loose
    # conjunct of the subject: ", pero ni Xi Jinping ni el vicepresidente Han Zheng lo recibieron")
    left: list[Tok] = []
    j = pr.head.i - 1
    while pr.head.upos == "VERB" and j >= 1 and p.tok(j).form not in (",", ";", ":", "(", "—", "–"):
        left.append(p.tok(j))
        j -= 1
    opener = ("NOUN", "PROPN", "PRON", "DET", "NUM")
    edge = [fold(t.form) for t in reversed(left) if t.i < len(p.toks) and p.toks[t.i].upos in opener]

    def ccs(v: Tok) -> list[str]:
        return [fold(c.form) for c in p.children(v.i) if c.deprel in ("cc", "cc:preconj")]

    # or on the verbs: "ils ne se sont ni vus ni parlé", "they neither met nor spoke", "weder
    # trafen sie sich noch telefonierten sie": the first word on one verb, the second on its conjunct
    verbs = [(pr.head, c) for c in p.children(pr.head.i) if c.deprel == "conj" and c.upos in ("VERB", "AUX")]
    if pr.head.deprel == "conj" and pr.head.head:
        verbs.append((p.tok(pr.head.head), pr.head))
    for pair in L.words.get("correlative_negation", ()):
        first, second = pair.split()
        for words in (forms, edge):
            if first in words and second in words[words.index(first) + 1 :]:
                return True
        if any(first in ccs(a) and second in ccs(b) for a, b in verbs):
            return True
    return False


def _frame_nouns(p: Parse, t: Tok) -> list[Tok]:
    """Nouns the predicate's clause hangs on: "the invitation for Meloni to visit Rome", "son
    intention de se rendre à ...", "план посетить ..."."""
    out, cur = [], t
    for _ in range(4):
        if not cur.head or cur.deprel not in ("acl", "xcomp", "advcl", "ccomp", "nmod", "acl:relcl"):
            break
        cur = p.tok(cur.head)
        if cur.upos != "NOUN":
            if cur.upos in ("VERB", "AUX") and cur.deprel in ("acl:relcl", "acl") and p.tok(cur.head).upos == "NOUN":
                continue  # "l'invitation qu'il avait adressée à X à se rendre en France": the
                # infinitive hangs on the relative clause of the noun it completes
            break
        out.append(cur)
    return out


# the words that open a clause told as the content of another ("odds that ...", "a que ...")
_COMPLEMENTIZERS = frozenset(("that", "que", "dass", "что"))


def _wagered(L: Lex, p: Parse, t: Tok) -> bool:
    """The predicate's clause hangs (within four steps up) on a bet, or on a verb whose subject or
    object is one ("offers odds of 4 to 1 that ...", "bietet eine Quote darauf, dass ...", "una casa
    de apuestas ofrece ... a que ...", "принимает ставки на то, что ..."): what is wagered on, not
    what happened."""
    if t.deprel.startswith(("nsubj", "csubj")):
        return False  # ("the talks drew bets": the event is what is told of)
    cur = t
    for _ in range(4):
        marks = [c for c in p.children(cur.i) if c.deprel == "mark"]
        if (
            not cur.head
            or cur.deprel in ("conj", "parataxis", "obl")
            or (cur.deprel == "advcl" and not any(fold(c.form) in _COMPLEMENTIZERS for c in marks))
        ):
            return False  # ("Russia's bet on China paid off as Putin met Xi": a clause of its own)
        cur = p.tok(cur.head)
        if cur.upos == "NOUN" and L.has("bet_nouns", cur):
            return True
        if cur.upos in ("VERB", "AUX") and any(
            c.deprel in ("nsubj", "obj")  # (not "в Ставке", a headquarters)
            and c.upos == "NOUN"
            and (
                L.has("bet_nouns", c)
                or any(x.deprel == "nmod" and x.upos == "NOUN" and L.has("bet_nouns", x) for x in p.children(c.i))
            )
            for c in p.children(cur.i)
        ):
            return True
    return False


def _then(L: Lex, p: Parse, c: Tok) -> bool:
    """ "then"/"тогда" alone, or "time"/"époque"/"время" with "at the"/"à l'"/"в то" before it."""
    sub = sorted(p.subtree(c.i), key=lambda t: t.i)
    if " ".join(fold(t.form) for t in sub) in L.words.get("thread_words", ()):
        return False  # "в это же время", "at the same time", "тогда же": the time just told, not a past one
    if c.upos == "ADV":
        return True
    case = _case_of(p, c)
    det = [x for x in p.children(c.i) if x.deprel == "det"]
    return bool(case) and (bool(det) or c.upos == "NOUN") and not any(x.deprel == "amod" for x in p.children(c.i))


def _habitual(L: Lex, pr: Pred) -> bool:
    """ "X often visits Y": a habit, not an event."""
    heads = [pr.head] + [g for g in pr.gov if not g.deprel.startswith("~")]
    if any(L.has("habitual", c) for h in heads for c in pr.p.children(h.i) if c.deprel in ("advmod", "obl", "aux")):
        return True
    if any(
        x.deprel == "fixed" and L.has("habitual", x)
        for h in heads
        for c in pr.p.children(h.i)
        for x in pr.p.children(c.i)
    ):
        return True  # "a menudo" read as a preposition with its fixed noun
    if any(
        _time_unit(L.lang, c) and any(L.has("every_words", x) for x in pr.p.children(c.i))
        for h in heads
        for c in pr.p.children(h.i)
        if c.deprel.split(":")[0] in ("obl", "advmod", "nmod", "obj")
    ):
        return True  # "meets X every month", "se réunissent chaque année", "treffen sich jeden Monat"
    # "a rencontré Macron plus souvent que ses prédécesseurs": the adverb the parser hung on the object
    return any(
        L.has("habitual", x) and x.upos == "ADV" and x.deprel == "advmod"
        for c in pr.p.children(pr.head.i)
        if c.deprel in ("obj", "obl", "iobj")
        for x in pr.p.children(c.i)
    )


@lru_cache(maxsize=None)
def _possibility_forms(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in rd.lexicon(lang).get("events", {}).get("possibility_forms", ()))


def _day_part_only(ctx: Ctx, L: Lex, pr: Pred, verb: Tok) -> bool:
    """ "Dans l'après-midi, il s'était entretenu avec ...", "Am Abend hatte er ... getroffen": a
    part of the day and no date in the sentence: the story's own day, told in sequence."""
    p = pr.p
    if not any(
        c.deprel in ("obl", "obl:tmod", "advmod", "nmod") and L.has("day_parts", c)
        for v in {verb.i, pr.head.i}
        for c in p.children(v)
    ) and not (_phrase(ctx, L, "day_part_phrases", pr.k) or _clock_time(ctx, L, pr.k)):
        return False  # ("A primera hora, X se había entrevistado con Y", "Vers 17 heures, X avait reçu Y")
    return not any(p.start <= d.start < p.end and d.precision in ("year", "month") for d in ctx.dates) and not any(
        p.start <= d.start < p.end and d.precision == "day" and d.year_explicit for d in ctx.dates
    )


def _finite_clause(p: Parse, v: Tok) -> bool:
    """``v`` heads a clause of its own: it has a subject, or a verb form that is no infinitive
    ("mientras recibía", "когда принимал", "while hosting"; not "to meet", "pour rencontrer")."""
    if any(c.deprel in ("nsubj", "nsubj:pass") for c in p.children(v.i)):
        return True
    if v.upos not in ("VERB", "AUX"):
        return False
    if v.feats.get("VerbForm"):
        return v.feats["VerbForm"] != "Inf"
    return fold(v.form) != fold(v.lemma) and not any(
        c.deprel in ("mark", "case") and c.upos in ("PART", "ADP") and c.i == v.i - 1 for c in p.children(v.i)
    )


def _called_off_event(L: Lex, p: Parse, t: Tok) -> bool:
    """An event noun that a cancelling word is said of: its subject or object ("Suspendido el
    encuentro", "the visit was cancelled", "El encuentro quedó suspendido", "отменил визит")."""
    if t.upos not in ("NOUN", "PROPN"):
        return False
    if any(c.deprel in ("acl", "amod", "acl:relcl") and L.has("cancel_words", c) for c in p.children(t.i)):
        return True  # "Annulée, la rencontre", "the cancelled visit", "отменённый визит"
    if _then_called_off(L, p, t):
        return True
    if not t.head or t.deprel not in ("nsubj", "nsubj:pass", "obj"):
        return False
    g = p.tok(t.head)
    return (
        L.has("cancel_words", g)
        or (L.has("call_words", g) and _called_off(L, p, g))
        or any(
            c.deprel in ("obj", "xcomp", "advmod", "acl") and L.has("cancel_words", c)
            for c in p.children(g.i)
            if c.i != t.i
        )
    )


def _then_called_off(L: Lex, p: Parse, t: Tok) -> bool:
    """The event noun, with what hangs on it, is followed straight by the passive or the verb of a
    cancelling word ("spoke after talks with X were postponed", which a parser may hang on "spoke"
    with "postponed" as the root): said of that noun, whatever the tree."""
    own = {x.i for x in p.subtree(t.i)}
    j = max(own) + 1
    while j <= len(p.toks):
        x = p.tok(j)
        if L.has("cancel_words", x) and x.upos in ("VERB", "ADJ"):
            return True
        if x.upos not in ("AUX", "PART", "ADV") and x.deprel not in ("aux", "aux:pass"):
            return False
        j += 1
    return False


def _under_study(ctx: Ctx, k: int) -> bool:
    """Sentence ``k`` says something is being considered ("under consideration", "à l'étude", "en
    evaluación", "wird geprüft", "рассматривается")."""
    return _phrase_in(ctx, k, "study_phrases")


def _phrase_in(ctx: Ctx, k: int, key: str) -> bool:
    """Does sentence ``k`` hold one of the phrases of the language's events lexicon ``key``?"""
    s = ctx.sents[k]
    text = " " + " ".join(fold(ctx.text[s.start : s.end]).replace("’", "'").split()) + " "
    phrases = rd.lexicon(ctx.lang).get("events", {}).get(key, ())
    return any(re.search(r"(?<!\w)" + re.escape(fold(ph)) + r"(?!\w)", text) for ph in phrases)


def _question(ctx: Ctx, k: int) -> bool:
    """ "Will the chancellor come to Warsaw soon?", "¿Se reunirán en Lima?": a question asserts
    nothing."""
    s = ctx.sents[k]
    return ctx.text[s.start : s.end].rstrip(" \n\"'»”“)").endswith("?")


@lru_cache(maxsize=None)
def _anniversary_re(lang: str) -> re.Pattern[str] | None:
    """ "ten years since", "diez años del día en que", "zehn Jahre seit", "двадцать лет с тех пор,
    как": a count of years and the link to the event it counts from."""
    lx = rd.lexicon(lang)
    links = lx.get("events", {}).get("anniversary_links", ())
    if not links:
        return None
    nums = sorted(lx.get("numbers", {}), key=len, reverse=True)
    units = list((lx.get("ago_units") or {}).get("year", ())) + list(lx.get("events", {}).get("year_plurals", ()))
    alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))  # noqa: E731
    return re.compile(rf"(?<!\w)(?:\d+|{alt(nums)})\s+(?:{alt(units)})\s*,?\s+(?:{alt(links)})(?!\w)", re.IGNORECASE)


def _anniversary(ctx: Ctx, pr: Pred) -> bool:
    """The predicate comes right after a count of years from it: an anniversary, a time long past."""
    rx = _anniversary_re(ctx.lang)
    if rx is None:
        return False
    s = ctx.sents[pr.k]
    for m in rx.finditer(ctx.text, s.start, pr.head.start):
        between = ctx.text[m.end() : pr.head.start]
        if len(between) <= 60 and not re.search(r"[,;:.()]", between):
            return True  # (not "after two years of talks, they met today": another phrase)
    return False


def _depicted(L: Lex, p: Parse, t: Tok) -> bool:
    """The predicate hangs (within four steps up) from a verb of showing: "a video shows X being
    received by Y", "semble montrer X accueilli par Y", "zeigt X, wie er ... begrüßt wird"."""
    if t.deprel == "root":
        # "нарисовали для конкурса, как Президент ... встречается с ...", parsed as two sentences:
        # the verb of showing is the root before it, and "how" opens the clause
        for r in p.toks:
            if r.deprel == "root" and r.i < t.i and (L.has("depict_verbs", r) or L.has("draw_verbs", r)):
                if any(r.i < x.i < t.i and x.deprel in ("case", "mark") and L.has("how_marks", x) for x in p.toks):
                    return True
    cur = t
    complement = True  # the way up is that of a complement, not of a clause of time or a conjunct
    for _ in range(4):
        if not cur.head or cur.deprel.startswith(("nsubj", "csubj")):
            return False  # ("the talks showed progress": the event is what shows, not what is shown)
        complement = complement and (
            cur.deprel in ("obj", "ccomp", "xcomp", "acl", "acl:relcl", "nmod")
            # (an object the parser called an oblique: no preposition on it, "dibujaron «el día en que ...»")
            or (cur.deprel == "obl" and not any(c.deprel == "case" for c in p.children(cur.i)))
        )
        cur = p.tok(cur.head)
        if cur.upos in ("VERB", "AUX") and L.has("depict_verbs", cur):
            return True
        if cur.upos in ("VERB", "AUX") and L.has("draw_verbs", cur) and complement:
            # "drew X meeting Y" (not "drew up a road map when they met", "painted a rosy picture
            # after he met", "ont dessiné les contours d'un partenariat lors de leur rencontre")
            return not any(c.deprel == "compound:prt" for c in p.children(cur.i))
    return False


def _fictional(L: Lex, p: Parse, pr: Pred) -> bool:
    """The event is told inside a work of fiction ("in the film", "dans la série", "im neuen Stück",
    "в сериале": a frame of the predicate or of its governing verb) or acted ("two actors playing X
    and Y meet", "актеры, играющие X"): the predicate's subject is an actor. Not a real event at a
    film's premiere or festival (the frame is the premiere), nor "a series of talks", nor "the
    former actor and president Zelensky" (an actor with a name of his own)."""

    def named(t: Tok) -> bool:
        kids = p.children(t.i)
        return any(
            c.upos == "PROPN" and c.deprel in ("appos", "flat", "flat:name", "nmod", "conj") for c in kids
        ) or any(c.deprel == "conj" and named(c) for c in kids)

    for v in [pr.head, *[g for g in pr.gov if not g.deprel.startswith("~")]]:
        for c in p.children(v.i):
            if (
                c.deprel in ("obl", "nmod", "obl:arg")
                and c.upos == "NOUN"
                and L.has("fiction_nouns", c)
                and not any(
                    x.deprel == "nmod" and (L.has("meet_nouns", x) or L.has("visit_nouns", x)) for x in p.children(c.i)
                )
            ):
                return True
            if c.deprel.startswith("nsubj") and c.upos == "NOUN" and L.has("actor_nouns", c) and not named(c):
                return True
    return False


def _making_now(ctx: Ctx, L: Lex, pr: Pred) -> bool:
    """ "effectue sa dernière visite en France", "is making his last visit as president", "realiza
    su última visita": the noun is the object of a light verb in the present, so "last" is the
    final one, under way, not the previous one."""
    g = pr.gov[0] if pr.gov else None
    if g is None or pr.head.deprel != "obj" or pr.head.head != g.i:
        return False
    if not (L.has("light_verbs", g) or L.has("visit_light", g) or L.has("meet_phase", g)):
        return False
    if ctx.lang == "en":
        return any(c.deprel == "aux" and fold(c.lemma) == "be" for c in pr.p.children(g.i)) and fold(g.form).endswith(
            "ing"
        )
    return _present(ctx, L, Pred(pr.kind, pr.k, pr.p, g, pr.gov[1:]))


def _of_a_previous_encounter(L: Lex, p: Parse, pr: Pred) -> bool:
    """A noun event hung on a verb whose subject is an earlier encounter ("the previous meeting of
    the two men goes back to 2024, at a summit in Lima", "la précédente rencontre remonte à un
    sommet"): the frame of that past encounter, past as well."""
    g = pr.gov[0] if pr.gov else None
    if g is None or g.deprel.startswith("~") or g.upos not in ("VERB", "AUX"):
        return False
    return any(
        s.deprel.startswith("nsubj")
        and s.i != pr.head.i
        and (L.has("meet_nouns", s) or L.has("visit_nouns", s))
        and any(a.deprel in ("amod", "det") and L.has("previous", a) for a in p.children(s.i))
        for s in p.children(g.i)
    )


def _name_before(p: Parse, where: Tok) -> Tok | None:
    """The proper noun a relative "where" stands for when the parser hung its clause on a verb or
    a day ("reist nach Madrid weiter, wo er ...", "to Jakarta on Wednesday, where he ..."): the
    last name before it that is a complement, not a day."""
    names = [
        t
        for t in p.toks
        if t.i < where.i
        and t.upos == "PROPN"
        and t.deprel in ("obl", "nmod", "obj")
        and fold(t.form) not in _calendar_words()
    ]
    return names[-1] if names else None


def _place_clause_of(p: Parse, pr: Pred) -> Pred | None:
    """The predicate of the clause whose place a relative clause describes ("se rendre à Anvers,
    où il était attendu": ``rendre``; "nach Neu-Delhi gereist, wo er ... traf", which the parser
    hangs on the verb: ``gereist``), as a predicate of the same kind; None for any other clause."""
    head = pr.head
    if head.upos == "NOUN" and pr.gov and pr.gov[0].upos in ("VERB", "AUX") and head.head == pr.gov[0].i:
        head = pr.gov[0]  # "where she holds talks": the light verb's clause
    while head.deprel == "conj" and head.head:
        head = p.tok(head.head)  # "wo sie ein Werk besucht und von X empfangen wird": the same clause
    head = _place_top(p, head)
    if head.deprel not in ("acl:relcl", "acl") or not head.head:
        return None
    if not any(fold(c.form) in _where_words() for c in p.children(head.i)):
        return None  # ("Carney, who will travel to Mexico": a clause on a person)
    up = p.tok(head.head)
    if up.upos in ("VERB", "AUX"):
        return Pred(pr.kind, pr.k, p, up, _governors(p, up))  # "gereist, wo er ... traf": hung on the verb
    if up.upos != "PROPN":
        return None
    while up.head and up.upos not in ("VERB", "AUX"):
        up = p.tok(up.head)
    if up.upos not in ("VERB", "AUX") or up.i in (pr.head.i, head.i):
        return None
    return Pred(pr.kind, pr.k, p, up, _governors(p, up))


def _earlier_span(ctx: Ctx, L: Lex, pr: Pred) -> bool:
    """The event's own clause counts a week or more back from the days it reports ("a week
    earlier", "une semaine plus tôt", "una semana antes", "eine Woche zuvor", "неделей ранее")."""
    words = L.words.get("earlier_phrases", ())
    if not words:
        return False
    p = pr.p
    top = _clause_verb(pr)
    # the clause's own words, not a relative clause on its subject ("Macron, who met Xi earlier
    # this year, will visit Beijing on Friday")
    ids = sorted(_domain(p, top))
    text = " ".join(fold(p.tok(i).form) for i in ids)
    return any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", text) for w in words)


def _accepted_invitation_noun(L: Lex, p: Parse, t: Tok) -> bool:
    """``t`` is an invitation noun that a verb of acceptance takes ("accepted an invitation")."""
    return t.upos == "NOUN" and L.has("invite_words", t) and _accepted(L, p, t)


def _invitation_to(ctx: Ctx, L: Lex, p: Parse, t: Tok) -> bool:
    """An accepted invitation to a place, with no verb of travel under it ("took up Carney's
    invitation to Ottawa", "a accepté une invitation au Togo", "nahm eine Einladung nach Nigeria
    an", "принял приглашение в Москву"): a trip planned there, by whoever accepted it."""
    if not _accepted_invitation_noun(L, p, t):
        return False
    sub = p.subtree(t.i)
    # (with "to attend ..." the parser hung on the verb of acceptance: the invitation's own words)
    sub = sub + [y for x in p.children(t.head) if x.deprel in ("xcomp", "advcl") and x.i > t.i for y in p.subtree(x.i)]
    if any(x.i != t.i and (L.has("visit_verbs", x) or L.has("visit_nouns", x) or L.has("meet_verbs", x)) for x in sub):
        return False  # "an invitation to visit Quito": the verb under it is the event
    spans = [m.start for _, m in ctx.place_hits] + [m.start for _, kind, m in ctx.state_hits if kind == "name"]
    # the place after the noun, or on the verb of acceptance ("nahm eine Einladung nach Hamburg an")
    near = [*p.children(t.i), *(x for x in p.children(t.head) if x.deprel == "obl")]
    # ("nahm Stockers Einladung zu einem Besuch in Wien an", the visit hung on the verb: its place)
    near += [y for x in near if x.deprel == "obl" and L.has("visit_nouns", x) for y in p.children(x.i)]
    for c in near:
        if c.deprel not in ("nmod", "obl") or not any(c.start <= s < c.end for s in spans):
            continue
        if any(x.deprel == "case" and L.has("destination_preps", x) for x in p.children(c.i)):
            return True
    # "an invitation to attend Museveni's swearing-in in Kampala": a town where the occasion
    # invited to is held, in the invitation's own words
    for x in sub:
        if x.i == t.i or x.deprel not in ("nmod", "obl") or x.upos != "PROPN":
            continue
        if any(x.start <= s < x.end for s in spans) and any(
            y.deprel == "case" and L.has("locative_case", y) for y in p.children(x.i)
        ):
            return True
    return False


def _accepted_invitation(L: Lex, p: Parse, pr: Pred) -> Tok | None:
    """The verb of acceptance whose invitation the predicate completes ("accepted an invitation
    to visit Asunción": ``accepted``), or None."""
    if _accepted_invitation_noun(L, p, pr.head):
        return _acceptance_verb(L, p, pr.head)  # "accepted an invitation to Ottawa": the noun is the trip
    if not pr.head.head or pr.head.deprel not in ("acl", "xcomp", "advcl", "nmod"):
        return None
    n = p.tok(pr.head.head)
    if n.upos == "NOUN" and not L.has("invite_words", n) and n.deprel == "nmod" and n.head:
        # "eine Einladung von Premierminister X, Ottawa zu besuchen", the infinitive hung on the inviter
        up = p.tok(n.head)
        n = up if L.has("invite_words", up) else n
    if n.upos in ("VERB", "AUX"):
        # "accepted an invitation to visit", the parser's "to visit" on the verb
        n = next(
            (c for c in p.children(n.i) if c.deprel == "obj" and c.upos == "NOUN"),
            next((c for c in p.children(n.i) if c.deprel == "obl" and L.has("invite_words", c)), n),
        )
    if n.upos != "NOUN" or not L.has("invite_words", n) or not _accepted(L, p, n):
        return None
    return _acceptance_verb(L, p, n)


def _invitation_taken_up(L: Lex, p: Parse, g: Tok) -> bool:
    """The verb of inviting ``g`` (or the infinitive under it, where the parser may hang the rest)
    has a conjunct after it that accepts ("X invited Y to visit Z, and
    Y accepted", "a invité Y à se rendre à Z, ce que Y a accepté", "пригласил Y посетить Z, и тот
    принял приглашение / ответил согласием", "and Y agreed", "et Y a donné son accord"): an
    acceptance verb with no object but the invitation, a yes, or a consent given."""
    for c in p.children(g.i):
        if c.deprel != "conj" or c.i < g.i or c.upos not in ("VERB", "AUX"):
            continue
        if any(x.deprel.startswith("nsubj") and x.upos == "PROPN" and x.i < g.i for x in p.children(c.i)):
            continue
        if any(fold(x.form) in _not_words() for x in p.children(c.i)):
            continue  # "and Y did not agree", "y no dio su conformidad": no trip
        objs = [x for x in p.children(c.i) if x.deprel in ("obj", "nsubj:pass")]
        if L.has("accept_verbs", c) and all(L.has("invite_words", x) or x.upos == "PRON" for x in objs):
            return True
        if any(L.has("assent_words", x) for x in p.children(c.i)):
            return True
        if any(x.deprel == "obj" and L.has("assent_objects", x) for x in p.children(c.i)):
            return True  # "et Y a donné son accord", "y dio su conformidad" (key ``assent_objects``)
    # "..., invitación que el mandatario aceptó", "..., which was accepted": a relative clause of
    # acceptance in the sentence of the invitation, wherever the parser hung it
    return any(_accepting_relative(L, p, t) for t in p.toks)


def _accepting_relative(L: Lex, p: Parse, t: Tok) -> bool:
    """``t`` is a relative clause that accepts what it hangs on ("une invitation que le président a
    acceptée", "invitación que el mandatario aceptó", "an invitation which was accepted", "eine
    Einladung, die Y angenommen hat"): a verb of acceptance whose object is the relative pronoun,
    not negated ("que Y n'a pas encore acceptée")."""
    return (
        t.deprel in ("acl", "acl:relcl")
        and bool(t.head)
        and _accept_verb(L, p, t)
        and (
            any(c.deprel in ("obj", "nsubj:pass") and c.upos in ("PRON", "SCONJ") for c in p.children(t.i))
            # (on an invitation noun, its pronoun hung elsewhere: "приглашение, которое Y принял")
            or L.has("invite_words", p.tok(t.head))
        )
        and not any(fold(x.form) in _not_words() for x in p.children(t.i))
    )


def _acceptance_verb(L: Lex, p: Parse, n: Tok) -> Tok:
    """The verb that accepts the invitation ``n``: its head, or the head of the yes it hangs on
    ("a dit oui à l'invitation", "ответил согласием на приглашение")."""
    v = p.tok(n.head)
    if L.has("assent_words", v) and v.head:
        return p.tok(v.head)
    return v


def _accept_verb(L: Lex, p: Parse, v: Tok) -> bool:
    """``v`` is a verb of acceptance (key ``accept_verbs``), a separable one too ("nahm ... an",
    "sagte ... zu")."""
    return v.upos in ("VERB", "AUX") and _verb_of(L, p, v, "accept_verbs")


def _accepted(L: Lex, p: Parse, n: Tok) -> bool:
    """The noun ``n`` is what a verb of acceptance takes ("accepted an invitation", "a accepté
    l'invitation", "aceptó una invitación", "nahm die Einladung an", "принял приглашение")."""
    if not n.head:
        return False
    v = p.tok(n.head)
    if n.deprel in ("nmod", "obl") and L.has("assent_words", v):
        return True  # "a dit oui à l'invitation", "ответил согласием на приглашение", hung on the yes
    if n.deprel in ("obl", "nmod", "obl:arg", "obj") and any(
        c.deprel in ("obj", "advmod", "obl", "discourse", "xcomp", "ccomp") and c.i != n.i and L.has("assent_words", c)
        for c in p.children(v.i)
    ):
        return True  # "said yes to an invitation", "a dit oui à l'invitation", "ответил согласием на приглашение"
    if any(_accepting_relative(L, p, c) for c in p.children(n.i)):
        return True  # "une invitation que le président a acceptée"
    return n.deprel in ("obj", "nsubj:pass") and _verb_of(L, p, v, "accept_verbs")


def _hearsay(ctx: Ctx, L: Lex, pr: Pred) -> bool:
    """What others say happened, told as unconfirmed: a hearsay adverb on the predicate or a verb
    sharing its clause ("reportedly met", "prétendument", "supuestamente", "angeblich", "якобы");
    a claim the clause is the object of ("media claimed that X met Y", "behauptete, dass"); the
    reporting conditional of a past ("aurait rencontré", "se serait entretenu", "se habría
    reunido": a perfect in the conditional, not the passive "serait reçu", which tells a plan);
    German "soll ... getroffen haben"; a phrase for unconfirmed reports in the sentence ("according
    to unconfirmed reports", "по неподтвержденным данным")."""
    p = pr.p
    near = [pr.head, *[g for g in pr.gov if not g.deprel.startswith("~")]]
    if any(c.deprel == "advmod" and L.has("hearsay_adverbs", c) for v in near for c in p.children(v.i)):
        return True
    if any(g.deprel == "~ccomp" and L.has("claim_verbs", g) for g in pr.gov):
        return True
    cond = L.words.get("hearsay_conditional", frozenset())
    if cond and any(
        c.deprel in ("aux", "cop")
        and fold(c.form) in cond
        and (v.upos == "ADJ" or (v.upos == "VERB" and fold(v.form) != fold(v.lemma)))
        for v in near
        for c in p.children(v.i)
    ):
        return True
    if ctx.lang == "de":
        # "soll sich mit X getroffen haben": said to have met ("soll" on the participle or above it)
        said = any(fold(c.lemma) == "sollen" for c in p.children(pr.head.i) if c.deprel == "aux") or any(
            fold(g.lemma) == "sollen" for g in near[1:]
        )
        if said and any(
            c.deprel == "aux" and fold(c.lemma) in ("haben", "sein") and c.i > pr.head.i for c in p.children(pr.head.i)
        ):
            return True
    return _phrase_in(ctx, pr.k, "hearsay_phrases")


def _modality(ctx: Ctx, L: Lex, pr: Pred) -> str | None:
    """ "hope" (wished, proposed, refused ...: no event), "plan" (planned), "recall" (past) or None."""
    p = pr.p
    if (
        pr.during
        and pr.gov
        and not pr.gov[0].deprel.startswith("~")
        and pr.gov[0].upos in ("VERB", "AUX")
        and (L.has("meet_verbs", pr.gov[0]) or L.has("visit_verbs", pr.gov[0]))
    ):
        # "they intend to meet again at the summit in November": the summit is when and where the
        # meeting verb's event is, in its mode (planned here), not an event of its own time (but
        # "agreed to set up a force during a meeting": the agreement's, told below)
        framed = _modality(ctx, L, Pred(pr.kind, pr.k, p, pr.gov[0], _governors(p, pr.gov[0])))
        if framed is not None:
            return framed
    if _called_off_event(L, p, pr.head):
        return "hope"  # "Suspendido el encuentro", "the meeting was cancelled": it did not happen
    top = _clause_verb(pr)
    if any(c.deprel in ("mark", "advmod", "discourse") and L.has("whether_words", c) for c in p.children(top.i)):
        return "hope"  # "Whether Ramaphosa will come to Kuala Lumpur", "Ob er kommt", "Приедет ли он": an open question
    if pr.head.upos == "NOUN" and _under_study(ctx, pr.k):
        return "hope"  # "Une rencontre Tinubu-Faye « à l'étude »", "a summit under consideration"
    if any(
        any(c.deprel == "mark" and L.has("infinitive_marks", c) for c in p.children(v.i))
        and any(c.deprel in ("aux", "aux:pass") and L.has("be_to_aux", c) for c in p.children(v.i))
        for v in [pr.head, *[g for g in pr.gov if not g.deprel.startswith("~")]]
    ):
        return "plan"  # "the talks were to be held in Gobabis", "is to visit Rome": a plan, done or not
    if _counterfactual(ctx, L, pr):
        return "hope"  # "had been due to", "aurait dû", "debía haber", "hätte ... sollen": what should have been
    near_heads = {pr.head.i, *(g.i for g in pr.gov if not g.deprel.startswith("~"))}
    # (and the clause an adverbial one hangs on: "is due to open a wing ... before flying to Port
    # Louis", which CoreNLP parses with "wing" as the head)
    due_heads = near_heads | {g.i for g in pr.gov if g.deprel == "~advcl"}
    if any(
        t.upos in ("ADP", "ADJ")
        and t.head in due_heads
        and L.has("plan_verbs", t)
        and any(c.deprel == "fixed" for c in p.children(t.i))
        and any(c.deprel == "cop" for c in p.children(t.head))
        and any(c.deprel.startswith("nsubj") and _leaders_in(ctx, p, {c.i}) for c in p.children(t.head))
        for t in p.toks
    ):
        # "Ruto was due to open ... and to be received", the parser's "due to" preposition with a
        # person as subject (not "the delay was due to the floods"); "had been
        # due to": the plan of a time now gone by, not told as done
        return (
            "hope"
            if any(c.deprel == "aux" and L.has("pluperfect_aux", c) for i in near_heads for c in p.children(i))
            else "plan"
        )
    if _anniversary(ctx, pr):
        return "recall"  # "today marks ten years since the day X and Y met", "diez años de la visita de X"
    outer = _place_clause_of(p, pr)
    if outer is not None:
        told = _modality(ctx, L, outer)
        if told == "plan" or _future(ctx, L, outer) or (told is None and _onward(ctx, L, outer)):
            # "he is to travel to Antwerp, where he is expected at the port", "reist nach München
            # weiter, wo sie ein Werk besucht": still to come
            return "plan"
        if told == "recall":
            return "recall"  # "a week earlier he had been in New Delhi, where he met ...": then too
    if _earlier_span(ctx, L, pr):
        return "recall"  # "A week earlier, Herath had been in New Delhi": before the days reported
    above = _clause_above(pr) if pr.head.upos == "VERB" else None
    if above is not None and _modality(ctx, L, above) == "recall":
        # "Marcos had been received by Steinmeier back then, before he met Scholz": the time the
        # clause it hangs on recalls
        return "recall"
    if (
        pr.head.upos in ("NOUN", "PROPN")
        and pr.head.deprel in ("nsubj", "nsubj:pass")
        and pr.head.head
        and L.has("past_occur_verbs", p.tok(pr.head.head))
    ):
        return "recall"  # "la visite du roi au Chili remonte à 2019": what goes back to a time is past
    if pr.head.upos in ("NOUN", "PROPN") and _of_a_previous_encounter(L, p, pr):
        return "recall"  # "their previous meeting goes back to 2024, on the margins of a summit in Lima"
    if _depicted(L, p, pr.head):
        return "hope"  # "a video appears to show X greeted by Y": a picture of it, not the text telling it
    if _fictional(L, p, pr):
        return "hope"  # "in the new series, X and Y meet", "two actors playing X and Y meet": a story
    if (
        pr.head.head
        and pr.head.deprel in ("xcomp", "ccomp", "advcl")
        and any(
            c.upos == "NOUN" and c.deprel == "obj" and c.i < pr.head.i and L.has("hope_nouns", c)
            for c in p.children(pr.head.head)
        )
    ):
        return "hope"  # "hat die Hoffnung geäußert, Selenskyj zu empfangen", "expressed the hope to meet"
    if any(
        L.has("hearsay_nouns", g)
        and (g.upos == "NOUN" or not any(c.deprel.startswith("nsubj") for c in p.children(g.i)))
        for g in pr.gov
    ):
        # "brushing aside reports that he would meet Trump there", "les rumeurs d'une rencontre":
        # what others say, not what the text tells (a noun, or a subjectless "reports" the parser
        # took for a verb)
        return "hope"
    if _hearsay(ctx, L, pr):
        return "hope"  # "reportedly met", "aurait rencontré", "se habría reunido", "angeblich", "якобы"
    if (
        not pr.gov
        and pr.head.upos == "VERB"
        and pr.head.deprel in ("acl", "xcomp", "advcl")
        and pr.head.head
        and p.tok(pr.head.head).upos in ("ADJ", "VERB", "NOUN")
        and L.has("ready_words", p.tok(pr.head.head))
    ):
        # "est prêt à accueillir X et Y", "dispuesto a recibir": an infinitive hung on an adjective
        # tells a disposition, nothing done
        return "hope"
    if _accepted_invitation_noun(L, p, pr.head):
        return "plan"  # "accepted an invitation to Ottawa": agreed, to come
    if (
        pr.kind == "visit"
        and pr.head.upos == "NOUN"
        and pr.head.deprel == "obj"
        and pr.gov
        and pr.gov[0].i == pr.head.head
        and _accept_verb(L, p, pr.gov[0])
    ):
        return "plan"  # "sagte einen Besuch in der Schweiz zu": agreed to, to come
    g = pr.gov[0] if pr.gov else None
    if g is not None and g.upos in ("VERB", "AUX") and pr.head.deprel in ("xcomp", "advcl", "ccomp"):
        invitation = [
            c for c in p.children(g.i) if c.deprel in ("obj", "obl") and c.upos == "NOUN" and L.has("invite_words", c)
        ]  # (or "said yes to an invitation ... to visit", the invitation an oblique)
        if invitation:
            # "received an invitation to visit Quito" with the parser's "to visit" on the verb:
            # an invitation, to come if accepted, else only asked for
            return "plan" if _accepted(L, p, invitation[0]) else "hope"
        if L.has("invite_words", g) and (_invitation_taken_up(L, p, g) or _invitation_taken_up(L, p, pr.head)):
            return "plan"  # "X invited Y to visit Z, and Y accepted": agreed, to come
    if _wagered(L, p, pr.head):
        return "hope"  # "a bookmaker offers odds that X and Y will meet", "una casa de apuestas ofrece 6 a 1 a que ..."
    if (
        pr.head.upos == "VERB"
        and fold(pr.head.form) == fold(pr.head.lemma)
        and any(c.deprel == "mark" for c in p.children(pr.head.i))
    ):
        inv = [t for t in p.subtree(pr.head.i) if t.i < pr.head.i and t.upos == "NOUN" and L.has("invite_words", t)]
        if pr.head.head and pr.head.deprel in ("xcomp", "advcl", "ccomp"):
            # ("l'a chargée d'une invitation au Premier ministre à se rendre au Maroc": the
            # invitation and the infinitive hung side by side on the verb)
            inv += [
                c
                for c in p.children(pr.head.head)
                if c.upos == "NOUN" and c.deprel in ("obj", "obl") and c.i < pr.head.i and L.has("invite_words", c)
            ]
        if inv and not _accepted(L, p, inv[0]):
            # "Eine Einladung an Karner, ein Zentrum in Dänemark zu besuchen, ist noch unbeantwortet"
            # with the invitation parsed as the infinitive's object: asked for, not done
            return "hope"
    for n in _frame_nouns(p, pr.head):
        if L.has("hope_nouns", n) or L.has("bet_nouns", n):
            return "hope"  # "l'espoir de rencontrer", "the hope of meeting", "odds on a meeting"
        if L.has("plan_nouns", n):
            return "plan"  # "the plan to visit Rome"
        if L.has("propose_nouns", n):
            if L.has("invite_words", n) and _accepted(L, p, n):
                return "plan"  # "Noboa accepted an invitation to visit Asunción": agreed, to come
            return "hope"  # "his invitation for Meloni to visit": asked for, not done
    # as written, not folded: "konnte" (could, did) is no "könnte" (could, might)
    possible = _possibility_forms(ctx.lang)
    near = [pr.head, *[g for g in pr.gov if not g.deprel.startswith("~")]]
    if any(v.form.lower() in possible for v in near[1:]) or any(
        (c.deprel in ("aux", "aux:pass") and c.form.lower() in possible)
        or (
            c.deprel == "advcl"
            and any(
                m.deprel == "mark" and fold(m.form) in rd.every_language("if_marks", events=True)
                for m in p.children(c.i)
            )
        )
        for v in near
        for c in p.children(v.i)
    ):
        # "a meeting could take place in the autumn", "pourrait avoir lieu", "könnte ... treffen",
        # "... if the dispute is settled": possible, not planned
        return "hope"
    # a title right after the word: "then Prime Minister", "el entonces presidente" (not "Then Ishiba flew")
    title_at = {e for th in titles(ctx) if p.start <= th.m.start < p.end for e in range(th.m.start - 1, th.m.start + 1)}
    for v in near:
        for c in p.children(v.i):
            if (
                c.deprel == "advmod"
                and L.has("then_office", c)
                and c.end in title_at
                and not _after_and(p, c)  # ("and then President X received me": next, not formerly)
            ):
                return "recall"  # "when then Prime Minister Abe met Putin": the parser's adverb
            if c.deprel not in ("nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "nmod"):
                continue
            sub = p.subtree(c.i)
            if any(
                L.has("then_office", t)
                and t.deprel in ("amod", "advmod", "det", "compound")
                and p.tok(t.head).upos in ("NOUN", "PROPN")
                and t.end in title_at
                for t in sub
                if t.head
            ):
                # "when then Prime Minister Shinzo Abe met Putin", "le alors Premier ministre",
                # "el entonces presidente", "der damalige Kanzler", "тогдашний премьер-министр": an
                # office held then, an event of then
                return "recall"
    setting = pr.head.upos == "NOUN" and any(c.deprel == "case" and L.has("during", c) for c in p.children(pr.head.i))
    for gi, g in enumerate(pr.gov):
        if (
            (g.upos == "ADJ" and L.has("ready_words", g))
            or (
                g.upos in ("VERB", "NOUN")
                and g.deprel in ("xcomp", "amod", "acl", "obj")
                and fold(g.form) in L.words.get("ready_words", ())
            )  # "s'est dit disposé à", the adjective tagged a participle (not "ont ouvert leurs entretiens")
        ) and not g.deprel.startswith("~"):
            return "hope"  # "ready to meet Putin once a ceasefire holds": willing, not planned
        if not g.deprel.startswith("~") and any(
            c.i != pr.head.i
            and c.deprel not in ("nsubj", "nsubj:pass", "punct")
            and fold(c.form) in L.words.get("ready_words", ())
            for c in p.children(g.i)
        ):
            # "s'est dit prêt, dans un entretien, à rencontrer", "hat sich bereit erklärt, ... zu
            # treffen": the readiness the speaker declares governs the meeting
            return "hope"
        if L.has("recall_verbs", g):
            return "recall"
        below = pr.head if gi == 0 else pr.gov[gi - 1]
        if L.has("hope_verbs", g) and not _achieved(L, g) and not (g.deprel == "~advcl" and _finite_clause(p, below)):
            # (not "urged Australia to spend more, as he hosted Marles", "mientras recibía": a
            # clause of time with a subject or a tense of its own tells what happened, the wish is
            # the other clause's)
            return "hope"
        if (
            L.has("plan_verbs", g)
            and not (below.upos in ("NOUN", "PROPN") and below.deprel in ("obl", "nmod"))
            and not setting
            and not (
                # "confirmed on Tuesday that Putin met Modi", "a confirmé qu'il avait rencontré",
                # "bestätigte, dass er ihn getroffen hat": what is announced is told as done
                g.deprel == "~ccomp"
                and below.upos in ("VERB", "AUX")
                and _past_tense(ctx, L, Pred(pr.kind, pr.k, p, below, []))
            )
        ):
            # (not "acordaron el sábado crear ..., durante una reunión", "agreed to set up a force
            # during a meeting": the meeting the agreement was made at, not one agreed on)
            return "plan"
        if (
            not g.deprel.startswith("~")
            and not setting
            and any(
                c.deprel in ("obj", "iobj", "xcomp", "advmod") and c.upos in ("ADJ", "VERB") and L.has("plan_verbs", c)
                for c in p.children(g.i)
                if c.i != pr.head.i
            )
        ):
            return "plan"  # "tiene previsto / programado reunirse": a plan carried by a participle
    # the pluperfect: "il avait été reçu", "had met", "se habían reunido", "hatte getroffen" - an
    # earlier meeting given as background (not "after they had met, ...": a sequence)
    verb = next(
        (v for v in [pr.head] + list(pr.gov) if v.upos in ("VERB", "AUX") and not v.deprel.startswith("~")),
        pr.head if pr.head.upos == "ADJ" else None,
    )
    if (
        verb is not None
        and _pluperfect(L, pr)
        and not any(c.deprel == "mark" and L.has("sequence_marks", c) for c in p.children(verb.i))
        and not any(
            c.deprel == "advmod" and L.has("earlier_words", c)
            for v in [pr.head, *[g for g in pr.gov if not g.deprel.startswith("~")]]
            for c in p.children(v.i)
        )
        and not _opens_with(ctx, L, "earlier_words", pr.k)  # ("Before that, X had met Y")
        and not _phrase(ctx, L, "same_day", pr.k)
        and not _day_part_only(ctx, L, pr, verb)
    ):
        # (not "Auparavant, il s'était entretenu avec ...": earlier the same day, in a sequence)
        return "recall"
    v = next((x for x in [pr.head, *pr.gov] if x.upos in ("VERB", "AUX") and not x.deprel.startswith("~")), None)
    if v is not None and _conditional_form(ctx.lang, v):
        # "il se rendrait à Washington quand ...", "viajaría a Madrid si ...": a condition, or a
        # future told in the past ("a dit qu'il se rendrait")
        conditioned = any(
            m.deprel == "mark" and m.i > v.i and fold(m.form) in rd.every_language("condition_marks", events=True)
            for m in p.toks
        )
        return "plan" if not conditioned and any(g.deprel == "~ccomp" for g in pr.gov) else "hope"
    if pr.head.upos == "VERB":
        mark = next((c for c in p.children(pr.head.i) if c.deprel == "mark"), None)
        first = mark.end if mark is not None else min(t.start for t in p.subtree(pr.head.i))
        before = " ".join(fold(ctx.text[max(p.start, first - 24) : first]).split())
        if any(before.endswith(fold(w)) for w in L.words.get("since_openers", ())):
            return "recall"  # "двадцать лет с тех пор, как Путин посетил Каир": since then, not now
    # a conjunct with a tense of its own ("... and was received", "... und wurde empfangen")
    own_span = [t.start for t in p.subtree(pr.head.i)]
    own_tense = (
        pr.head.deprel == "conj"
        and any(
            c.deprel in ("aux", "aux:pass") and not L.has("passive_participle_aux", c) for c in p.children(pr.head.i)
        )
        # and a time of its own ("... and was received on Tuesday", "am Nachmittag"; not "last
        # visited X and was received")
        and (
            any(min(own_span) <= d.start <= max(own_span) for d in ctx.dates)
            or any(L.has("day_parts", t) for t in p.subtree(pr.head.i))
        )
    )
    # "could meet", "would like to", conditional auxiliaries on the predicate itself
    for c in p.children(pr.head.i) + [c for g in pr.gov if not g.deprel.startswith("~") for c in p.children(g.i)]:
        if c.deprel in ("aux", "aux:pass") and L.has("plan_verbs", c) and not L.has("future_aux", c):
            return "plan"  # "will Scholz nach Paris reisen" (wollen), "doit se rendre"
        if c.deprel == "aux" and fold(c.form) in L.words.get("going_aux", ()):
            return "plan"  # "iban a celebrarse en Kigali", "allaient se tenir": going to, done or not
        if c.deprel in ("aux", "aux:pass", "mark") and (
            _is_cond_aux(L, c) or (L.has("hope_verbs", c) and not _achieved(L, c))
        ):
            # "said the talks would take place": reported speech, a future in the past
            return "plan" if any(g.deprel == "~ccomp" for g in pr.gov) else "hope"
        if c.deprel == "mark" and fold(c.form) in rd.every_language("if_marks", events=True):
            return "hope"
        if c.head == pr.head.i and (
            (c.deprel == "mark" and fold(c.form) in L.words.get("since_words", ()))
            or (
                c.upos == "PROPN"
                and any(h.start <= c.start < h.end for h in ctx.leader_hits)
                and any(x.deprel == "case" and fold(x.form) in L.words.get("since_words", ()) for x in p.children(c.i))
            )
        ):
            # "twenty years since Bush landed in New Delhi", "Zwanzig Jahre, seit Merkel nach Peking
            # reiste" (the parser's "seit" on the person: no one is a time): the start of a span
            return "recall"
        if (
            c.deprel == "mark"
            and L.has("wish_marks", c)
            and c.head == pr.head.i
            and pr.head.feats.get("VerbForm") != "Inf"
        ):
            return "hope"  # "за то, чтобы Пашинян встретился с Алиевым": a wish (an infinitive there is a purpose)
        if (
            c.deprel in ("amod", "advmod")
            and L.has("previous", c)
            and pr.head.upos == "NOUN"
            and c.head == pr.head.i
            and not _making_now(ctx, L, pr)
        ):
            return "recall"
        if c.deprel in ("advmod", "obl") and L.has("then_words", c) and _then(L, p, c):
            return "recall"  # "at the time", "damals", "тогда": back in the past just told
        if c.head != pr.head.i and own_tense:
            continue  # "had last come in 2024 and was received on Tuesday": the conjunct's own time
        if c.deprel == "advmod" and L.has("last_time", c) and not p.children(c.i):
            return "recall"  # "they last met in Lima", "zuletzt trafen sie sich ..."
        if (
            c.deprel == "advmod"
            and L.has("earlier_occasion", c)
            and not p.children(c.i)
            and c.head == pr.head.i
            and not _dates(ctx, pr, _domain(p, pr.head))
        ):
            # "the leaders previously met in Lima", "s'étaient précédemment rencontrés": on an
            # earlier occasion (not "earlier that day": key ``earlier_words``; not "as previously
            # announced": the adverb of another verb)
            return "recall"
        if (
            c.deprel in ("obl", "obl:tmod", "nmod", "advmod")
            and L.has("time_nouns", c)
            and any(L.has("last_time", x) for x in p.children(c.i) if x.deprel in ("amod", "det", "advmod"))
        ):
            return "recall"  # "pour la dernière fois", "por última vez", "в последний раз"
        if c.deprel == "amod" and L.has("next", c) and pr.head.upos == "NOUN":
            return "plan"
    if pr.head.feats.get("Mood") == "Cnd" or any(g.feats.get("Mood") == "Cnd" for g in pr.gov):
        return "hope"
    # "next month", "la semaine prochaine", "im kommenden Monat", "на следующей неделе" (but "al
    # día siguiente, X se reunió": the day after one the narrative told, in a past clause)
    morrow = _bare_eve(ctx, L, pr.k, "morrow_words") and _past_tense(ctx, L, pr)
    other = _another_event(L, pr)  # ("en amont de la visite de X le mois prochain": that visit's time)
    for v in [] if morrow else [pr.head] + [g for g in pr.gov if not g.deprel.startswith("~")]:
        for c in p.children(v.i):
            if c.i in other:
                continue
            if c.deprel in ("obl", "advmod", "nmod", "obl:tmod", "obj") and any(
                L.has("next", x) for x in p.children(c.i) if x.deprel in ("amod", "det", "advmod")
            ):
                return "plan"
            for x in p.children(c.i) if c.upos not in ("VERB", "AUX") else ():
                # "trifft Frederiksen kommende Woche": a bare time phrase the parser hung on the object
                # (not on a clause of its own: "travelled there on Wednesday to prepare the visit next month")
                if (
                    x.deprel in ("nmod", "obl", "obl:tmod")
                    and x.upos == "NOUN"
                    and not any(y.deprel == "case" for y in p.children(x.i))
                    and any(L.has("next", y) for y in p.children(x.i) if y.deprel in ("amod", "det"))
                ):
                    return "plan"
    # a headline's "X to visit Y": the English infinitive of announcements
    if pr.head.deprel == "root" and any(
        c.deprel == "mark" and L.has("infinitive_marks", c) for c in p.children(pr.head.i)
    ):
        return "plan"
    return None


_FUT_FR = re.compile(r"(?:er|ir|r|dr)(?:a|ont|ai|ons|ez|as)$")
_FUT_ES = re.compile(r"(?:rá|rán|ré|remos|réis|rás)$")


def _speaker_of(p: Parse, pr: Pred) -> set[int]:
    """ "Lula dijo que se reuniría con Sánchez", "Путин заявил, что встретится с ...": a reported
    clause with no subject of its own has the speaker's; a clause of place ("..., where ...") the
    subject of the clause it tells the place of."""
    top = _place_top(p, _clause_verb(pr))
    # (the event noun is no subject of its own: "wo ein Gespräch mit Y geplant ist")
    subjects = [c for c in p.children(top.i) if c.i != pr.head.i]
    if any(c.deprel in ("nsubj", "nsubj:pass", "expl") and c.upos != "PRON" for c in subjects):
        return set()
    if any(c.deprel in ("nsubj", "nsubj:pass") for c in subjects):
        return set()  # "il rencontrerait": the pronoun says who
    if (
        top.deprel in ("acl:relcl", "acl", "advcl")
        and top.head
        and any(c.deprel in ("advmod", "obl") and fold(c.form) in _where_words() for c in p.children(top.i))
    ):
        # "Petro seguirá su gira en Lima, donde se reunirá con ...", "направится в Иран, где
        # встретится с ...": a subjectless clause of place has the subject of the clause whose
        # place it tells (the traveller who gets there)
        up = p.tok(top.head)
        while up.upos not in ("VERB", "AUX") and up.head:
            up = p.tok(up.head)
        return {x.i for c in p.children(up.i) if c.deprel in ("nsubj", "nsubj:pass") for x in p.subtree(c.i)}
    if (
        top.deprel in ("advcl", "xcomp")
        and top.head
        and any(
            c.deprel == "mark" and fold(c.form) in rd.every_language("purpose_marks", events=True)
            for c in p.children(top.i)
        )
        and fold(p.tok(top.head).lemma) in rd.every_language("use_verbs", events=True)
    ):
        # "a profité du sommet pour rencontrer Lula et Milei", "aprovechó ... para reunirse con",
        # "hat ... genutzt, um ... zu treffen": the one who used the occasion for it (not "a donné
        # son accord pour venir": agreeing to come is not coming)
        up = p.tok(top.head)
        return {x.i for c in p.children(up.i) if c.deprel in ("nsubj", "nsubj:pass") for x in p.subtree(c.i)}
    if top.deprel != "ccomp" or not top.head:
        return set()
    say = p.tok(top.head)
    out: set[int] = set()
    for c in p.children(say.i):
        if c.deprel in ("nsubj", "nsubj:pass"):
            out |= {x.i for x in p.subtree(c.i)}
    return out


@lru_cache(maxsize=None)
def _counterfactual_re(lang: str) -> re.Pattern[str] | None:
    phrases = rd.lexicon(lang).get("events", {}).get("counterfactual_plans", ())
    if not phrases:
        return None
    alts = [
        r"(?<!\w)" + r"(?!\w).*?(?<!\w)".join(re.escape(fold(w)) for w in ph.split(" * ")) + r"(?!\w)" for ph in phrases
    ]
    return re.compile("|".join(alts))


def _past_plan(ctx: Ctx, L: Lex, pr: Pred) -> bool:
    """A plan told in the past ("was supposed to meet", "était censé rencontrer", "debía reunirse",
    "sollte ... treffen", "должен был встретиться"; lexicon ``past_plans``): still a plan when its
    time is to come, what did not happen when its time is gone or not told."""
    phrases = L.words.get("past_plans")
    if not phrases:
        return False
    text = " " + _clause_words(ctx, pr, with_governors=True) + " "
    return any(re.search(r"(?<!\w)" + re.escape(ph) + r"(?!\w)", text) for ph in phrases)


def _clause_words(ctx: Ctx, pr: Pred, with_governors: bool = False) -> str:
    """The folded text of the event's own clause, from its first to its last word, with the
    auxiliaries of the verbs sharing it ("hätte ... besichtigen und ... empfangen werden sollen":
    the auxiliary the conjuncts share), and those verbs themselves with ``with_governors``."""
    p = pr.p
    ids = _own_clause(p, pr) | {pr.head.i}
    for g in pr.gov:
        if not g.deprel.startswith("~"):
            ids |= {c.i for c in p.children(g.i) if c.deprel in ("aux", "cop")}
            if with_governors:
                ids.add(g.i)
    toks = [p.tok(i) for i in ids]
    start, end = min(t.start for t in toks), max(t.end for t in toks)
    return " ".join(fold(ctx.text[start:end]).split())


def _counterfactual(ctx: Ctx, L: Lex, pr: Pred) -> bool:
    """The event's clause tells what was to happen and did not, or need not have: "had been due
    to", "aurait dû", "debía haber", "hätte ... sollen", "должен был бы" (lexicon
    ``counterfactual_plans``; " * " stands for any words between)."""
    pat = _counterfactual_re(ctx.lang)
    if pat is None:
        return False
    return bool(pat.search(_clause_words(ctx, pr)))


def _conditional_form(lang: str, v: Tok) -> bool:
    """A synthetic conditional: the infinitive's stem and the conditional ending ("rendrait",
    "rencontrerait", "viajaría", "reunirían"), not an imperfect ("déclarait"), or a form the
    lexicon lists (events key ``irregular_conditionals``: "serait")."""
    form, lemma = v.form.lower(), v.lemma.lower()
    if fold(form) in {fold(w) for w in rd.lexicon(lang).get("events", {}).get("irregular_conditionals", ())}:
        return True  # "serait", "irait": a stem of its own
    if lang == "fr":
        m = re.search(r"(?:ais|ait|ions|iez|aient)$", form)
        return bool(m) and form[: m.start()] in {lemma, lemma[:-1]} and lemma.endswith(("r", "re"))
    if lang == "es":
        m = re.search(r"(?:ía|ías|íamos|íais|ían)$", form)
        return bool(m) and form[: m.start()] == lemma and lemma.endswith(("ar", "er", "ir"))
    return False


def _future(ctx: Ctx, L: Lex, pr: Pred) -> bool:
    """A future on the predicate or its governing verbs: Tense=Fut where the parser gives FEATS
    (ru), the synthetic futures CoreNLP leaves unmarked ("rencontrera", "visitará"), or a future
    auxiliary ("will", "wird" + infinitive, "va / vont", "va a", "будет")."""
    p = pr.p
    verbs = [pr.head] + [g for g in pr.gov if not g.deprel.startswith("~")]
    for v in verbs:
        if v.feats.get("Tense") == "Fut":
            return True
        form = fold(v.form)
        if v.upos in ("VERB", "AUX"):
            if form in L.words.get("irregular_futures", ()):
                return True  # "aura un entretien", "sera reçu": futures too short for the endings below
            if (
                ctx.lang == "fr"
                and _FUT_FR.search(form)
                and fold(v.lemma) != form
                and len(form) > 4
                and not form.endswith("erait")
            ):
                if not re.search(r"(?:ai|ais|ait|aient)$", form):
                    return True
                if form.endswith(("erai", "irai")) and any(
                    c.deprel.startswith("nsubj") and L.has("first_person_pronouns", c) for c in p.children(v.i)
                ):
                    return True  # "je rencontrerai": the first person's future, no imperfect
            if ctx.lang == "es" and _FUT_ES.search(v.form.lower()):
                return True
        for c in p.children(v.i):
            if c.deprel == "aux" and ctx.lang == "es" and _FUT_ES.search(c.form.lower()):
                return True  # "volverá a viajar", "tendrá que viajar": a future periphrasis
            if c.deprel in ("aux", "aux:pass") and L.has("future_aux", c):
                if ctx.lang == "de" and (
                    fold(v.form) != fold(v.lemma)
                    or (v.form.lower().startswith("ge") and not v.form.lower().endswith("en"))
                ):
                    continue  # "wird ... getroffen", "wird ... gewürdigt": a passive, not a future ("wird ... geben" is one)
                forms = L.words.get("future_aux_forms")
                if forms and fold(c.form) not in forms:
                    continue  # "ist ... empfangen worden" (a passive), "allait": not the future's auxiliary
                if ctx.lang == "ru" and c.feats.get("Tense") not in (None, "Fut"):
                    continue
                return True
            if (
                c.deprel in ("aux", "aux:pass", "cop")
                and ctx.lang in ("fr", "es")
                and fold(c.form) in L.words.get("future_passive_aux", ())
            ):
                # "sera reçu", "será recibido": the passive's auxiliary in the future; "Será la
                # primera visita de ...", "ce sera sa première visite": the copula's
                return True
            if c.deprel == "cop" and (
                c.feats.get("Tense") == "Fut"
                or fold(c.form) in L.words.get("future_aux", frozenset()) | L.words.get("future_aux_forms", frozenset())
            ):
                return True  # "это будет первый визит", "es wird sein erster Besuch sein" (the form, not "был")
    return False


def _tensed_verb(pr: Pred) -> Tok | None:
    """The verb that carries the event's tense: the predicate or the first verb governing it, and
    for an infinitive the verb it completes ("agreed on Saturday to set up ...": "agreed")."""
    chain = [x for x in [pr.head, *pr.gov] if not x.deprel.startswith("~")]
    v = next((x for x in chain if x.upos in ("VERB", "AUX")), None)
    while v is not None and v.deprel == "xcomp" and v.head:
        v = next((x for x in chain if x.i == v.head), None)
    return v


def _past_tense(ctx: Ctx, L: Lex, pr: Pred) -> bool:
    """The event's verb is a past: a simple past ("met", "mantuvieron", "trafen", "встретились"),
    a perfect ("has met", "a rencontré", "ha recibido", "hat getroffen") or a pluperfect."""
    v = _tensed_verb(pr)
    if v is None or _future(ctx, L, pr):
        return False
    if ctx.lang == "ru":
        return v.feats.get("Tense") == "Past"
    if _pluperfect(L, pr):
        return True
    aux = [c for c in pr.p.children(v.i) if c.deprel in ("aux", "aux:pass")]
    if any(L.has("perfect_aux", c) for c in aux) and fold(v.form) != fold(v.lemma):
        return True
    if (
        any(L.has("perfect_aux", c) for c in aux)
        and any(L.has("reflexive_pronouns", c) for c in pr.p.children(v.i) if c.deprel.startswith("expl"))
        and not _present(ctx, L, pr)
    ):
        return True  # "s'est rendu", "se sont entretenus": a reflexive perfect the lemmatiser left as it is
    if any(c.deprel == "aux:pass" and fold(c.form) in L.words.get("past_aux", ()) for c in aux):
        return True  # "was received", "wurde empfangen", "fue recibido": a passive in the past
    if aux:
        return False
    past = rd.lexicon(ctx.lang).get("past_endings", "")
    if past and re.search(past, v.form.lower()):
        return True
    # a strong past ("met", "trafen"): an inflected form that is no present and no participle
    form = fold(v.form)
    return (
        ctx.lang in ("en", "de")
        and form != fold(v.lemma)
        and not form.endswith("ing")
        and not form.startswith("ge")
        and not _present(ctx, L, pr)
    )


def _year_by_tense(ctx: Ctx, L: Lex, pr: Pred, date: DateMention) -> DateMention:
    """A day and month told without a year are read as the nearest such day to the publication;
    the verb's tense decides when that is not the one it tells: "mantuvieron una reunión el 11 de
    marzo", told in September, is last March, not next."""
    if date.precision != "day" or date.year_explicit or date.ahead or not ctx.pub or date.value[:1] == "-":
        return date
    if len(ctx.pub) < 10 or date.ago:
        return date
    y = int(date.value[:4])
    if (
        date.value > ctx.pub
        and _past_tense(ctx, L, pr)
        and _modality(ctx, L, pr) != "plan"
        and not _awaited_now(ctx, L, pr)  # ("est attendu": être and a participle, but a passive present)
    ):
        # (not "the visit was scheduled for June 3", told in May: a past verb of planning sets
        # a day still to come)
        y -= 1
    elif date.value < ctx.pub and (_future(ctx, L, pr) or _awaited_now(ctx, L, pr)):
        y += 1
    else:
        return date
    try:
        value = dt.date(y, int(date.value[5:7]), int(date.value[8:10])).isoformat()
    except ValueError:
        return date
    return replace(date, value=value)


def _awaited_now(ctx: Ctx, L: Lex, pr: Pred) -> bool:
    """ "X est attendu à Tunis le 2 novembre", "is expected in Rome on 3 June", "wird am 9. Juli in
    Abidjan erwartet", "ожидается в Минске 2 ноября": awaited somewhere in the present, someone
    still to come (not "était attendu", "was expected": awaited then)."""
    v = pr.head if L.has("awaited_verbs", pr.head) else next((g for g in pr.gov if L.has("awaited_verbs", g)), None)
    if v is None or v.upos not in ("VERB", "ADJ") or not _awaited(L, pr.p, v):
        return False
    if v.feats.get("Tense") == "Past":
        return False
    aux = [c for c in pr.p.children(v.i) if c.deprel in ("aux", "aux:pass", "cop")]
    return not any(fold(c.form) in L.words.get("past_aux", ()) or c.feats.get("Tense") == "Past" for c in aux)


def _day_in_year(dates: list[DateMention]) -> list[DateMention]:
    """A day told without its year and a year the clause names ("Im vergangenen Jahr ... am 8.
    Juli", "El año pasado ... el 8 de julio", "in 2019, on 3 May", "in October 2023, when ... on
    October 9"): that day of that year, first."""
    days = [d for d in dates if d.precision == "day" and not d.year_explicit and not d.ahead and d.value[:1] != "-"]
    if len(days) != 1:
        return dates
    (day,) = days
    # (or the month of that day with its year: "in October 2023, when they met on October 9")
    years = {d.value[:4] for d in dates if d.precision == "year"} | {
        d.value[:4] for d in dates if d.precision == "month" and d.year_explicit and d.value[5:7] == day.value[5:7]
    }
    if len(years) != 1:
        return dates
    (year,) = years
    try:
        value = dt.date(int(year), int(day.value[5:7]), int(day.value[8:10])).isoformat()
    except ValueError:
        return dates
    return [replace(day, value=value, year_explicit=True)] + [d for d in dates if d is not day]


def _present(ctx: Ctx, L: Lex, pr: Pred) -> bool:
    """The event's verb is a finite present with no auxiliary ("flies", "reist", "se rend",
    "viaja", "летит"): with a weekday still to come, a plan. Only Russian parses carry tense, so
    the others are told by their forms: no past ending, and (English, German) a present's."""
    v = _tensed_verb(pr)
    if v is None:
        return False
    aux = [c for c in pr.p.children(v.i) if c.deprel in ("aux", "aux:pass", "cop")]
    if aux:
        # "Am Donnerstag wird der Besuch in Hamburg fortgesetzt": a passive's present (the present
        # of "werden" with a participle; "wird ... fortsetzen" is a future, "wurde" a past)
        return ctx.lang == "de" and all(
            c.deprel == "aux:pass" and fold(c.form) in L.words.get("future_aux_forms", ()) for c in aux
        )
    if ctx.lang == "ru":
        return v.feats.get("Tense") == "Pres"
    form, lemma = fold(v.form), fold(v.lemma)
    past = rd.lexicon(ctx.lang).get("past_endings", "")
    if past and re.search(past, v.form.lower()):
        return False
    if ctx.lang == "en":
        return form in {lemma, lemma + "s", lemma + "es", lemma[:-1] + "ies"}
    if ctx.lang == "de":
        # the infinitive's stem and a present ending ("reist", "besucht"), not a strong past ("hielt")
        stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
        for c in pr.p.children(v.i):
            # the separated particle off the lemma ("trifft ... ein" -> eintreffen: treff), so that
            # a strong verb's present is compared with its own stem
            if c.deprel.startswith("compound") and len(fold(c.form)) < len(stem) and stem.startswith(fold(c.form)):
                stem = stem[len(fold(c.form)) :]
                break

        def consonants(x: str) -> str:
            return re.sub(r"[aeiouy]", "", x)

        if form == stem + "e" and any(
            c.deprel.startswith("nsubj") and L.has("first_person_pronouns", c) for c in pr.p.children(v.i)
        ):
            return True  # "Am Donnerstag treffe ich X", "fliege ich nach Y": the first person's present
        return (
            form.endswith("t")
            and form != lemma
            # a separable verb's lemma keeps its particle ("reist ... weiter" -> weiterreisen);
            # a strong verb changes its vowel ("trifft", "empfängt", "fährt"), not its consonants
            # (the pasts "hielt", "trat", "bat" have lost or gained one)
            and (
                form.startswith(stem)
                or (len(form) >= 4 and stem.endswith(form[:-1]))
                or (len(form) >= 4 and consonants(form[:-1]) == consonants(stem) and form[0] == stem[0])
            )
            and not (form.startswith("ge") and not lemma.startswith("ge"))
        )
    if ctx.lang == "fr":
        if form == lemma and not re.search(r"(?:er|ir|oir)$", form):
            # a present the parser took for its own lemma ("Macron rencontre X"): a verb with a
            # subject is finite, and no infinitive ends so
            return any(c.deprel.startswith("nsubj") for c in pr.p.children(v.i))
        if lemma.endswith("er") and v.form.lower() in (v.lemma.lower()[:-2] + "e", v.lemma.lower()[:-2] + "ent"):
            return True  # "effectue", "continuent": a first-group present, whatever its last letters
        # no participle ("arrivé", "reçue", "venu", "parti"), a conjugated form
        return form != lemma and not re.search(r"(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues)$", v.form.lower())
    if ctx.lang == "es":
        # a present's person endings ("viaja", "recibe", "viajan"), not a preterite ("mantuvo", "fue")
        if (
            form != lemma
            and form.endswith("o")
            and not form.endswith(("ado", "ido"))
            and not any(c.deprel.startswith("nsubj") for c in pr.p.children(v.i))
            and _first_person_verb(ctx, L, pr.p, v)
        ):
            return True  # "viajo el jueves a Lima": the first person's present
        return form != lemma and bool(re.search(r"(?:a|e|an|en)$", form)) and not re.search(r"(?:ad|id)(?:a|as)$", form)
    return False


def _progressive(L: Lex, pr: Pred) -> bool:
    """A present progressive ("is hosting ... that day"): with a day still to come, a programme
    as a plain present is."""
    v = _tensed_verb(pr)
    if v is None or not v.form.lower().endswith("ing"):
        return False
    auxes = [c for c in pr.p.children(v.i) if c.deprel in ("aux", "aux:pass", "cop")]
    return len(auxes) == 1 and L.has("progressive_aux", auxes[0])


def _labels(ctx: Ctx) -> dict[int, str]:
    """Interview labels: a leader's name opening a line, then a colon ("Meinl-Reisinger: Der
    Kanzler wird ..."): who speaks, not someone the answer tells of (by start offset)."""
    out = {}
    for h in ctx.leader_hits:
        line = ctx.text.rfind("\n", 0, h.start) + 1
        if not ctx.text[line : h.start].strip() and ctx.text[h.end : h.end + 3].lstrip(" ").startswith(":"):
            out[h.start] = h.lid
    return out


def _label_of(ctx: Ctx, p: Parse) -> str | None:
    """The interview label of the line this sentence is on; or, on an answer line of an interview
    told as questions and answers with no labels, the person interviewed."""
    for start, lid in _labels(ctx).items():
        if start <= p.start + 1 and "\n" not in ctx.text[start : p.start]:
            return lid
    return _answerer(ctx, p.start)


_QUESTION_END = re.compile(r"[?？]\s*[\"'»“”’)]*\s*$")
_QUOTES = "\"'«»„“”‘’‚‹›"


def _interview(ctx: Ctx) -> tuple[str | None, tuple[tuple[int, int], ...]]:
    """An interview told as questions and answers: at least two lines of the body that end with a
    question mark, each followed by a line that does not. Who answers is the leader the headline
    names before its colon ("Guy Parmelin: «...»", "INTERVIEW | Lamola: ..."), else the first
    leader the lead paragraph names ("Foreign Minister X spoke to us on Thursday ..."). The answers
    are the lines after the first question that are no questions: there "I" is that person, not
    the journalist who writes the lead and asks."""
    if ctx.interview is not None:
        return ctx.interview
    ctx.interview = (None, ())
    body = [s for s in ctx.sents if s.para != -1]
    if not body:
        return ctx.interview
    lines = []
    pos = body[0].start
    for raw in ctx.text[pos:].split("\n"):
        if raw.strip():
            lines.append((pos, pos + len(raw), bool(_QUESTION_END.search(raw))))
        pos += len(raw) + 1
    asked = [i for i, (_, _, q) in enumerate(lines) if q and i + 1 < len(lines) and not lines[i + 1][2]]
    if len(asked) < 2:
        return ctx.interview
    # (not a line a label gives to someone else: "A: ...", "Spokesperson Mao Ning: ...")
    answers = tuple(
        (a, b)
        for a, b, q in lines[asked[0] + 1 :]
        if not q and not _SPEAKER.match(ctx.text, a, b) and not _NAMED_SPEAKER.match(ctx.text, a, b)
    )
    head = [s for s in ctx.sents if s.para == -1]
    who = None
    for h in ctx.leader_hits:
        if head and head[0].start <= h.start < head[-1].end:
            after = ctx.text[h.end : head[-1].end]
            colon = after.find(":")
            if 0 <= colon <= 40 and not any(q in after[:colon] for q in _QUOTES):
                before = ctx.text[head[0].start : h.start]
                if sum(before.count(q) for q in _QUOTES) % 2 == 0:  # (not a name inside a quotation)
                    who = h.lid
                    break
    if who is None:
        lead_end = lines[asked[0]][0]
        first = [h for h in ctx.leader_hits if body[0].start <= h.start < lead_end]
        who = first[0].lid if first else None
    ctx.interview = (who, answers) if who else (None, ())
    return ctx.interview


def _asked(ctx: Ctx, pos: int) -> str | None:
    """The person interviewed, when ``pos`` is in a sentence the interviewer states, not asks, on a
    question line ("You were in Riga on Tuesday. Whom did you see?")."""
    who, _ = _interview(ctx)
    if who is None:
        return None
    s = ctx.sents[ctx.sent_of(pos)]
    line_start = ctx.text.rfind("\n", 0, pos) + 1
    line_end = ctx.text.find("\n", pos)
    line = ctx.text[line_start : line_end if line_end >= 0 else len(ctx.text)]
    if not _QUESTION_END.search(line) or _QUESTION_END.search(ctx.text[s.start : s.end]):
        return None
    return who


def _second_person(ctx: Ctx, L: Lex, p: Parse, t: Tok) -> bool:
    """A second-person pronoun ("you", "vous", "usted", "вы"; German "Sie" written so inside its
    sentence, not "sie", she)."""
    if t.upos != "PRON" or not L.has("second_person_pronouns", t):
        return False
    if ctx.lang == "de":
        return t.form == "Sie" and t.i != p.toks[0].i
    return True


def _answerer(ctx: Ctx, pos: int) -> str | None:
    """The person interviewed, when ``pos`` is on an answer line of a question-and-answer interview."""
    who, answers = _interview(ctx)
    return who if who and any(a <= pos < b for a, b in answers) else None


def _after_and(p: Parse, t: Tok) -> bool:
    """The word comes right after a coordinating conjunction or a comma ("and then", ", then")."""
    before = [x for x in p.toks if x.end <= t.start]
    return bool(before) and (before[-1].upos == "CCONJ" or before[-1].form in (",", ";"))


def _first_person_verb(ctx: Ctx, L: Lex, p: Parse, v: Tok) -> bool:
    """A finite verb in the first person singular ("recibí", "me reuniré", "встречусь"), by its
    features, or in a language that drops the subject by its ending (not "-mos": we)."""
    aux = [c for c in p.children(v.i) if c.deprel in ("aux", "aux:pass")]
    fin = aux[0] if aux else v
    if fin.feats.get("Person"):
        return fin.feats.get("Person") == "1" and fin.feats.get("Number", "Sing") == "Sing"
    if not L.words.get("null_subject"):
        return False
    form = fold(fin.form)
    # (not a short preterite of the third person: "dio", "vio", "fue")
    return len(form) > 3 and _first_person_form(ctx.lang, fin.form) and not form.endswith(("mos", "aba", "ia"))


def _first_person_object(L: Lex, p: Parse, v: Tok) -> bool:
    """The verb takes "me" ("received me", "mich empfängt", "me recevra", "me recibirá", "меня
    принял"): a first-person singular pronoun that is no subject."""
    return any(
        c.upos == "PRON"
        and c.deprel in ("obj", "iobj", "obl", "expl", "expl:pv", "obl:arg")
        and L.has("first_person_pronouns", c)
        and c.feats.get("Number", "Sing") == "Sing"
        for c in p.children(v.i)
    )


def _stood_in_for(ctx: Ctx) -> frozenset[int]:
    """Start offsets of the leaders named as the one someone else stands in for ("taking the place
    of President X", "au nom du président X", "en representación del presidente X", "in Vertretung
    von X", "вместо президента X"): absent, whoever meets in their name."""
    if ctx.stand_ins is None:
        phrases = lex(ctx.lang).words.get("stand_in_phrases", ())
        out = set()
        if phrases:
            alt = "|".join(re.escape(w) for w in sorted(phrases, key=len, reverse=True))
            pat = re.compile(r"(?<!\w)(?:" + alt + r")(?:\s+[^\s,;:.()]+,?){0,5}\s+$")
            for h in ctx.leader_hits:
                s = ctx.sents[ctx.sent_of(h.start)]
                before = fold(ctx.text[max(s.start, h.start - 80) : h.start]).replace("’", "'")
                m = pat.search(before)
                # only titles between the words and the name, no one else ("anstelle von Merz mit
                # Tusk": Merz stays away, Tusk is met)
                if m and not any(h.start - (len(before) - m.start()) <= g.start < h.start for g in ctx.leader_hits):
                    out.add(h.start)
        ctx.stand_ins = frozenset(out)
    return ctx.stand_ins


def _in_neither_nor(ctx: Ctx, h: LeaderHit) -> bool:
    """The leader is named in a correlative negation ("ni le président Xi Jinping ni ...", "weder
    Staatschef Xi noch ...", "ни председатель КНР Си Цзиньпин, ни ..."): whatever the parse made
    of the clause, not a participant of what happened. The word opens the leader's phrase (at most
    three words before the name, no punctuation between) and its pair is in the sentence."""
    s = ctx.sents[ctx.sent_of(h.start)]
    before = re.findall(r"[\w'’-]+|[,;:.()]", ctx.text[max(s.start, h.start - 60) : h.start])[-4:]
    pairs = [pair.split() for pair in lex(ctx.lang).words.get("correlative_negation", ())]
    text = fold(ctx.text[s.start : s.end])
    for w in reversed(before):
        if w in ",;:.()":
            return False
        word = fold(w)
        for first, second in pairs:
            if word == first and re.search(r"(?<!\w)" + re.escape(second) + r"(?!\w)", fold(ctx.text[h.end : s.end])):
                return True
            if word == second and re.search(r"(?<!\w)" + re.escape(first) + r"(?!\w)", text[: h.start - s.start]):
                return True
    return False


def _leaders_in(ctx: Ctx, p: Parse, ids: set[int]) -> list[LeaderHit]:
    out, seen = [], set()
    labels = _labels(ctx)
    absent = _stood_in_for(ctx)
    for h in ctx.leader_hits:
        if h.start in labels or h.start in absent:
            continue
        if p.start <= h.start < p.end and _in_neither_nor(ctx, h):
            continue
        if p.start <= h.start < p.end and _tok_ids(p, h.start, h.end) & ids and h.lid not in seen:
            seen.add(h.lid)
            out.append(h)
    return out


def _pronoun_referent(ctx: Ctx, L: Lex, p: Parse, subj: set[int], before: int) -> list[str]:
    """ "He met ...": the person the text is about, carried from sentence to sentence (the first
    leader a sentence names, or the one before when it opens with a pronoun itself)."""
    topic = _topics(ctx).get(ctx.sent_of(before) - 1)
    if ctx.sent_of(before) in ctx.someone_else:
        # "la présidente de l'Assemblée doit se rendre à Gyumri, où elle visitera ...": the
        # sentence's own subject, whom the text does not identify, not the one before
        return []
    if any(p.tok(i).upos == "PRON" and L.has("first_person_pronouns", p.tok(i)) for i in subj):
        # "Meinl-Reisinger: Ich habe Tusk getroffen": the one the interview line gives the word to
        label = _label_of(ctx, p)
        return [label] if label else []
    if any(_second_person(ctx, L, p, p.tok(i)) for i in subj):
        # "You were in Riga on Tuesday. Whom did you see?": the person the interview asks
        asked = _asked(ctx, p.start)
        return [asked] if asked else []
    plural = [(m.start, m.end) for m in ctx.triggers.get("plural_leaders", ()) if p.start <= m.start < p.end]
    prons = [
        p.tok(i)
        for i in subj
        if p.tok(i).upos == "PRON"
        and L.has("third_person", p.tok(i))
        and not any(a <= p.tok(i).start < b for a, b in plural)  # "ils", "they": two people, below
    ]
    if prons:
        # "Macron's last visit dates from 2019: he was received by ...": the first person this
        # sentence names before the pronoun, else the person the text is about
        here = [h for h in ctx.leader_hits if p.start <= h.start < prons[0].start and h.explicit]
        verb = p.tok(prons[0].head) if prons[0].head else prons[0]
        if any(c.deprel in ("mark", "cc") and L.has("contrast_marks", c) for c in p.children(verb.i)) or (
            verb.head and L.has("contrast_marks", p.tok(verb.head))
        ):
            # "Carney showed interest in ..., while she proposed ...": someone else than the
            # person just named
            others = {h.lid for h in here}
            return [topic] if topic and topic not in others else []
        if here:
            return [here[0].lid]
        anaphors = [h for h in ctx.leader_hits if p.start <= h.start < prons[0].start and not h.explicit]
        if anaphors and prons[0].head and p.tok(prons[0].head).deprel in ("acl:relcl", "advcl"):
            # "Le président sénégalais devait se rendre à Anvers, où il était attendu ...": in a
            # clause hung on this sentence, the person its title named before the pronoun
            return [anaphors[0].lid]
        if _unknown_person_before(ctx, p, prons[0].start):
            # "after King Philippe's visit, during which he was received by ...": the person the
            # sentence has just named, whom the reference data does not know
            return []
        return [topic] if topic else []
    known = _named_spans(ctx, with_titles=True)
    if any(
        p.tok(i).upos == "PROPN"
        and p.tok(i).deprel in ("appos", "flat", "flat:name", "nsubj", "nsubj:pass")
        and not any(a <= p.tok(i).start < b for a, b in known)
        and not _a_leaders_name(ctx, p.tok(i))
        for i in subj
    ):
        # "The Spanish opposition leader, Feijóo, arrives in Montevideo": a title with a name the
        # reference data does not know is that person, not the leader the text was about
        return []
    role = _bare_title(ctx, p, subj)
    if not role or role == "counterpart":
        return []
    if topic and role_fits(role, ctx.leader_info[topic].get("role")):
        return [topic]  # "El mandatario tiene previsto ...", "Der Kanzler reiste ...": the same person
    # "Orsi accepted ... On Wednesday the minister flies to Buenos Aires": not the person just told
    # of, whom the title does not fit, but the one it fits whom the text has named most (when one
    # is named more than any other)
    told: dict[str, int] = {}
    for h in ctx.leader_hits:
        if h.start < p.start and h.explicit and role_fits(role, ctx.leader_info[h.lid].get("role")):
            told[h.lid] = told.get(h.lid, 0) + 1
    ranked = sorted(told.values(), reverse=True)
    if ranked and (len(ranked) == 1 or ranked[0] > ranked[1]):
        return [max(told, key=lambda x: told[x])]
    return []


def _guest_of(ctx: Ctx, L: Lex, p: Parse, pr: Pred, dom: set[int], leaders: list[str]) -> str | None:
    """The guest a clause names by that word ("führte mit seinem Gast ein Gespräch", "Macron et son
    hôte ont parlé", "высокого гостя принял"): the leader of another state than the clause's
    people whom the text has named most so far, when it has named one; the lexicon lists the
    word's singular forms: "the forum's guests" are nobody in particular. (``_epithet`` reads such
    a word as the person the report is about, when it stands for the clause's only party; this
    one adds the other state's leader to a clause that has its host already.)"""
    heads = {pr.head.i} | {g.i for g in pr.gov if not g.deprel.startswith("~")}
    # a meal given for the guest ("gab ein Essen für den Gast", "a offert un dîner à son hôte", "zu
    # Ehren seines Gastes"): whom it was given for, in a phrase of the meal or of its giver
    meal = _hosted_meal(L, pr)
    if meal and any(x.deprel == "appos" for x in p.children(pr.head.i)):
        return None  # "a dinner in honour of his guest, the singer Ed Sheeran", the apposition hung on the meal
    nouns = [
        t
        for t in (p.tok(i) for i in sorted(dom))
        if t.upos == "NOUN"
        and fold(t.form) in L.words.get("guest_nouns", ())  # (its singular forms: not "Gäste", "guests")
        and t.deprel in ("nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod", "conj", "obl:agent")
        and (
            _argument_of(p, t, heads) or (meal and t.deprel == "nmod" and bool(t.head) and p.tok(t.head).head in heads)
        )
        # an oblique with "with" or "by" ("mit seinem Gast", "reçu par son hôte"), not "as a guest
        # of the forum" (what the subject is, not whom it met)
        and (
            t.deprel not in ("obl", "nmod")
            or (meal and not t.deprel.startswith("nsubj"))
            or any(
                x.deprel == "case" and (L.has("companion_case", x) or L.has("agent_preps", x)) for x in p.children(t.i)
            )
        )
        and not _leaders_in(ctx, p, {x.i for x in p.subtree(t.i)})
        # (not "his guest, the British singer Ed Sheeran": an apposition says who)
        and not any(x.deprel in ("appos", "flat", "flat:name") for x in p.children(t.i))
    ]
    if not nouns:
        return None
    states = _states_of(ctx, leaders)
    if not states:
        # "Am Freitag reist der Gast nach Innsbruck", "высокий гость вылетает в Москву": nobody
        # else in the clause; the guest is of another state than the host, the state of the
        # first town the body names (its dateline or its lead)
        first = min(
            (
                m.start
                for pid, m in ctx.place_hits
                if ctx.places[pid]["kind"] == "city"
                and ctx.places[pid]["state"]
                and ctx.sents[ctx.sent_of(m.start)].para != -1
                and m.start < p.start
            ),
            default=None,
        )
        if first is None:
            return None
        states = {next(ctx.places[pid]["state"] for pid, m in ctx.place_hits if m.start == first)}
    return _most_told(ctx, p.start, states)


def _most_told(ctx: Ctx, before: int, states: set[str]) -> str | None:
    """The leader of none of ``states`` whom the text names most before ``before`` (by name, not an
    unnamed office), when one is named more than any other."""
    told: dict[str, int] = {}
    for h in ctx.leader_hits:
        if h.start < before and h.explicit and not is_office(h.lid) and ctx.leader_info[h.lid]["state"] not in states:
            told[h.lid] = told.get(h.lid, 0) + 1
    if not told:
        return None
    best = max(told.values())
    top = [x for x, n in told.items() if n == best]
    return top[0] if len(top) == 1 else None


def _argument_of(p: Parse, t: Tok, heads: set[int]) -> bool:
    """``t`` is a phrase of one of these words, or a conjunct of one ("Macron et son hôte"), not a
    word inside another phrase ("cartes de visiteur")."""
    if t.head in heads:
        return True
    return t.deprel == "conj" and bool(t.head) and p.tok(t.head).head in heads


def _named_spans(ctx: Ctx, with_titles: bool = False) -> list[tuple[int, int]]:
    """The character spans of the leaders, states and places the text names (and titles)."""
    out = [(h.start, h.end) for h in ctx.leader_hits] + [(m.start, m.end) for _, _, m in ctx.state_hits]
    out += [(m.start, m.end) for _, m in ctx.place_hits]
    return out + [(th.m.start, th.m.end) for th in titles(ctx)] if with_titles else out


def _unknown_person_before(ctx: Ctx, p: Parse, before: int) -> bool:
    """A person no leader of the reference data is, named earlier in this sentence than ``before``:
    a title and a name ("le roi Philippe"), or a first and a last name ("Admiral John Dupuis")."""
    for th in titles(ctx):
        if not p.start <= th.m.start < before or th.end >= before:
            continue
        nxt = next((t for t in p.toks if t.start >= th.end), None)
        if (
            nxt is not None
            and nxt.start < before
            and nxt.upos == "PROPN"
            and ctx.text[th.end : nxt.start].strip() in ("", ",")
            and not any(h.start <= nxt.start < h.end for h in ctx.leader_hits)
            and not any(m.start <= nxt.start < m.end for _, _, m in ctx.state_hits)
        ):
            return True
    known = _named_spans(ctx)
    for t in p.toks:
        if t.start >= before or t.upos != "PROPN" or any(a <= t.start < b for a, b in known):
            continue
        if any(
            (c.deprel.startswith("flat") or c.deprel == "compound") and c.upos == "PROPN" and c.start < before
            for c in p.children(t.i)
        ):
            return True  # "the visit of Admiral John Dupuis": a first and a last name
        if (
            t.deprel == "appos"
            and t.head
            and p.tok(t.head).upos == "NOUN"
            and p.tok(t.head).deprel in ("nsubj", "nsubj:pass")
            and not any(a <= p.tok(t.head).start < b for a, b in known)
            and not _a_leaders_name(ctx, t)
        ):
            return True  # "Oppositionsführer Feijóo trifft ... ein, wo ihn X empfängt": a titled subject
    return False


def _a_leaders_name(ctx: Ctx, t: Tok) -> bool:
    """``t`` is a word of a leader's name as the text writes it elsewhere ("Сергей Лавров", then
    "Оттуда Лавров летит", where the name finder did not take the word for him)."""
    w = fold(t.form)
    return any(w in fold(ctx.text[h.start : h.end]).split() for h in ctx.leader_hits)


def _unknown_antecedent(ctx: Ctx, p: Parse, pr: Pred) -> bool:
    """The clause of ``pr`` hangs on another ("X arrives in Montevideo on Thursday, where Y will
    receive him") whose subject is a name no leader, state or place of the reference data is."""
    v = _clause_verb(pr)
    while v.deprel in ("conj",) and v.head:
        v = p.tok(v.head)
    if v.deprel not in ("acl", "acl:relcl", "advcl") or not v.head:
        return False
    up = p.tok(v.head)
    while up.upos not in ("VERB", "AUX") and up.head:
        up = p.tok(up.head)
    known = _named_spans(ctx)

    def unknown(t: Tok) -> bool:
        return t.upos == "PROPN" and not any(a <= t.start < b for a, b in known) and not _a_leaders_name(ctx, t)

    return any(
        c.deprel == "nsubj"
        and not any(a <= c.start < b for a, b in known)
        # ("The opposition leader, Feijóo, arrives ...": the name in apposition to the title)
        and (unknown(c) or any(x.deprel == "appos" and unknown(x) for x in p.children(c.i)))
        for c in p.children(up.i)
    )


def _bare_title(ctx: Ctx, p: Parse, ids: set[int]) -> str | None:
    """The role of a title in ``ids`` that names no state and no person ("the president",
    "el mandatario"), or None."""
    for th in titles(ctx):
        if th.state or not (p.start <= th.m.start < p.end) or not (_tok_ids(p, th.m.start, th.end) & ids):
            continue
        t = min((p.tok(i) for i in _tok_ids(p, th.m.start, th.end)), key=lambda x: _depth(p, x))
        own = {x.i for x in p.subtree(t.i)}
        if any(
            th.m.start <= h.start < th.end + 40
            and (not ctx.text[th.end : h.start].strip(" ,") or _tok_ids(p, h.start, h.end) & own)
            for h in ctx.leader_hits
        ):
            continue  # "President Milei", "the president, Javier Milei": a name follows
        if any(
            c.deprel in ("amod", "nmod", "appos", "flat", "compound") and c.start >= th.end for c in p.children(t.i)
        ):
            continue  # "the president of the commission", "le président sortant"
        return th.role
    return None


def _topics(ctx: Ctx) -> dict[int, str | None]:
    if ctx.topics is not None:
        return ctx.topics
    out: dict[int, str | None] = {}
    cur: str | None = None
    for k, s in enumerate(ctx.sents):
        if s.para == -1:
            out[k] = None
            continue
        hs = [h for h in ctx.leader_hits if s.start <= h.start < s.end and h.explicit]
        subject = _main_subject(ctx, k, cur)
        if subject == _SOMEONE_ELSE:
            cur = None  # "la présidente de l'Assemblée doit se rendre ..., où elle ...": not the president
            ctx.someone_else.add(k)
        elif subject is not None:
            cur = subject or cur
        elif hs and not _third_person_start(ctx, k):
            cur = hs[0].lid
        out[k] = cur
    ctx.topics = out
    return out


def _epithet(ctx: Ctx, L: Lex, p: Parse, c: Tok) -> bool:
    """ "empfing den CDU-Politiker", "the guest was welcomed by": a noun by which a report points
    back to the person it is about, naming nobody itself."""
    if c.upos not in ("NOUN", "PROPN"):
        return False

    def as_what(t: Tok) -> bool:
        return t.deprel in ("obl", "nmod") and any(
            x.deprel == "case" and not (L.has("companion_case", x) or L.has("agent_preps", x)) for x in p.children(t.i)
        )

    if as_what(c) or (c.deprel == "nmod" and c.head and p.tok(c.head).upos == "NOUN" and as_what(p.tok(c.head))):
        # "Als Gast des Forums traf Modi Unternehmer", "в качестве гостя": what the subject is, not whom it met
        return False
    near = [c] + [t for t in p.children(c.i) if t.deprel in ("flat", "appos", "compound", "amod", "flat:name")]
    noun = next(
        (
            t
            for t in near
            if t.upos == "NOUN"
            and (
                fold(t.form).rsplit("-", 1)[-1] in L.words.get("epithet_nouns", ())
                or (t.feats.get("Number") == "Sing" and L.has("epithet_nouns", t))
            )
        ),
        None,
    )  # the singular as written ("the guest", not "the guests"; "гостя" by its case's number);
    # "den CDU-Politiker": the party hung as the head, the noun as its flat part
    if noun is None:
        return False
    if any(t.deprel == "appos" for t in p.children(c.i)):
        return False  # "his guest, the British singer Ed Sheeran": the apposition says who
    if any(t.upos == "PROPN" and t.i > noun.i for t in near) or (
        noun.i < len(p.toks) and p.tok(noun.i + 1).upos == "PROPN"
    ):
        return False  # "the veteran politician Lech Wałęsa": a name follows, someone else
    own = {t.i for t in near}
    return not _leaders_in(ctx, p, own) and not any(m.start < c.end and c.start < m.end for _, _, m in ctx.state_hits)


_SOMEONE_ELSE = "-"  # a subject naming someone the text does not identify


def _of_a_house(ctx: Ctx, p: Parse, subj: Tok) -> bool:
    """The subject is an office of a house ("la présidente de l'Assemblée", "the Speaker of the
    Senate", "el presidente del Congreso"): a title with an institution hung on it, naming nobody."""
    inst = {fold(w) for w in rd.lexicon(ctx.lang).get("institutions", ())}
    return any(
        c.deprel.startswith("nmod")
        and fold(c.form) in inst
        and not _leaders_in(ctx, p, {x.i for x in p.subtree(subj.i)})
        for c in p.children(subj.i)
    )


def _main_subject(ctx: Ctx, k: int, cur: str | None) -> str | None:
    """The leader the main clause of parsed sentence ``k`` is about: the one its subject names
    ("Before meeting X, the president was received by Y" is about the president, not X); "" for a
    subject that is a bare title fitting the person the text is already about, or a third-person
    pronoun (the same person); None when the subject says nothing (then the first name counts)."""
    p = parsed(ctx).get(k)
    if p is None:
        return None
    root = next((t for t in p.toks if t.deprel == "root"), None)
    if root is None:
        return None
    subj = next((c for c in p.children(root.i) if c.deprel.startswith("nsubj")), None)
    if subj is None:
        if cur is not None and _null_subject(ctx, Pred("meet", k, p, root, [])):
            return ""  # "El martes mantuvo conversaciones con X": no subject word, the same person
        return None
    ids = {t.i for t in p.subtree(subj.i)}
    for c in p.subtree(subj.i):
        if c.i != subj.i and c.deprel.startswith("nmod") and any(x.deprel == "case" for x in p.children(c.i)):
            ids -= {x.i for x in p.subtree(c.i)}  # "the envoy of X", "the president before the talks with X"
    hs = [h for h in ctx.leader_hits if p.start <= h.start < p.end and _tok_ids(p, h.start, h.end) & ids]
    if hs:
        return hs[0].lid
    if cur is None:
        return None
    L = lex(ctx.lang)
    if subj.upos == "NOUN" and (
        L.has("group_nouns", subj)
        or any(fold(subj.form).endswith(w) for w in L.words.get("group_nouns", ()) if len(w) > 6)
    ):
        # "Une délégation commerciale s'est envolée pour Paris. Mercredi, elle a rencontré ...":
        # the sentence is about a group, and a pronoun after it is that group's, not the person's
        return _SOMEONE_ELSE
    if subj.upos == "PRON" and lex(ctx.lang).has("third_person", subj):
        return ""
    if _of_a_house(ctx, p, subj):
        return _SOMEONE_ELSE
    role = _bare_title(ctx, p, ids)
    if role and role != "counterpart" and role_fits(role, ctx.leader_info[cur].get("role")):
        return ""
    return None


def _offices(ctx: Ctx, p: Parse, ids: set[int], known: set[str], partners: list[str] = ()) -> list[str]:
    """Unnamed counterparts as ``ISO3:role`` ("VNM:president"): a title with its state in the
    clause, naming nobody the text identifies, of a state not already taking part. A counterpart
    ("his Nigerian counterpart", "son homologue nigérian") holds the office of the one it pairs
    with ("NGA:foreign minister")."""

    out = []
    partner_role = next((ctx.leader_info[x].get("role") for x in partners if ctx.leader_info[x].get("role")), None)
    for th in titles(ctx):
        if not th.state or th.state in known or not (p.start <= th.m.start < p.end):
            continue
        if not _tok_ids(p, th.m.start, th.end) & ids:
            continue
        if any(
            th.m.start <= h.start and (h.start < th.end or ctx.text[th.end : h.start].strip() in ("", ",", ":", "-"))
            for h in ctx.leader_hits
        ):
            continue  # "the Italian premier Giorgia Meloni": a person after all
        role = th.role
        if role in _NOT_PARTIES:
            continue  # "l'ambassadeur de Chine", "the Kremlin spokesman": a diplomat or a voice, no party to talks between states
        if role == "counterpart":
            if not partner_role:
                continue
            role = partner_role
        oid = f"{th.state}:{role}"
        ctx.leader_info.setdefault(oid, {"name": oid, "state": th.state, "role": role, "aliases": []})
        known = known | {th.state}
        out.append(oid)
    return out


# offices whose holders the reader never makes an unnamed party to an encounter between states
_NOT_PARTIES = frozenset({"ambassador", "spokesperson"})

_PRINCIPALS = {
    "president",
    "prime minister",
    "chancellor",
    "king",
    "queen",
    "emperor",
    "emir",
    "crown prince",
    "supreme leader",
    "general secretary",
    "leader",
    "head of state",
    "foreign minister",
    "defence minister",
    "secretary of state",
    "vice president",
}


def _plural_referents(ctx: Ctx, p: Parse, ids: set[int], before: int) -> list[str]:
    """ "the two leaders met": the last two leaders of different states the text named before."""
    L = lex(ctx.lang)

    def of_things(m: Match) -> bool:
        # "ambos" in "de ambos países", "both" in "both countries": the word of a plural phrase
        # on a noun for countries, not people
        tids = _tok_ids(p, m.start, m.end)
        if len(tids) != 1:
            return False
        t = p.tok(next(iter(tids)))
        if t.deprel not in ("det", "amod", "nummod") or not t.head:
            return False
        return L.has("country_nouns", p.tok(t.head))

    plural = [m for m in ctx.triggers.get("plural_leaders", ()) if p.start <= m.start < p.end]
    things = {i for m in plural if of_things(m) for i in _tok_ids(p, m.start, m.end)}

    def bare(m: Match) -> bool:
        # "les dirigeants d'entreprises", "the European leaders", "líderes empresariales": other people
        tids = _tok_ids(p, m.start, m.end)
        return not any(
            c.deprel in ("amod", "nmod", "acl", "compound")
            and c.i not in tids
            and not _a_place(ctx, c)
            and not {x.i for x in p.subtree(c.i)} & things  # "los cancilleres de ambos países"
            for i in tids
            for c in p.children(i)
        )  # ("die beiden Präsidenten in Johannesburg": the place the parser hung on them is the event's)

    def possessive(m: Match) -> bool:
        # "their security cabinets would meet": whose cabinets, not who meets (the possessive
        # of an event noun, "their talks", is taken below)
        tids = _tok_ids(p, m.start, m.end)
        if len(tids) != 1:
            return False
        t = p.tok(next(iter(tids)))
        return t.deprel in ("nmod:poss", "nmod", "det:poss", "det") and (
            t.feats.get("Poss") == "Yes" or L.has("plural_possessive", t)
        )

    def of_other_noun(m: Match) -> bool:
        # "с участием министров", "in the presence of the ministers", "officials of both sides":
        # a noun's genitive, the noun no meeting ("встреча министров" is)
        tids = _tok_ids(p, m.start, m.end)
        if not tids:
            return False
        t = min((p.tok(i) for i in tids), key=lambda x: _depth(p, x))  # the phrase's head
        if t.deprel != "nmod" or not t.head or t.head in tids or p.tok(t.head).upos != "NOUN":
            return False
        return not any(L.has(key, p.tok(t.head)) for key in ("meet_nouns", "visit_nouns", "call_words"))

    said = [
        m
        for m in plural
        if _tok_ids(p, m.start, m.end) & ids
        and bare(m)
        and not possessive(m)
        and not of_things(m)
        and not of_other_noun(m)
    ]
    if not said and not any(
        L.has("plural_possessive", p.tok(i))
        and p.tok(i).head
        and any(L.has(key, p.tok(p.tok(i).head)) for key in ("meet_nouns", "visit_nouns", "call_words"))
        for i in ids
    ):
        return []  # "their talks", "su reunión"; not "su homólogo" (one person's)
    out: list[str] = []
    states: set[str] = set()
    k = ctx.sent_of(p.start)
    if (
        said
        and all(p.tok(i).upos not in ("NOUN", "PROPN") for m in said for i in _tok_ids(p, m.start, m.end))
        and k > 0
    ):
        # "They had already met in Munich", "Die beiden hatten sich ...": no noun says who
        first = min(p.tok(i).start for m in said for i in _tok_ids(p, m.start, m.end))
        leaders_at = [(h.start, h.end) for h in ctx.leader_hits] + [(m.start, m.end) for m in plural]
        if any(
            t.upos == "NOUN"
            and t.deprel in ("nsubj", "nsubj:pass")
            and (t.feats.get("Number") == "Plur" or ("Number" not in t.feats and fold(t.form) != fold(t.lemma)))
            and t.start < first
            and not any(a <= x.start < b for x in p.subtree(t.i) for a, b in leaders_at)
            and not any(th.m.start <= t.start < th.end for th in titles(ctx))
            and not _office_noun(ctx.lang, t)  # "the two defence ministers ..., where they held talks"
            for t in p.toks
        ):
            return []  # "our envoys keep working on it, and they have met three times": the envoys
        two = _they(ctx, k, first) or _plural_of_sentence(ctx, k - 1)
        if two:
            return two
        pronoun_only = True
    else:
        pronoun_only = False
    earlier = list(reversed([h for h in ctx.leader_hits if h.start < before]))
    # "the two leaders" are leaders, and the ones the text is about: a spokesman, an aide or a
    # king named in between is not one of them
    told: dict[str, int] = {}
    for h in earlier:
        told[h.lid] = told.get(h.lid, 0) + 1
    principals = [h for h in earlier if (ctx.leader_info[h.lid].get("role") or "") in _PRINCIPALS]
    if pronoun_only:
        # a bare "they" the sentences just before do not explain: at most the heads the text is
        # about, never two ministers named last ("Marles will travel ... They held talks")
        principals = [h for h in principals if (ctx.leader_info[h.lid].get("role") or "") in _HEADS]
        earlier = principals
    named = {r for m in said for r in _roles_named(ctx, p, m)}
    # (not when the last one told is a minister with an office the text left unnamed, told in
    # passing: "the two ministers" then are the ones the text is about)
    told_met = [two for k0, two in ctx.met if k0 < k]
    if told_met and any(_OFFICE_ID.match(x) for x in told_met[-1]):
        told_met = []
    passing: set[str] = set()
    if "leader" in named:
        # "Modi was to call on King Charles ... The two leaders last met in Rio": "leaders" are
        # the two the text is about, not a monarch met in passing whom it names less often
        first = {h.lid: -n for n, h in enumerate(earlier)}  # (a tie: the one the text named first)
        top = sorted(told, key=lambda x: (-told[x], first[x]))[:2]
        passing = {x for x in told if (ctx.leader_info[x].get("role") or "") in _CROWNS and x not in top}
        if told_met and set(told_met[-1]) & passing:
            told_met = []
    if (
        named
        and told_met
        and all(any(role_fits(r, ctx.leader_info[lid].get("role")) for r in named) for lid in told_met[-1])
    ):
        # "the two ministers" after a meeting of two ministers was told: those two (not the
        # minister the article names most, who may be a third)
        ctx.plurals[k] = list(told_met[-1])
        return list(told_met[-1])
    if named:
        # "the two presidents", "двух президентов": of the office the phrase names, when the text
        # has two of it (not the foreign minister named more often)
        holders = [
            h
            for h in earlier
            if any(
                role_fits(r, ctx.leader_info[h.lid].get("role"))
                # "les deux chefs d'État" said of a president and a prime minister: loosely, the leaders
                or (r == "head of state" and role_fits("leader", ctx.leader_info[h.lid].get("role")))
                for r in named
            )
        ]
        if len({ctx.leader_info[h.lid]["state"] for h in holders if h.lid not in passing}) >= 2:
            holders = [h for h in holders if h.lid not in passing]
        if len({ctx.leader_info[h.lid]["state"] for h in holders}) >= 2:
            principals = holders
            earlier = holders  # "the two heads of state": never a foreign minister told more often
        elif holders:
            return []  # one holder of the office told: who the other is, the text does not say here
    ranked = sorted(principals, key=lambda h: -told[h.lid]) + earlier
    for h in ranked:
        st = ctx.leader_info[h.lid]["state"]
        if st and st not in states and h.lid not in out:
            out.append(h.lid)
            states.add(st)
        if len(out) == 2:
            break
    told_pair = _two_countries_told(ctx, p, said, k)
    if told_pair and len(out) == 2 and not told_pair & {ctx.leader_info[x]["state"] for x in out}:
        # "... the agreement between Armenia and Azerbaijan; the foreign ministers of the two
        # countries will meet in Geneva": those two states' people, not the two the text is about
        return []
    if len(out) == 2 and len(named) == 1:
        role = next(iter(named))
        if not any(role_fits(role, ctx.leader_info[x].get("role")) for x in out):
            # "los cancilleres de ambos países se reunirán", in a text that names only the two
            # presidents: the two states' ministers, unnamed (not the presidents)
            offices = []
            for x in out:
                st = ctx.leader_info[x]["state"]
                oid = f"{st}:{role}"
                ctx.leader_info.setdefault(oid, {"name": oid, "state": st, "role": role, "aliases": []})
                offices.append(oid)
            out = offices
    if len(out) == 2 and said:
        ctx.plurals[k] = list(out)
    return out


def _two_countries_told(ctx: Ctx, p: Parse, said: list[Match], k: int) -> set[str]:
    """The two states a plural phrase "of the two countries" ("beider Länder", "двух стран", "de
    ambos países") points back to: the last two this sentence or the one before named before it.
    Empty when the phrase names no countries or no two states were named so close."""
    L = lex(ctx.lang)
    heads = [m for m in said if any(L.has("country_nouns", p.tok(i)) for i in _tok_ids(p, m.start, m.end))]
    if not heads:
        return set()
    first = ctx.sents[max(k - 1, 0)].start
    last: list[str] = []
    for iso3, _, m in sorted(ctx.state_hits, key=lambda x: -x[2].start):
        if first <= m.start < heads[0].start and iso3 not in last:
            last.append(iso3)
            if len(last) == 2:
                return set(last)
    return set()


_CROWNS = frozenset(("king", "queen", "emperor"))  # a monarch the text may name in passing

_OFFICE_ID = re.compile(r"[A-Z]{3}:")  # an unnamed office ("MAR:industry minister"), not a person's id ("rg:...")

_HEADS = frozenset(_PRINCIPALS - {"foreign minister", "defence minister", "secretary of state", "vice president"})


def _plural_of_sentence(ctx: Ctx, k: int) -> list[str]:
    """The two people a plural noun phrase of sentence ``k`` names ("The two leaders last spoke by
    video link in March. They held talks ..."): the referents of its first such phrase."""
    if k < 0:
        return []
    p = parsed(ctx).get(k)
    if p is None:
        return []
    for m in ctx.triggers.get("plural_leaders", ()):
        if p.start <= m.start < p.end:
            ids = _tok_ids(p, m.start, m.end)
            if ids and any(p.tok(i).upos in ("NOUN", "PROPN") for i in ids):
                two = _plural_referents(ctx, p, ids, m.start)
                if len(two) == 2:
                    return two
    return []


def _they(ctx: Ctx, k: int, before: int | None = None) -> list[str]:
    """Who "they" are in sentence ``k``, with no noun to say it: the two people of different states
    this sentence names before ``before`` ("Sheinbaum did not go to Orsi's inauguration, so this
    was the first time they met"), else the two the sentence before named (not the leaders named
    most in the article, as "the two presidents" would be), or the two its own plural phrase was
    ("the second meeting between the two ministers. They first met ..."); else []."""
    if before is not None:
        s = ctx.sents[k]
        here = _two_of_states(ctx, [h.lid for h in ctx.leader_hits if s.start <= h.start < before and h.explicit])
        if here:
            return here
    if k <= 0:
        return []
    if len(ctx.plurals.get(k - 1, ())) == 2:
        ctx.plurals[k] = list(ctx.plurals[k - 1])
        return list(ctx.plurals[k])
    prev = ctx.sents[k - 1]
    return _two_of_states(ctx, [h.lid for h in ctx.leader_hits if prev.start <= h.start < prev.end])


def _implicit_they(ctx: Ctx, L: Lex, pr: Pred) -> bool:
    """The event's subject is "they" with no word for it, or only an ambiguous one: a plural verb
    with no subject ("Se reunieron en febrero", "Встретились в феврале") or German "sie" with a
    plural verb ("Sie hatten sich getroffen", not "Sie hatte")."""
    v = _clause_verb(pr)
    if v.upos not in ("VERB", "AUX"):
        return False
    kids = pr.p.children(v.i)
    subjects = [c for c in kids if c.deprel in ("nsubj", "nsubj:pass")]
    aux = [c for c in kids if c.deprel in ("aux", "aux:pass")]
    fin = aux[0] if aux else v  # the finite verb: the auxiliary, if any
    if ctx.lang == "ru":
        return not subjects and fin.feats.get("Number") == "Plur" and fin.feats.get("VerbForm") == "Fin"
    if ctx.lang == "es":
        return not subjects and fold(fin.form) != fold(fin.lemma) and fold(fin.form).endswith("n")
    if ctx.lang == "de":
        return len(subjects) == 1 and L.has("ambiguous_they", subjects[0]) and fold(fin.form).endswith("en")
    return False


def _null_subject(ctx: Ctx, pr: Pred) -> bool:
    """A language that drops the subject pronoun (events key ``null_subject``): the event's clause
    has no subject and its finite verb is in the third person singular ("mantuvo", "fue recibido",
    "se reunirá", "провел", "был принят"; not "me reuniré", "mantuvieron")."""
    L = lex(ctx.lang)
    if not L.words.get("null_subject"):
        return False
    v = _clause_verb(pr)
    if v.upos not in ("VERB", "AUX"):
        return False
    kids = pr.p.children(v.i)
    subjects = ("nsubj", "nsubj:pass", "csubj", "expl")
    if any(c.deprel in subjects for c in kids):
        return False
    if any(c.deprel in subjects for c in pr.p.children(_first_conjunct(pr.p, v).i)):
        return False  # "El canciller viajará ... y se reunirá con X": the first verb's subject is its
    aux = [c for c in kids if c.deprel in ("aux", "aux:pass")]
    fin = aux[0] if aux else v
    if fin.feats.get("Person") in ("1", "2") or any(
        fold(c.form) in L.words.get("first_person_clitics", ()) for c in kids
    ):
        return False
    if ctx.lang == "ru":
        return fin.feats.get("Number") == "Sing" and fin.feats.get("VerbForm") == "Fin"
    form = fold(fin.form)
    return (
        form != fold(fin.lemma)
        and not form.endswith("n")  # (a plural: "mantuvieron", "se reunieron")
        and not _first_person_form(ctx.lang, fin.form)
        and not form.endswith(tuple(rd.lexicon(ctx.lang).get("infinitive_endings", ())))  # no infinitive
        and not re.search(r"(?:ndo|[ai]d[oa]s?)$", form)  # nor the gerund or participle of the null-subject language
        and not any(c.deprel == "mark" for c in kids)  # (a subordinate clause's subject is another matter)
    )


def _first_person_form(lang: str, form: str) -> bool:
    """A verb form with a first-person ending as the lexicon writes it, accents kept ("llegué",
    "reuniré", "viajo"; not "fue", "recibe"), and not a strong preterite of the third person
    ("tuvo", "mantuvo", "hizo", "dijo": events key ``third_person_strong_endings``)."""
    f = form.lower()
    events = rd.lexicon(lang).get("events", {})
    if f.endswith(tuple(events.get("third_person_strong_endings", ()))):
        return False
    return f.endswith(tuple(events.get("first_person_endings", ())))


def _topic_goes_on(ctx: Ctx, k: int, topic: str) -> bool:
    """Sentence ``k`` goes on with ``topic`` (its subject names that person, a pronoun, a fitting
    title, no subject word, or a subject that is no one), so a next sentence with no subject word
    is that person's: not after "La delegación keniana llegó el martes a París" ("El miércoles se
    reunió con Macron" is the delegation's), nor after a sentence whose subject names another."""
    if k < 0:
        return False
    if k in parsed(ctx):
        # (a subject that names no one, "Las conversaciones abordaron ...", leaves the person on)
        return _main_subject(ctx, k, topic) in (topic, "", None)
    s = ctx.sents[k]
    first = next((h for h in ctx.leader_hits if s.start <= h.start < s.end and h.explicit), None)
    return first is None or first.lid == topic


def _two_of_states(ctx: Ctx, lids: list[str]) -> list[str]:
    """The first two people of different states among ``lids`` (leaders the text names), or []."""
    out: list[str] = []
    states: set[str] = set()
    for lid in lids:
        st = ctx.leader_info.get(lid, {}).get("state")
        if st and st not in states and lid not in out:
            out.append(lid)
            states.add(st)
    return out if len(out) == 2 else []


def _a_place(ctx: Ctx, t: Tok) -> bool:
    return t.upos == "PROPN" and any(m.start <= t.start < m.end for _, m in ctx.place_hits)


def _roles_named(ctx: Ctx, p: Parse, m: Match) -> set[str]:
    """The offices a plural phrase names by its noun's lemma ("presidents", "двух президентов":
    president), from the language's titles."""
    titles = _title_forms(ctx.lang)
    out = set()
    ids = _tok_ids(p, m.start, m.end)
    # the noun the phrase's words modify, when the match stops before it ("der beiden Minister")
    heads = {p.tok(i).head for i in ids if p.tok(i).head and p.tok(i).deprel in ("det", "amod", "nummod")}
    toks = sorted(ids | {h for h in heads if p.tok(h).upos == "NOUN"})
    # "the two foreign ministers", "les deux chefs de la diplomatie": a title of several words,
    # read on the words' lemmas (longest first), before any one word of it
    said = [(fold(p.tok(i).lemma), fold(p.tok(i).form)) for i in toks]
    joined = {f.replace(" ", ""): r for f, r in titles.items() if " " in f or "'" in f}
    done: set[int] = set()
    for n in range(min(6, len(toks)), 1, -1):
        for x in range(len(toks) - n + 1):
            span = toks[x : x + n]
            if span[-1] - span[0] != n - 1 or done & set(span):
                continue
            for words in (
                [w[0] for w in said[x : x + n]],
                [w[1] for w in said[x : x + n]],
                [said[x][0]] + [w[1] for w in said[x + 1 : x + n]],  # "chefs d'État": chef d'État
            ):
                role = joined.get("".join(words))
                if role:
                    if role != "counterpart":
                        out.add(role)
                    done |= set(span)
                    break
    for i in toks:
        if i in done:
            continue
        t = p.tok(i)
        role = titles.get(fold(t.form)) or titles.get(fold(t.lemma))
        if role is None:
            # a stem of the lexicon ("министр*": министров, министрами)
            lemma = fold(t.lemma)
            role = next(
                (r for stem, r in _title_stems(ctx.lang) if lemma.startswith(stem) and len(lemma) - len(stem) <= 2),
                None,
            )
        if role and role != "counterpart":
            out.add(role)
    return out


def _office_noun(lang: str, t: Tok) -> bool:
    """Does ``t`` name an office ("ministers", "presidentes", "министры")?"""
    forms = _title_forms(lang)
    if fold(t.form) in forms or fold(t.lemma) in forms:
        return True
    lemma = fold(t.lemma)
    return any(lemma.startswith(stem) and len(lemma) - len(stem) <= 2 for stem, _ in _title_stems(lang))


@lru_cache(maxsize=None)
def _title_stems(lang: str) -> tuple[tuple[str, str], ...]:
    """The one-word title stems of the lexicon ("министр*"), longest first."""
    stems = [
        (fold(k[:-1]), v) for k, v in (rd.lexicon(lang).get("titles") or {}).items() if k.endswith("*") and " " not in k
    ]
    return tuple(sorted(stems, key=lambda x: -len(x[0])))


@lru_cache(maxsize=None)
def _title_forms(lang: str) -> dict[str, str]:
    return {fold(k): v for k, v in (rd.lexicon(lang).get("titles") or {}).items() if "*" not in k}


def _case_of(p: Parse, t: Tok) -> str | None:
    for c in p.children(t.i):
        if c.deprel == "case":
            return fold(c.form)
    return None


GENITIVE = {"de", "du", "des", "d", "of", "von", "vom", "del", "des"}


def _located(ctx: Ctx, L: Lex, p: Parse, t: Tok, pr: Pred, start: int) -> bool:
    """Is ``t`` (a place mention starting at ``start``) where the event happens or goes: below a
    locative or directional marker on the way up to the predicate ("in Beijing", "au palais de
    l'Élysée"), not a topic ("talks on Ukraine"), a companion or a time ("after the cosmodrome")?
    When the tree has no marker at all (a parser that took "im" for a name), the word before the
    mention decides."""
    if _in_a_name(ctx, L, p, t):
        return False  # "the Shanghai Cooperation Organisation", "Шанхайской организации": a name
    top = _place_top(p, _clause_verb(pr))
    where = [c for c in p.children(top.i) if c.deprel in ("advmod", "mark", "obl") and fold(c.form) in _where_words()]
    if top.deprel in ("acl:relcl", "acl") and top.head and where:
        # "arrived in Edmonton from Ottawa, where he met Carney": where is Ottawa, whatever its
        # case; hung on a day ("am Donnerstag aus Ottawa, wo er ..."), the name just before "where"
        ante = p.tok(top.head)
        if ante.i == t.i and (_case_of(p, t) or (t.deprel == "obj" and t.head and L.has("visit_verbs", p.tok(t.head)))):
            # (and the object of a visit: "will visit Minsk, where he is to meet ..."; another
            # object, "reached the square, where ...", is left to the rules below)
            return True
        if ante.i != t.i and (ante.upos != "PROPN" or fold(ante.form) in _calendar_words()):
            name = _name_before(p, where[0])
            if name is not None and name.i == t.i:
                return True
    cur = t
    found = None
    # only "of" on the way up to the visit's object ("the port of Ghent"; a city, not a state:
    # "the pavilion of Japan" is no trip to Japan)
    gen_only = t.upos == "PROPN" and any(m.start == start for _, m in ctx.place_hits)
    while True:
        if (
            cur.i != t.i
            and cur.i != pr.head.i
            and cur.upos in ("NOUN", "PROPN")
            and any(L.has(key, cur) for key in ("meet_nouns", "visit_nouns", "call_words"))
        ):
            # another event on the way up: "on the sidelines of the summit in Astana", "during his
            # visit to Paris" frame this one, there; "after / at the end of the visit to Paris"
            # put it before or after, elsewhere
            if _sequenced(L, p, cur):
                return False
        if cur.i != t.i and L.has("compass_words", cur):
            return False  # "in Hakone, southwest of Tokyo": Tokyo only gives the bearings
        if cur.i != t.i and cur.upos == "NOUN" and L.has("mission_nouns", cur):
            return False  # "a reception at the Russian embassy in Minsk": the state's mission, not the state
        if cur.i != t.i and cur.i != pr.head.i and L.has("topic_heads", cur):
            return False  # "un encuentro centrado en Gaza", "talks focused on Gaza": what it was about
        case = _case_of(p, cur)
        if cur.i != t.i or case:
            gen_only = gen_only and (
                (case in GENITIVE and cur.upos in ("PROPN", "NOUN"))
                or (not case and cur.upos == "NOUN" and cur.deprel in ("obj", "nmod"))
                or (cur.i == t.i and not case)
            )
        if case:
            if case in L.words.get("locative_case", ()) or case in L.words.get("direction_case", ()):
                found = True if found is None else found
            elif case not in GENITIVE and case not in L.words.get("companion_case", ()):
                return False  # "after a visit to Paris", "talks on Ukraine": not where this happens
        elif cur.feats.get("Case") == "Loc" and found is None:
            found = True
        if cur.head == pr.head.i or not cur.head or cur.i == pr.head.i:
            # a bare object of "visit" / "посетить" is where the visit goes (the place itself, not
            # a word it depends on: "arrived from Lisbon" is no destination)
            if pr.kind == "visit" and cur.deprel == "obj" and cur.head == pr.head.i and (cur.i == t.i or gen_only):
                return True  # (and "toured the port of Ghent": what is visited is in that city)
            if (
                pr.kind == "visit"
                and cur.deprel == "nsubj:pass"
                and cur.head == pr.head.i
                and cur.i == t.i
                and fold(pr.head.form) == fold(pr.head.lemma)
                and any(c.deprel == "nsubj" or c.upos == "PROPN" for c in p.children(pr.head.i) if c.i != t.i)
            ):
                # "Hassan wird im Juli Nairobi besuchen": a future ("wird" + infinitive) the parser
                # took for a passive ("wird besucht"); the place is what is visited
                return True
            break
        cur = p.tok(cur.head)
    if found is not None:
        return found
    before = re.findall(r"[\w']+", ctx.text[max(p.start, start - 16) : start])[-2:]
    dets = {"the", "le", "la", "les", "l'", "el", "los", "las", "der", "die", "das", "dem", "den"}
    words = [fold(w) for w in before if fold(w) not in dets]
    return bool(words) and (
        words[-1] in L.words.get("locative_case", ()) or words[-1] in L.words.get("direction_case", ())
    )


def _in_a_name(ctx: Ctx, L: Lex, p: Parse, t: Tok) -> bool:
    """A place word that is part of an institution's name: a modifier of "Organisation", or hung
    on it through another word without a locative of its own ("l'Organisation de coopération de
    Shanghai", "Organización de Cooperación de Shanghái")."""
    cur = t
    for _ in range(3):
        case = _case_of(p, cur)
        if case and (case in L.words.get("locative_case", ()) or case in L.words.get("direction_case", ())):
            return False
        if cur.deprel not in ("amod", "compound", "nmod", "flat") or not cur.head:
            return False
        cur = p.tok(cur.head)
        if cur.upos not in ("NOUN", "PROPN"):
            return False
        if _institution(ctx, cur) and (cur.form[:1].isupper() or t.upos == "ADJ"):
            return True  # (a capitalised name: "dans la cour de l'Élysée" is a courtyard)
    return False


def _institution(ctx: Ctx, t: Tok) -> bool:
    """``t`` is a word of an institution's name ("Organisation", "Council", "организации")."""
    words = {fold(t.form), fold(t.lemma)}
    for w in rd.lexicon(ctx.lang).get("institutions", ()):
        w = fold(w)
        if any((x.startswith(w[:-1]) if w.endswith("*") else x == w) for x in words):
            return True
    return False


def _sequenced(L: Lex, p: Parse, t: Tok) -> bool:
    """An event noun placed before or after another: "after the visit", "à l'issue de la visite"."""
    above = p.tok(t.head) if t.head else None
    return any(c.deprel in ("case", "mark") and L.has("sequence_words", c) for c in p.children(t.i)) or (
        above is not None and above.upos == "NOUN" and L.has("sequence_words", above)
    )


def _hyphened(p: Parse, t: Tok) -> str:
    """The word a tokenizer split at its hyphen ("run - up", its last part the head): "run-up"."""
    parts = [c for c in p.children(t.i) if c.i < t.i and c.deprel in ("compound", "punct")]
    if len(parts) != 2 or parts[1].form not in ("-", "‐") or parts[0].i != t.i - 2:
        return fold(t.form)
    return fold(parts[0].form + "-" + t.form)


def _names_something_else(p: Parse, t: Tok, lang: str | None = None) -> bool:
    """A place word that modifies another name ("the Shanghai Cooperation Organisation", "Minsk
    agreements", "der Moskauer Kreml" aside): a compound or a possessor, not a location - but a
    city's possessive on a venue where the event is ("at Ottawa's Macdonald-Cartier airport") is
    where it is."""
    if t.deprel in ("compound", "nmod:poss") and t.head:
        head = p.tok(t.head)
        if t.deprel == "nmod:poss" and lang and _located_venue(p, head, lang):
            return False
        return head.upos in ("NOUN", "PROPN")
    return False


def _possessor_of_venue(ctx: Ctx, p: Parse, t: Tok) -> bool:
    """A city in the possessive on a venue the event is at ("at Ottawa's Macdonald-Cartier
    airport"), which the parser may hang as a plain modifier with its "'s"."""
    if t.deprel not in ("nmod", "nmod:poss") or not t.head:
        return False
    if not (t.deprel == "nmod:poss" or any(c.deprel == "case" and c.form in ("'s", "’s") for c in p.children(t.i))):
        return False
    return (
        _located_venue(p, p.tok(t.head), ctx.lang)
        and ctx.places.get(next((pid for pid, m in ctx.place_hits if m.start <= t.start < m.end), ""), {}).get("kind")
        == "city"
    )


def _located_venue(p: Parse, head: Tok, lang: str) -> bool:
    """``head`` is a venue word ("airport", "palace") under a locative preposition ("at", "in")."""
    if not any(w.value for w in rd.facility_words(lang).find(head.form, None) if w.start == 0):
        return False
    locative = {fold(w) for w in rd.lexicon(lang).get("locative", ())}
    return any(c.deprel == "case" and fold(c.form) in locative for c in p.children(head.i))


def _places(ctx: Ctx, L: Lex, pr: Pred, dom: set[int]) -> tuple[list[tuple[str, Match]], list[str]]:
    """Places in the event's clause under a locative or directional marker, and states named as
    a destination ("to China", "en Russie")."""
    p = pr.p
    dl = ctx.dateline
    out = []
    for pid, m in ctx.place_hits:
        if not (p.start <= m.start < p.end) or (dl and dl[0] <= m.start < dl[1]):
            continue
        ids = _tok_ids(p, m.start, m.end) & dom
        if not ids:
            continue
        top = min((p.tok(i) for i in ids), key=lambda t: _depth(p, t))
        if _names_something_else(p, top, ctx.lang) or _nearby(L, p, top):
            continue
        if top.deprel == "flat" and top.head and top.head not in ids and p.tok(top.head).upos == "PROPN":
            continue  # "la Exposición Rural de Palermo, en Buenos Aires": a word of another name
        if _located(ctx, L, p, top, pr, m.start) or _possessor_of_venue(ctx, p, top):
            out.append((pid, m))
    dests = []
    for iso3, kind, m in ctx.state_hits:
        if kind not in ("name", "official", "acronym") or not (p.start <= m.start < p.end):
            continue
        ids = _tok_ids(p, m.start, m.end) & dom
        if not ids:
            continue
        top = min((p.tok(i) for i in ids), key=lambda t: _depth(p, t))
        if not _nearby(L, p, top) and _located(ctx, L, p, top, pr, m.start):
            dests.append(iso3)
    return out, dests


def _nearby(L: Lex, p: Parse, t: Tok) -> bool:
    """A place a word of nearness hangs on ("an island closer to Tunis than to Rome", "plus proche
    de Tunis", "ближе к Тунису"): a bearing, not where the event is."""
    return bool(t.head) and L.has("proximity_words", p.tok(t.head))


def _depth(p: Parse, t: Tok) -> int:
    d, cur = 0, t
    while cur.head and d < 50:
        cur = p.tok(cur.head)
        d += 1
    return d


def _topic(L: Lex, p: Parse, t: Tok, pr: Pred) -> bool:
    """Is ``t`` (or a noun above it, below the predicate) a topic: "on Ukraine", "sur la Syrie"?"""
    cur = t
    while cur.i != pr.head.i and cur.head:
        case = _case_of(p, cur)
        if case and case in L.words.get("topic_case", ()) and case not in L.words.get("locative_case", ()):
            return True
        if (
            case is None
            and cur.deprel in ("nmod",)
            and p.tok(cur.head).upos == "NOUN"
            and p.tok(cur.head).i != pr.head.i
            and cur.feats.get("Case") not in (None, "Loc")
        ):
            return True  # a genitive of another noun
        cur = p.tok(cur.head)
    return False


def _since(ctx: Ctx, d: DateMention) -> bool:
    """ "the first visit since December 2011", "depuis 2019", "seit März": the start of a period,
    not the event's date."""
    before = re.findall(r"\w+", ctx.text[max(0, d.start - 12) : d.start])
    return bool(before) and fold(before[-1]) in lex(ctx.lang).words.get("since_words", frozenset())


def _until(ctx: Ctx, d: DateMention) -> bool:
    """ "stays until Wednesday", "reste jusqu'à mercredi", "bleibt bis Mittwoch", "hasta el
    miércoles", "до среды": the end of a span, no day an event is on."""
    before = [fold(w) for w in re.findall(r"\w+", ctx.text[max(0, d.start - 14) : d.start])]
    words = lex(ctx.lang).words.get("until_words", frozenset())  # (with an article: "hasta el", "bis zum")
    return bool(before) and (before[-1] in words or " ".join(before[-2:]) in words)


def _since_noun(ctx: Ctx, p: Parse, d: DateMention) -> bool:
    """ "the first visit since his inauguration in March", "depuis son investiture en mars",
    "seit seinem Amtsantritt im Mai": a date hung on the noun a "since" opens dates the start of
    the span, not the event."""
    ids = _tok_ids(p, d.start, d.end)
    if not ids:
        return False
    top = min((p.tok(i) for i in ids), key=lambda t: _depth(p, t))
    if not top.head or top.deprel not in ("nmod", "obl", "nmod:tmod", "amod", "nmod:poss"):
        return False
    head = p.tok(top.head)
    since = lex(ctx.lang).words.get("since_words", frozenset())
    return head.upos in ("NOUN", "PROPN") and any(
        c.deprel in ("case", "mark") and fold(c.form) in since for c in p.children(head.i)
    )


def _of_a_noun(p: Parse, d: DateMention) -> bool:
    """A year counted from the report ("im vergangenen Jahr", "last summer") hung on a noun
    ("Gastgeber des Gipfels im vergangenen Jahr"): the time of that thing, not of the event."""
    if d.precision != "year" or d.year_explicit:
        return False
    ids = _tok_ids(p, d.start, d.end)
    if not ids:
        return False
    top = min((p.tok(i) for i in ids), key=lambda t: _depth(p, t))
    return top.deprel == "nmod" and bool(top.head) and p.tok(top.head).upos in ("NOUN", "PROPN")


def _dates(ctx: Ctx, pr: Pred, dom: set[int], since: bool = False) -> list[DateMention]:
    """The dates in the clause tokens ``dom``; with ``since``, a date opened by "since" too (the
    time a "when" clause hanging on it refers to: "since 2014, when he met Harper")."""
    p = pr.p
    dl = ctx.dateline
    return [
        d
        for d in ctx.dates
        if p.start <= d.start < p.end
        and _tok_ids(p, d.start, d.end) & dom
        and not (dl and dl[0] <= d.start < dl[1])
        and (since or not _since(ctx, d))
        and not _until(ctx, d)
        and not _since_noun(ctx, p, d)
        and not _of_a_noun(p, d)
        and not _adverb_of_other_noun(p, d, pr, ctx)
    ]


def _decision_time(L: Lex, pr: Pred, d: DateMention) -> bool:
    """ "X and Y agreed on Thursday to meet again in Brasília", "a accepté lundi de se rendre à
    Paris": a day hung on the verb of agreeing, proposing, accepting or announcing dates that
    decision, not the event it governs (which has no day of its own then)."""
    if pr.during:
        return False
    p = pr.p
    ids = _tok_ids(p, d.start, d.end)
    if not ids:
        return False
    top = min((p.tok(i) for i in ids), key=lambda t: _depth(p, t))
    for g in pr.gov:
        if g.deprel.startswith("~"):
            return False
        if g.i == top.head:
            if _hosted_meal(L, pr) and g.i == pr.gov[0].i:
                return False  # "a offert mardi un dîner à Y": the meal's own day, not an offer's
            if g.i == pr.gov[0].i and pr.head.upos == "NOUN" and (L.has("light_verbs", g) or L.has("grant_verbs", g)):
                return False  # "a accordé mardi une audience à Y": the audience's own day
            return any(L.has(key, g) for key in ("agree_verbs", "propose_verbs", "accept_verbs", "report_verbs"))
    return False


def _arrival_phrase_dates(ctx: Ctx, L: Lex, pr: Pred) -> list[DateMention]:
    """ "Arrivé mardi en fin de matinée, X a été accueilli à l'aéroport par Y", "Llegado el martes,
    X fue recibido por Y": a participle of arrival hung on the meeting's verb, with no subject or
    subordinator of its own, times the welcome on arrival (not one late in the day: "Arrived on
    Monday night, X was greeted ...", when the welcome is often the next morning)."""
    p = pr.p
    verb = _clause_verb(pr)
    subjects = [x for x in p.children(verb.i) if x.deprel in ("nsubj", "nsubj:pass")]
    # (or hung by the parser on the subject it describes: "Arrivé mardi, le chef de l'État ...")
    late = L.words.get("late_day_parts", ())
    for c in [*p.children(verb.i), *(x for sj in subjects for x in p.children(sj.i) if x.deprel == "acl")]:
        if c.deprel not in ("advcl", "acl") or c.upos not in ("VERB", "ADJ") or not L.has("arrive_verbs", c):
            continue
        if c.deprel == "acl" and c.i > p.tok(c.head).i:
            continue  # "le président arrivé la veille": a description after the noun, no fronted time
        if any(x.deprel in ("nsubj", "nsubj:pass", "mark", "csubj") for x in p.children(c.i)):
            continue
        sub = p.subtree(c.i)
        if any(any(fold(t.form).endswith(x) for x in late) for t in sub):
            continue
        dates = _dates(ctx, pr, {t.i for t in sub})
        if dates:
            return dates[:1]
    return []


def _timing_phrase_dates(ctx: Ctx, L: Lex, pr: Pred) -> list[DateMention]:
    """ "On 3 May, starting at 6 p.m. for about an hour, X held talks with Y": the parser hangs the
    day on a participle that only times the event. A verb phrase hung on the event's verb with no
    subject of its own, no subordinator ("after", "before", "while") and no event of its own (no
    meeting, trip or departure verb, no other verb under it) is in the event's time."""
    p = pr.p
    verb = _clause_verb(pr)
    for c in p.children(verb.i):
        if c.deprel != "advcl" or c.upos != "VERB":
            continue
        if any(x.deprel in ("nsubj", "nsubj:pass", "mark", "csubj") for x in p.children(c.i)):
            continue
        if any(L.has(key, c) for key in ("meet_verbs", "visit_verbs", "departure_verbs", "sign_verbs")):
            continue
        sub = p.subtree(c.i)
        if any(t.upos in ("VERB", "AUX") and t.i != c.i for t in sub):
            continue
        dates = _dates(ctx, pr, {t.i for t in sub})
        if dates:
            return dates[:1]
    return []


def _adverb_of_other_noun(p: Parse, d: DateMention, pr: Pred, ctx: Ctx) -> bool:
    """A time adverb hung on a noun other than the event's ("Rajoelina, aujourd'hui en exil",
    "X, now in opposition"): the time of that state of things, not of the event (but the time of
    the event's place is the event's: "au palais Merdeka à Jakarta aujourd'hui")."""
    ids = _tok_ids(p, d.start, d.end)
    if not ids:
        return False
    top = min((p.tok(i) for i in ids), key=lambda t: _depth(p, t))
    if top.deprel != "advmod" or not top.head or top.head == pr.head.i:
        return False
    head = p.tok(top.head)
    if any(m.start <= head.start < m.end for _, m in ctx.place_hits):
        return False
    return head.upos in ("NOUN", "PROPN")


def _status(ctx: Ctx, L: Lex, pr: Pred, date: DateMention | None, modality: str | None) -> str:
    if modality == "recall":
        return "past"
    if date and date.ahead and (modality == "plan" or _future(ctx, L, pr)):
        return "planned"  # "visitará México en septiembre", told in August: this September
    if (
        date
        and date.ahead
        and date.precision == "day"
        and ctx.sents[pr.k].para != -1
        and not re.match(r"\W{0,3}\d", ctx.text[date.end : date.end + 4])  # "vendredi 4 octobre"
        and _present(ctx, L, pr)
    ):
        # "reist am Mittwoch weiter nach Tallinn", "flies on Wednesday to": the coming one, or the
        # day of the report itself ("Este jueves, Sánchez viaja a ...", told on that Thursday): a
        # body told in the present about its own day gives a programme, not what was done
        return "planned"
    if modality is None and pr.kind == "visit" and _onward(ctx, L, pr) and (date is None or _on_report_day(ctx, date)):
        # "Von dort fliegt er nach Kuala Lumpur", "viaja hoy a Lisboa", "travels to Canberra
        # today": a body's present of setting off tells the leg still ahead, not a stay
        return "planned"
    if (
        date
        and date.ahead
        and date.precision == "month"
        and date.ahead != date.value
        and (
            ctx.sents[pr.k].para == -1
            # (in the body, a month still to come this year: "In February X travels to Delhi", told in
            # May, is a historical present of the February gone)
            or (_present(ctx, L, pr) and not _past_tense(ctx, L, pr) and ctx.pub and date.ahead[:4] == ctx.pub[:4])
        )
    ):
        # a headline's present "Merz reist im Oktober nach Ankara", in September: news, not last
        # October; and a body's ("Haas fliegt im März nach Prag", told in January)
        return "planned"
    if date and ctx.pub and date.value[:1] != "-":
        v = date.value
        if v[: len(ctx.pub)] > ctx.pub[: len(v)] or (len(v) >= 10 and v > ctx.pub):
            return "planned"
        if date.precision == "year" and v[:4] < ctx.pub[:4]:
            return "past"
        if date.precision == "month" and v[:7] < ctx.pub[:7]:
            return "past"
        if date.precision == "day" and date.year_explicit and v[:4] < ctx.pub[:4]:
            return "past"
        if date.precision == "day" and len(ctx.pub) >= 10 and len(v) >= 10 and _days(v, ctx.pub) > PAST_DAYS:
            return "past"  # "they first met on June 17", told in a report of August: background
        if (
            pr.during
            and _after_event(L, pr.p, pr.head)
            and _tok_ids(pr.p, date.start, date.end) <= _after_phrase(L, pr.p, pr.head)
            and date.precision == "day"
            and not date.ahead
            and len(ctx.pub) >= 10
            and v <= ctx.pub[:10]
        ):
            # "the two states will open negotiations, following talks between X and Y on May 30",
            # told on May 31: the talks the plan follows are over (their own day says so)
            return "held"
    if modality == "plan" or _future(ctx, L, pr):
        return "planned"
    return "held"


def _onward(ctx: Ctx, L: Lex, pr: Pred) -> bool:
    """A clause of the body told by the present of a verb of setting off ("fliegt", "se rend",
    "viaja", "travels", "вылетает"), with no auxiliary: the next leg of the trip."""
    v = _tensed_verb(pr)
    return ctx.sents[pr.k].para != -1 and v is not None and L.has("onward_verbs", v) and _present(ctx, L, pr)


def _recall_opener(ctx: Ctx, L: Lex, k: int) -> bool:
    """Sentence ``k`` opens with a reminder ("Напомним, ...", "Pour rappel, ...", "Cabe recordar
    que ...", "It will be recalled that ..."): what it tells is background, told before."""
    s = ctx.sents[k]
    head = fold(ctx.text[s.start : min(s.end, s.start + 40)])
    return any(re.match(re.escape(w) + r"(?!\w)", head) for w in L.words.get("recall_openers", ()))


def _on_report_day(ctx: Ctx, date: DateMention) -> bool:
    """The date is the report's own day ("today", "hoy", or that day named)."""
    return date.precision == "day" and not date.ahead and bool(ctx.pub) and date.value == ctx.pub[:10]


def _days_apart(a: DateMention | None, b: DateMention | None, n: int) -> bool:
    """Two days more than ``n`` days apart (False when either is not a full day)."""
    if a is None or b is None or any(d.precision != "day" or d.value[:1] == "-" for d in (a, b)):
        return False
    return abs(_days(a.value, b.value)) > n


def _line_date(ctx: Ctx, p: Parse) -> list[DateMention]:
    """The date heading the line the clause is on, as in a chronology ("- 14 January: X holds talks
    with Y in Singapore", "• 3 mars : ..."): the day of everything that line tells."""
    line = ctx.text.rfind("\n", 0, p.start) + 1
    for d in ctx.dates:
        if line <= d.start < p.end and re.fullmatch(r"[\s\-–—•*·]*", ctx.text[line : d.start]):
            if re.match(r"\s*[:–—]", ctx.text[d.end : d.end + 3]):
                return [d]
            return []
    return _heading_date(ctx, line)


def _heading_date(ctx: Ctx, line: int) -> list[DateMention]:
    """The day a heading line above names, as in a diary or a week's review ("Dienstag" / "Mardi
    12 mai" on a line of its own, the day's items under it): the nearest heading line before
    ``line`` (short, with no closing stop), when it is a day and nothing else; another heading
    ("Background") ends the day's items."""
    start = max(ctx.article.body_start, 0)
    pos = line
    for text in reversed(ctx.text[start:line].split("\n")):
        pos -= len(text) + 1
        body = text.strip()
        if not body or len(body.split()) > 5 or body.endswith((".", "!", "?", ":", ";", ",")):
            continue
        lo = pos + 1
        day = [d for d in ctx.dates if lo <= d.start and d.end <= lo + len(text)]
        rest = text
        for d in day:
            rest = rest.replace(ctx.text[d.start : d.end], " ")
        if re.search(r"\d{1,2}[:.h]\d{2}", rest) or not ctx.text[start:lo].strip():
            # a clock time ("06 декабря 2024, 14:58"), or the very first line of the body: when
            # the piece was posted, not a day of its items
            return []
        if len(day) == 1 and day[0].precision == "day" and re.fullmatch(r"[\W\d]*", rest):
            # a bare weekday over a day's items is one of the days the text looks back on (a
            # week's review, a diary), not the next such day its present tense would otherwise mean
            return [replace(day[0], ahead=None)]
        return []
    return []


def _days_named(ctx: Ctx, lo: int, hi: int, absolute: bool = True) -> list[DateMention]:
    """The days the text names between offsets ``lo`` and ``hi``: not the dateline's, not the
    start of a period ("since 3 May"); ``absolute``: with their year (not a bare "--05-03")."""
    dl = ctx.dateline
    return [
        d
        for d in ctx.dates
        if lo <= d.start < hi
        and d.precision == "day"
        and not (absolute and d.value[:1] == "-")
        and not (dl and dl[0] <= d.start < dl[1])
        and not _since(ctx, d)
        and not _until(ctx, d)
    ]


def _coming_day(ctx: Ctx, L: Lex, pr: Pred) -> DateMention | None:
    """The one day still to come (or the report's own day) that the predicate's sentence names
    outside the predicate's own words, when the predicate is a plain present: the verb tells that
    day's programme ("Mahama travels to Montreal on Wednesday", told on that Wednesday). None when
    the sentence names no such day, several, or one already past."""
    if ctx.sents[pr.k].para == -1 or not ctx.pub or len(ctx.pub) < 10 or not _present(ctx, L, pr):
        return None
    p = pr.p
    days = {(d.ahead or d.value): d for d in _days_named(ctx, p.start, p.end)}
    if len(days) > 1:
        # "flies to Edinburgh on Wednesday ... and is expected back in Nairobi on Thursday": not
        # the day of a clause joined to it
        days = {v: d for v, d in days.items() if not _in_joined_clause(p, pr.head, d)}
    if len(days) != 1:
        return None
    value, d = next(iter(days.items()))
    if value < ctx.pub[:10] or re.match(r"\W{0,3}\d", ctx.text[d.end : d.end + 4]):
        return None
    if _in_travel_clause(L, p, pr.head, d):
        return None  # "Arrivé à Paris mardi soir, X effectue sa visite": the arrival's day, gone by
    return replace(d, value=value, ahead=None)


def _in_travel_clause(L: Lex, p: Parse, head: Tok, d: DateMention) -> bool:
    """The day is said in a clause of travel fronted before the predicate's verb ("Arrivé mardi
    soir, ...", "Having landed on Monday, ..."): the day of that trip, which tells its own tense."""
    return any(
        t.deprel == "advcl"
        and t.upos == "VERB"
        and t.i < head.i  # (fronted: not "travels to Glasgow to tour a shipyard on Wednesday")
        and (L.has("visit_verbs", t) or L.has("departure_verbs", t))
        for t in _path_up(p, head, d)
    )


def _same_coming_day(ctx: Ctx, L: Lex, pr: Pred) -> DateMention | None:
    """The day still to come that "the same day" points back to, when the predicate is a plain
    present in a sentence saying so ("The forecourt is closed on Thursday 15 October. X meets Y at
    the chancellery the same day"): that day's programme. None when the sentences just before name
    no day, or their last one is already past."""
    if ctx.sents[pr.k].para == -1 or not ctx.pub or len(ctx.pub) < 10:
        return None
    if not (_present(ctx, L, pr) or _progressive(L, pr)) or not _phrase(ctx, L, "same_day", pr.k):
        return None
    days = _days_named(ctx, ctx.sents[max(0, pr.k - 2)].start, ctx.sents[pr.k].start)
    if not days:
        return None
    # a day written with its month before a bare weekday ("collection on Thursday 18 June is moved
    # to Friday. Merz meets Frieden that day": the 18th, not the Friday it was moved to)
    dated = [d for d in days if d.ahead is None]
    d = max(dated or days, key=lambda d: d.start)
    value = d.ahead or d.value
    if value <= ctx.pub[:10]:
        return None
    s = ctx.sents[pr.k]
    return DateMention(s.start, s.start, value, "day", False)


def _in_joined_clause(p: Parse, head: Tok, d: DateMention) -> bool:
    """The date is said in a clause joined to ``head``'s by a conjunction ("... and is expected back
    on Thursday"): on the path from the date up to ``head`` lies a verb that is a conjunct."""
    return any(
        t.deprel == "conj"
        # (a predicate: "... and will be back in Ottawa on Friday")
        and (t.upos in ("VERB", "AUX") or any(c.deprel in ("aux", "cop") for c in p.children(t.i)))
        for t in _path_up(p, head, d)
    )


def _path_up(p: Parse, head: Tok, d: DateMention) -> list[Tok]:
    """The words from the date's first word up to ``head`` (not included), or to the root."""
    ids = _tok_ids(p, d.start, d.end)
    if not ids:
        return []
    out: list[Tok] = []
    t = p.tok(min(ids))
    seen: set[int] = set()
    while t.head and t.i != head.i and t.i not in seen:
        seen.add(t.i)
        out.append(t)
        t = p.tok(t.head)
    return out


# a report tells what happened in the last days; an event dated further back is background
PAST_DAYS = 10


def _days(a: str, b: str) -> int:
    from datetime import date as _date

    try:
        return (_date.fromisoformat(b[:10]) - _date.fromisoformat(a[:10])).days
    except ValueError:
        return 0


PURPOSE = {"pour", "afin", "to", "para", "um", "чтобы", "in order"}
# the prepositions of a noun told as a trip's purpose ("for talks", "pour des entretiens", "para
# conversar", "zu Gesprächen", "на переговоры", "для переговоров")
PURPOSE_CASES = {"for", "pour", "para", "zu", "zum", "zur", "für", "на", "для"}


def _purpose_of(ctx: Ctx, L: Lex, pr: Pred) -> Pred | None:
    """The travel verb a purpose clause hangs on ("se rendra à Rome pour rencontrer ..."), or a
    meeting noun told as the trip's purpose ("travels on to Honiara today for a meeting with X",
    "reist zu Gesprächen nach Rom", "вылетает в Москву на переговоры")."""
    if pr.kind == "meet" and pr.head.upos == "NOUN" and pr.head.deprel == "obl" and pr.head.head:
        g = pr.p.tok(pr.head.head)
        if L.has("visit_verbs", g) and any(
            c.deprel == "case" and fold(c.form) in PURPOSE_CASES for c in pr.p.children(pr.head.i)
        ):
            return Pred("visit", pr.k, pr.p, g, _governors(pr.p, g))
    if not pr.gov or pr.gov[0].deprel not in ("~advcl", "xcomp") or pr.kind != "meet":
        return None
    g = pr.gov[0]
    if not L.has("visit_verbs", g):
        return None
    if g.deprel == "~advcl" and not any(
        c.deprel == "mark" and fold(c.form) in PURPOSE for c in pr.p.children(pr.head.i)
    ):
        return None
    real = pr.p.tok(g.i)
    return Pred("visit", pr.k, pr.p, real, _governors(pr.p, real))


def _meal_of(L: Lex, p: Parse, t: Tok) -> bool:
    """``t`` is a meeting verb in a purpose clause of another meeting verb ("was received to lunch",
    "fue recibido a almorzar", "l'a reçu à dîner"): one event, told by the outer verb."""
    if t.upos != "VERB" or not t.head or t.deprel not in ("advcl", "xcomp") or not L.has("meet_verbs", t):
        return False
    g = p.tok(t.head)
    if not L.has("meet_verbs", g) or g.upos not in ("VERB", "AUX", "ADJ"):
        return False
    return t.deprel == "xcomp" or any(
        c.deprel == "mark" and fold(c.form) in PURPOSE | {"a", "à"} for c in p.children(t.i)
    )


def _relative_object(ctx: Ctx, L: Lex, pr: Pred) -> str | None:
    """The leader a relative clause hangs on when its relative pronoun is the meeting verb's object
    ("Faye, whom De Wever then received", "que De Wever a ensuite reçu", "a quien recibió", "den
    De Wever empfing", "которого принял De Wever"): the person received."""
    v = pr.head
    if pr.kind != "meet" or v.upos != "VERB" or v.deprel not in ("acl:relcl", "acl") or not v.head:
        return None
    if not any(
        c.deprel in ("obj", "iobj", "obl")
        and c.upos in ("PRON", "SCONJ")
        and c.i < v.i
        and (c.feats.get("PronType") == "Rel" or fold(c.form).rstrip("'’") in L.words.get("object_relatives", ()))
        for c in pr.p.children(v.i)
    ):
        return None
    p = pr.p
    up = p.tok(v.head)
    if up.upos in ("VERB", "AUX"):
        return None
    # the phrase the clause is on ("le président sénégalais Bassirou Diomaye Faye"), without the clause
    hits = _leaders_in(ctx, p, {t.i for t in p.subtree(up.i)} - {t.i for t in p.subtree(v.i)})
    return hits[-1].lid if hits else None


def _event(ctx: Ctx, pr: Pred, unreal: bool = False) -> Event | None:
    """The event a predicate states; ``unreal``: also one it denies or only wishes (to know who
    the text says will not meet)."""
    L = lex(ctx.lang)
    ctl = _controller(L, pr.p, pr.head) if pr.kind == "visit" else None
    # a controlled travel verb has no time of its own: the verb it hangs on tells its tense
    tense = Pred(pr.kind, pr.k, pr.p, ctl, _governors(pr.p, ctl)) if ctl is not None else pr
    if not unreal and (_negated(ctx, L, tense) or _habitual(L, pr) or _question(ctx, pr.k)):
        return None
    modality = _modality(ctx, L, tense)
    # "is expected in Paris for talks with Y", "es esperado en París para una reunión con Y": the
    # talks of someone awaited somewhere (not "espera reunirse": a hope)
    # (and "était attendu mardi à Lisbonne", an imperfect passive, is no pluperfect of a trip made)
    awaited = L.has("awaited_verbs", pr.head) or (
        pr.head.upos == "NOUN" and bool(pr.gov) and L.has("awaited_verbs", pr.gov[0]) and _awaited(L, pr.p, pr.gov[0])
    )
    if awaited and modality in (None, "hope", "recall"):
        modality = "plan"
    if modality == "hope" and not unreal:
        return None
    if (
        modality is None
        and pr.kind == "visit"
        and (
            any(c.deprel == "nsubj" and L.has("vehicle_nouns", c) for c in pr.p.children(pr.head.i))
            or (
                pr.head.deprel in ("acl:relcl", "acl")
                and pr.head.head
                and L.has("vehicle_nouns", pr.p.tok(pr.head.head))
            )
        )
        and not _past_tense(ctx, L, pr)
        and not unreal
    ):
        # "the plane carrying X to Rome stopped in Madrid", "l'avion qui emmène X vers Rome": on the
        # way, not there yet (and the day told is the stop's, not the arrival's)
        return None
    if (
        pr.kind == "visit"
        and L.has("moved_verbs", pr.head)
        and any(c.deprel in ("aux", "aux:pass") and L.has("passive_aux", c) for c in pr.p.children(pr.head.i))
    ):
        return None  # "fueron trasladadas a la frontera": something was moved, nobody travelled
    if pr.kind == "visit" and any(
        c.deprel.startswith("nsubj") and c.upos == "NOUN" and (L.has("meet_nouns", c) or L.has("visit_nouns", c))
        for c in pr.p.children(pr.head.i)
    ):
        return None  # "La reunión se traslada a Panamá", "the summit moves to Geneva": the event goes, no one
    if pr.kind == "visit" and _others_travel(ctx, L, pr):
        return None
    if (
        modality == "plan"
        and not unreal
        and any(
            c.deprel == "conj" and c.i > pr.head.i and L.has("moved_verbs", c)
            for v in [pr.head, *[g for g in pr.gov if not g.deprel.startswith("~")]]
            for c in pr.p.children(v.i)
        )
    ):
        return None  # "the talks were to be held in Kigali but were moved to the border": a plan given up
    p = pr.p
    if (
        pr.kind == "meet"
        and pr.head.upos == "VERB"
        and not L.has("spend_time_verbs", pr.head)  # ("a passé l'après-midi avec X": the time is its object)
        # (nor "besprach mit ihrem Amtskollegen die Lage": what was talked over with someone)
        and not (L.has("talk_with_verbs", pr.head) and _talks_with(ctx, L, p, pr.head))
        and _thing_object(ctx, p, pr.head)
    ):
        return None  # "welcomed the decision", "a reçu une lettre", "empfing die Nachricht"
    if _meal_of(L, p, pr.head):
        return None  # told by the verb it hangs on
    dom, subj = _pred_domain(pr, L)
    if pr.kind == "visit" and pr.head.upos == "NOUN" and L.has("invite_words", pr.head) and pr.head.head:
        # "accepted an invitation to attend X's swearing-in in Kampala", "to attend ..." hung on
        # the verb of acceptance: the occasion's place is where the trip goes
        dom |= {
            y.i
            for x in [*p.children(pr.head.head), *p.children(pr.head.i)]
            if x.deprel in ("xcomp", "advcl", "acl") and x.i > pr.head.i
            for y in p.subtree(x.i)
        }
    for c in p.children(pr.head.i):
        if _meal_of(L, p, c):
            dom |= _domain(p, c)  # "fue recibido a almorzar en el Palacio por Macron": its place, its host
    purpose = _purpose_of(ctx, L, pr)
    if purpose is not None:
        # "will travel to Rome to meet Meloni": the trip's time and place are the meeting's
        pmod = _modality(ctx, L, purpose)
        if pmod == "hope" or _negated(ctx, L, purpose):
            return None
        if modality is None and (
            pmod == "plan"
            or _future(ctx, L, purpose)
            or (
                _onward(ctx, L, purpose)
                and not any(ctx.sent_of(d.start) == pr.k and not _on_report_day(ctx, d) for d in ctx.dates)
            )
        ):
            # ("travels on to Honiara today for a meeting with X": the leg ahead; not "En février,
            # Macron se rend à Alger pour rencontrer Tebboune", a present telling a month gone by)
            modality = "plan"
        pdom, psubj = _pred_domain(purpose)
        dom = dom | pdom
        subj = subj | psubj
    if pr.kind == "meet":
        for c in p.children(pr.head.i):
            if c.deprel in ("xcomp", "advcl") and L.has("discuss_verbs", c) and not L.has("meet_verbs", c):
                # "met with reporters to discuss Albanese": whom the talks were about, not with
                dom -= {x.i for o in p.children(c.i) if o.deprel in ("obj", "ccomp") for x in p.subtree(o.i)}
    if pr.during and pr.gov and not any(L.has(key, pr.gov[0]) for key in ("meet_verbs", "visit_verbs")):
        dom -= _framed_elsewhere(ctx, L, p, pr)
    dom |= _ago_clauses(ctx, p, dom)
    if pr.kind == "meet":
        dom |= _setting_clauses(ctx, L, p, pr, dom)
    # "vor zwei Jahren" is a time counted back, not "vor dem Treffen" (before another event)
    sequence = _another_event(L, pr) - _ago_ids(ctx, p)
    others = _of_someone_else(ctx, L, p, dom) | sequence
    dom, subj = dom - others, subj - others
    if not subj and ctl is not None:
        # "will travel to Apia, before flying to Tonga": the subject of the verb it hangs on
        subj = _joined_subject(ctx, p, ctl, pr.head)
        dom = dom | subj
    if not subj:
        subj = _speaker_of(p, pr)
        subj -= _of_someone_else(ctx, L, p, subj)  # "the president's envoy X visited C, where ..."
        dom = dom | subj
    hits = _leaders_in(ctx, p, dom)
    leaders = [h.lid for h in hits]
    subject = [h.lid for h in _leaders_in(ctx, p, subj)]
    they = pr.kind in ("meet", "visit") and not subject and _implicit_they(ctx, L, pr)
    if they:
        subject = _they(ctx, pr.k, _clause_verb(pr).start)
        leaders = subject + [x for x in leaders if x not in subject]
    elif not subject:
        subject = _pronoun_referent(ctx, L, p, subj, p.start)
        if not subject and not subj and _null_subject(ctx, pr):
            # "El martes mantuvo conversaciones con X", "Затем провел переговоры с X": a verb in
            # the third person singular with no subject word is the person the text is about
            v = _clause_verb(pr)
            if v.deprel in ("parataxis", "conj", "advcl") and v.head:
                # "Wang Yi visitera le gisement, après quoi il partira pour Douchanbé" with no
                # pronoun: the subject of the clause it is joined to in its own sentence
                subject = [h.lid for h in _leaders_in(ctx, p, _joined_subject(ctx, p, p.tok(v.head), v))][:1]
            if not subject:
                topic = _topics(ctx).get(pr.k - 1)
                subject = [topic] if topic and _topic_goes_on(ctx, pr.k - 1, topic) else []
        leaders = subject + [x for x in leaders if x not in subject]
    elif any(p.tok(i).upos == "PRON" and L.has("third_person", p.tok(i)) for i in subj):
        # "konnte er ... Sánchez treffen" with both taken for subjects: "er" is the person told of
        for ref in _pronoun_referent(ctx, L, p, subj, p.start):
            if ref not in leaders:
                subject.insert(0, ref)
                leaders.insert(0, ref)
    if (
        pr.kind == "meet"
        and pr.gov
        and pr.head.upos == "NOUN"
        and fold(pr.head.form) in L.words.get("guest_nouns", ())
        and pr.head.head == pr.gov[0].i
        and not any(c.deprel == "cop" for c in p.children(pr.head.i))
    ):
        # "war der zyprische Präsident X zu Gast bei Y": the guest is the word the copula is on
        own = {x.i for x in p.subtree(pr.head.i)}
        guest = [h.lid for h in _leaders_in(ctx, p, {x.i for x in p.subtree(pr.gov[0].i)} - own)]
        subject = guest[:1] or subject
        leaders = guest[:1] + [x for x in leaders if x not in guest[:1]]
    me = _answerer(ctx, pr.head.start) if pr.kind in ("meet", "visit", "call") else None
    if me is not None:
        # an interview's answer: "Lo recibí aquí", "Me reuniré con X" (a first-person verb with no
        # subject word), "President X received me", "wo mich X empfängt": the person interviewed
        v = _clause_verb(pr)
        if not subject and not subj and _first_person_verb(ctx, L, p, v):
            subject = [me]
            leaders = [me] + [x for x in leaders if x != me]
        elif pr.kind != "visit" and me not in leaders and _first_person_object(L, p, v):
            leaders.append(me)
    acceptor = _accepted_invitation(L, p, pr)
    if acceptor is not None and _accepted_invitation_noun(L, p, pr.head):
        # "Albanese took up Carney's invitation to Ottawa": the one who accepted travels, the one
        # who invited stays home (and a subject the text does not name makes no trip)
        said = {t.i for c in p.children(acceptor.i) if c.deprel.startswith("nsubj") for t in p.subtree(c.i)}
        subject = [h.lid for h in _leaders_in(ctx, p, said)] or _pronoun_referent(ctx, L, p, said, p.start)
        leaders = list(subject)
        if not subject:
            return None
    elif acceptor is not None and not subject:
        # "Noboa accepted an invitation to visit Asunción": the one who accepted travels
        said = {t.i for c in p.children(acceptor.i) if c.deprel.startswith("nsubj") for t in p.subtree(c.i)}
        subject = [h.lid for h in _leaders_in(ctx, p, said)] or _pronoun_referent(ctx, L, p, said, p.start)
        leaders = subject + [x for x in leaders if x not in subject]
    g0 = pr.gov[0] if pr.gov else None
    if (
        pr.kind == "visit"
        and g0 is not None
        and pr.head.deprel in ("xcomp", "advcl", "ccomp")
        and L.has("invite_words", g0)
        and (_invitation_taken_up(L, p, g0) or _invitation_taken_up(L, p, pr.head))
    ):
        # "Tinubu invited Ruto to visit Abuja, and Ruto accepted": the one invited travels
        invited = {t.i for c in p.children(g0.i) if c.deprel in ("obj", "iobj") for t in p.subtree(c.i)}
        subject = [h.lid for h in _leaders_in(ctx, p, invited)]
        if not subject:
            return None
        leaders = subject + [x for x in leaders if x not in subject]
    whom = _relative_object(ctx, L, pr)
    if whom and whom not in leaders:
        leaders.append(whom)  # "Faye, whom De Wever then received": the one the clause is on
    if pr.kind == "meet" and len(_states_of(ctx, leaders)) < 2:
        # "Macron received him at the Élysée", "empfing ihn Tusk": the person the text is about
        # (here, or in the sentence before when this one names the host first), of another state
        # (and the noun a participle describes: "der Gast ..., von X empfangen", which the parser
        # may hang the other way round)
        described = [p.tok(pr.head.head)] if pr.head.deprel == "acl" and pr.head.head and pr.head.upos == "VERB" else []
        # (and those of the verb an event noun is the object of: "paid him a visit", "lui a rendu visite")
        light = pr.gov[0] if pr.head.upos == "NOUN" and pr.head.deprel == "obj" and pr.gov else None
        for c in [
            *p.children(pr.head.i),
            *(p.children(light.i) if light is not None and light.i == pr.head.head else []),
            *(replace(x, deprel="nsubj:pass") for x in described if x.upos == "NOUN"),
        ]:
            if (
                c.deprel in ("obj", "iobj", "obl", "nsubj:pass") and c.upos == "PRON" and L.has("object_pronouns", c)
            ) or (c.deprel in ("obj", "iobj", "obl", "nsubj", "nsubj:pass") and _epithet(ctx, L, p, c)):
                if c.upos == "PRON" and _unknown_antecedent(ctx, p, pr):
                    # "Feijóo llegará a Montevideo, donde lo recibirá Lacalle Pou": "lo" is the
                    # subject of the clause this one hangs on, whom the reference data does not know
                    break
                for ref in (_topics(ctx).get(pr.k), _topics(ctx).get(pr.k - 1)):
                    if ref and ref not in leaders and ctx.leader_info[ref]["state"] not in _states_of(ctx, leaders):
                        leaders.append(ref)
                        break
                else:
                    if leaders and c.upos != "PRON":
                        # "Vormittags hatte der CDU-Politiker mit Außenminister Lubetkin verhandelt"
                        # after sentences whose topics are the host's people: the one of another
                        # state told most so far (not a pronoun: "a lunch for him" may be for
                        # anyone the text named just before)
                        ref = _most_told(ctx, p.start, _states_of(ctx, leaders))
                        if ref is not None:
                            leaders.insert(0, ref)
                            if c.deprel.startswith("nsubj"):
                                subject = [ref]
        if (
            L.words.get("null_subject")
            and pr.head.upos == "VERB"
            and len(_states_of(ctx, leaders)) == 1
            and not subject
            and not any(c.deprel.startswith(("nsubj", "csubj")) for c in p.children(pr.head.i))
            and not any(g.deprel.startswith("~") for g in pr.gov)
            and pr.head.feats.get("Person") not in ("1", "2")
            and not any(fold(c.form) in L.words.get("first_person_clitics", ()) for c in p.children(pr.head.i))
            and not _first_person_form(ctx.lang, pr.head.form)
        ):
            # (not "me reuniré con el ministro": the one who speaks)
            # "Por la mañana se reunirá con la primera ministra letona": a language that drops the
            # subject goes on with the person the sentence before is about (as its subject: not
            # after "La delegación keniana llegó a París")
            ref = _topics(ctx).get(pr.k - 1)
            if (
                ref
                and ref not in leaders
                and ctx.leader_info[ref]["state"] not in _states_of(ctx, leaders)
                and _topic_goes_on(ctx, pr.k - 1, ref)
                and _null_subject(ctx, pr)
            ):
                leaders.insert(0, ref)
                subject = [ref]
        if (
            pr.head.upos == "NOUN"
            and len(_states_of(ctx, leaders)) == 1
            and not subject
            and not _someone_named_does(ctx, p, pr)
            and any(
                _case_of(p, c) in L.words.get("companion_case", ())
                for c in p.children(pr.head.i)
                if _leaders_in(ctx, p, {x.i for x in p.subtree(c.i)})
            )
        ):
            # "the meeting with President Nawrocki went coolly": with the person the text is about
            # (the one of another state it has named most so far)
            states = _states_of(ctx, leaders)
            told: dict[str, int] = {}
            for h in ctx.leader_hits:
                if (
                    h.start < p.start
                    and h.explicit
                    and ctx.leader_info[h.lid]["state"] not in states
                    and not is_office(h.lid)
                ):
                    told[h.lid] = told.get(h.lid, 0) + 1
            if told:
                leaders.insert(0, max(told, key=lambda x: told[x]))
    if pr.kind in ("meet", "visit") and len(_states_of(ctx, leaders)) < 2:
        guest = _guest_of(ctx, L, p, pr, dom, leaders)
        if guest is not None:
            leaders.append(guest)
            if pr.kind == "visit" and not subject:
                subject = [guest]
    if len({ctx.leader_info[x]["state"] for x in leaders}) < 2 and pr.kind in ("meet", "visit", "call"):
        # "the two leaders met", "les deux ministres se rendront à Lyon"
        extra = _plural_referents(ctx, p, subj if pr.kind == "visit" else dom, p.start)
        leaders += [x for x in extra if x not in leaders]
        if pr.kind == "visit" and not subject:
            subject = list(extra)
    # (a conjunct in another tense is another trip: "will travel to Egypt in June and visited
    # Jordan last year" goes to Jordan only)
    places, dests = _places(ctx, L, pr, dom & _own_clause(p, pr) if _other_tense_conjunct(ctx, L, pr) else dom)
    bound = _bound_for(L, p, pr.head)
    if bound:
        # "leaves Manila for Jakarta": where the leaver goes, not the place left
        ahead = {x.i for c in bound for x in p.subtree(c.i)}
        places = [
            (pid, m) for pid, m in ctx.place_hits if p.start <= m.start < p.end and _tok_ids(p, m.start, m.end) & ahead
        ]
    origin = _departed_from(ctx, L, pr)
    if origin is not None:
        places, dests = origin, []  # "left Moscow for Beijing after talks with Putin": in Moscow
    places = [(pid, m) for pid, m in places if not namesake_abroad(ctx, pid)]
    if pr.kind == "visit" and not L.has("visit_verbs", pr.head) and _stays_in(L, p, pr.head):
        # "X was in Paris": a trip only to the place the clause names, and only the subject's
        # ("Modi was in Gujarat and Carney in Ottawa": nobody else's)
        places = [
            (pid, m)
            for pid, m in places
            if ctx.places[pid]["state"] and not ctx.places[pid].get("guessed") and not _gapped(ctx, p, m)
        ]
        own = {ctx.leader_info[x]["state"] for x in subject}
        places = [(pid, m) for pid, m in places if ctx.places[pid]["state"] not in own]
        if _present_stay(L, p, pr.head) and not _on_a_visit(L, p, pr.head):
            places = []  # "X is in Singapore this week for a forum": where he is, no trip the text reports
        if not places or len(subject) != 1:
            # (a place the reference data does not know, or puts in no state: nothing to say where;
            # "both were in Vienna that month": who and when, a rumour's denial leaves open)
            return None
        leaders = list(subject)
    if len(places) > 1:
        # the place in the event's own clause, before one it shares with the clause it is joined to
        # (a venue alone there keeps the city the clause hangs on: "nach Warschau, wo ihn Tusk
        # im Kanzleramt empfing")
        own = _own_clause(p, pr)
        mine = [(pid, m) for pid, m in places if _tok_ids(p, m.start, m.end) & own]
        if any(ctx.places[pid]["kind"] == "city" for pid, _ in mine):
            places = mine
    towns = {ctx.places[pid]["state"] for pid, _ in places if ctx.places[pid]["kind"] == "city"} - {None}
    if not towns and any(ctx.places[pid]["kind"] != "city" for pid, _ in places):
        towns = {
            ctx.places[pid]["state"]
            for pid, m in ctx.place_hits
            if p.start <= m.start < p.end
            and ctx.places[pid]["kind"] == "city"
            and not (ctx.dateline and ctx.dateline[0] <= m.start < ctx.dateline[1])
        } - {None}
    if towns:
        # "in Wien, als ihn Stocker im Bundeskanzleramt empfing": a venue the reference data puts
        # in another state than the city the clause names, and than any state of the people there,
        # is that city's own (Vienna's chancellery, not Berlin's)
        theirs = towns | _states_of(ctx, leaders)
        places = [
            (pid, m)
            for pid, m in places
            if ctx.places[pid]["kind"] == "city" or not ctx.places[pid]["state"] or ctx.places[pid]["state"] in theirs
        ]
    if pr.kind in ("meet", "agree", "call") and leaders and len(_states_of(ctx, leaders)) < 2:
        # "X met the Japanese foreign minister": an office of a state the clause names, no person
        for office in _offices(ctx, p, dom, _states_of(ctx, leaders), leaders):
            leaders.append(office)
            if pr.kind == "agree" and set(_tok_ids(p, p.start, p.end)) & subj:
                subject.append(office)
    # "The talks on Wednesday lasted an hour": a meeting named again by its noun alone, with the
    # day the first telling did not give (kept only with a day of its own, below)
    bare = not leaders and not places and pr.kind == "meet" and _definite_noun(ctx, L, p, pr.head)
    if not leaders and not (pr.head.upos in ("NOUN", "PROPN") and places) and not bare:
        return None
    dates = [d for d in _dates(ctx, pr, dom) if not _decision_time(L, pr, d)]
    if (
        not dates
        and pr.kind == "visit"
        and pr.head.feats.get("VerbForm") == "Part"
        and pr.head.deprel == "acl"
        and pr.head.head
    ):
        # "принимал в июне прошлого года Путина, прибывшего во Вьетнам": a participle of arrival
        # with no time of its own, on the guest of a clause that has one, is a trip in that
        # clause's time, not one of today ("встретился во вторник с X, прибывшей в Москву": the
        # trip to Moscow, on Tuesday)
        up = p.tok(pr.head.head)
        while up.head and not (up.upos in ("VERB", "AUX") and up.feats.get("VerbForm") != "Part"):
            up = p.tok(up.head)  # (the finite verb above, whatever noun the parser hung it on)
        if up.upos in ("VERB", "AUX"):
            dates = _dates(ctx, pr, _domain(p, up, skip={pr.head.i}))
    if not dates:
        # "накануне, в среду, лидеры провели переговоры", "the day before, on Wednesday, the
        # leaders held talks": a fronted time phrase the parser hung on the verb as a parataxis
        verb = _clause_verb(pr)
        for c in p.children(verb.i):
            sub = p.subtree(c.i)
            if c.deprel == "parataxis" and c.i < verb.i and not any(t.upos in ("VERB", "AUX") for t in sub):
                # (the last of two apposed days restates the first more exactly: "накануне, в среду")
                dates = _dates(ctx, pr, {t.i for t in sub})[-1:]
                if dates:
                    break
    if not dates:
        dates = _timing_phrase_dates(ctx, L, pr)
    if not dates and pr.kind == "meet":
        dates = _arrival_phrase_dates(ctx, L, pr)
    if (
        dates
        and _other_tense_conjunct(ctx, L, pr)
        and not any(_tok_ids(p, d.start, d.end) & _own_clause(p, pr) for d in dates)
    ):
        dates = []  # "visited Egypt in June 2023 and will fly to Cairo next week": not June 2023's
    own_dates = bool(dates)
    if bare and not (len(dates) == 1 and _tok_ids(p, dates[0].start, dates[0].end) & _remention_time(p, pr.head)):
        return None
    if len(dates) > 1:
        # "they had met last summer in Cairo and plan to meet again in Tunis next autumn": the
        # time in the event's own clause, before one it shares with the clause it is joined to
        own = _own_clause(p, pr)
        dates = [d for d in dates if _tok_ids(p, d.start, d.end) & own] or dates
    top = _place_top(p, _first_conjunct(p, pr.gov[0] if pr.during and pr.gov else _clause_verb(pr)))
    if (
        len(dates) == 1
        and dates[0].precision == "day"
        and not dates[0].year_explicit
        and top.deprel in ("acl:relcl", "advcl", "acl")
        and top.head
        and any(c.deprel in ("mark", "advmod") and L.has("when_marks", c) for c in p.children(top.i))
    ):
        # "a state visit in October 2023, when she held talks with Modi on October 9": the day is
        # of the year the clause it hangs on names
        near = {t.i for t in p.subtree(top.head)} - {t.i for t in p.subtree(top.i)}
        composed = _day_in_year(dates + _dates(ctx, pr, near, since=True))
        if composed[0] is not dates[0]:
            dates = composed[:1]
    # ("where they held talks on the sidelines of the summit": the summit's clause is the talks')
    # (not a relative clause on a person: "X, who flew to Kyiv last week, met Y on Tuesday" - the
    # trip is not in the time of the talks)
    if (
        not dates
        and top.deprel in ("acl:relcl", "advcl", "acl")
        and top.head
        and not any(c.deprel.startswith("nsubj") and L.has("relative_pronouns", c) for c in p.children(top.i))
    ):
        # "Modi visited Moscow last July, where the president received him": the time of the
        # clause this one hangs on
        up = p.tok(top.head)
        # "the first was in May 2025, when the president hosted him": the time the clause hangs on
        near = {t.i for t in p.subtree(up.i)} - {t.i for t in p.subtree(top.i)}
        # (or a time hung on that word: "his trip to China in May, when he met Xi")
        # (or its year in front: "during the 2022 NATO summit, when X met Y")
        own_time = {up.i} | {
            c.i for c in p.children(up.i) if c.deprel in ("nmod", "obl", "nmod:tmod", "obl:tmod", "nummod", "amod")
        }
        when_clause = any(c.deprel in ("mark", "advmod") and L.has("when_marks", c) for c in p.children(top.i))
        around = _dates(ctx, pr, near, since=when_clause)
        dates = [d for d in around if _tok_ids(p, d.start, d.end) & own_time] if up.upos != "VERB" else []
        # ("returned to Paris on Sunday after a visit to Berlin, where he met Merz": the time of the
        # return is not the visit's)
        before_after = False
        while up.upos not in ("VERB", "AUX") and up.head:
            before_after = before_after or (up.upos == "NOUN" and _sequenced(L, p, up))
            up = p.tok(up.head)
        if not before_after and not any(
            c.deprel == "advmod" and (L.has("negators", c) or c.feats.get("Polarity") == "Neg")
            for c in p.children(up.i)
        ):
            # (not the time of what did not happen: "Petro did not attend the inauguration in March
            # 2025, so this was the first time they met")
            dates = dates or _dates(ctx, pr, _domain(p, up, skip={top.i}))
        when = [c for c in p.children(top.i) if c.deprel in ("mark", "advmod") and L.has("when_marks", c)]
        if when:
            # "spoke on Monday about his trip to China in May, when he met Xi": the time a "when"
            # clause refers to is the one named just before it
            before = [d for d in dates + around if d.end <= when[0].start]
            dates = sorted(before, key=lambda d: -d.start)[:1] or dates
    elif (
        not dates
        and top.deprel == "root"
        and any(
            fold(c.form) in _where_words() or (c.deprel in ("mark", "advmod") and L.has("when_marks", c))
            for c in p.children(top.i)
        )
    ):
        # the same, where the parser made the clause of place (or time) a second root of the sentence
        # ("... прошла в сентябре 2019 года во Владивостоке, где ... встретился с Путиным", "о поездке
        # в январе 2025 года, когда они с Путиным подписали ...")
        first = next((t for t in p.toks if t.deprel == "root" and t.i < top.i), None) or next(
            (c for c in p.children(top.i) if c.deprel in ("ccomp", "parataxis") and c.i < top.i), None
        )  # (or the clause before it the parser hung on it: "X a évoqué ..., lorsqu'il a rencontré Y")
        if first is not None:
            dates = _dates(ctx, pr, _domain(p, first))
            when = [c for c in p.children(top.i) if c.deprel in ("mark", "advmod") and L.has("when_marks", c)]
            if when:
                # "a évoqué lundi son voyage en Chine en mai, lorsqu'il a rencontré Xi": the time a
                # "when" clause refers to is the one named just before it
                dates = sorted((d for d in dates if d.end <= when[0].start), key=lambda d: -d.start)[:1] or dates
    if not dates:
        # "Гоита уже приезжал в Москву, когда Путин принял его в июне 2025 года": a clause of
        # time hung on this one happened with it; its date (the parser's choice of clause) is this one's
        near = [top] + [c for c in p.children(top.i) if c.upos in ("NOUN", "PROPN")]  # (or hung on its place)
        for c in [x for v in near for x in p.children(v.i)]:
            if c.deprel == "advcl" and any(
                m.deprel in ("mark", "advmod") and L.has("when_marks", m) for m in p.children(c.i)
            ):
                dates = _dates(ctx, pr, {t.i for t in p.subtree(c.i)})
                if dates:
                    break
    if not dates:
        # "Her hardest assignment came in 1993, when she escorted X on a trip to Canberra": a clause
        # of time is in the time of the clause it hangs on
        v = next((g for g in [pr.head, *pr.gov] if g.upos in ("VERB", "AUX") and not g.deprel.startswith("~")), pr.head)
        while v.deprel in ("conj", "xcomp") and v.head:
            v = p.tok(v.head)
        if (
            v.deprel in ("advcl", "acl", "acl:relcl")
            and v.head
            and any(c.deprel in ("mark", "advmod", "obl") and L.has("when_marks", c) for c in p.children(v.i))
        ):
            own = {t.i for t in p.subtree(v.i)}
            top_up = p.tok(v.head)
            while top_up.head and top_up.upos not in ("VERB", "AUX"):
                top_up = p.tok(top_up.head)  # ("... desde el 1 de junio en San Salvador, cuando ...": hung on the town)
            up = {t.i for t in p.subtree(top_up.i)} - own
            # (a "since" day the clause is hung on is its time too: "they had not met since 1 June
            # 2024 in San Salvador, when Peña attended the inauguration")
            dates = _dates(ctx, pr, up) or _dates(ctx, pr, up, since=True)
    if not dates:
        # "was welcomed at the Union Buildings on Monday before sitting down with Y", "avant de
        # s'entretenir avec Y", "antes de reunirse con Y": a step told as right before the next
        # one, with no time of its own, is on the day of the clause it hangs on (key ``before_words``)
        step = _clause_verb(pr)
        up = _before_step(L, p, step)
        if up is not None:
            dates = [d for d in _dates(ctx, pr, _domain(p, up, skip={step.i})) if d.precision == "day"][:1]
    if not dates:
        dates = _line_date(ctx, p)
    between = (
        re.fullmatch(r"\s*,\s*(?:(\w{1,3})\s+)?", ctx.text[dates[0].end : dates[1].start]) if len(dates) > 1 else None
    )
    if (
        between
        and len(dates) == 2
        and dates[0].precision == dates[1].precision == "day"
        and fold(between.group(1) or "") not in rd.every_language("and_words")
        # a relative day first ("накануне", "la veille"), not a list of days ("on Monday, Tuesday")
        and not set(re.findall(r"\w+", fold(ctx.text[dates[0].start : dates[0].end]))) & _calendar_words()
    ):
        dates = dates[1:]  # "накануне, в среду", "la veille, mercredi": the second day restates the first
    if pr.during and _after_event(L, p, pr.head):
        # "will build a reactor next year, after talks between X and Y on 10 June": the talks' own
        # time, not the plan's year
        phrase = _after_phrase(L, p, pr.head)
        dates = [d for d in dates if _tok_ids(p, d.start, d.end) <= phrase] or dates
    dates = _day_in_year(dates)
    date = _year_by_tense(ctx, L, tense, dates[0]) if dates else None
    if (
        date is not None
        and pr.during
        and _after_event(L, p, pr.head)
        and _tok_ids(p, dates[0].start, dates[0].end) <= _after_phrase(L, p, pr.head)
    ):
        date = dates[0]  # "will open negotiations following talks on May 30": the talks' own day, not the plan's tense
    if modality == "recall" and date is not None and not own_dates and _earlier_span(ctx, L, pr):
        date = None  # "the pact X and Y signed earlier this year", told on Wednesday: not Wednesday's
    if modality == "recall" and date is not None and ctx.pub and date.value == ctx.pub[:10]:
        date = None  # "today marks ten years since they met": a past event is not of the report's day
    if modality == "recall" and date is None and _pluperfect(L, pr):
        # "Trump, who arrived on Monday evening, had paid a call on the Emperor shortly after
        # landing": the one recent day the sentence tells is the day of its sequence (not the
        # day of the report the clause is the object of: "announced on Monday that X had met Y")
        said = next((g for g in pr.gov if g.deprel == "~ccomp"), None)
        told = _domain(p, said, skip={t.i for t in p.subtree(_clause_verb(pr).i)}) if said else set()
        recent = {
            d.value: d
            for d in ctx.dates
            if p.start <= d.start < p.end
            and not (_tok_ids(p, d.start, d.end) & told)
            and not _adverb_of_other_noun(p, d, pr, ctx)
            and d.precision == "day"
            and not (ctx.dateline and ctx.dateline[0] <= d.start < ctx.dateline[1])
            and ctx.pub
            and len(ctx.pub) >= 10
            and d.value[:1] != "-"
            and 0 <= _days(d.value, ctx.pub) <= PAST_DAYS
        }
        if len(recent) == 1:
            date = next(iter(recent.values()))
            if _bare_eve(ctx, L, pr.k, at=pr.head.start):
                # "war am Vortag in Ankara mit X zusammengekommen und ist am Dienstag ...
                # weitergereist": the day before the one the sentence names
                date = _day_before(date)
    if (
        modality == "recall"
        and date is not None
        and date.precision == "day"
        and ctx.pub
        and len(ctx.pub) >= 10
        and date.value[:1] != "-"
        and 0 <= _days(date.value, ctx.pub) <= PAST_DAYS
        # (or the verb an adverbial clause hangs on: "Arrivé lundi soir à Paris, X avait été reçu
        # mardi": the arrival's own recent day, told in the sequence)
        and (_pluperfect(L, pr) or _pluperfect(L, tense) or _pluperfect_above(L, pr))
    ):
        modality = None  # "had been received yesterday": the story's own days, told in sequence
    if not unreal and pr.head.upos in ("VERB", "AUX") and _past_plan(ctx, L, pr):
        if (
            date is not None
            and ctx.pub
            and date.value[:1] != "-"
            and date.value[: len(ctx.pub)] < ctx.pub[: len(date.value)]
        ):
            # "was supposed to meet Y last Friday / in April", "должен был ... в прошлую пятницу":
            # its time gone (a weekday or month told back, not the next one), not done
            return None
        modality = "plan"  # "должен был на следующий день отправиться в Антверпен": still to come then
    if (
        modality is None
        and _recall_opener(ctx, L, pr.k)
        and not (
            date is not None and date.precision == "day" and ctx.pub and 0 <= _days(date.value, ctx.pub) <= PAST_DAYS
        )
    ):
        modality = "recall"  # "Напомним, Моди посетил Душанбе ...", "Pour rappel, ...": background
    status = _status(ctx, L, tense, date, modality)
    if status == "past" and purpose is not None and date is not None and date.ahead:
        # "se rend en mars à Paris pour rencontrer Macron", told in January: the meeting is the
        # trip's purpose, in the trip's time (the infinitive has no tense of its own)
        status = _status(ctx, L, purpose, date, modality)
    if status == "held" and date is None and _continues_a_plan(ctx, L, pr):
        status = "planned"
    if status == "held" and date is None and _season_ahead(ctx, L, tense, dom):
        status = "planned"  # "Sandu kommt im Herbst nach Wien", "comes to Vienna in the autumn": still to come
    if status == "held" and pr.kind == "visit" and _bound_for(L, p, pr.head) and not _past_tense(ctx, L, tense):
        status = "planned"  # "sale hoy hacia Tegucigalpa", "leaves for Jakarta today": not there yet
    if date is None and (status == "held" or (status == "planned" and pr.kind == "visit" and _onward(ctx, L, pr))):
        coming = _coming_day(ctx, L, pr) or _same_coming_day(ctx, L, pr)
        if coming is not None:
            # "the gallery is closed on Tuesday 25 August because Merz receives Kristersson there
            # that day": the day the sentence names is still to come and the verb is a present
            status, date = "planned", coming
    if date and date.ahead and status == "planned":
        date = replace(date, value=date.ahead, ahead=None)
    if (
        status == "held"
        and date is None
        and me is not None
        and me in subject
        and (_present(ctx, L, tense) or tense.head.feats.get("Tense") == "Pres")
        and not _past_tense(ctx, L, tense)
    ):
        # an interview's answer in the first person's present with no time ("Там я увижусь с X",
        # "I meet him often"): a programme or a habit, not a meeting the text says was held
        return None
    # an interview's answer telling, with no time of its own, a meeting or trip gone by ("I met
    # Ishiba there", "Ich habe mit Tusk gesprochen", "я его принял"): what the person interviewed
    # recounts, not the news the report is about (past, once the narrative has given it its day)
    recounted = status == "held" and date is None and me is not None and me in leaders and _past_tense(ctx, L, tense)
    place = _best_place(ctx, places)
    kind = pr.kind
    if kind == "agree":
        # "X and Y agreed in Tokyo on Thursday": together, somewhere, that day - they met there
        with_ = leaders if any(p.tok(i).deprel in ("obl", "nmod") and _companion(L, p, p.tok(i)) for i in dom) else []
        if (
            not (places or _signed_somewhere(ctx, L, pr) or _signed_that_day(ctx, L, pr))
            or len(_states_of(ctx, list(dict.fromkeys(subject + with_)))) < 2
        ):
            # ("X signed with Y in Abu Dhabi": the one it was signed with is there too)
            return None
        if len({pid for pid, _ in places if ctx.places[pid]["kind"] == "city"}) > 1 or any(
            L.has("apart_words", t) for t in p.toks if t.i in dom
        ):
            return None  # "signed separately in Moscow and Astana": each where he was, not together
        if any(
            c.deprel in ("xcomp", "ccomp", "advcl")
            and any(L.has(key, c) for key in ("meet_verbs", "visit_verbs", "reciprocal_meet_verbs"))
            for c in p.children(pr.head.i)
        ):
            # "agreed to meet again in Berlin in November", "ont convenu de se revoir à Brasília":
            # the place and time of the plan
            return None
        kind = "meet"
    anaphoric = pr.head.upos in ("NOUN", "PROPN") and any(
        c.deprel == "det" and (L.has("demonstratives", c) or c.feats.get("PronType") == "Dem")
        for c in p.children(pr.head.i)
    )
    if (
        pr.kind == "visit"
        and date is None
        and status != "planned"
        and not L.has("visit_verbs", pr.head)
        and _stays_in(L, p, pr.head)
        and not (_present_stay(L, p, pr.head) and _on_a_visit(L, p, pr.head))  # (a visit under way)
    ):
        # "Aliyev was in Astana, when ... last year", "estuvo en Miami": being somewhere with no
        # time of its own does not say whether that is the trip reported or an earlier one
        return None
    return Event(
        kind,
        pr.k,
        leaders,
        subject,
        place,
        places,
        dests,
        date,
        status,
        pr.head.start,
        pr.head.upos in ("NOUN", "PROPN"),
        pr.during,
        anaphoric,
        tuple(h.lid for h in _leaders_in(ctx, p, sequence)),
        any(
            L.has("bilateral_words", c) for c in p.children(pr.head.i) if c.deprel in ("amod", "nmod", "advmod", "obl")
        ),
        # (placed after another encounter, on its day: not by a noun of sequence such as "im Vorfeld
        # des Besuchs", "on the eve of the visit", which may be days before it)
        bool(_another_event(L, pr, frames=False) - _ago_ids(ctx, p)),
        ctl is not None
        or (
            # "bevor er nach Lusaka weiterfliegt": a leg with a subject of its own, still told after another
            pr.kind == "visit"
            and pr.head.deprel == "advcl"
            and any(c.deprel == "mark" and L.has("sequence_marks", c) for c in p.children(pr.head.i))
        ),
        _describes_a_thing(ctx, L, pr),
        recounted,
    )


def _describes_a_thing(ctx: Ctx, L: Lex, pr: Pred) -> bool:
    """The event is told in a relative clause that describes a thing the sentence is about ("El
    bolígrafo que Macron regaló a Modi durante su visita a Nueva Delhi fue robado", "the pen Macron
    gave Modi during his visit"): background of that thing, not the news."""
    p = pr.p
    v = pr.gov[0] if pr.during and pr.gov else _clause_verb(pr)
    while v.deprel == "conj" and v.head:
        v = p.tok(v.head)
    # (English relatives the parser hangs on the noun as a clausal complement: "The pen that X gave")
    if v.deprel not in ("acl:relcl", "acl", "ccomp") or not v.head:
        return False
    n = p.tok(v.head)
    if n.upos != "NOUN" or n.deprel not in ("nsubj", "nsubj:pass", "obj"):
        return False
    if any(L.has(key, n) for key in ("meet_nouns", "visit_nouns", "call_words", "meal_nouns", "guest_nouns")):
        return False
    return not any(a <= n.start < b for a, b in _named_spans(ctx, with_titles=True))


def namesake_abroad(ctx: Ctx, pid: str) -> bool:
    """A venue the reference data puts in a state the article never brings in (no state name, no
    leader, no town of it), named beside a town of another state: "au Capitole" in a report from
    Toulouse, "el Capitolio" in Havana, are not the Capitol in Washington. The name may stand as
    a facility; an event is not placed there (nor a trip made to its state). (A venue named alone,
    "au Palais des Nations", is the one the data know.)"""
    p = ctx.places[pid]
    if p["kind"] == "city" or not p.get("state"):
        return False
    state = p["state"]
    # (any of its mentions: "au Capitole" in the headline, "du Capitole" after "Toulouse accueillait")
    ks = {ctx.sent_of(m.start) for q, m in ctx.place_hits if q == pid}
    elsewhere = any(
        ctx.places[q]["kind"] == "city"
        and ctx.places[q]["state"] not in (None, state)
        # (beside it, or anywhere in the body: "во Дворце Независимости" in a report from Astana
        # names Astana's palace, not Minsk's, when nothing of Belarus is in the text)
        and (
            ctx.sent_of(qm.start) in ks
            or ctx.sent_of(qm.start) + 1 in ks
            or ctx.sents[ctx.sent_of(qm.start)].para != -1
        )
        for q, qm in ctx.place_hits
    )
    return elsewhere and not (
        any(iso3 == state for iso3, _, _ in ctx.state_hits)
        or any(ctx.leader_info[h.lid]["state"] == state for h in ctx.leader_hits)
        or any(ctx.places[q]["kind"] == "city" and ctx.places[q]["state"] == state for q, _ in ctx.place_hits)
    )


def _continues_a_plan(ctx: Ctx, L: Lex, pr: Pred) -> bool:
    """ "A summit is planned for Tuesday. Afterwards the chancellor travels on to Almaty": an
    undated present told after "afterwards / then / ensuite / luego / затем" or "there" goes on with the plan
    the sentence before tells (a plan or future word in it, or a day still to come), and is a plan
    too."""
    if pr.k == 0 or ctx.sents[pr.k].para == -1 or not _present(ctx, L, pr):
        return False
    if not (
        ctx.has("continuation", pr.k)
        # "X reist am 9. März nach Prag. Dort trifft er Y": there, on that trip, the traveller told
        # by a pronoun or no subject word (not "Anand is there already and meets ...": someone else)
        or (
            any(L.has("there_words", t) and t.upos in ("ADV", "PRON") for t in pr.p.toks)
            and all(pr.p.tok(i).upos in ("PRON", "DET", "PUNCT") for i in _subject_up(pr.p, _clause_verb(pr)))
        )
    ):
        return False
    prev = ctx.sents[pr.k - 1]
    if ctx.pub and any(
        prev.start <= d.start < prev.end and d.value[:1] != "-" and d.value[: len(ctx.pub)] > ctx.pub[: len(d.value)]
        for d in ctx.dates
    ):
        return True  # "Bereits am 9. März reist X nach Prag. Dort trifft er ..., anschliessend ...": a day to come
    words = [
        Tok(0, w, lemmatize(ctx.lang, w), "VERB", 0, "dep", 0, 0)
        for w in re.findall(r"\w[\w-]*", ctx.text[prev.start : prev.end])
    ]
    return any(L.has(key, x) for x in words for key in ("plan_verbs", "plan_nouns", "future_aux"))


def _of_someone_else(ctx: Ctx, L: Lex, p: Parse, dom: set[int]) -> set[int]:
    """Tokens of the leaders named only as whose someone is: "the envoy of President X", "la
    femme du président", "el portavoz del presidente", "der Berater des Kanzlers", "спецпредставитель
    президента России" - an argument headed by a person noun that is no title, no party and no
    name; what hangs on it as a modifier is not a participant."""
    covered = [(h.start, h.end) for h in ctx.leader_hits] + [(t.m.start, t.m.end) for t in titles(ctx)]
    out: set[int] = set()
    for t in p.toks:
        if (
            t.i not in dom
            or not (t.upos == "NOUN" or (t.upos == "ADJ" and L.has("proxy_nouns", t)))  # "enviado" as ADJ
            or t.deprel
            not in ("nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "nmod", "conj", "root", "appos")
            or any(s <= t.start < e for s, e in covered)
            or any(L.has(key, t) for key in ("meet_nouns", "visit_nouns", "call_words"))
            or (L.has("party_nouns", t) and not L.has("proxy_nouns", t))  # "Lee's predecessor Yoon": Yoon, not Lee
            or t.feats.get("Animacy") == "Inan"
        ):
            continue
        if not any(s <= x.start < e for x in p.subtree(t.i) for s, e in covered):
            continue
        if not (L.has("proxy_nouns", t) or (t.feats.get("Animacy") == "Anim" and "Animacy" in t.feats)):
            continue  # "the office of the president" is where, not who
        places = [(m.start, m.end) for _, m in ctx.place_hits]
        for c in p.children(t.i):
            if c.deprel in ("nmod", "nmod:poss", "acl", "acl:relcl", "compound") or (
                t.upos == "ADJ" and c.deprel == "obj"
            ):
                if any(s <= c.start < e for s, e in places):
                    continue  # "the envoy ... in Lima": where, not whose
                out |= {x.i for x in p.subtree(c.i)}
    return out


def _someone_named_does(ctx: Ctx, p: Parse, pr: Pred) -> bool:
    """The event noun is what someone the clause names does, who is no leader ("the envoy X held
    talks with Y", "..., where he held talks": the subject of the verb it is the object of, or of
    the clause that verb hangs on, is a name or an envoy, an adviser ... and no leader)."""
    v = p.tok(pr.head.head) if pr.head.head else None
    if v is None and any(c.deprel in ("aux", "cop") for c in p.children(pr.head.i)):
        v = pr.head  # "der Außenminister hatte ein Treffen mit Y", the parser's root on the noun
    while v is not None:
        if v.upos not in ("VERB", "AUX") and v is not pr.head:
            return False
        for c in p.children(v.i):
            if c.i == pr.head.i:
                continue  # (the noun itself: "wo ein Treffen mit Y geplant ist")
            if c.deprel in ("nsubj", "nsubj:pass") and c.upos in ("NOUN", "PROPN"):
                ids = {x.i for x in p.subtree(c.i)}
                if c.upos == "NOUN" and not lex(ctx.lang).has("proxy_nouns", c):
                    # "the head of Russian diplomacy": may well be a leader; but not an office
                    # holder named by a name no leader bears ("министр торговли Катара шейх Фахад
                    # бин Салех Аль Тани провел встречу с ..."), nor a title of a state's office
                    # ("el canciller chileno mantuvo un encuentro con ...": that office's holder)
                    starts = {p.tok(i).start for i in ids}
                    return not _leaders_in(ctx, p, ids) and (
                        _unknown_name_in(ctx, p, ids) or any(t.m.start in starts and t.state for t in titles(ctx))
                    )
                ids -= _of_someone_else(ctx, lex(ctx.lang), p, ids)
                starts = {p.tok(i).start for i in ids}
                return not _leaders_in(ctx, p, ids) and not any(t.m.start in starts for t in titles(ctx))
        if v.deprel not in ("acl:relcl", "conj", "advcl", "xcomp") or not v.head:
            return False
        up = p.tok(v.head)
        while up.upos not in ("VERB", "AUX") and up.head:
            up = p.tok(up.head)
        v = up if up.upos in ("VERB", "AUX") else None
    return False


def _unknown_name_in(ctx: Ctx, p: Parse, ids: set[int]) -> bool:
    """Two proper nouns in a row among ``ids`` (name particles between them: "Фахад бин Салех")
    that are no state's, place's or leader's name: a person's name the article does not know as a
    leader."""
    known = [(m.start, m.end) for _, _, m in ctx.state_hits] + [(m.start, m.end) for _, m in ctx.place_hits]
    known += [(h.start, h.end) for h in ctx.leader_hits]
    names = [
        i
        for i in sorted(ids)
        if p.tok(i).upos == "PROPN"
        and p.tok(i).form[:1].isupper()
        and not any(s <= p.tok(i).start < e for s, e in known)
    ]
    from relgraph.loaders.mentions import name_particles

    particles = name_particles()
    return any(all(fold(p.tok(j).form) in particles for j in range(a + 1, b)) for a, b in zip(names, names[1:]))


def _told_as_past(ctx: Ctx, d: DateMention) -> bool:
    """The clause a date is in is told in a past tense ("began on Tuesday", "a entamé mardi",
    "inició el martes", "hat am Dienstag begonnen", "во вторник начал")."""
    k = ctx.sent_of(d.start)
    p = parsed(ctx).get(k)
    if p is None:
        p = parse(ctx.lang, ctx.text, [(ctx.sents[k].start, ctx.sents[k].end)])[0]
    t = p.at(d.start)
    while t is not None and t.upos not in ("VERB", "AUX") and t.head:
        t = p.tok(t.head)
    if t is None or t.upos not in ("VERB", "AUX"):
        return False
    if t.feats.get("Tense") == "Past" and t.feats.get("VerbForm") != "Part":
        return True
    if not t.feats:
        # a parser that gives no features (German): a perfect's auxiliary and a participle
        # ("hat am Dienstag unterzeichnet"), or a past ending
        L = lex(ctx.lang)
        helpers = [c for c in p.children(t.i) if c.deprel in ("aux", "aux:pass")]
        form, lemma = fold(t.form), fold(t.lemma)
        if (
            any(c.deprel == "aux" and L.has("perfect_aux", c) for c in helpers)
            and form != lemma
            and not L.has("plan_verbs", t)  # "ist für Dienstag geplant": a plan, not a past
        ):
            return True
        past = rd.lexicon(ctx.lang).get("past_endings", "")
        present = {lemma, lemma[:-1] + "t", lemma[:-2] + "et", lemma[:-2] + "t"}  # leiten: leitet, beraten
        if not helpers and past and re.search(past, t.form.lower()) and form not in present:
            return True
    aux = [c for c in p.children(t.i) if c.deprel == "aux"]
    return t.feats.get("VerbForm") == "Part" and bool(aux) and not any(a.feats.get("Tense") == "Fut" for a in aux)


def _thing_object(ctx: Ctx, p: Parse, verb: Tok) -> bool:
    """The meeting verb's object is a thing, not someone: a common noun that is no title, no party
    ("delegation", "guests") and no event, and names no leader or state itself ("welcomed the
    decision of X's government", "a accueilli la nouvelle", "recibió el informe", "begrüßte die
    Einigung", "принял решение")."""
    L = lex(ctx.lang)
    if fold(verb.lemma).endswith(("ся", "сь")):
        return False  # "виделись": a reflexive verb takes no object; what the parser hung on it is not one
    # a passive verb takes no object ("a été reçu ... par X, la première visite ..."): what was
    # received is its subject ("a letter from Xi was received by Macron")
    passive = any(
        c.deprel in ("aux:pass", "nsubj:pass", "obl:agent") or (c.deprel == "aux" and L.has("passive_aux", c))
        for c in p.children(verb.i)
    ) and not any(
        c.deprel.startswith("expl") or (c.upos == "PRON" and c.deprel == "obj") for c in p.children(verb.i)
    )  # ("fue recibida": the parser's plain aux; not "ils se sont revus", a reflexive with "être")
    for c in p.children(verb.i):
        if not passive and c.deprel == "obj" and c.upos == "PROPN":
            tail = _hyphen_tail(p, c)
            if tail is not None and tail.upos == "NOUN":
                spans = [h.start for h in ctx.leader_hits]
                if _whose_thing(L, p, tail, spans, chain_from=c):
                    return True  # "begrüßt das Merz-Tusk-Abkommen" with the first name taken for the head
        if c.deprel not in (("nsubj:pass", "nsubj") if passive else ("obj",)) or c.upos != "NOUN":
            continue
        if passive and (
            L.has("epithet_nouns", c)
            or c.feats.get("Animacy") == "Anim"
            or any(h.start < c.end and c.start < h.end for h in ctx.leader_hits)
        ):
            continue  # "der SPD-Politiker wurde empfangen", a name's last word tagged a noun: someone
        if any(t.deprel == "root" and verb.i < t.i < c.i for t in p.toks):
            continue  # past a second root ("..., where he expressed condolences"): another clause's object
        if L.has("welcome_words", c) and _bids_welcome(L, p, verb):
            continue  # "dio la bienvenida a X": the welcome is the act, not a thing received
        if any(d.start <= c.start < d.end or c.start <= d.start < c.end for d in ctx.dates) or _phrase_at(
            ctx, L, "same_day", c
        ):
            continue  # "reçoit ce jour-là X", "empfing am Tag darauf": a time taken for the object
        if not passive and _a_duration(ctx.lang, p, c):
            continue  # "sprachen vierzig Minuten miteinander": how long, not what
        first = min(t.i for t in p.subtree(c.i))
        if not passive and first - 1 > verb.i + 1 and p.tok(first - 1).form == ",":
            continue  # "X sat down with Y on Tuesday, the centrepiece of ...": a phrase set off after the clause
        if any(L.has(key, c) for key in ("meet_nouns", "visit_nouns", "call_words", "in_person", "party_nouns")):
            return False  # "hosted the summit", "met face to face", "received the delegation"
        own = [c] + [
            x for x in p.children(c.i) if x.deprel in ("flat", "appos", "compound", "amod", "flat:name", "dep")
        ]
        spans = [h.start for h in ctx.leader_hits] + [m.start for _, _, m in ctx.state_hits]
        spans += [t.m.start for t in titles(ctx)] + [m.start for _, m in ctx.place_hits]
        if any(x.start <= s < x.end for x in own for s in spans) or any(x.upos == "PROPN" for x in own):
            if _whose_thing(L, p, c, spans):
                return True  # "welcomes the Carney-Albanese deal": whose deal, not whom
            return False  # "received the Chinese premier", "received Prime Minister X"
        return True
    return False


_HYPHENS = ("-", "–", "‑")


def _hyphen_tail(p: Parse, c: Tok) -> Tok | None:
    """The last word of the hyphenated chain that opens at ``c`` ("Merz-Tusk-Abkommen" split
    into five tokens: "Abkommen"), or None when no hyphen follows it."""
    toks = sorted(p.subtree(c.i), key=lambda t: t.i)
    j = next((n for n, t in enumerate(toks) if t.i == c.i), None)
    last = None
    while j is not None and j + 2 < len(toks):
        hy, nxt = toks[j + 1], toks[j + 2]
        if hy.form not in _HYPHENS or hy.start != toks[j].end or nxt.start != hy.end:
            break
        last, j = nxt, j + 2
    return last


def _whose_thing(L: Lex, p: Parse, c: Tok, spans: list[int], chain_from: Tok | None = None) -> bool:
    """The object is a thing that names its people only in a hyphenated pair of names before it
    ("the Carney-Albanese deal", "l'accord Macron-Tebboune", "das Merz-Tusk-Abkommen"): the noun
    is common, no person's, no title and no event, and the names are joined by a hyphen."""
    if (
        any(c.start <= s < c.end for s in spans)
        or any(
            L.has(key, c)
            for key in ("proxy_nouns", "epithet_nouns", "actor_nouns", "meet_nouns", "visit_nouns", "call_words")
        )
        or c.feats.get("Animacy") == "Anim"
    ):
        return False
    top = chain_from or c
    names = sorted({x.i for x in p.subtree(top.i) if x.i != c.i and any(x.start <= s < x.end for s in spans)})
    if len(names) < 2:
        return False
    return all(b - a <= 4 and any(p.tok(j).form in _HYPHENS for j in range(a + 1, b)) for a, b in zip(names, names[1:]))


def _best_place(ctx: Ctx, places: list[tuple[str, Match]]) -> tuple[str, Match] | None:
    if not places:
        return None
    venues = [x for x in places if ctx.places[x[0]]["kind"] != "city"]
    return (venues or places)[0]


# -- article ---------------------------------------------------------------------------------
def lead_ks(ctx: Ctx) -> list[int]:
    """The headline and the first two sentences of the body."""
    body = [k for k, s in enumerate(ctx.sents) if s.para != -1]
    head = [k for k, s in enumerate(ctx.sents) if s.para == -1]
    return head + body[:2]


# a transcript's speaker label opening a line: a word in capitals (and a note in brackets), a colon
_SPEAKER = re.compile(r"\s*[^\W\d_a-zà-ÿа-яё]{2,}(?:[ -][^\W\d_a-zà-ÿа-яё]{2,}){0,2}(?:\s*\([^()\n]{1,30}\))?\s?:\s+")


# a record's speaker opening a line: a name (and a title) in capitals, a party in brackets or an
# office after a comma, a colon ("Florian Hahn, Staatsminister im Auswärtigen Amt: ...",
# "Jonas Berghoff (GRÜNE): ...", "Q: ...")
_CAP = r"[^\W\d_a-zß-ÿа-яё][\w'’.-]*"
_NAMED_SPEAKER = re.compile(
    r"\s*(?:" + _CAP + r"(?: " + _CAP + r"){0,3}(?:\s*\([^()\n]{1,40}\))?(?:, [^\n:;.!?,]{2,60})?|[A-ZА-Я]{1,2})\s?:\s+"
)


def parsed(ctx: Ctx) -> dict[int, Parse]:
    """Parses of the sentences an event or a proposal can be in (one parser call per article)."""
    if ctx.parses is not None:
        return ctx.parses
    ks = _candidates(ctx)
    dl = ctx.dateline
    spans = []
    for k in ks:
        s = ctx.sents[k]
        start = dl[1] if dl and s.start <= dl[1] < s.end else s.start  # the dateline is no part of the clause
        line_start = ctx.text.rfind("\n", 0, start) + 1
        label = _SPEAKER.match(ctx.text, start, s.end) or (
            _NAMED_SPEAKER.match(ctx.text, start, s.end) if not ctx.text[line_start:start].strip() else None
        )
        if label and any(
            m.start == start + len(label.group()) - len(label.group().lstrip()) for _, m in ctx.place_hits
        ):
            label = None  # "Berlin: Merz trifft Macron": where, not who speaks
        if label:
            start = label.end()  # "ВЕДУЩИЙ:", "REPORTER:": who speaks in a transcript, no part of the clause
        spans.append((start, s.end))
    text = ctx.text
    dots = abbreviation_dots(text, ctx.lex)
    if dots:
        # "Secretary Ma. Theresa Lazaro": the parser would end a clause at the dot (same length,
        # so every offset holds)
        text = "".join(" " if i in dots else c for i, c in enumerate(text))
    for h in ctx.lex.get("dotted_honorifics", ()):
        # "H.E. Mr. X", "S.E. M. X": a tokenizer ends the sentence at the abbreviation's last dot;
        # the parser reads the name without it (blanked: same length, every offset holds)
        text = re.sub(r"(?<!\w)" + re.escape(h) + r"(?= )", lambda m: " " * len(m.group()), text)
    parses = parse(ctx.lang, text, spans) if ks else []
    out = dict(zip(ks, parses))
    ctx.parses = out
    return out


def _same_day(ctx: Ctx, events: list[Event]) -> list[Event]:
    """ "In the afternoon, X was received by Y": a clause timed by a part of the day and no date of
    its own happened on the day the narrative is on: the day of the event told just before it (a
    day's programme), or else the last day the text named in the sentences just before ("Monday he
    opened his tour ... In the afternoon he was received by ...")."""
    L = lex(ctx.lang)
    out: list[Event] = []
    last: DateMention | None = None
    meeting_day: DateMention | None = None  # the day of the last held meeting (or visit) told
    day_place: tuple[str, Match] | None = None  # the place of the meeting that set it
    day_party: set[str] = set()  # and its participants
    recalled: Event | None = None  # the last meeting recalled from the past, told in sentence origin
    origin = -2
    plan_day: DateMention | None = None  # the day of the last planned event told, in sentence plan_k
    plan_k = -2
    told: Event | None = None  # the last held meeting or visit dated to a day, if the last sentence told it
    meet_day: DateMention | None = None  # the latest day of a held meeting told so far
    told_day: DateMention | None = None  # the day of the last held encounter told, in the text's order
    plan_ev: Event | None = None  # the last planned meeting or visit told
    for ev in events:
        if plan_ev is not None and _goes_on_with_plan(ctx, L, ev, plan_ev):
            # "Merz travels to Paris on Thursday. There he meets Macron", "Dort kommt er mit Macron
            # zusammen": the plan's programme told in the present, not a meeting already held
            there = [plan_ev.place] if not ev.places and plan_ev.place is not None else ev.places
            ev = replace(ev, status="planned", date=plan_ev.date, place=ev.place or plan_ev.place, places=there)
        if (
            recalled is not None
            and ev.date is None
            and ev.status == "held"
            and ev.kind in ("meet", "visit")
            and ev.k == origin + 1
            and ev.leaders
            and set(ev.leaders) <= set(recalled.leaders)
            and not any(h.explicit and ctx.sents[ev.k].start <= h.start < ctx.sents[ev.k].end for h in ctx.leader_hits)
        ):
            # "The two last met in Kyiv in August 2024. They held talks at the palace ...": the
            # next sentence, naming nobody, goes on with that meeting, in its time
            ev = replace(ev, status="past", date=recalled.date)
        if ev.status == "past" and ev.kind == "meet" and (recalled is None or ev.k != origin + 1):
            recalled, origin = ev, ev.k
        elif recalled is not None and ev.k not in (origin, origin + 1):
            recalled = None
        morrow = _morrow_of(ctx, L, ev, plan_day if ev.status == "planned" and ev.k - plan_k in (0, 1) else told_day)
        if morrow is not None:
            ev = replace(ev, date=morrow)
        eve = _eve_of(ctx, L, ev, meeting_day)
        if eve is not None:
            # "La veille, Bourita avait eu un entretien avec son homologue": the day before the
            # day the report is on, one of its days (not a past event, whatever the pluperfect)
            ev = replace(ev, date=eve, status="held")
        if ev.date is None and ev.status == "held" and ev.kind in ("meet", "visit"):
            nth = _visit_day(ctx, L, ev.k)
            trip_day = _trip_day(ctx, L, out, ev, nth) if nth is not None else None
            if trip_day is not None:
                # "Am zweiten Besuchstag empfing Milanović die Regierungschefin", "on day two of the
                # state visit": the day the trip told with its first day reaches
                ev = replace(ev, date=trip_day)
        if ev.date is None and ev.status == "held" and ev.kind in ("meet", "visit"):
            p = parsed(ctx)[ev.k]
            if (
                any(L.has("day_parts", t) for t in p.toks)
                or _phrase(ctx, L, "same_day", ev.k)
                or _phrase(ctx, L, "day_part_phrases", ev.k)
                or _clock_time(ctx, L, ev.k)
            ):
                # "before meeting X, he was received in the morning by Y": the day of that meeting
                day = last or _anchored_day(ev, events) or _narrative_day(ctx, ev, events) or meeting_day
                if (
                    day is not None
                    and meeting_day is not None
                    and day.value < meeting_day.value
                    and ctx.sents[ctx.sent_of(day.start)].para != ctx.sents[ev.k].para
                ):
                    # "X held talks on Wednesday. He had arrived on Tuesday. [new paragraph] The same
                    # day, Y received him": a day told back in a paragraph before is not the day the
                    # narrative is on (but "He had flown in on Monday night. That evening, ..." is)
                    day = meeting_day
                if day is not None:
                    ev = replace(ev, date=day)
        if (
            ev.date is None
            and ev.status == "held"
            and ev.kind == "meet"
            and told is not None
            and out
            and out[-1] is told
            and ev.k == told.k + 1
            and (ctx.sents[ev.k].para == ctx.sents[told.k].para or _lead_goes_on(ctx, told.k, ev.k))
            and (set(ev.leaders) & set(told.leaders) or _same_states(ctx, ev.leaders, told.leaders))
            and not _late_in_day(ctx, L, told.k)
            and not _told_earlier(ctx, L, ev.k)  # ("X had held talks with Y earlier in the week")
            and (meet_day is None or told.date.value >= meet_day.value)  # (not a day told back)
            and not (_phrase(ctx, L, "thread_words", ev.k) or ev.sequenced)  # ("meanwhile": the rule below)
            and (ev.place is None or told.place is None or _same_town(ctx, ev.place[0], told.place[0]))
            and not _re_mention(ctx, ev)  # ("El encuentro con X, celebrado en ...": maybe the one told before)
            and not any(e.kind == "meet" and e.date is not None and set(e.leaders) == set(ev.leaders) for e in events)
        ):
            # "Ramaphosa war am Dienstag in Berlin eingetroffen. Dort empfing ihn Merz ...", "X spent
            # Monday in Reykjavik. He was met by ...": the next sentence goes on with that day (not
            # after an arrival at night, when the talks are often the next day)
            ev = replace(ev, date=told.date)
        if (
            ev.date is None
            and ev.status == "held"
            and ev.kind == "meet"
            and not ev.noun
            and not _told_earlier(ctx, L, ev.k)
            # (a thread word with a meeting day told: the rule below)
            and not ((_phrase(ctx, L, "thread_words", ev.k) or ev.sequenced) and meeting_day is not None)
        ):
            # "Toulouse hosted the summit yesterday. Macron received Sánchez at the Capitole": a
            # meeting told right after a day named in its paragraph is on that day (not after an
            # arrival at night, nor on a day told back before the report's own)
            day = _narrative_day(ctx, ev, events)
            dk = ctx.sent_of(day.start) if day is not None else -1
            if (
                day is not None
                and ev.k - dk
                == 1  # (a day of the same sentence outside the event's clause is another clause's: "reported on Sunday that")
                and ctx.sents[dk].para == ctx.sents[ev.k].para
                and not _late_in_day(ctx, L, dk)
                and (meeting_day is None or day.value >= meeting_day.value)
                # the day is an encounter's (not a vote's, a decree's or a statement's), and the
                # only time its sentence names ("published on Monday a summary of last month's trip")
                and (ctx.has("meeting", dk) or ctx.has("visit", dk))
                and all(d.start == day.start for d in ctx.dates if ctx.sent_of(d.start) == dk)
                and not _pluperfect_clause(ctx, L, ev)  # ("er hatte Merz bereits getroffen")
            ):
                ev = replace(ev, date=day)
        if (
            ev.date is None
            and ev.status == "held"
            and ev.kind == "meet"
            and meeting_day is not None
            and (_opens_with(ctx, L, "earlier_words", ev.k) or _earlier_that_day(ctx, L, ev.k))
            and (
                (
                    ev.place is not None
                    and day_place is not None
                    and _same_town(ctx, ev.place[0], day_place[0])
                    and ctx.places[ev.place[0]].get("state") is not None
                )
                # (or no place known at all, by one of that day's party: "Earlier, the minister held
                # talks with his counterpart at the ministry", a venue the gazetteer lacks)
                # (or a venue, when that day's meeting had no place: "До этого в здании МИД состоялись
                # переговоры X с Y"); before the encounter told just before, when that one is on the day
                or (
                    (
                        (ev.place is None and not ev.places)
                        or (
                            ev.place is not None and day_place is None and ctx.places[ev.place[0]].get("kind") != "city"
                        )
                    )
                    and set(ev.leaders) & day_party
                    and _last_encounter_on(out, meeting_day)
                )
            )
        ):
            # "X was received on Tuesday by Y in Conakry. Auparavant, X avait rencontré Z au ministère
            # des Affaires étrangères": told as before, in a venue of the same town, with no day of
            # its own: earlier that day (not "Before that, in Helsinki ...": another time and place)
            ev = replace(ev, date=meeting_day)
        if ev.date is None and ev.status == "held" and ev.kind in ("meet", "visit"):
            if (
                (_phrase(ctx, L, "thread_words", ev.k) or ev.sequenced)
                and meeting_day is not None
                # ("Zuvor hatte X Y getroffen" after a meeting told with no day: before that one)
                and (not _opens_with(ctx, L, "earlier_words", ev.k) or _last_encounter_on(out, meeting_day))
            ):
                # "Meanwhile, the foreign ministers met ...", "Позднее министра принял ...", "after the
                # summit, X and Y held bilateral talks": in the time of the meeting the report is
                # telling, the last one it dated to a day
                ev = replace(ev, date=meeting_day)
        if (
            ev.date is None
            and ev.status == "planned"
            and ev.kind == "meet"
            and plan_day is not None
            and (
                (
                    ev.k == plan_k + 1
                    and (
                        any(L.has("day_parts", t) for t in parsed(ctx)[ev.k].toks)
                        or _phrase(ctx, L, "same_day", ev.k)
                        or any(L.has("there_words", t) and t.upos in ("ADV", "PRON") for t in parsed(ctx)[ev.k].toks)
                    )
                )
                # "reist am 20. April nach Tokio und wird am selben Tag von Y empfangen": in one sentence
                or (ev.k == plan_k and _phrase(ctx, L, "same_day", ev.k))
            )
        ):
            # "X travels to Riga on 3 March ... He will hold talks with Y in the morning", "... Dort
            # trifft er seinen Amtskollegen", "Il y sera reçu par": that day's programme, there
            ev = replace(ev, date=plan_day)
        if (
            ev.date is None
            and ev.status == "planned"
            and ev.kind == "meet"
            and meeting_day is not None
            and meeting_day.value in _report_days(ctx)
            and any(L.has("day_parts", t) for t in parsed(ctx)[ev.k].toks)
            and not any(ctx.sent_of(d.start) == ev.k for d in ctx.dates)
        ):
            # "Tokayev held talks with Sisi today ... In the evening Tokayev will give a dinner in
            # honour of his guest": later on the report's own day, the day of the talks it told
            ev = replace(ev, date=meeting_day)
        if ev.status == "planned" and ev.date is not None and ev.date.precision == "day":
            plan_day, plan_k = ev.date, ev.k
        if ev.kind in ("meet", "visit"):
            plan_ev = ev if ev.status == "planned" else None
        if (
            ev.date is not None
            and ev.date.precision == "day"
            and ev.status == "held"
            and ev.kind == "visit"
            and meeting_day is None
        ):
            # "X toured the port with Y on Friday. Afterwards they held talks" (an arrival does not
            # move the day of a meeting already told)
            meeting_day = ev.date
        if ev.date is not None and ev.date.precision == "day" and ev.status == "held" and ev.kind == "meet":
            if meeting_day is None or ev.date.value >= meeting_day.value:
                # (not a day told back: "X had been received at the airport on Tuesday" after
                # Wednesday's talks leaves the report on Wednesday)
                meeting_day = ev.date
                day_place = ev.place
                day_party = set(ev.leaders)
            last = ev.date  # a meeting's day (an arrival is often the evening before)
        elif ev.date is not None or ev.status != "held":
            last = None  # another day, or another time: the thread is lost
        if ev.status == "held" and ev.kind in ("meet", "visit") and ev.date is not None and ev.date.precision == "day":
            told_day = ev.date
            told = ev
            if ev.kind == "meet" and (meet_day is None or ev.date.value > meet_day.value):
                meet_day = ev.date
        elif ev.k != (told.k if told is not None else -1):
            told = None
        out.append(ev)
    return out


def _visit_day(ctx: Ctx, L: Lex, k: int) -> int | None:
    """The ordinal day of a trip sentence ``k`` names ("on the second day", "day two of the state
    visit", "au deuxième jour de sa visite", "am ersten Besuchstag", "во второй день визита"; key
    ``visit_day_ordinals``), when the day is the trip's: told bare or of a visit, not of something
    else ("the first day of Nowruz", "le premier jour du sommet")."""
    p = parsed(ctx).get(k)
    if p is None:
        return None
    table = ctx.lex.get("visit_day_ordinals", {})
    words = [fold(t.form) for t in p.toks]
    for n, phrases in table.items():
        for phrase in phrases:
            parts = fold(phrase).split()
            for i in range(len(parts) - 1, len(words)):
                if words[i - len(parts) + 1 : i + 1] != parts:
                    continue
                # the word the phrase ends on ("day", "Besuchstag", or "two" of "day two"), and
                # what that day is of
                day = p.toks[i]
                heads = [day, p.tok(day.head)] if day.deprel in ("nummod", "amod") and day.head else [day]
                of = [c for h in heads for c in p.children(h.i) if c.deprel in ("nmod", "nmod:poss", "obl")]
                if all(L.has("visit_nouns", c) for c in of):
                    return int(n)
    return None


def _trip_day(ctx: Ctx, L: Lex, told: list[Event], ev: Event, nth: int) -> DateMention | None:
    """Day ``nth`` of the trip told before ``ev``: counted from the day of a held visit with a day
    of its own (its first day, or the day its own sentence says it is), of one of ``ev``'s people,
    or the only such visit told; none after an arrival late in the day (the first day is then
    the next)."""
    trips = [
        e
        for e in told
        if e.kind == "visit"
        and e.status == "held"
        and e.date is not None
        and e.date.precision == "day"
        and e.date.value[:1] != "-"
    ]
    mine = [e for e in trips if set(e.leaders) & set(ev.leaders)]
    if not mine and len({e.date.value for e in trips}) == 1:
        mine = trips
    if not mine:
        return None
    first = mine[0]
    if _late_in_day(ctx, L, first.k):
        return None
    try:
        start = dt.date.fromisoformat(first.date.value) - dt.timedelta(days=(_visit_day(ctx, L, first.k) or 1) - 1)
    except ValueError:
        return None
    return replace(first.date, value=(start + dt.timedelta(days=nth - 1)).isoformat(), ahead=None)


def _season_ahead(ctx: Ctx, L: Lex, tense: Pred, dom: set[int]) -> bool:
    """The clause's time is a season (lexicon ``seasons``: "im Herbst", "in the autumn", "à
    l'automne", "осенью") and its verb is a present or a future, not a past: a season still to
    come, no time for a held event (the dates do not read a season as a date)."""
    seasons = {fold(w) for w in ctx.lex.get("seasons", ())}
    p = tense.p
    if not any(
        p.tok(i).upos in ("NOUN", "PROPN", "ADV")
        and p.tok(i).deprel in ("obl", "obl:tmod", "nmod", "advmod")
        and (fold(p.tok(i).form) in seasons or fold(p.tok(i).lemma) in seasons)
        for i in dom
    ):
        return False
    return not _past_tense(ctx, L, tense) and (_present(ctx, L, tense) or _future(ctx, L, tense))


def _lead_goes_on(ctx: Ctx, k0: int, k: int) -> bool:
    """Sentence ``k`` opens the paragraph right after a lead paragraph that ends with sentence
    ``k0`` ("X went to Rome on Wednesday to ... [new paragraph] At the ministry, he held talks with
    Y"): the story the lead dated goes on."""
    body = [i for i, s in enumerate(ctx.sents) if s.para != -1]
    if not body or k0 != k - 1 or ctx.sents[k0].para != ctx.sents[body[0]].para:
        return False
    return ctx.sents[k].para == ctx.sents[k0].para + 1


def _goes_on_with_plan(ctx: Ctx, L: Lex, ev: Event, plan: Event) -> bool:
    """Event ``ev``, told with no time of its own in the plain present in the sentence right after
    the planned trip or meeting ``plan`` of one of its leaders, and there ("dort", "y", "allí") or
    in the town of that plan: a step of that plan's programme ("X travels to Paris on Thursday.
    There he meets Y"), not a meeting held."""
    if ev.date is not None or ev.status != "held" or ev.kind not in ("meet", "visit") or ev.k != plan.k + 1:
        return False
    if ctx.sents[ev.k].para != ctx.sents[plan.k].para or not set(ev.leaders) & set(plan.leaders):
        return False
    p = parsed(ctx)[ev.k]
    t = p.at(ev.start)
    if t is None or _told_earlier(ctx, L, ev.k):
        return False
    pr = Pred(ev.kind, ev.k, p, t, _governors(p, t))
    if not _present(ctx, L, pr):
        return False
    there = any(L.has("there_words", x) and x.upos in ("ADV", "PRON") for x in p.toks)
    return there or (ev.place is not None and plan.place is not None and _same_town(ctx, ev.place[0], plan.place[0]))


def _last_encounter_on(told: list[Event], day: DateMention) -> bool:
    """Is the last held meeting or visit told on ``day`` ("earlier" is before that one)?"""
    last = next((e for e in reversed(told) if e.kind in ("meet", "visit") and e.status == "held"), None)
    return last is not None and last.date is not None and last.date.value == day.value


def _pluperfect_clause(ctx: Ctx, L: Lex, ev: Event) -> bool:
    """The event's verb is in the pluperfect ("had met", "avait reçu", "hatte getroffen"): told
    back from the time of the narrative."""
    p = parsed(ctx).get(ev.k)
    t = p.at(ev.start) if p is not None else None
    if t is None:
        return False
    if _pluperfect(L, Pred(ev.kind, ev.k, p, t, _governors(p, t))):
        return True
    # "Er hatte Merz ... getroffen", parsed with "hatte" as the verb and the participle its complement
    verbs = [t] + ([p.tok(t.head)] if t.head and t.upos in ("NOUN", "PROPN") else [])
    return any(v.deprel == "xcomp" and v.head and L.has("pluperfect_aux", p.tok(v.head)) for v in verbs)


def _within_trip(date: str, start: str) -> bool:
    """``date`` falls on a trip begun on ``start``: that day or one of the three after it."""
    if len(date) < 10 or len(start) < 10 or date[:1] == "-" or start[:1] == "-":
        return date[:10] == start[:10]
    return 0 <= _days(start[:10], date[:10]) <= 3


def _told_earlier(ctx: Ctx, L: Lex, k: int) -> bool:
    """Sentence ``k`` puts what it tells earlier ("earlier in the week", "auparavant", "zuvor")."""
    if _phrase(ctx, L, "earlier_phrases", k):
        return True
    return any(L.has("earlier_words", t) for t in parsed(ctx)[k].toks)


def _re_mention(ctx: Ctx, ev: Event) -> bool:
    """The event is a noun told of ("the meeting, held at ...", "El encuentro con X duró una
    hora"), which may be one told before; not the object of "held" ("held talks with ...")."""
    if not ev.noun:
        return False
    t = parsed(ctx)[ev.k].at(ev.start)
    return t is None or t.deprel != "obj"


def _same_states(ctx: Ctx, a: list[str], b: list[str]) -> bool:
    """Two groups of people of the same two or more states (the ministers of a leaders' visit)."""
    sa = {ctx.leader_info[x]["state"] for x in a}
    sb = {ctx.leader_info[x]["state"] for x in b}
    return None not in sa and len(sa) >= 2 and sa == sb


def _report_days(ctx: Ctx) -> set[str]:
    """The days a report is written on: its publication date and its dateline's day."""
    days = {ctx.pub[:10]} if ctx.pub and len(ctx.pub) >= 10 else set()
    if ctx.dateline_date is not None:
        days.add(ctx.dateline_date.value)
    if ctx.dateline:
        days |= {d.value for d in ctx.dates if ctx.dateline[0] <= d.start < ctx.dateline[1] and d.precision == "day"}
    return days


def _late_in_day(ctx: Ctx, L: Lex, k: int) -> bool:
    """Sentence ``k`` tells of the evening or the night ("landed late on Monday", "am Sonntagabend")."""
    words = L.words.get("late_day_parts", ())
    s = ctx.sents[k]
    return any(any(w.endswith(x) for x in words) for w in re.findall(r"\w+", fold(ctx.text[s.start : s.end])))


def _same_town(ctx: Ctx, a: str, b: str) -> bool:
    """Places ``a`` and ``b`` are in one town (a venue in a city, or the city itself)."""
    ca = a if ctx.places[a]["kind"] == "city" else ctx.places[a].get("city") or city_of(ctx, a, [])
    cb = b if ctx.places[b]["kind"] == "city" else ctx.places[b].get("city") or city_of(ctx, b, [])
    return a == b or (ca is not None and ca == cb) or ca is None or cb is None


def _bare_eve(ctx: Ctx, L: Lex, k: int, key: str = "eve_words", at: int | None = None) -> bool:
    """Sentence ``k`` says "the day before" on its own ("La veille, X avait ..."), not the eve of
    something it names ("à la veille de la visite", "on the eve of the summit", "накануне визита"),
    which may be any time shortly before. With ``key="morrow_words"``: "the next day" on its own
    ("Le lendemain, X a reçu ...", not "le lendemain de l'élection")."""
    text = fold(ctx.text[ctx.sents[k].start : ctx.sents[k].end])
    for w in L.words.get(key, ()):
        for m in re.finditer(r"(?<!\w)" + re.escape(w) + r"(?!\w)", text):
            if at is not None and not _said_of(ctx, k, ctx.sents[k].start + m.start(), at):
                continue  # "X received Y, who had arrived the day before": the arrival's eve
            after = re.findall(r"\w+", text[m.end() : m.end() + 30])
            if not after:
                return True
            if after[0] in _OF_WORDS or (ctx.lang == "ru" and ru_genitive_noun(after[0])):
                if key == "eve_words" and _names_the_talks(ctx, L, after[1:] if after[0] in _OF_WORDS else after):
                    return True  # "la veille de l'entretien présidentiel": the eve of the meeting told
                continue
            return True
    return False


def _names_the_talks(ctx: Ctx, L: Lex, words: list[str]) -> bool:
    """The first words after "the eve of" name a meeting ("the day before the talks", "la veille
    de l'entretien présidentiel", "am Tag vor dem Treffen", "накануне переговоров"), not a visit or
    a summit (key ``multiday_nouns``), which may last longer than a day."""
    for w in words[:3]:
        t = Tok(0, w, lemmatize(ctx.lang, w), "NOUN", 0, "dep", 0, 0)
        if L.has("visit_nouns", t) or L.has("multiday_nouns", t):
            return False  # (the first event noun decides: "am Vorabend des Besuchs traf ...")
        if L.has("meet_nouns", t):
            return True
    return False


def _said_of(ctx: Ctx, k: int, pos: int, head: int) -> bool:
    """The words at ``pos`` belong to the clause of the event whose head starts at ``head``: going
    up from them, the parse reaches that head before any embedded clause (a relative, a participle
    on a noun, a clause of time or reason) that is not the event's own."""
    p = parsed(ctx).get(k)
    if p is None:
        return True
    t, ev = p.at(pos), p.at(head)
    if t is None or ev is None:
        return True
    seen: set[int] = set()
    while t.i not in seen:
        seen.add(t.i)
        if t.i == ev.i:
            return True
        if t.deprel in BOUNDARY:
            return False
        if not t.head:
            return True
        t = p.tok(t.head)
    return True


_OF_WORDS = frozenset(("de", "du", "des", "d", "of", "del", "der", "des", "dem"))


def _day_before(d: DateMention) -> DateMention | None:
    """The day before the full day ``d``."""
    try:
        value = (dt.date.fromisoformat(d.value) - dt.timedelta(days=1)).isoformat()
    except ValueError:
        return None
    return replace(d, value=value, ahead=None)


def _eve_of(ctx: Ctx, L: Lex, ev: Event, day: DateMention | None) -> DateMention | None:
    """The day before ``day`` (the day of the meeting the report is on), for an event its sentence
    puts on the eve ("la veille", "the day before", "am Vortag", "накануне") with no date of its
    own, or only the one "накануне" gave counting from the publication."""
    if day is None or day.precision != "day" or day.value[:1] == "-" or ev.kind not in ("meet", "visit"):
        return None
    if ev.status not in ("held", "past") or not _bare_eve(ctx, L, ev.k, at=ev.start):
        return None
    if ev.date is not None and fold(ctx.text[ev.date.start : ev.date.end]) not in L.words.get("eve_words", ()):
        return None
    from datetime import date as _date, timedelta

    try:
        value = (_date.fromisoformat(day.value[:10]) - timedelta(days=1)).isoformat()
    except ValueError:
        return None
    if ctx.pub and len(ctx.pub) >= 10 and not 0 <= _days(value, ctx.pub) <= PAST_DAYS:
        return None
    s = ctx.sents[ev.k]
    return DateMention(s.start, s.start, value, "day", False)


def _morrow_of(ctx: Ctx, L: Lex, ev: Event, day: DateMention | None) -> DateMention | None:
    """The day after ``day`` (the day of the encounter told just before), for a held event its
    sentence puts on "the next day" ("Al día siguiente, X se reunió con Y", "Le lendemain, ...",
    "Am nächsten Tag ...", "На следующий день ...") with no date of its own: one of the report's
    days, not one after the publication. A planned one counts from the day of the plan told in
    the sentence before ("viajará a Berlín el lunes; al día siguiente se reunirá con Merz")."""
    if day is None or day.precision != "day" or day.value[:1] == "-" or ev.kind not in ("meet", "visit"):
        return None
    if ev.status not in ("held", "planned") or not _bare_eve(ctx, L, ev.k, "morrow_words", at=ev.start):
        return None
    if ev.date is not None and not (ev.status == "planned" and ev.date.value == day.value):
        return None  # (a planned one may carry the day of the trip it follows: "al día siguiente se reunirá allí")
    from datetime import date as _date, timedelta

    try:
        value = (_date.fromisoformat(day.value[:10]) + timedelta(days=1)).isoformat()
    except ValueError:
        return None
    if ctx.pub and len(ctx.pub) >= 10:
        if ev.status == "held" and not 0 <= _days(value, ctx.pub) <= PAST_DAYS:
            return None
        if ev.status == "planned" and value <= ctx.pub[:10]:
            return None
    s = ctx.sents[ev.k]
    return DateMention(s.start, s.start, value, "day", False)


def _anchored_day(ev: Event, events: list[Event]) -> DateMention | None:
    """ "Before meeting X, the president was received in the morning by Y": a part of the day placed
    before or after an encounter with X is on that encounter's day, when the text tells it as a held
    meeting dated to a day (a bare "after the audience with the king" may be the next day)."""
    for e in events:
        if (
            ev.anchor
            and e.kind == "meet"
            and e.status == "held"
            and e.date is not None
            and e.date.precision == "day"
            and set(ev.anchor) <= set(e.leaders)
        ):
            return e.date
    return None


# how many sentences back a part of the day ("in the afternoon") looks for the day it is part of
DAY_LOOKBACK = 6


def _narrative_day(ctx: Ctx, ev: Event, events: list[Event]) -> DateMention | None:
    """The last day named in the few sentences before ``ev`` (not a dateline, not the start of a
    period, not a day still to come), when no event told in between moved to another time."""
    k = ev.k
    days = [
        d
        for d in _days_named(ctx, ctx.sents[max(0, k - DAY_LOOKBACK)].start, ctx.sents[k].start, absolute=False)
        if not (
            ctx.pub
            and len(ctx.pub) >= 10
            and d.value[:1] != "-"
            and (d.value > ctx.pub or _days(d.value, ctx.pub) > PAST_DAYS)
        )
    ]
    told = {e.date.value for e in events if e.date is not None and e.status == "held"}
    # a bare weekday not told as past ("the parliament votes on Friday") may be the coming one
    days = [
        d for d in days if not (d.ahead and d.ahead != d.value and d.value not in told and not _told_as_past(ctx, d))
    ]
    if not days:
        return None
    day = max(days, key=lambda d: d.start)
    between = [e for e in events if day.end <= e.start and e.k < k]
    if any(e.status != "held" or (e.date is not None and e.date.value != day.value) for e in between):
        return None  # a plan, a recall or another day was told in between: the thread is lost
    return day


def _cancelled(ctx: Ctx, events: list[Event]) -> list[Event]:
    """ "The visit X was to make next week has been cancelled. He was to be received by Y": a
    planned event told in, or right after, a sentence that cancels or postpones a visit or a
    meeting is no plan any more."""
    L = lex(ctx.lang)
    off: dict[int, set[str]] = {}  # sentence -> the places it cancels the event at
    keys = ("visit_nouns", "meet_nouns", "visit_verbs", "meet_verbs")
    for k, p in parsed(ctx).items():
        # a cancelling word and a visit or meeting word in one sentence (the parse of "has been
        # cancelled" does not always hang the visit on it)
        if (any(L.has("cancel_words", t) for t in p.toks) or _phrase(ctx, L, "cancel_phrases", k)) and any(
            L.has(key, t) for t in p.toks for key in keys
        ):  # ("was taken off the programme", "retiré du programme": key ``cancel_phrases``)
            s = ctx.sents[k]
            off[k] = {ctx.places[pid]["state"] for pid, m in ctx.place_hits if s.start <= m.start < s.end} - {None}

    def cancelled(ev: Event) -> bool:
        for k in (ev.k, ev.k - 1):
            if k not in off or ctx.sents[k].para != ctx.sents[ev.k].para:
                continue  # (a cancellation a paragraph before tells of another trip)
            where = {ctx.places[pid]["state"] for pid, _ in ev.places} - {None}
            if k != ev.k and off[k] and where and not where & off[k]:
                # "The visit to Manta was cancelled. Noboa accepted to travel to La Paz": a trip to
                # another country (not "... to Yaoundé was cancelled. He was to meet Biya at the palace")
                continue
            return True
        return False

    # "Macron and Merz to meet in Paris on Thursday" over "The meeting between Macron and Merz
    # planned for Thursday has been postponed": the headline's plan is the one the body calls off
    off_people = [
        {h.lid for h in ctx.leader_hits if ctx.sents[k].start <= h.start < ctx.sents[k].end}
        for k in off
        if ctx.sents[k].para != -1
    ]
    return [
        ev
        for ev in events
        if not (ev.status == "planned" and cancelled(ev))
        and not (
            # (or a headline's present the body shows was a plan: "Macron und Merz treffen sich am Donnerstag")
            ev.status in ("planned", "held")
            and ctx.sents[ev.k].para == -1
            and ev.kind in ("meet", "visit")
            and len(ev.leaders) >= (2 if ev.kind == "meet" else 1)
            and any(set(ev.leaders) <= people for people in off_people)
        )
    ]


def read_events(ctx: Ctx) -> list[Event]:
    preds: list[Pred] = []
    for k, p in parsed(ctx).items():
        preds.extend(_predicates(ctx, k, p))
    L = lex(ctx.lang)
    kind = encounter(ctx, preds)
    events: list[Event] = []
    unreal: list[Event] = []  # what the body says will not happen, or is only wished
    reported: set[int] = set()  # ids of the events told as what someone reported
    for pr in preds:
        if (
            pr.kind in ("meet", "agree")
            and kind in ("call", "letter")
            and not _in_person(ctx, L, pr)
            and (_talk_only(L, pr) or _modality(ctx, L, pr) != "recall")
            and not (
                pr.head.upos == "VERB"
                and not _talk_only(L, pr)  # ("plans to speak with him again": another call)
                and (_modality(ctx, L, pr) == "plan" or _future(ctx, L, pr))
            )
            and not _dated_before(ctx, pr)
            and _purpose_of(ctx, L, pr) is None  # "will leave for Riyadh to meet X": a trip, in person
        ):
            continue  # the conversation the headline called a phone call (or a letter), mentioned again
            # (not "their previous talks were held in Sochi", nor "they will meet in Tokyo", nor
            # "X avait rencontré Y en novembre dernier à Lima": a month gone by is no call of today)
        if pr.kind == "meet" and kind == "interview" and pr.head.upos in ("NOUN", "PROPN"):
            continue  # "the talks", "the negotiations" in an interview: a topic, not a meeting
        ev = _event(ctx, pr)
        if ev is not None:
            for one in [x for two in _successive_hosts(ctx, L, ev) for x in _separate_companions(ctx, L, pr, two)]:
                events.append(one)
                if _reported(ctx, pr):
                    reported.add(id(one))
                if one.kind == "meet":
                    two = _two_of_states(ctx, one.leaders)
                    if two:
                        ctx.met.append((one.k, two))
        elif ctx.sents[pr.k].para != -1 and pr.kind in ("meet", "visit"):
            no = _event(ctx, pr, unreal=True)
            if no is not None and (_negated(ctx, L, pr) or _modality(ctx, L, pr) == "hope"):
                unreal.append(no)
                two = _two_of_states(ctx, no.leaders) if no.kind == "meet" else None
                if two:
                    # "the two leaders" after "denied that X met Y": X and Y, the encounter last told
                    ctx.met.append((no.k, two))
    # a caption ("Foto: X begrüßt Y am Ballhausplatz") shows an encounter the body tells: no event of its own
    events = [e for e in events if not on_caption_line(ctx.text, ctx.sents[e.k].start)]
    # "The Kremlin denied reports that X met Y ... Turkish media had reported that the two leaders
    # held secret talks": a meeting only reported by others, of people the text says did not meet
    events = [
        e
        for e in events
        if not (
            id(e) in reported
            and e.kind == "meet"
            and any(u.kind == "meet" and len(e.leaders) >= 2 and set(e.leaders) <= set(u.leaders) for u in unreal)
        )
    ]
    # "A satirical site wrote that X met Y in a sauna ... A spokesman said no such meeting had
    # taken place": the meeting just told is the one denied
    denials = [
        k
        for k, p in parsed(ctx).items()
        if ctx.sents[k].para != -1
        and any(
            t.upos == "NOUN"
            and L.has("meet_nouns", t)
            and _denied_encounter(ctx, L, Pred("meet", k, p, t, _governors(p, t)))
            for t in p.toks
        )
    ]
    events = [
        e
        for e in events
        if not (
            e.kind == "meet"
            # (a meeting of another year, dated, is not the one denied: "a photo from October 2025 ...
            # there was no meeting last week")
            and (e.status == "held" or (e.status == "past" and e.date is None))
            and any(0 <= d - e.k <= 2 for d in denials)
        )
    ]
    events = _same_day(
        ctx, _cancelled(ctx, _unsupported_headlines(ctx, _denied_headlines(ctx, _legs(events, unreal), unreal)))
    )
    # "The pen Macron gave Modi during his visit to New Delhi was stolen": an undated encounter told
    # only to describe a thing, and nowhere else in the text, is background, not a held event; and
    # so is one the person interviewed recounts with no time, unless the interview tells a dated
    # encounter of theirs ("You were in Riga on Tuesday": the trip the answers are about)
    news = [
        o
        for o in events
        if o.status == "held"
        and o.date is not None
        and not o.recounted
        and (o.kind == "visit" or len(set(o.leaders)) > 1)
    ]
    return [
        replace(e, status="past")
        if (
            e.described
            and e.status == "held"
            and e.date is None
            and e.kind in ("meet", "visit")
            and not any(o is not e and o.status == "held" and set(o.leaders) & set(e.leaders) for o in events)
        )
        or (e.recounted and e.status == "held" and not any(set(e.leaders) & set(o.leaders) for o in news))
        else e
        for e in events
    ]


def _denied_encounter(ctx: Ctx, L: Lex, pr: Pred) -> bool:
    """A meeting noun denied with nobody named in it ("ein solches Treffen habe es nicht gegeben",
    "el encuentro nunca existió", "il n'y avait jamais eu de rencontre", "никакой встречи не было"):
    it denies the meeting the text has just told (not "a meeting with the opposition did not take
    place": the noun names its own participants)."""
    if not _negated(ctx, L, pr):
        return False
    if _modality(ctx, L, pr) in ("plan", "hope") or _future(ctx, L, pr):
        return False  # "no further meeting has been scheduled": another one, to come
    p = pr.p
    if any(c.deprel == "cop" for c in p.children(pr.head.i)):
        return False  # "it was no ordinary meeting", "это была не первая встреча": said of one held
    spans = [h.start for h in ctx.leader_hits] + [x.m.start for x in titles(ctx)]
    heads = [pr.head] + [g for g in pr.gov[:1] if not g.deprel.startswith("~")]
    # the clause names nobody: not "the agriculture minister did not take part in the meeting",
    # "there was no meeting between X and Z", "X and Y have yet to hold a meeting" (the clause's
    # own words: not a clause joined to it, "..., the chancellor was in Berlin")
    top = ([pr.head] + [g for g in pr.gov if not g.deprel.startswith("~")])[-1]
    while top.head and (
        top.deprel == "xcomp"
        or top.feats.get("VerbForm") == "Inf"
        or any(c.deprel == "mark" and c.upos == "PART" for c in p.children(top.i))  # ("to", "zu")
    ):
        top = p.tok(top.head)  # "have yet to hold a meeting": the clause of "have"
    other = {"parataxis", "conj", "advcl", "ccomp", "csubj", "acl:relcl", "punct", "cc"}
    if pr.head.deprel.startswith("nsubj"):
        other |= {"nsubj", "nsubj:pass"}  # (a second subject is the parser's: "..., а глава государства находился")
    clause = [top] + [x for c in p.children(top.i) if c.deprel not in other or c.i == pr.head.i for x in p.subtree(c.i)]
    plural = [(m.start, m.end) for m in ctx.triggers.get("plural_leaders", ())]
    if any(a <= x.start < b for x in clause for a, b in plural):
        return False  # "no meeting between the two": of people the clause names
    if any(x.start <= sp < x.end for x in clause for sp in spans) or any(
        x.upos == "PRON"
        and (
            (x.deprel in ("obl", "nmod") and any(c.deprel == "case" for c in p.children(x.i)))  # "between them"
            or (x.deprel.startswith("nsubj") and x.feats.get("Number") == "Plur")  # "they have yet to meet"
        )
        for x in clause
    ):
        return False
    if any(
        c.deprel in ("obl", "nmod") and _case_of(p, c) in L.words.get("companion_case", ())
        for v in heads
        for c in p.children(v.i)
    ):
        return False  # "Moscow is not negotiating with Malabo": talks of its own, with someone
    if any(
        (case := _case_of(p, c)) in L.words.get("topic_case", ()) and case not in GENITIVE
        for v in heads
        for c in p.children(v.i)
        if c.deprel in ("obl", "nmod")
    ):
        return False  # "no talks on a naval base": talks about something, not the meeting told
    if any(c.deprel == "amod" and L.has("rank_adjectives", c) for c in p.children(pr.head.i)):
        return False  # "no royal audience was on the programme": one with the king, not the meeting told
    for c in p.children(pr.head.i):
        if c.deprel not in ("nmod", "nmod:poss", "acl", "acl:relcl", "conj", "appos"):
            continue
        sub = p.subtree(c.i)
        if (
            any(x.deprel == "case" and L.has("companion_case", x) for x in p.children(c.i))
            or any(x.upos == "PRON" and x.deprel != "det" for x in sub)
            or any(x.start <= sp < x.end for x in sub for sp in spans)
        ):
            return False  # (but "aucune rencontre de ce genre": a kind, nobody)
    s = ctx.sents[pr.k]
    # (a day named: "there was no meeting on Tuesday" tells of another occasion)
    return not any(s.start <= d.start < s.end for d in ctx.dates)


def _legs(events: list[Event], unreal: list[Event]) -> list[Event]:
    """ "will travel to Savai'i, before flying to Nuku'alofa": a leg told after another of the
    same traveller in its sentence is in that leg's time (planned with a planned trip, made with
    a made one); one after a leg the text denies or only wishes is none."""
    out: list[Event] = []
    for ev in events:
        if not ev.onward:
            out.append(ev)
            continue
        legs = [
            e
            for e in (*events, *unreal)
            if e is not ev
            and e.k == ev.k
            and e.start < ev.start
            and e.kind == "visit"
            and set(ev.subject) & set(e.subject or e.leaders)
        ]
        if not legs:
            out.append(ev)  # "after flying to X, he met Y": in its own clause's time
            continue
        if legs[-1] in unreal:
            continue
        date = ev.date
        if legs[-1].status == "planned" and date is not None and date.ahead:
            date = replace(date, value=date.ahead, ahead=None)  # "before flying on Thursday": the coming one
        out.append(replace(ev, status=legs[-1].status, date=date))
    return out


def _reported(ctx: Ctx, pr: Pred) -> bool:
    """The predicate's clause is what a verb of saying or reporting tells ("media reported that
    ...", "сообщили, что ...", "berichtete, dass ...")."""
    L = lex(ctx.lang)
    return any(
        g.deprel == "~ccomp" and (_says(g) or _says(g, "credit_verbs") or L.has("report_verbs", g)) for g in pr.gov
    )


def _successive_hosts(ctx: Ctx, L: Lex, ev: Event) -> list[Event]:
    """ "X was received by the king at the Zarzuela and, a few hours later, by the prime minister at
    the Moncloa", "reçu par le roi Philippe puis par Bart De Wever": two hosts of one state, one
    after the other, are two meetings with the guest, each at the place told after its host."""
    if ev.kind != "meet" or len(ev.leaders) < 3:
        return [ev]
    s = ctx.sents[ev.k]
    pos: dict[str, int] = {}
    for h in ctx.leader_hits:
        if s.start <= h.start < s.end and h.lid in ev.leaders:
            pos.setdefault(h.lid, h.start)
    by_state: dict[str, list[str]] = {}
    for lid in ev.leaders:
        st = ctx.leader_info.get(lid, {}).get("state")
        if st:
            by_state.setdefault(st, []).append(lid)
    hosts = [lids for lids in by_state.values() if len(lids) == 2]
    if len(hosts) != 1 or len(by_state) != 2 or not all(x in pos for x in hosts[0]):
        return [ev]
    a, b = sorted(hosts[0], key=lambda x: pos[x])
    between = fold(ctx.text[pos[a] : pos[b]])
    if not any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", between) for w in L.words.get("next_words", ())):
        return [ev]
    guests = [x for x in ev.leaders if x not in (a, b)]

    def place_after(start: int, end: int) -> tuple[str, Match] | None:
        return next((pl for pl in sorted(ev.places, key=lambda pl: pl[1].start) if start <= pl[1].start < end), None)

    out = []
    for host, (start, end) in ((a, (pos[a], pos[b])), (b, (pos[b], s.end))):
        place = place_after(start, end)
        out.append(
            replace(
                ev,
                leaders=[x for x in ev.leaders if x in guests or x == host],
                subject=[x for x in ev.subject if x in guests or x == host],
                place=place,
                places=[place] if place else [],
            )
        )
    return out


def _separate_companions(ctx: Ctx, L: Lex, pr: Pred, ev: Event) -> list[Event]:
    """ "X held bilateral meetings with Y and Z", "des entretiens séparés avec Y et Z", "getrennte
    Gespräche mit Y und Z", "se reunió por separado con Y y Z", "провел двусторонние встречи с Y и Z":
    one subject, companions of two or more other states, and a word saying each met alone (the
    bilateral one of a plural meeting noun, or key ``separate_words``) are one meeting per companion,
    and so are companions met one after the other (key ``in_turn_words``: "back-to-back talks with Y
    and Z", "empfing nacheinander Y und Z"). Not "X held talks with Y and Z" (one meeting of three), nor "X and Y held bilateral talks"."""
    if ev.kind != "meet" or len(ev.subject) != 1 or len(ev.leaders) < 3:
        return [ev]
    me = ev.subject[0]
    others = [x for x in ev.leaders if x != me]
    states = [ctx.leader_info.get(x, {}).get("state") for x in others]
    mine = ctx.leader_info.get(me, {}).get("state")
    if None in states or len(set(states)) != len(states) or mine in states:
        return [ev]
    p = pr.p
    heads = [pr.head, *[g for g in pr.gov if not g.deprel.startswith("~")][:1]]
    words = [c for h in heads for c in p.children(h.i) if c.deprel in ("amod", "advmod", "obl", "nmod", "xcomp")]
    plural = pr.head.upos == "NOUN" and (
        pr.head.feats.get("Number") == "Plur" or fold(pr.head.form) != fold(pr.head.lemma)
    )
    if not (
        any(L.has("separate_words", c) or any(L.has("separate_words", x) for x in p.children(c.i)) for c in words)
        or (plural and any(L.has("bilateral_words", c) for c in words))
        # "back-to-back talks with Y and Z", "empfing nacheinander Y und Z": one after the other
        # (only the noun's or the verb's own word: not "after back-to-back flights")
        or any(_in_turn(ctx, L, p, c) for h in heads for c in p.children(h.i))
    ):
        return [ev]
    return [replace(ev, leaders=[me, x]) for x in others]


def _in_turn(ctx: Ctx, L: Lex, p: Parse, c: Tok) -> bool:
    """A word of the meeting noun or its verb, or the phrase a word heads ("back-to-back", which the
    English tokenizer splits in five), saying its companions were met one after the other (key
    ``in_turn_words``)."""
    if c.deprel not in ("amod", "advmod", "compound"):
        return False
    if (
        ctx.lang == "de"
        and c.head
        and c.i < c.head
        and any(x.i < c.i and x.deprel not in ("punct", "cc", "mark") for x in p.children(c.head))
    ):
        # German holds one phrase before its verb: "Nach zwei Flügen hintereinander empfing er ..."
        # is one phrase (the flights were one after the other), whatever the parser hung the adverb on
        return False
    if L.has("in_turn_words", c):
        return True
    sub = p.subtree(c.i)
    return fold(ctx.text[min(t.start for t in sub) : max(t.end for t in sub)]) in L.words.get("in_turn_words", ())


def _unsupported_headlines(ctx: Ctx, events: list[Event]) -> list[Event]:
    """A headline that names an encounter ("Le tête-à-tête Macron-Xi à Marseille, une idée restée
    dans les cartons", "La anunciada cumbre Milei-Trump", "Wax museum brings together X and Y")
    states no event by itself: it stands when the body tells an encounter of its people (one of them at
    least: the body may name the other in a way not read), held or to come, or one in the same
    place; else it names a topic (a rumour, a plan that died, a correction)."""
    body = [e for e in events if ctx.sents[e.k].para != -1 and e.kind in ("meet", "visit", "agree")]
    out = []
    for e in events:
        people = set(e.leaders)
        if (
            ctx.sents[e.k].para == -1
            and e.kind in ("meet", "visit")
            and people
            # (a verb that plans or dates it says more: "X and Y will meet in Banjul on 9 November")
            and (e.noun or (e.status == "held" and e.date is None))
        ):
            pid = e.place[0] if e.place else None
            if not any(
                people & set(b.leaders) and (b.status != "past" or (pid and b.place and b.place[0] == pid))
                for b in body
            ):
                continue
        out.append(e)
    return out


def _dated_before(ctx: Ctx, pr: Pred) -> bool:
    """A verb whose own clause dates it to a month or year before the publication's ("en novembre
    dernier", "в ноябре прошлого года", "in 2023"): an earlier event, whatever the article's kind."""
    if pr.head.upos != "VERB" or not ctx.pub:
        return False
    dom, _ = _pred_domain(pr, lex(ctx.lang))
    for d in _dates(ctx, pr, dom):
        if d.value[:1] == "-" or d.precision not in ("month", "year"):
            continue
        if d.value[: len(d.value)] < ctx.pub[: len(d.value)]:
            return True
    return False


def _denied_headlines(ctx: Ctx, events: list[Event], unreal: list[Event]) -> list[Event]:
    """ "Rencontre Tebboune-Macron : Alger dément tout calendrier": a headline event whose people
    the body says will not meet (or only hope to) names a topic, not an event - unless the body
    also tells that event as real."""
    if not unreal:
        return events
    real = [set(e.leaders) for e in events if ctx.sents[e.k].para != -1 and e.kind == "meet"]
    out = []
    for e in events:
        if (
            e.kind == "visit"
            and e.status != "planned"  # '"X will make a state visit to C," his office said': a plan
            and (ctx.sents[e.k].para == -1 or _quoted(ctx, e.start))
            and e.leaders
            and any(
                u.kind == "visit"
                and set(e.leaders) <= set(u.leaders)
                and {pid for pid, _ in e.places} & {pid for pid, _ in u.places}
                for u in unreal
            )
        ):
            # our report headlined "Carney makes state visit to Manila" ... "Carney did not go to
            # Manila": a title the body denies, traveller and place alike
            continue
        if (
            ctx.sents[e.k].para == -1
            and len(e.leaders) >= 2
            # (of the same kind: "Faye invited De Wever to visit Senegal" denies no meeting of theirs)
            and any(set(e.leaders) <= set(u.leaders) and u.kind == e.kind for u in unreal)
            and not any(set(e.leaders) <= r for r in real)
        ):
            continue
        out.append(e)
    return out


_QUOTE_PAIRS = (('"', '"'), ("“", "”"), ("«", "»"), ("„", "“"))


def _quoted(ctx: Ctx, pos: int) -> bool:
    """The offset ``pos`` lies between an opening and a closing quotation mark of its sentence."""
    s = ctx.sents[ctx.sent_of(pos)]
    before, after = ctx.text[s.start : pos], ctx.text[pos : s.end]
    for op, cl in _QUOTE_PAIRS:
        if op == cl:
            if before.count(op) % 2 == 1 and cl in after:
                return True
        elif before.rfind(op) > before.rfind(cl) and cl in after:
            return True
    return False


def encounter(ctx: Ctx, preds: list[Pred]) -> str:
    """The kind of encounter the headline and lead report: "call" (phone or video), "letter"
    (a letter or message), "interview" (a leader interviewed by a medium) or "in person"."""
    L = lex(ctx.lang)
    lead = set(lead_ks(ctx))
    calls = [pr for pr in preds if pr.kind == "call" and pr.k in lead and not _someone_elses_call(ctx, pr)]
    if calls and not _other_encounter_first(ctx, preds, calls):
        return "call"
    words = [t for k in lead if k in parsed(ctx) for t in parsed(ctx)[k].toks]
    if any(
        L.has("letter_words", t) and t.upos in ("NOUN", "VERB") and _leader_letter(ctx, k, parsed(ctx)[k], t)
        for k in lead
        if k in parsed(ctx)
        for t in parsed(ctx)[k].toks
    ) and not any(pr.kind in ("meet", "visit") and pr.k in lead and pr.head.upos == "VERB" for pr in preds):
        return "letter"
    if any(L.has("interview_words", t) and not L.has("meet_nouns", t) and t.upos == "NOUN" for t in words):
        return "interview"
    return "in person"


def _someone_elses_call(ctx: Ctx, pr: Pred) -> bool:
    """A call verb whose subject is a common noun that is no title, in a sentence naming no
    leader ("Los empresarios ... lo llamaron el mejor resultado", "Exporters called it ..."): not
    a leader's call, so not what the article reports (a leader named, "the two leaders", a title
    or a pronoun may be one)."""
    p, t = pr.p, pr.head
    if t.upos not in ("VERB", "AUX"):
        return False
    s = ctx.sents[pr.k]
    if any(s.start <= h.start < s.end and h.explicit for h in ctx.leader_hits) or ctx.has("plural_leaders", pr.k):
        return False
    subj = [c for c in p.children(t.i) if c.deprel in ("nsubj", "nsubj:pass")]
    if not subj and t.deprel == "conj" and t.head:
        subj = [c for c in p.children(t.head) if c.deprel in ("nsubj", "nsubj:pass")]
    spans = [(h.m.start, h.m.end) for h in titles(ctx)]
    return bool(subj) and all(c.upos == "NOUN" and not any(a <= c.start < b for a, b in spans) for c in subj)


def _leader_letter(ctx: Ctx, k: int, p: Parse, t: Tok) -> bool:
    """A letter word of a leader's: its sentence names a leader, and a verb of writing has no
    common noun for its subject ("Several readers wrote in about our report": no leader's letter)."""
    s = ctx.sents[k]
    if not any(s.start <= h.start < s.end for h in ctx.leader_hits):
        return False
    return t.upos != "VERB" or not any(c.deprel == "nsubj" and c.upos == "NOUN" for c in p.children(t.i))


def _other_encounter_first(ctx: Ctx, preds: list[Pred], calls: list[Pred]) -> bool:
    """The lead tells a meeting before its call, and the call is not between the people who met
    ("X held talks in Moscow with Y ... Earlier, Putin spoke by phone with Z", "X and Y chaired the
    summit ... In the evening Y held a video summit with Z"): the article reports the meeting; the
    call is a second, separate event."""
    first = min(pr.k for pr in calls)
    met: set[str] = set()
    for pr in preds:
        if pr.kind in ("meet", "visit") and pr.k < first and pr.k in set(lead_ks(ctx)):
            ev = _event(ctx, pr)
            if ev is not None and len(ev.leaders) >= 2:
                met |= set(ev.leaders)
    if not met:
        return False
    called: set[str] = set()
    for pr in calls:
        ev = _event(ctx, pr)
        if ev is not None:
            called |= set(ev.leaders)
        else:
            # (a call the clause rules could not staff: the leaders its sentence names, "Merz habló
            # después por teléfono con Tusk")
            s = ctx.sents[pr.k]
            called |= {h.lid for h in ctx.leader_hits if s.start <= h.start < s.end}
    return bool(called) and not called <= met


def _in_person(ctx: Ctx, L: Lex, pr: Pred) -> bool:
    p = pr.p
    if any(L.has("in_person", t) for t in p.toks):
        return True
    if any(L.has("visit_verbs", g) and not g.deprel.startswith("~") for g in pr.gov):
        return True  # "will travel to Moscow for talks with ...": one goes there to meet
    dom, _ = _pred_domain(pr)
    places, _ = _places(ctx, L, pr, dom)
    return any(ctx.places[pid]["kind"] != "city" for pid, _ in places)


def _after_event(L: Lex, p: Parse, t: Tok) -> bool:
    """The event noun is over before the clause it frames: its preposition (or the fixed noun it
    hangs on) is both a framing word and a word of sequence ("after", "à l'issue de", "tras",
    "nach", "по итогам"), unlike "during" (at the same time) or "before" (later)."""
    frame = p.tok(t.head) if t.head else None
    cases = [c for c in p.children(t.i) if c.deprel == "case"]
    # (with the words fixed to the preposition: "al término de" read as one)
    words = cases + [x for c in cases for x in p.children(c.i) if x.deprel == "fixed"]
    words += [frame] if frame is not None and frame.upos in ("NOUN", "ADV") else []
    return any(L.has("during", w) and L.has("sequence_words", w) for w in words)


def _after_phrase(L: Lex, p: Parse, t: Tok) -> set[int]:
    """The tokens of the phrase "after <event noun>" (with the fixed noun of "à la suite de", "al
    término de" when the parser hangs the time on that noun): what is told of the earlier event."""
    frame = p.tok(t.head) if t.head else None
    top = frame if frame is not None and frame.upos in ("NOUN", "ADV") and L.has("during", frame) else t
    return {x.i for x in p.subtree(top.i)}


def _during(L: Lex, p: Parse, t: Tok) -> bool:
    if t.upos not in ("NOUN", "PROPN"):
        return False
    for c in p.children(t.i):
        if c.deprel == "case" and (
            L.has("during", c)
            or any(x.deprel == "fixed" and L.has("during", x) and L.has("sequence_words", x) for x in p.children(c.i))
        ):
            return True  # "during"; "al término de", a preposition with its fixed words (not "в ходе": the plain "during" it fixes)
    frame = p.tok(t.head) if t.head else None
    if (
        frame is not None
        and frame.upos == "NOUN"
        and L.has("during", frame)
        and (frame.deprel.startswith(("obl", "nmod", "advmod")) or any(c.deprel == "case" for c in p.children(frame.i)))
    ):
        # "lors de", "au cours de", "в ходе", "по итогам": the fixed preposition's noun (not
        # "discussed the results of the talks", where the noun is a thing talked about)
        return True
    if (
        frame is not None
        and frame.upos == "ADV"
        and t.deprel in ("obl", "nmod")
        and L.has("during", frame)
        and L.has("sequence_words", frame)
    ):
        return True  # "después de la reunión": the adverb of sequence the parser hangs the noun on
    return False


def _bearing(ctx: Ctx, start: int) -> bool:
    """ "southwest of Tokyo", "au nord de Lyon", "südlich von München": a city named only to give
    the bearings of the place."""
    before = [fold(w) for w in re.findall(r"\w+", ctx.text[max(0, start - 25) : start])][-3:]
    return any(w in lex(ctx.lang).words.get("compass_words", frozenset()) for w in before)


def city_of(ctx: Ctx, pid: str, ks: list[int]) -> str | None:
    """The city a venue is in: a city of the venue's state named in the same sentences (a city
    named elsewhere may be a metonym or another stop of the trip)."""
    if ctx.places[pid]["kind"] == "city":
        return pid
    if ctx.places[pid].get("city"):
        return ctx.places[pid]["city"]  # a seat of government placed by a city just named
    ref = rd.places().get(pid)
    if ref is not None and ref.city and ref.city in rd.places():
        # the reference data knows where the venue is (the Akorda is in Astana)
        c = rd.places()[ref.city]
        ctx.places.setdefault(c.id, {"name": c.name, "kind": c.kind, "state": c.state})
        return c.id
    st = ctx.places[pid]["state"]
    if not st:
        return None
    named = [
        (cid, m)
        for cid, m in ctx.place_hits
        if ctx.places[cid]["kind"] == "city" and ctx.places[cid]["state"] == st and not _bearing(ctx, m.start)
    ]
    near = [cid for cid, m in named if ctx.sent_of(m.start) in ks]
    return near[0] if near else None


# -- facts -----------------------------------------------------------------------------------
def _states_of(ctx: Ctx, ids: list[str]) -> set[str]:
    return {ctx.leader_info[i]["state"] for i in ids if ctx.leader_info[i]["state"]}


def _compatible(a: DateMention | None, b: DateMention | None) -> bool:
    return a is None or b is None or a.value == b.value or a.value.startswith(b.value) or b.value.startswith(a.value)


def is_office(pid: str) -> bool:
    """An unnamed actor written ``ISO3:role``."""
    return len(pid) > 4 and pid[3] == ":" and pid[:3].isupper()


def _event_city(ctx: Ctx, ev: Event) -> str | None:
    for pid, _ in ev.places:
        c = pid if ctx.places[pid]["kind"] == "city" else city_of(ctx, pid, [ev.k])
        if c:
            return c
    return None


def _unplaced(ctx: Ctx, pid: str) -> bool:
    """A place neither the reference data nor GeoNames knows (its id names no state, whatever
    state the article lends it)."""
    return ctx.places[pid].get("state") is None or pid.endswith("@")


def _told_there(ctx: Ctx, evs: list[Event], ev: Event) -> bool:
    """``ev``'s places may be where the events ``evs`` were told: they have none yet, or one of
    ``ev``'s is theirs or in their known city, or is a place the data knows of no other city ("The
    meeting took place at the White House"). Not a name the data does not know at all ("в МИД")
    after a meeting told elsewhere."""
    theirs = {pid for e in evs for pid, _ in e.places}
    if not theirs:
        return True
    cities = {c for e in evs if (c := _event_city(ctx, e)) and ctx.places[c].get("state")}
    for pid, _ in ev.places:
        if pid in theirs:
            return True
        c = pid if ctx.places[pid]["kind"] == "city" else city_of(ctx, pid, [ev.k])
        if c and ctx.places[c].get("state") and (c in cities or not cities):
            return True
    return False


def _same_city(ctx: Ctx, evs: list[Event], ev: Event) -> bool:
    """A dinner in Paris and talks in Marseille are two meetings, whoever took part. A place the
    reference data does not know, of no known state ("à Urugwiro Village", after "à Kigali"), may
    be a venue in the city named: no other city."""
    mine = _event_city(ctx, ev)
    theirs = {c for e in evs if (c := _event_city(ctx, e))}
    if mine is not None and _unplaced(ctx, mine):
        mine = None
    theirs = {c for c in theirs if not _unplaced(ctx, c)}
    return mine is None or not theirs or mine in theirs


def _venue_date(ctx: Ctx, ids: list[str], pid: str, told: set[int] = frozenset()) -> DateMention | None:
    """An undated meeting at a venue: the day of the one sentence (a caption, often) that names the
    same venue, all its participants and a day already past ("X and Y on 13 September at the
    Vostochny cosmodrome"). Not the sentences ``told`` that tell the meeting itself: a day there
    that its clause did not take is another clause's ("reported on Sunday that X met Y")."""
    if ctx.places[pid]["kind"] == "city" or len(ids) < 2:
        return None
    found: dict[str, DateMention] = {}
    for k, s in enumerate(ctx.sents):
        if k in told:
            continue
        if not any(q == pid and s.start <= m.start < s.end for q, m in ctx.place_hits):
            continue
        here = {h.lid for h in ctx.leader_hits if s.start <= h.start < s.end}
        if not set(ids) <= here:
            continue
        for d in ctx.dates:
            if (
                s.start <= d.start < s.end
                and d.precision == "day"
                and not (ctx.dateline and ctx.dateline[0] <= d.start < ctx.dateline[1])
                and not _since(ctx, d)
                and not _until(ctx, d)
                and not (ctx.pub and d.value[:1] != "-" and len(ctx.pub) >= 10 and d.value > ctx.pub)
            ):
                found[d.value] = d
    return next(iter(found.values())) if len(found) == 1 else None


def _summaries(ctx: Ctx, events: list[Event]) -> list[Event]:
    """Headline meetings of three or more that the body tells as separate meetings ("X meets Y and
    Z": X met Y, then X met Z): the headline sums them up, it is no joint meeting."""
    out = []
    body = [
        e for e in events if e.kind == "meet" and ctx.sents[e.k].para != -1 and len(_states_of(ctx, e.leaders)) >= 2
    ]
    for h in events:
        if h.kind != "meet" or ctx.sents[h.k].para != -1 or len(set(h.leaders)) < 3:
            continue
        ids = set(h.leaders)
        parts = [
            set(e.leaders)
            for e in body
            if e.status == h.status and _compatible(h.date, e.date) and set(e.leaders) < ids
        ]
        distinct = [a for i, a in enumerate(parts) if not any(_same_party(a, b) for b in parts[:i])]
        if len(distinct) >= 2 and set().union(*distinct) >= ids:
            out.append(h)
    return out


def _office_named(ctx: Ctx, ids: set[str], g: dict, ev: Event) -> bool:
    """ "X last met a Japanese prime minister in 2025 in Yokohama, where he held talks with
    Ishiba": in one sentence, the same people but for an unnamed office on one side and a person
    of that state holding that office on the other are one meeting."""
    if not any(e.k == ev.k for e in g["events"]):
        return False
    a, b = ids - g["ids"], g["ids"] - ids
    if len(a) != 1 or len(b) != 1:
        return False
    x, y = next(iter(a)), next(iter(b))
    office, person = (x, y) if is_office(x) else (y, x)
    if not is_office(office) or is_office(person):
        return False
    info = ctx.leader_info[person]
    return info["state"] == office[:3] and role_fits(office[4:], info.get("role"))


def _same_party(a: set[str], b: set[str]) -> bool:
    """The same participants, or one more named in one mention: a welcome of four leaders at a
    summit and a bilateral of two of them are two meetings."""
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return small <= big and len(big) - len(small) <= 1


def _duration(ctx: Ctx, ks: list[int]) -> str | None:
    """ "The talks lasted five hours": a duration in a sentence of the meeting that says how long
    (a duration word such as "lasted", "durée", "dauerte", "продлились")."""
    from relgraph.loaders.dates import duration

    for k in ks:
        s = ctx.sents[k]
        if ctx.has("duration_intro", k):
            d = duration(ctx.text[s.start : s.end], ctx.lang)
            if d:
                return d
    return None


def meetings(ctx: Ctx, events: list[Event], sector_hits: list[Match]) -> list[MeetingFact]:
    """One meeting per (participants, status, date): the same meeting mentioned again is one."""
    groups: list[dict] = []
    summaries = _summaries(ctx, events)
    prev: Event | None = None
    for ev in events:
        before, prev = prev, ev
        if ev in summaries:
            continue
        if ev.kind == "meet" and not ev.leaders and ev.place is None and not ev.places:
            # "The talks on Wednesday lasted an hour": the meeting told just before (no call, no
            # other event between), in that paragraph, when its telling gave no day
            g = groups[-1] if groups else None
            if (
                g is not None
                and before is not None
                # (or a trip told in the same sentence as that meeting: "X met Y in Pretoria, the
                # first visit by a Malaysian leader in a decade")
                and any(e is before or (before.kind == "visit" and e.k == before.k) for e in g["events"])
                # (or opening the paragraph after the lead that told it: "X a eu un entretien avec Y
                # en marge du sommet. [new paragraph] La rencontre s'est tenue dimanche matin")
                and (ctx.sents[before.k].para == ctx.sents[ev.k].para or _lead_goes_on(ctx, before.k, ev.k))
                and ev.k - before.k <= 1
                and g["status"] == ev.status
                and g["date"] is None
            ):
                g["events"].append(ev)
                g["date"] = ev.date
            continue
        if ev.kind == "meet" and ev.anaphoric:
            # "after that meeting", "cette rencontre": the one told before, whatever its status
            prior = [g for g in groups if not ev.leaders or set(ev.leaders) & g["ids"]]
            if prior:
                prior[-1]["events"].append(ev)
            continue
        if (
            ev.kind == "meet"
            and ev.noun
            and not ev.leaders
            and groups
            and groups[-1]["status"] == ev.status
            and not _days_apart(groups[-1]["date"], ev.date, 2)  # ("- 22 April: officials begin talks")
        ):
            if ev.places and not _told_there(ctx, groups[-1]["events"], ev):
                # "Переговоры в МИД продолжались три часа", after a deputy prime minister's meeting
                # told elsewhere: talks named by a place the meeting just told was not in are
                # another meeting's (which one, the text does not say here)
                continue
            # "the talks are to be held in ... on ...": the meeting just reported, named again;
            # the date in the noun's own clause is the meeting's (the one before may be the trip's)
            groups[-1]["events"].append(ev)
            groups[-1]["date"] = ev.date or groups[-1]["date"]
            continue
        if ev.kind == "meet" and ev.during and groups and groups[-1]["status"] == ev.status:
            # "during the talks, attended by ...": the talks just reported; who else was there
            groups[-1]["events"].append(ev)
            continue
        if ev.kind != "meet" or len(_states_of(ctx, ev.leaders)) < 2:
            continue
        ids = set(ev.leaders)
        same = next(
            (
                g
                for g in groups
                if g["status"] == ev.status
                and _compatible(g["date"], ev.date)
                and (_same_party(ids, g["ids"]) or _office_named(ctx, ids, g, ev))
                and _same_city(ctx, g["events"], ev)
                # a bilateral beside a meeting of three or more ("after the trilateral summit, X and
                # Y held bilateral talks"): two meetings
                and not (ev.pairwise and len(g["ids"]) > 2)
                and not (len(ids) > 2 and any(e.pairwise for e in g["events"]))
            ),
            None,
        )
        if same is None:
            groups.append({"ids": ids, "order": list(ev.leaders), "status": ev.status, "date": ev.date, "events": [ev]})
        else:
            same["events"].append(ev)
            for x in ev.leaders:
                if x not in same["ids"]:
                    same["ids"].add(x)
                    same["order"].append(x)
            # an office and the person of its state the same sentence names: the person
            named = {ctx.leader_info[x]["state"] for x in same["ids"] if not is_office(x)}
            for x in [x for x in same["order"] if is_office(x) and x[:3] in named]:
                same["ids"].discard(x)
                same["order"].remove(x)
            same["date"] = (
                same["date"] if same["date"] and same["date"].precision == "day" else (ev.date or same["date"])
            )
    # a headline's present ("Steinmeier empfängt Mahama im Schloss Bellevue") tells no status: the
    # body's meeting of the same people (planned for Wednesday, or held on Monday) is the one
    body = [g for g in groups if any(ctx.sents[e.k].para != -1 for e in g["events"])]
    groups = [
        g
        for g in groups
        if g in body
        or g["date"] is not None
        or not any(
            b["status"] != g["status"] and b["status"] != "past" and _same_party(b["ids"], g["ids"]) for b in body
        )
    ]
    out = []
    for g in groups:
        evs = g["events"]
        places = [pl for e in evs for pl in e.places]
        city_states = {ctx.places[pid]["state"] for pid, _ in places if ctx.places[pid]["kind"] == "city"} - {None}
        if city_states:
            # "in Warsaw, where Tusk received him in the chancellery": a venue of another state
            # than the city named (Berlin's "Kanzleramt") is a name that fits two buildings
            places = [
                pl
                for pl in places
                if ctx.places[pl[0]]["kind"] == "city"
                or ctx.places[pl[0]]["state"] in city_states
                or ctx.places[pl[0]]["state"] is None
            ]
        venues = list(dict.fromkeys(pid for pid, _ in places if ctx.places[pid]["kind"] != "city"))
        cities = list(dict.fromkeys(pid for pid, _ in places if ctx.places[pid]["kind"] == "city"))
        if len(venues) > 1 and cities:
            pid = cities[0]  # talks here, a dinner there: the city is what is sure
        else:
            pid = venues[0] if venues else (cities[0] if cities else None)
        if not cities and pid:
            city = city_of(ctx, pid, ks=[e.k for e in evs])
            cities = [city] if city else []
        ks = list(dict.fromkeys(e.k for e in evs))
        secs = sorted(
            {
                h.value
                for h in sector_hits
                for k in ks
                if ctx.sents[k].start <= h.start < ctx.sents[k].end and h.value != "-"
            }
        )
        date = g["date"] or (
            _venue_date(ctx, g["order"], pid, {e.k for e in evs}) if g["status"] == "held" and pid else None
        )
        out.append(
            MeetingFact(
                participants=tuple(ctx.leader_info[i]["name"] for i in g["order"]),
                place=ctx.places[pid]["name"] if pid else None,
                place_id=pid,
                date=date.value if date else None,
                precision=date.precision if date else None,
                duration=_duration(ctx, ks),
                status=g["status"],
                sectors=tuple(secs),
                evidence=tuple(ctx.sent_ev(k) for k in ks[:MAX_EVIDENCE]),
                participant_ids=tuple(g["order"]),
                city_id=cities[0] if cities else None,
            )
        )
    return out


def on_the_report_day(ctx: Ctx, facts: list[MeetingFact]) -> list[MeetingFact]:
    """A held meeting told with no time at all, in a report whose held meetings are all on one day
    ("X and Y held talks on Tuesday ... Fue el primer encuentro entre ambos", a headline's "X holds
    talks with Y"): it was held on that day, when its people's states are those of that day's
    meetings. Not when the report tells held meetings on two days (which one, the text does not
    say), nor when its sentences name another time ("in 2019")."""
    dated = [m for m in facts if m.status == "held" and m.precision == "day"]
    days = {m.date for m in dated}
    if len(days) != 1:
        return facts
    (day,) = days
    # the states of that day's meetings: a meeting of another state's people is another story
    # (a digest's next item, "a trip to India ..., where Biden met Modi")
    states = {ctx.leader_info[x]["state"] for m in dated for x in m.participant_ids}
    out = []
    for m in facts:
        if m.status == "held" and m.date is None and {ctx.leader_info[x]["state"] for x in m.participant_ids} <= states:
            ks = {ctx.sent_of(e.start) for e in m.evidence}
            if not any(ctx.sent_of(d.start) in ks and d.value != day for d in ctx.dates):
                m = replace(m, date=day, precision="day")
        out.append(m)
    return out


def out_of_office(ctx: Ctx) -> set[str]:
    """People the text calls former office holders ("the former Swiss president X", "des früheren
    Bundesrats X", "el expresidente costarricense X", "бывший президент X": a former-word among
    the few words before the name, no other name in between) and whom the reference data do not
    know in any office on the publication day: they hold none, and act for no state."""
    L = lex(ctx.lang)
    words = L.words.get("former_office", frozenset())
    if not words:
        return set()
    toks = ctx.toks
    ends = {h.end for h in ctx.leader_hits}
    pub = (ctx.pub or "")[:10]
    out: set[str] = set()
    for h in ctx.leader_hits:
        if not h.explicit or h.lid in out:
            continue
        info = rd.leaders().get(h.lid)
        if info is not None and (not pub or any(not end or end >= pub for _, _, end in info.roles)):
            continue  # in office (or the day unknown): "former" is another office of his
        sent = ctx.sents[ctx.sent_of(h.start)]
        near = fold(ctx.text[max(sent.start, h.start - 80) : min(sent.end, h.end + 80)])
        if any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", near) for w in L.words.get("now_words", ())):
            continue  # "former defence minister X, now secretary of the Security Council": in office
        appos = re.match(r",\s+([^\W\d_]+)[^,.;:]{0,80},", ctx.text[h.end : h.end + 100])  # closed by a comma
        if appos and appos.group(1).islower() and fold(appos.group(1)) not in L.words.get("relative_pronouns", ()):
            continue  # "Former president X, deputy chairman of the Security Council, ...": an office now
        k = h.tok
        while 0 < k and h.tok - k < 6 and toks[k].sep in (" ", "'"):
            k -= 1  # back over the words of the title phrase, up to a stop, a comma or another name
            if toks[k].end in ends:
                break
            if toks[k].fold in words:
                out.add(h.lid)
                break
    return out


def without_former(ctx: Ctx, meetings: list[MeetingFact], visits: list[VisitFact]) -> tuple[list, list]:
    """Held and planned meetings and visits without the people out of office (``out_of_office``): a
    former president leading an observer mission visits as no state's official; an event of the
    past, when he held office, stays."""
    former = out_of_office(ctx)
    if not former:
        return meetings, visits
    kept = []
    for m in meetings:
        if m.status != "past" and set(m.participant_ids) & former:
            ids = [x for x in m.participant_ids if x not in former]
            if len(ids) < 2:
                continue
            m = replace(m, participant_ids=tuple(ids), participants=tuple(ctx.leader_info[x]["name"] for x in ids))
        kept.append(m)
    return kept, [v for v in visits if v.status == "past" or v.visitor_id not in former]


def meetings_on_trips(ctx: Ctx, events: list[Event], facts: list[MeetingFact]) -> list[MeetingFact]:
    """A meeting the text places nowhere, held while one participant is on the one trip the text
    reports to the other's country: it was held in that city ("she arrived in Delhi ... then met
    her counterpart")."""
    trips: dict[tuple[str, str], set[tuple[str, int]]] = {}
    delegations: dict[tuple[str, str], set[tuple[str, int, str | None]]] = {}
    L = lex(ctx.lang)
    for ev in events:
        if ev.kind != "visit" or ev.status != "held":
            continue
        head = parsed(ctx)[ev.k].at(ev.start) if ev.noun else None
        if head is not None and _sequenced(L, parsed(ctx)[ev.k], head):
            continue  # "after a visit to Paris, they met ...": a leg before the meeting
        for lid in ev.subject or ev.leaders[:1]:
            for pid, _ in ev.places:
                c = city_of(ctx, pid, [ev.k]) if ctx.places[pid]["kind"] != "city" else pid
                if c and ctx.places[c]["state"]:
                    trips.setdefault((lid, ctx.places[c]["state"]), set()).add((c, ev.k))
                    st = ctx.leader_info[lid]["state"]
                    if st and st != ctx.places[c]["state"]:
                        # the delegation's trip: its ministers meet their counterparts there too
                        delegations.setdefault((st, ctx.places[c]["state"]), set()).add(
                            (c, ev.k, ev.date.value if ev.date else None)
                        )
    for m in facts:
        # a held meeting in a city abroad is a trip there too ("Merz received Milei at the
        # Chancellery"), for the traveller and his delegation
        c = m.city_id or (m.place_id if m.place_id and ctx.places[m.place_id]["kind"] == "city" else None)
        host = ctx.places[c]["state"] if c else None
        if m.status != "held" or not host:
            continue
        k = min(ctx.sent_of(e.start) for e in m.evidence)
        for lid in m.participant_ids:
            st = ctx.leader_info[lid]["state"]
            if st and st != host:
                trips.setdefault((lid, host), set()).add((c, k))
                delegations.setdefault((st, host), set()).add((c, k, m.date))
    out = []
    for m in facts:
        if m.place_id is None and m.status == "held":
            first = min(ctx.sent_of(e.start) for e in m.evidence)
            options = set()
            for a in m.participant_ids:
                for b in m.participant_ids:
                    st = ctx.leader_info[b]["state"]
                    if a != b and st and st != ctx.leader_info[a]["state"]:
                        # the arrival told before the meeting (a trip told after may be the next leg)
                        options |= {c for c, k in trips.get((a, st), set()) if k <= first}
            if not options and not _told_earlier(ctx, L, first):
                # a minister of the visiting state meeting one of the host's, on the one trip the
                # text tells of that state's leader to that country ("Parallel traf Außenministerin
                # X ihre Amtskollegin")
                # (on the trip's day, when both are dated: not a meeting days before, at a summit)
                for a in m.participant_ids:
                    for b in m.participant_ids:
                        sa, sb = ctx.leader_info[a]["state"], ctx.leader_info[b]["state"]
                        if a != b and sa and sb and sa != sb:
                            options |= {
                                c
                                for c, k, day in delegations.get((sa, sb), set())
                                if k <= first and (not m.date or not day or _within_trip(m.date, day))
                            }
            if len(options) == 1:
                (c,) = options
                m = replace(m, place=ctx.places[c]["name"], place_id=c, city_id=c)
        out.append(m)
    return out


def _seat_in_town(ctx: Ctx, venue: str, town: str) -> bool:
    """Is ``venue`` a palace or an office (a seat of government, a ministry) in ``town``, by
    the reference data (not a town guessed from the text): a visit there is a visit to the town.
    A residence, an estate or a base outside town ("Chequers", "Novo-Ogaryovo") stays the place."""
    ref = rd.places().get(venue)
    return (
        ctx.places[venue]["kind"] in ("palace", "office")
        and not ctx.places[venue].get("guessed")
        and ref is not None
        and ref.city == town
    )


def _named(ctx: Ctx, pid: str) -> bool:
    """The text names this place (the reference data may know a venue's city the text never names)."""
    return any(q == pid for q, _ in ctx.place_hits)


def _visit_target(ctx: Ctx, pid: str, host: str | None) -> tuple[str | None, str | None, str | None]:
    """(place id, name, host) a visit goes to: a place the reference data knows, or only the
    state when the text names a place it does not ("на Спиридоновке" is a street, not a city)."""
    if pid.endswith("@") and host:
        return None, rd.states()[host].name if host in rd.states() else None, host
    return pid, ctx.places[pid]["name"], host


def _town_of_trip(ctx: Ctx, events: list[Event], ev: Event, iso3: str) -> str | None:
    """The one town of the visited state that the travel clause names below its verb, when the
    visit is told of the state ("s'était rendu au Gabon en mars 2023, lorsqu'il avait participé
    à un sommet à Libreville", "hatte Deutschland besucht, als er in Berlin ..."): the visit is
    to that town, one visit per trip and city. Not a town another event of the text is placed in
    ("visited Gabon in 2023 and will fly to Libreville on Monday"), nor one of a negated clause
    ("without stopping in Libreville"), nor one of several."""
    p = parsed(ctx).get(ev.k)
    head = p.at(ev.start) if p else None
    if p is None or head is None:
        return None
    L = lex(ctx.lang)
    below = {t.i for t in p.subtree(head.i)}
    elsewhere = {pid for e in events if e is not ev for pid, _ in e.places}
    # (a clause of the same sentence is told of the same trip: "visitó España en 2018, cuando fue
    # recibido en La Moncloa")
    other_sentences = {pid for e in events if e.k != ev.k for pid, _ in e.places}
    towns, around = set(), set()
    for pid, m in ctx.place_hits:
        if not (p.start <= m.start < p.end) or ctx.places[pid]["state"] != iso3:
            continue
        kind = ctx.places[pid]["kind"]
        town = pid if kind == "city" else (None if ctx.places[pid].get("guessed") else city_of(ctx, pid, [ev.k]))
        ids = _tok_ids(p, m.start, m.end)
        if town is None or not ids or pid in other_sentences or town in other_sentences:
            continue
        if ids <= below and kind == "city" and pid in elsewhere:
            continue
        t = p.tok(min(ids))
        path = []
        while t.head and t.i != head.i:
            t = p.tok(t.head)
            path.append(t)
        if any(
            L.has("negators", c) or c.feats.get("Polarity") == "Neg" or L.has("without_preps", c)
            for x in path
            for c in p.children(x.i)
            if c.deprel in ("advmod", "mark", "case", "cc", "neg", "aux")
        ):
            continue
        if ids <= below and kind == "city":
            towns.add(town)
        else:
            around.add(town)
    if not towns and len(around) == 1:
        # "Boric last visited Brazil in January 2023, when he attended Lula's inauguration in
        # Brasília", "fue recibido en La Moncloa": the one town of that state the sentence names
        # (by itself or by a venue of its own) is where the trip went
        towns = around
    return next(iter(towns)) if len(towns) == 1 else None


def _body_first(ctx: Ctx, m: MeetingFact) -> tuple:
    """The quote a visit made from a meeting keeps: the first the body gives (the headline's only
    when the body tells it nowhere), so that the trip is dated and placed as the body tells it."""
    body = [e for e in m.evidence if ctx.sents[ctx.sent_of(e.start)].para != -1]
    return tuple(body[:1]) or tuple(m.evidence[:1])


def _in_headline(ctx: Ctx, v: VisitFact) -> bool:
    return all(ctx.sents[ctx.sent_of(e.start)].para == -1 for e in v.evidence)


# kinds of place that are a state's seat of government: its own leaders receive there
_SEATS = frozenset({"office", "palace", "residence", "guesthouse"})


def visits(ctx: Ctx, events: list[Event], facts: list[MeetingFact]) -> list[VisitFact]:
    """Visits from stated travel ("X visited / arrived in / will travel to C") and from a located
    meeting abroad in which the traveller takes part: one per traveller, city and status."""
    found: list[VisitFact] = []
    for ev in events:
        if ev.kind != "visit":
            continue
        travellers = ev.subject or (ev.leaders[:1] if len(ev.leaders) == 1 else [])
        cities = [pid for pid, _ in ev.places if ctx.places[pid]["kind"] == "city"]
        venues = [pid for pid, _ in ev.places if ctx.places[pid]["kind"] != "city"]
        targets: list[tuple[str | None, str | None, str | None]] = []
        if not cities and venues:
            c = city_of(ctx, venues[0], [ev.k])
            cities = [c] if c and (_named(ctx, c) or _seat_in_town(ctx, venues[0], c)) else []
        for pid in cities or venues[:1]:
            st = ctx.places[pid]["state"] or next(
                (ctx.places[v]["state"] for v in venues if ctx.places[v]["state"]), None
            )
            targets.append(_visit_target(ctx, pid, st))
        if not targets:
            targets = [
                _visit_target(ctx, town, iso3)
                if (town := _town_of_trip(ctx, events, ev, iso3))
                else (None, rd.states()[iso3].name, iso3)
                for iso3 in dict.fromkeys(ev.state_dest)
            ]
        for lid in travellers:
            home = ctx.leader_info[lid]["state"]
            for pid, name, host in targets[:2]:
                if host is None or host == home:
                    continue
                found.append(_visit_of_event(ctx, ev, lid, pid, name, host))
    for m in facts:
        # the city, when the text names it; else the venue ("a venue when the text names no city")
        # (or the seat of government's town the reference data knows: "received at the Moncloa" is
        # a trip to Madrid, the palace a facility of it)
        pid = (
            m.city_id
            if m.city_id and (_named(ctx, m.city_id) or (m.place_id and _seat_in_town(ctx, m.place_id, m.city_id)))
            else (m.place_id or m.city_id)
        )
        if not pid:
            continue
        host = ctx.places[pid]["state"] or (ctx.places[m.place_id]["state"] if m.place_id else None)
        if not host or (ctx.places[pid]["kind"] != "city" and ctx.places[pid].get("guessed")):
            continue  # a venue placed only by a town named near it: who travelled there is a guess
        if ctx.places[pid]["kind"] in _SEATS and host not in {ctx.leader_info[x]["state"] for x in m.participant_ids}:
            # a seat of government with no city named, of a state none of them leads ("im
            # Bundeskanzleramt" with Austria's and Romania's heads: a name two buildings share):
            # where, the text does not say (a summit resort abroad is another matter)
            continue
        for lid in m.participant_ids:
            st = ctx.leader_info[lid]["state"]
            # (an unnamed office too: "Lavrov received his Egyptian counterpart in Moscow" is a trip
            # of EGY:foreign minister there)
            if st and st != host:
                tpid, tname, _ = _visit_target(ctx, pid, host)
                found.append(
                    VisitFact(
                        ctx.leader_info[lid]["name"], lid, tname, tpid, host, m.date, m.status, _body_first(ctx, m)
                    )
                )
    found += _their_trip(ctx, events, found)
    found += _on_the_trip(ctx, facts, found)
    # a headline's present ("Albanese flies on to Tokyo") tells no status: the body's visit of the
    # same traveller to the same place (planned for Wednesday, or made on Monday) is the one
    # (and "Faye reist nach Tunesien" over the body's trip to Tunis: a whole state gives way to its town)
    body = [v for v in found if not _in_headline(ctx, v) and v.status != "past"]
    told = {(v.visitor_id, v.place_id or v.place) for v in body} | {
        (v.visitor_id, v.host_state) for v in body if v.host_state
    }
    found = [
        v
        for v in found
        if not (
            _in_headline(ctx, v)
            and (
                (v.visitor_id, v.place_id or v.place) in told
                or (v.place_id is None and (v.visitor_id, v.host_state) in told)
            )
        )
    ]
    found += _companions(ctx, found)
    # one visit per (traveller, place, status); a venue or a whole state gives way to a city there
    uniq: dict[tuple, VisitFact] = {}
    for v in found:
        key = (v.visitor_id, v.place_id or v.place, v.status)
        if key not in uniq or (uniq[key].date is None and v.date):
            uniq[key] = v
    # a meeting or a visit still to come on the trip the text reports as made: the same trip
    made = {(v.visitor_id, v.place_id) for v in uniq.values() if v.status == "held" and v.place_id}
    res = [v for v in uniq.values() if not (v.status == "planned" and (v.visitor_id, v.place_id) in made)]
    cities = {
        (v.visitor_id, v.place_id, v.status) for v in res if v.place_id and ctx.places[v.place_id]["kind"] == "city"
    }
    placed = {(v.visitor_id, v.host_state, v.status) for v in res if v.place_id}
    every = list(range(len(ctx.sents)))
    return [
        v
        for v in res
        if not (v.place_id is None and (v.visitor_id, v.host_state, v.status) in placed)
        and not (
            # a venue gives way to a visit to its own city (not to the next city of the trip)
            v.place_id
            and ctx.places[v.place_id]["kind"] != "city"
            and (v.visitor_id, city_of(ctx, v.place_id, every), v.status) in cities
        )
    ]


def _their_trip(ctx: Ctx, events: list[Event], found: list[VisitFact]) -> list[VisitFact]:
    """ "La visite se poursuivra jeudi à Bouaké", "В четверг визит продолжится в Алматы", "su gira
    continuará en Mérida": a trip noun that names no traveller, told to go on in a town (key
    ``go_on_verbs``), is the trip of the one person whose visit to that town's state the article
    reports as made or still to come. Not when two people visit that state, nor when the noun
    names someone else ("the visit of the delegation", "la visite du ministre": whoever they
    are), nor for a trip of the past."""
    L = lex(ctx.lang)
    people = L.words.get("party_nouns", frozenset()) if ctx.lang == "de" else frozenset()
    offices = [(th.m.start, th.end) for th in titles(ctx)]
    places = [(m.start, m.end) for _, m in ctx.place_hits]
    out: list[VisitFact] = []
    for ev in events:
        if ev.kind != "visit" or not ev.noun or ev.leaders or ev.subject or ev.status == "past":
            continue
        p = parsed(ctx).get(ev.k)
        head = p.at(ev.start) if p else None
        if p is None or head is None or head.upos != "NOUN" or not head.head:
            continue
        if not (head.deprel in ("nsubj", "nsubj:pass") and _verb_of(L, p, p.tok(head.head), "go_on_verbs")):
            continue  # (not "ein Besuch in Cork war geplant, entfiel aber": whose, and whether, unsaid)
        if any(
            c.deprel in ("nmod", "nmod:poss", "appos", "obl", "obl:agent")
            and (
                (c.upos == "PROPN" and not any(a <= c.start < b for a, b in places))
                or any(a <= c.start < b for a, b in offices)
                or any(L.has(key, c) for key in ("party_nouns", "guest_nouns"))
                # (a German compound on one: "der Wirtschaftsdelegation")
                or (c.upos == "NOUN" and any(fold(c.form).endswith(w) for w in people if len(w) >= 6))
            )
            for c in p.children(head.i)
        ):
            continue  # "the visit of the delegation", "la visite du ministre": someone the noun names
        cities = {pid for pid, _ in ev.places if ctx.places[pid]["kind"] == "city" and ctx.places[pid]["state"]}
        if len(cities) != 1:
            continue
        pid = next(iter(cities))
        host = ctx.places[pid]["state"]
        who = {v.visitor_id for v in found if v.host_state == host and v.status in ("held", "planned")}
        if len(who) != 1:
            continue
        lid = next(iter(who))
        if ctx.leader_info[lid]["state"] == host:
            continue
        tpid, tname, _ = _visit_target(ctx, pid, host)
        out.append(_visit_of_event(ctx, ev, lid, tpid, tname, host))
    return out


def _visit_of_event(ctx: Ctx, ev: Event, lid: str, pid: str | None, name: str | None, host: str | None) -> VisitFact:
    """The visit of ``lid`` to a place, told by the travel event ``ev``: its day, status and sentence."""
    return VisitFact(
        ctx.leader_info[lid]["name"],
        lid,
        name,
        pid,
        host,
        ev.date.value if ev.date else None,
        ev.status,
        (ctx.sent_ev(ev.k),),
    )


def _on_the_trip(ctx: Ctx, facts: list[MeetingFact], found: list[VisitFact]) -> list[VisitFact]:
    """ "Meanwhile, the foreign minister held talks with his Greek counterpart at the foreign
    ministry": a held meeting the text places in no city (none named, or a venue of no named
    city), between one of the state whose trip to a city the article reports as made and one of
    that city's state, on a day of that trip (or on none told), is a visit of the first to that
    city: the same trip. Not when the trip's state went to two cities of that state that the
    meeting's day does not tell apart, nor for a meeting at a venue of another state."""
    trips: dict[tuple[str, str], list[VisitFact]] = {}
    for v in found:
        if v.status == "held" and v.place_id and ctx.places[v.place_id]["kind"] == "city" and v.host_state:
            home = ctx.leader_info[v.visitor_id]["state"]
            if home:
                trips.setdefault((home, v.host_state), []).append(v)
    if not trips:
        return []
    placed = {(v.visitor_id, v.evidence[0].start) for v in found}
    out: list[VisitFact] = []
    for m in facts:
        if m.status != "held" or not m.evidence:
            continue
        if m.city_id and _named(ctx, m.city_id):
            continue  # the meeting names its city: a visit there, or none (the host's own town)
        venue_state = ctx.places[m.place_id]["state"] if m.place_id else None
        if m.place_id and ctx.places[m.place_id]["kind"] == "city":
            continue
        states = {lid: ctx.leader_info[lid]["state"] for lid in m.participant_ids}
        pair = set(states.values())
        if len(pair) != 2 or None in pair:
            continue
        a, b = sorted(pair)
        if (a, b) in trips and (b, a) in trips:
            continue  # each state's people travelled to the other's: who came to whom, the text does not say
        for lid, home in states.items():
            if (lid, m.evidence[0].start) in placed or is_office(lid):
                continue
            hosts = {s for s in states.values() if s != home}
            for host in hosts:
                if venue_state and venue_state != host:
                    continue
                trip = trips.get((home, host), [])
                cities = {v.place_id for v in trip if m.date is None or v.date is None or v.date == m.date}
                if len(cities) != 1:
                    continue
                pid = next(iter(cities))
                out.append(
                    VisitFact(
                        ctx.leader_info[lid]["name"],
                        lid,
                        ctx.places[pid]["name"],
                        pid,
                        host,
                        m.date,
                        "held",
                        _body_first(ctx, m),
                    )
                )
    return out


_CLAUSE_ENDS = re.compile(r"[,;.:()\u2014\u2013]")


def _companions(ctx: Ctx, found: list[VisitFact]) -> list[VisitFact]:
    """Who travels with a visitor: "X, who accompanied / is accompanying the prime minister", "X,
    qui accompagnait le président", "X, der den Kanzler begleitet", "Y, accompanied by X", "в
    сопровождении X": X of Y's state is where Y's visit told so far takes Y (the one of this
    sentence, else the latest before it), the same day. Not a companion still to come ("who will
    accompany"), nor one of another state (a host escorting a guest)."""
    L = lex(ctx.lang)
    forms, marks = L.words.get("accompany_forms", frozenset()), L.words.get("accompanied_marks", frozenset())
    if not forms:
        return []
    rels, future = L.words.get("relative_pronouns", frozenset()), L.words.get("future_aux", frozenset())
    pron = L.words.get("object_pronouns", frozenset())
    neg, habit = L.words.get("negators", frozenset()), L.words.get("habitual", frozenset())
    held = [v for v in found if v.status == "held" and v.place_id]
    if not held:
        return []
    toks, text = ctx.toks, ctx.text

    def gap(t: int) -> bool:  # a comma or a stop between token t-1 and token t
        return bool(_CLAUSE_ENDS.search(text[toks[t - 1].end : toks[t].start]))

    travel, withs = L.words.get("travel_with_forms", frozenset()), L.words.get("companion_case", frozenset())

    def accompanies(a: int, j: int) -> bool:
        # "accompanies", or "is travelling with / reist mit / прилетел вместе с"
        return toks[a].fold in forms or (
            toks[a].fold in travel and any(toks[b].fold in withs for b in range(max(a - 3, 0), min(a + 4, j)))
        )

    out: list[VisitFact] = []
    for k, s in enumerate(ctx.sents):
        if s.para == -1 or not any(accompanies(a, s.j) for a in range(s.i, s.j)):
            continue
        if any(s.start <= m.start < s.end for _, m in ctx.place_hits):
            # "X, who is accompanying the prime minister, held talks at the ministry in Quezon City",
            # "who accompanied him to Paris": where X went, the sentence says itself
            continue
        hits = [h for h in ctx.leader_hits if s.start <= h.start < s.end]
        for a in range(s.i, s.j):
            if not accompanies(a, s.j):
                continue
            lo = a
            while lo > s.i and not gap(lo):
                lo -= 1
            hi = a + 1
            while hi < s.j and not gap(hi):
                hi += 1
            clause = range(lo, hi)
            c0, c1 = toks[lo].start, toks[hi - 1].end
            if any(toks[x].fold in future or toks[x].fold in neg or toks[x].fold in habit for x in clause) or any(
                c0 <= d.start < c1 for d in ctx.dates
            ):
                # "who will accompany", "who did not / usually accompanies", "who accompanied him
                # in 2019": not this trip
                continue
            after = [h for h in hits if toks[a].end <= h.start < toks[hi - 1].end]
            passive = (a + 1 < s.j and toks[a + 1].fold in marks and ctx.lang != "ru") or (
                ctx.lang == "ru" and a > s.i and toks[a - 1].fold in marks
            )
            x = y = None
            if passive:
                # "Y, accompanied by X, ...": X named in the clause, Y the one before it
                x = next((h.lid for h in after if h.explicit), None)
                y = next((h.lid for h in reversed(hits) if h.end <= toks[lo].start), None)
            elif (
                lo > s.i
                and "," in text[toks[lo - 1].end : toks[lo].start]
                and (any(toks[t].fold in rels for t in range(lo, a)) or lo == a)
            ):
                # "X, who is accompanying Y": X just before the comma, Y in the clause (or "her")
                before = [h for h in hits if h.explicit and h.end <= toks[lo].start]
                x = before[-1].lid if before and before[-1].end == toks[lo - 1].end else None
                inside = [h for h in hits if toks[lo].start <= h.start < toks[hi - 1].end]
                y = inside[0].lid if inside else None
                # (the one of X's own state: "the prime minister" of the delegation, not the host
                # the sentence before was about; else the latest traveller of that state)
                home = ctx.leader_info[x]["state"] if x else None
                travellers = [
                    v.visitor_id
                    for v in sorted(held, key=lambda v: -v.evidence[0].start)
                    if v.evidence[0].start < s.start
                ]
                topic = next(
                    (
                        t
                        for t in (_topics(ctx).get(k), _topics(ctx).get(k - 1), *travellers)
                        if t and t != x and ctx.leader_info[t]["state"] == home
                    ),
                    None,
                )
                if y is None and topic:
                    # "who is accompanying her", "qui l'accompagne", "who accompanied the prime
                    # minister": the person the text is about, named by a pronoun or an office
                    said = any(toks[t].fold in pron for t in (a - 1, a + 1, a + 2) if lo <= t < hi) or any(
                        toks[lo].start <= th.m.start < toks[hi - 1].end
                        and role_fits(th.role, ctx.leader_info[topic]["role"])
                        for th in titles(ctx)
                    )
                    y = topic if said else None
            if not x or not y or x == y or is_office(x):
                continue
            if ctx.leader_info[x]["state"] != ctx.leader_info[y]["state"]:
                continue
            theirs = [v for v in held if v.visitor_id == y]
            here = [v for v in theirs if any(s.start <= e.start < s.end for e in v.evidence)]
            told = here or [v for v in theirs if v.evidence[0].start < s.start][-1:]
            for v in told:
                if v.host_state == ctx.leader_info[x]["state"]:
                    continue
                out.append(
                    VisitFact(
                        ctx.leader_info[x]["name"],
                        x,
                        v.place,
                        v.place_id,
                        v.host_state,
                        v.date,
                        "held",
                        (ctx.sent_ev(k),),
                    )
                )
    return out


# -- calls -----------------------------------------------------------------------------------
def _names_as(ctx: Ctx, L: Lex, p: Parse, t: Tok) -> bool:
    """ "called him a liar", "le llamó traidor": a call verb with a second object or a predicate
    noun or adjective names someone something; nobody phones."""
    kids = p.children(t.i)
    objs = [c for c in kids if c.deprel in ("obj", "iobj")]
    if len(objs) >= 2 or any(c.deprel == "xcomp" and c.upos in ("NOUN", "ADJ", "PROPN") for c in kids):
        return True
    if objs and any(_second_predicate(ctx, L, p, c) for c in kids if c.i > objs[0].i):
        return True
    # "lo que la prensa llamó «la cumbre del ferrocarril»": a quoted name for something, one object
    # hung on the verb and the relative pronoun taken for an oblique
    return any(
        c.deprel == "obj" and any(q.deprel == "punct" and q.form in _QUOTES and q.i < c.i for q in p.children(c.i))
        for c in kids
    )


_QUOTES = frozenset('"«“„‚‘')


def _second_predicate(ctx: Ctx, L: Lex, p: Parse, c: Tok) -> bool:
    """After the object of a call verb, what it is called, however the parser hung it: a bare noun
    phrase ("called it the best result", read as an oblique), or a clause with a subject of its
    own ("calling it the only thing to come out of ...", the noun made the subject of "come"). A
    time is no name ("called him this morning", "rief ihn am Montag an")."""
    if c.deprel == "xcomp" and c.upos in ("VERB", "AUX"):
        return any(x.deprel in ("nsubj", "nsubj:pass") for x in p.children(c.i))
    if any(x.deprel in ("case", "mark") for x in p.children(c.i)):
        return False
    if c.deprel in ("obl", "obl:npmod", "dep", "xcomp") and c.upos in ("NOUN", "ADJ"):
        if any(
            _time_word(L, x)
            or any(L.has(key, x) for key in ("day_parts", "morrow_words", "eve_words"))
            or any(d.start <= x.start < d.end for d in ctx.dates)
            for x in p.subtree(c.i)
        ):
            return False  # ("le lendemain matin", "the following week")
        return any(x.deprel in ("det", "amod") for x in p.children(c.i))
    return False


def _call_sentences(ctx: Ctx, L: Lex, after: int, taken: set[int]) -> dict[int, Parse]:
    """The parses of the sentences after ``after`` that hold a meeting or call noun ("the
    conversation", "cet entretien"), not already an event's: the ones the article's parse set lacks
    are parsed here (one more parser call, in call articles only), so that no other reading of
    the article changes."""
    have = parsed(ctx)
    want: list[int] = []
    for k in range(after + 1, len(ctx.sents)):
        if k in taken or ctx.sents[k].para == -1:
            continue
        s = ctx.sents[k]
        words = [
            Tok(0, w, lemmatize(ctx.lang, w), "NOUN", 0, "dep", 0, 0)
            for w in re.findall(r"\w[\w-]*", ctx.text[s.start : s.end])
        ]
        if any(L.has(key, x) for x in words for key in ("meet_nouns", "call_again", "call_words")):
            want.append(k)
    missing = [k for k in want if k not in have]
    extra = (
        dict(zip(missing, parse(ctx.lang, ctx.text, [(ctx.sents[k].start, ctx.sents[k].end) for k in missing])))
        if missing
        else {}
    )
    return {k: have.get(k) or extra[k] for k in want}


def _called_off(L: Lex, p: Parse, t: Tok) -> bool:
    """ "calls off the trip" with "off" parsed as a plain compound."""
    return any(c.deprel in ("compound", "compound:prt") and L.has("call_off_particles", c) for c in p.children(t.i))


def _phoned(ctx: Ctx, L: Lex, p: Parse, t: Tok) -> bool:
    """A call verb the predicate pass took for "call for / call on" (``_call_for``) because its
    "on" or "a" phrase is a day ("called Erdogan on Monday") or the leader phoned ("llamó a
    Lula"): a call after all. "Called on both sides to ...", "llamó a un alto el fuego" stay none."""
    if t.upos not in ("VERB", "AUX") or not L.has("call_words", t) or _names_as(ctx, L, p, t) or _called_off(L, p, t):
        return False
    if not _call_for(p, t):
        return False  # the predicate pass has read it already
    for c in p.children(t.i):
        if c.deprel == "compound:prt" or (c.deprel in ("case", "mark") and fold(c.form) in _for() and c.i > t.i):
            return False
        if c.deprel in ("obl", "xcomp", "obj", "ccomp", "advcl") and any(
            g.deprel in ("case", "mark") and fold(g.form) in _for() for g in p.children(c.i)
        ):
            day = any(d.start <= c.start < d.end for d in ctx.dates)
            # "llamó a Lula"; but "called on Xi" is a visit in person (``_calls_on``)
            leader = any(h.start <= c.start < h.end for h in ctx.leader_hits) and not any(
                g.deprel == "case" and fold(g.form) == "on" for g in p.children(c.i)
            )
            if not (day or leader) or c.deprel in ("xcomp", "ccomp", "advcl"):
                return False
    return True


def _call_preds(ctx: Ctx, L: Lex) -> list[Pred]:
    """The call predicates of the article, in text order: a call word on a conversation noun
    ("a telephone conversation", "un entretien téléphonique") is the noun's; "called him a liar"
    is none."""
    out = []
    for k, p in sorted(parsed(ctx).items()):
        preds = _predicates(ctx, k, p)
        # "phoned X on Monday": the "called on Y" reading (a visit in person) is the day's, a call
        preds = [
            pr
            for pr in preds
            if not (pr.kind == "meet" and L.has("call_words", pr.head) and _phoned(ctx, L, p, pr.head))
        ]
        heads = {pr.head.i for pr in preds}
        preds += [Pred("call", k, p, t, _governors(p, t)) for t in p.toks if t.i not in heads and _phoned(ctx, L, p, t)]
        for pr in sorted(preds, key=lambda x: x.head.i):
            if pr.kind != "call" or _called_off(L, pr.p, pr.head):
                continue
            t = pr.head
            up = p.tok(t.head) if t.head else None
            if (
                t.upos in ("NOUN", "PROPN")
                and t.deprel in ("compound", "amod", "nmod")
                and up is not None
                and up.upos == "NOUN"
                and (L.has("meet_nouns", up) or L.has("call_again", up))
            ):
                pr = Pred("call", k, p, up, _governors(p, up))
            elif t.upos == "NOUN" and t.deprel == "obl" and up is not None and L.has("meet_verbs", up):
                pr = Pred("call", k, p, up, _governors(p, up))  # "se sont entretenus par téléphone"
            elif t.upos == "NOUN" and _sequenced(L, p, t):
                # "announced after a phone call between ...": the call is its own event, not the
                # announcing or travelling verb's
                pr = Pred("call", k, p, t, [])
            elif t.upos in ("VERB", "AUX") and _names_as(ctx, L, p, t):
                continue
            out.append(pr)
    return out


def calls(ctx: Ctx, events: list[Event]) -> list[CallFact]:
    """One call per (participants, status, date), read like meetings: the participants are the
    leaders (or ``ISO3:role`` offices) the call's clause names, of two states or more, with no
    fill-in; the date and the status come from the clause's own date and modality. In an article
    that reports a call, "the conversation", "cet entretien", "в ходе беседы" later on (a meeting
    word or a call word the article's call discourse kept from being a meeting) is that call again:
    its clause joins the call's evidence."""
    L = lex(ctx.lang)
    groups: list[dict] = []
    in_person = {ev.k for ev in events if ev.kind in ("meet", "visit")}
    for pr in _call_preds(ctx, L):
        ev = _event(ctx, pr)
        if ev is None:
            continue
        ids = list(ev.leaders)
        if len(_states_of(ctx, ids)) < 2:
            if groups and (ev.noun or not ids) and set(ids) <= groups[-1]["ids"]:
                groups[-1]["ks"].append(ev.k)  # "during the call", "the phone call lasted an hour"
            continue
        same = next(
            (
                g
                for g in groups
                if g["status"] == ev.status and _compatible(g["date"], ev.date) and _same_party(set(ids), g["ids"])
            ),
            None,
        )
        if same is None:
            groups.append({"ids": set(ids), "order": ids, "status": ev.status, "date": ev.date, "ks": [ev.k]})
        else:
            same["ks"].append(ev.k)
            same["order"] += [x for x in ids if x not in same["ids"]]
            same["ids"] |= set(ids)
            if ev.date and not (same["date"] and same["date"].precision == "day"):
                same["date"] = ev.date
    if groups and encounter(ctx, [pr for k, p in parsed(ctx).items() for pr in _predicates(ctx, k, p)]) == "call":
        first = min(k for g in groups for k in g["ks"])
        taken = in_person | {k for g in groups for k in g["ks"]}
        for k, p in _call_sentences(ctx, L, first, taken).items():
            for t in p.toks:
                if t.upos not in ("NOUN", "PROPN") or not any(
                    L.has(key, t) for key in ("meet_nouns", "call_again", "call_words")
                ):
                    continue
                pr = Pred("meet", k, p, t, _governors(p, t))
                if _in_person(ctx, L, pr) or _negated(ctx, L, pr):
                    continue
                if _modality(ctx, L, pr) in ("recall", "plan", "hope") or _future(ctx, L, pr):
                    continue
                named = _states_of(ctx, [h.lid for h in _leaders_in(ctx, p, _pred_domain(pr)[0])])
                g = groups[-1]
                if named <= _states_of(ctx, list(g["ids"])):
                    g["ks"].append(k)  # the conversation the article told of, named again
                    break
    heads = {k for k, x in enumerate(ctx.sents) if x.para == -1}
    for g in list(groups):
        body = [o for o in groups if o is not g and not set(o["ks"]) <= heads and _same_party(g["ids"], o["ids"])]
        if set(g["ks"]) <= heads and body:
            # the headline's call is the one the body tells, with the body's date and status
            groups.remove(g)
            body[0]["ks"] += g["ks"]
    out = []
    for g in groups:
        ks = sorted(set(g["ks"]))
        d = g["date"]
        out.append(
            CallFact(
                participants=tuple(ctx.leader_info[i]["name"] for i in g["order"]),
                participant_ids=tuple(g["order"]),
                date=d.value if d else None,
                precision=d.precision if d else None,
                status=g["status"],
                evidence=tuple(ctx.sent_ev(k) for k in ks[:MAX_EVIDENCE]),
            )
        )
    return out


# -- proposals -------------------------------------------------------------------------------


def _calls_on(L: Lex, p: Parse, t: Tok, light: Tok | None = None) -> bool:
    """ "X called on Y" / "paid a (courtesy) call on Y": a visit to Y in person, not a phone call -
    unless it goes on "to do something" ("called on Y to raise spending": an appeal)."""
    if light is not None and not (t.deprel == "obj" and L.has("visit_light", light)):
        return False
    holder = light if light is not None else t
    if any(c.deprel in ("xcomp", "ccomp") for c in p.children(holder.i)):
        return False
    if light is None and any(c.deprel in ("obj", "iobj") for c in p.children(t.i)):
        return False  # "called Erdogan on Monday": a call to someone, on a day
    ons = [
        c
        for x in (t, holder)
        for c in p.children(x.i)
        if c.deprel in ("obl", "nmod", "obl:arg")
        and c.upos in ("NOUN", "PROPN")
        and not _time_word(L, c)  # ("On Tuesday, X made a call to Y": a day, not whom)
        and any(g.deprel == "case" and L.has("call_on", g) for g in p.children(c.i))
    ]
    return bool(ons)


def _for() -> frozenset[str]:
    """The prepositions of "call for / call on / appeal to" ("for", "on", "à", "a", "zu"), folded."""
    return rd.every_language("call_for_preps", events=True)


def _call_for(p: Parse, t: Tok) -> bool:
    """ "called for a ceasefire", "a appelé à", "llamó a": a call for something, not a phone call."""
    for c in p.children(t.i):
        if c.deprel in ("obl", "xcomp", "obj", "ccomp", "advcl"):
            if any(g.deprel in ("case", "mark") and fold(g.form) in _for() for g in p.children(c.i)):
                return True
        if c.deprel == "compound:prt" or (c.deprel in ("case", "mark") and fold(c.form) in _for() and c.i > t.i):
            return True
    return False


def _is_proposal(L: Lex, p: Parse, t: Tok) -> bool:
    if t.upos in ("VERB", "AUX"):
        if L.has("call_words", t):
            if _calls_on(L, p, t):
                return False  # "called on President X at the palace": a visit, no appeal
            return _call_for(p, t) and (L.has("propose_verbs", t) or L.has("appeal_calls", t))
        return L.has("propose_verbs", t)
    if t.upos in ("NOUN", "PROPN"):
        if L.has("need_nouns", t):
            # "stressed the need for ...", "planteó la necesidad de ...": the speaker calls for it
            return t.deprel in ("obj", "nsubj:pass") and p.tok(t.head).upos == "VERB" and bool(_object_span(p, t))
        return L.has("propose_nouns", t) and not L.has("meet_nouns", t)
    if t.upos == "ADJ" and L.has("ready_words", t):
        return any(c.deprel in ("xcomp", "obl", "ccomp", "advcl") for c in p.children(t.i))
    return False


def _proposer(ctx: Ctx, L: Lex, pr: Pred) -> tuple[str | None, str | None]:
    """(leader id, state) of whoever proposes: the subject, the agent of a passive, the owner of
    a proposal noun ("Ankara's offer", "la proposition du chancelier"), or the person the
    text is about when the subject is a pronoun."""
    p, t = pr.p, pr.head
    if L.has("need_nouns", t) and t.head:
        t = p.tok(t.head)  # the need is stressed by the verb's subject
        pr = Pred(pr.kind, pr.k, p, t, _governors(p, t))
    roles = ("nsubj",) if t.upos != "NOUN" else ("nmod", "nmod:poss", "det", "amod")
    ids: set[int] = set()
    for c in p.children(t.i):
        if (
            c.deprel in roles
            or c.deprel in ("obl:agent",)
            or (
                c.deprel == "obl"
                and _case_of(p, c) in {"by", "par", "por", "von", "de"}
                and t.upos == "VERB"
                and any(x.deprel == "nsubj:pass" for x in p.children(t.i))
            )
        ):
            ids |= _domain(p, c)
    if not ids and t.upos != "NOUN":
        _, subj = _pred_domain(pr)
        ids = subj
    if not ids and t.upos == "VERB":
        # "Frederiksen schlug vor, ...": a name the parser took for an adverb, before the verb
        ids = {x.i for c in p.children(t.i) if c.i < t.i and c.deprel in ("advmod", "dep") for x in p.subtree(c.i)}
    hits = _leaders_in(ctx, p, ids)
    if hits:
        return hits[0].lid, ctx.leader_info[hits[0].lid]["state"]
    topic = _pronoun_referent(ctx, L, p, ids, p.start) if ids else []
    if topic:
        return topic[0], ctx.leader_info[topic[0]]["state"]
    for iso3, kind, m in ctx.state_hits:
        if p.start <= m.start < p.end and _tok_ids(p, m.start, m.end) & ids:
            return None, iso3
    return None, None


def _object_span(p: Parse, t: Tok, L: Lex | None = None) -> tuple[int, int] | None:
    toks: list[Tok] = []
    kids = p.children(t.i)
    subj = [c.start for c in kids if c.deprel in ("nsubj", "nsubj:pass")]
    if L is not None and t.deprel == "conj" and subj and t.head and _is_proposal(L, p, p.tok(t.head)):
        # "X предложил построить завод, а Y предложил открыть рейсы", the parser hanging the first
        # object on the second verb: what comes before the second speaker is the first's
        kids = [c for c in kids if min(x.start for x in p.subtree(c.i)) > min(subj)]
    limit = None  # where another speaker's clause begins
    if L is not None and not any(c.deprel in ("obj", "xcomp", "ccomp") for c in kids):
        for c in kids:
            if c.deprel == "conj" and c.i > t.i and _is_proposal(L, p, c):
                later = [x.start for x in p.children(c.i) if x.deprel in ("nsubj", "nsubj:pass")]
                if later:
                    limit = min(later)
                    # (and the first verb, left with nothing, takes it back)
                    kids = kids + [
                        x
                        for x in p.children(c.i)
                        if x.deprel in ("obj", "xcomp", "ccomp") and min(y.start for y in p.subtree(x.i)) < min(later)
                    ]
    for c in kids:
        if c.deprel in (
            "nsubj",
            "nsubj:pass",
            "aux",
            "aux:pass",
            "punct",
            "cc",
            "advmod",
            "mark",
            "case",
            "det",
            "cop",
            "expl",
            "obl:agent",
            "nmod:poss",
            "conj",
            "parataxis",
        ):
            continue
        if c.deprel in ("compound", "compound:prt") and c.upos in ("ADP", "ADV", "PART") and not p.children(c.i):
            continue  # the particle of a separable verb ("schlug ... vor"): part of the verb
        sub = p.subtree(c.i)
        if t.upos == "VERB" and c.deprel in ("advcl", "ccomp", "dep", "csubj") and max(x.end for x in sub) <= t.start:
            # a clause before the verb (before a semicolon: "X asked for A; Y proposed B"): another
            # statement, not what is proposed (its complements stay, even before it: "hat um ...
            # gebeten", "За создание фонда выступил X", "For uranium, X asked for a contract")
            continue
        toks.extend(sub)
    if L is not None:
        # "X proposed that A ..., while Y proposed B", "X regte A an, Y schlug vor, dass B": the
        # other speaker's proposal hung inside this one's object is his, not part of this one
        for x in list(toks):
            if (
                x.i > t.i
                and x.upos in ("VERB", "AUX")
                and _is_proposal(L, p, x)
                and any(c.deprel in ("nsubj", "nsubj:pass") for c in p.children(x.i))
            ):
                cut = {y.i for y in p.subtree(x.i)}
                toks = [y for y in toks if y.i not in cut]
    if limit is not None:
        toks = [y for y in toks if y.start < limit]
    toks = [y for y in toks if y.upos != "PUNCT" or any(z.i > y.i for z in toks if z.upos != "PUNCT")]
    if not toks:
        return None
    return min(x.start for x in toks), max(x.end for x in toks)


def _conjuncts(p: Parse, t: Tok, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The spans of coordinated objects of ``t`` ("to buy grain and to open places"), or the
    whole object span when it is one."""
    objs = [c for c in p.children(t.i) if c.deprel in ("xcomp", "ccomp", "obj") and span[0] <= c.start < span[1]]
    if len(objs) != 1:
        return [span]
    first = objs[0]
    conj = [c for c in p.children(first.i) if c.deprel == "conj" and c.upos == first.upos]
    if not conj:
        return [span]
    rest = {x.i for c in conj for x in p.subtree(c.i)}
    head = [x for x in p.subtree(first.i) if x.i not in rest and x.upos != "PUNCT" and x.deprel != "cc"]
    out = [(min(x.start for x in head), max(x.end for x in head))]
    for c in conj:
        sub = [x for x in p.subtree(c.i) if x.upos != "PUNCT" and not (x.deprel == "cc" and x.head == c.i)]
        out.append((min(x.start for x in sub), max(x.end for x in sub)))
    return out


# What a proposal is about when its object names several sectors: the most specific one. A
# reactor to be financed is nuclear, a port to be built with a loan is maritime, patrols against
# illegal mining are security; money, trade and the economy are what most proposals also involve.
_SPECIFIC_FIRST = (
    "nuclear",
    "space",
    "defence",
    "aviation",
    "maritime",
    "energy",
    "transport",
    "agriculture",
    "health",
    "migration",
    "technology",
    "environment",
    "humanitarian",
    "science",
    "culture",
    "tourism",
    "security",
    "trade",
    "finance",
)


def _object_sector(sector_hits: list[Match], span: tuple[int, int]) -> str | None:
    """The sector of what ``span`` proposes: of the sectors it names, the most specific."""
    secs = [h.value for h in sector_hits if span[0] <= h.start < span[1] and h.value not in ("-", "diplomacy")]
    if not secs:
        return None
    rank = {s: i for i, s in enumerate(_SPECIFIC_FIRST)}
    return min(secs, key=lambda s: (rank.get(s, len(rank)), secs.index(s)))


def _only_against(L: Lex, p: Parse, t: Tok) -> bool:
    """A proposal verb whose only complement is what it is against ("pleaded against new
    tariffs", "s'est prononcé contre", "высказался против санкций"): it opposes, it proposes nothing."""
    comps = [c for c in p.children(t.i) if c.deprel in ("obj", "xcomp", "ccomp", "obl", "iobj")]
    against = [c for c in comps if c.deprel == "obl" and any(L.has("against_words", x) for x in p.children(c.i))]
    return bool(against) and not any(c.deprel in ("obj", "xcomp", "ccomp") for c in comps)


def read_proposals(ctx: Ctx, sector_hits: list[Match]) -> list[ProposalFact]:
    """One proposal per proposal predicate (propose, invite, urge, ask, call for, an offer or
    invitation noun, "ready to"), keyed by its proposer and its object, with the sector named in
    what is proposed. Negated or hypothetical ones ("could propose") and agreements are none."""
    L = lex(ctx.lang)
    out: list[ProposalFact] = []
    seen: set[tuple] = set()
    for k, p in parsed(ctx).items():
        if ctx.sents[k].para == -1:
            continue  # a headline compresses: the body says who proposed what
        if _question(ctx, k):
            continue  # "Will you invite Ms Takaichi to Ireland?", "¿Invitará a Milei?": a question proposes nothing
        for t in p.toks:
            if not _is_proposal(L, p, t):
                continue
            if L.has("call_words", t) and _phoned(ctx, L, p, t):
                continue  # "called Erdogan on Monday to discuss grain": a phone call, no appeal
            pr = Pred("propose", k, p, t, _governors(p, t))
            if _negated(ctx, L, pr):
                continue
            if any(_is_proposal(L, p, p.tok(g.i)) for g in pr.gov) and not (
                t.deprel in ("advcl", "conj", "parataxis")
                and any(c.deprel in ("nsubj", "nsubj:pass") for c in p.children(t.i))
            ):
                # "asked X to press Y to ...": what is asked, not a second proposal (but "X proposed
                # A, while Y offered B": a clause of its own, another speaker's proposal)
                continue
            if (
                any(
                    c.deprel in ("aux", "aux:pass")
                    and (_is_cond_aux(L, c) or fold(c.lemma) in rd.every_language("maybe_modals", events=True))
                    for c in p.children(t.i)
                )
                or t.feats.get("Mood") == "Cnd"
            ):
                continue  # "X could propose": speculation
            if any(L.has("hope_verbs", g) and not L.has("propose_verbs", g) for g in pr.gov):
                continue  # "wants to propose", "refused to offer", "hopes that X will be invited"
            if t.upos == "VERB" and any(c.deprel == "obj" and L.has("issue_nouns", c) for c in p.children(t.i)):
                continue  # "planteó la cuestión de los migrantes", "raised her concerns": a topic, no proposal
            if L.has("for_only_verbs", t) and not any(
                c.deprel == "obl" and any(L.has("for_words", x) for x in p.children(c.i)) for c in p.children(t.i)
            ):
                continue  # "высказался о ситуации": an opinion; only "высказался за ..." asks for something
            if L.has("invite_words", t) and any(c.deprel == "obj" and L.has("press_nouns", c) for c in p.children(t.i)):
                continue  # "a convié la presse à une conférence commune": no invitation to a state
            if _only_against(L, p, t):
                continue  # "spoke out against the sanctions", "высказался против": opposition, no proposal
            lid, state = _proposer(ctx, L, pr)
            span = _object_span(p, t, L)
            if span is None:
                continue
            invitation = L.has("invite_words", t)
            if lid is None and state is None and invitation:
                # "invited to Moscow" with no inviter named: the destination's side invites
                dom = {x.i for x in p.toks if span[0] <= x.start < span[1]}
                places, dests = _places(ctx, L, Pred("visit", k, p, t, []), dom | {t.i})
                hosts = [ctx.places[pid]["state"] for pid, _ in places if ctx.places[pid]["state"]] + dests
                state = hosts[0] if hosts else None
            if lid is None and state is None:
                continue
            parts = _conjuncts(p, t, span)
            part_secs = [_object_sector(sector_hits, (a, b)) for a, b in parts]
            if len(parts) > 1 and not invitation and len({x for x in part_secs if x}) > 1:
                # "proposed to buy more grain and to open more places for seasonal workers": two
                # proposals, each in its sector
                for (a, b), sec in zip(parts, part_secs):
                    if sec is not None:
                        _add_proposal(ctx, out, seen, lid, state, sec, (a, b), k)
                continue
            sector = _object_sector(sector_hits, span)
            if invitation:
                inside = [x for x in p.toks if span[0] <= x.start < span[1]]
                trip = (
                    any(L.has("visit_verbs", x) or L.has("visit_nouns", x) for x in inside)
                    or any(span[0] <= m.start < span[1] for _, m in ctx.place_hits)
                    or sector is None
                )
                sector = "diplomacy" if trip else sector  # an invitation to come is diplomacy; to a fund, its sector
            if sector is None:
                continue  # a proposal of nothing the taxonomy names: "proposed to continue"
            _add_proposal(ctx, out, seen, lid, state, sector, span, k)
    return out


def _add_proposal(
    ctx: Ctx,
    out: list[ProposalFact],
    seen: set[tuple],
    lid: str | None,
    state: str | None,
    sector: str,
    span: tuple[int, int],
    k: int,
) -> None:
    """One proposal of ``lid`` (or ``state``) in ``sector``, the object in ``span``; the same one
    told twice in the article is kept once."""
    what = ctx.text[span[0] : span[1]].strip(" ,;.\"'«»“”„")
    key = (lid or state, sector, fold(what)[:60])
    if key in seen:
        return
    seen.add(key)
    name = ctx.leader_info[lid]["name"] if lid else state
    out.append(
        ProposalFact(name, lid or state, what[:300], project_id(lid or state, sector, what), sector, (ctx.sent_ev(k),))
    )


# -- sectors ---------------------------------------------------------------------------------
_TOPIC_KEYS = (
    "discuss_verbs",
    "cooperate_words",
    "agree_verbs",
    "meet_nouns",
    "propose_verbs",
    "propose_nouns",
    "need_nouns",
    "visit_verbs",
    "visit_nouns",
    "topic_nouns",
)
_CLAUSAL = {"root", "ccomp", "advcl", "acl", "acl:relcl", "parataxis", "csubj", "xcomp"}


def _clause_head(ctx: Ctx, p: Parse, t: Tok) -> int:
    """The head of ``t``'s clause; a reporting clause ("..., a spokesman said") is parenthetical,
    so what a parser hung under its verb belongs to the clause around it."""
    says = [(m.start, m.end) for m in ctx.triggers.get("say", ()) if p.start <= m.start < p.end]
    cur = t
    while True:
        while cur.head and cur.deprel not in _CLAUSAL and not (cur.deprel == "conj" and cur.upos == "VERB"):
            cur = p.tok(cur.head)
        if cur.head and any(s <= cur.start < e for s, e in says):
            cur = p.tok(cur.head)
            continue
        return cur.i


def _same_clause(ctx: Ctx, p: Parse, a: Tok, b: Tok) -> bool:
    """Do ``a`` and ``b`` stand in one clause? Also when a parser made the reporting verb ("...,
    as a spokesman said") the root and hung the reported clause, or half of it, under it."""
    ca, cb = _clause_head(ctx, p, a), _clause_head(ctx, p, b)
    if ca == cb:
        return True
    says = [(m.start, m.end) for m in ctx.triggers.get("say", ()) if p.start <= m.start < p.end]

    def reporting(i: int) -> bool:
        return any(s <= p.tok(i).start < e for s, e in says)

    def below(i: int, j: int) -> bool:
        cur, steps = p.tok(i), 0
        while cur.head and steps < len(p.toks):
            if cur.head == j:
                return True
            cur, steps = p.tok(cur.head), steps + 1
        return False

    return (reporting(cb) and below(ca, cb)) or (reporting(ca) and below(cb, ca))


def _ceremonial(L: Lex, p: Parse, t: Tok) -> bool:
    """ "military band", "garde d'honneur", "военный оркестр": a ceremony, not a sector."""
    cur, steps = t, 0
    while steps < 3:
        if L.has("ceremony_nouns", cur):
            return True
        if not cur.head or cur.deprel not in ("amod", "nmod", "compound", "flat", "obl"):
            return False
        cur = p.tok(cur.head)
        steps += 1
    return False


def _named_place(ctx: Ctx, p: Parse, word: Tok) -> bool:
    """ "the port of Veracruz", "der Flughafen Tegel", "la centrale de Flamanville": a sector word
    that a proper name, not a state's, makes one place (a gazetteer may not know the town)."""
    states = [(m.start, m.end) for _, _, m in ctx.state_hits]
    for c in p.children(word.i):
        if c.i > word.i and c.upos == "PROPN" and c.deprel in ("nmod", "appos", "flat", "flat:name", "compound"):
            if not any(s <= c.start < e for s, e in states) and not any(
                h.start <= c.start < h.end for h in ctx.leader_hits
            ):
                return True
    return False


def read_sectors(ctx: Ctx, sector_hits: list[Match], proposals: list[ProposalFact]) -> list[SectorRef]:
    """Sectors named in what a discuss, cooperate, agree, meet or propose predicate governs ("they
    discussed energy", "cooperation in space", "talks on trade"), never in a title ("the defence
    minister") or a ceremony; the evidence is the sentence that says it."""
    L = lex(ctx.lang)
    titles = [(h.start, h.end) for h in ctx.leader_hits]
    places = [(m.start, m.end) for _, m in ctx.place_hits]
    by: dict[str, list[Evidence]] = {}
    for k, p in parsed(ctx).items():
        hits = [
            h
            for h in sector_hits
            if p.start <= h.start < p.end and h.value != "-" and not any(s <= h.start < e for s, e in titles)
        ]
        if not hits:
            continue
        preds = [
            t
            for t in p.toks
            if any(L.has(key, t) for key in _TOPIC_KEYS) and t.upos in ("VERB", "NOUN", "PROPN", "ADJ", "AUX")
        ]
        for h in hits:
            ids = _tok_ids(p, h.start, h.end)
            if not ids:
                continue
            word = min((p.tok(i) for i in ids), key=lambda x: _depth(p, x))
            if word.deprel in ("amod", "compound", "nmod") and any(
                ctx.leader_hits and s <= p.tok(word.head).start < e for s, e in titles
            ):
                continue  # "the defence minister", "ministre de l'Agriculture"
            if _ceremonial(L, p, word):
                continue
            if any(s <= h.start < e for s, e in places) or any(
                c.deprel == "nmod"
                and any(x.deprel == "case" for x in p.children(c.i))
                and any(s <= c.start < e for s, e in places)
                for c in p.children(word.i)
            ):
                continue  # "the port of Veracruz", "Hafen von Danzig", "порт Актау": a place, not a topic
            if _named_place(ctx, p, word):
                continue
            if any(
                word.i != pt.i and (word.i in {x.i for x in p.subtree(pt.i)} or _same_clause(ctx, p, pt, word))
                for pt in preds
            ) or any(L.has("cooperate_words", p.tok(i)) for i in ids):
                ev = ctx.sent_ev(k)
                if ev not in by.setdefault(h.value, []):
                    by[h.value].append(ev)
    for pr in proposals:
        if pr.sector and pr.sector not in by:
            by[pr.sector] = list(pr.evidence)
    return [SectorRef(sid, tuple(evs[:MAX_EVIDENCE])) for sid, evs in by.items()]
