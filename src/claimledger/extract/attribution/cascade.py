"""Who said what: attributions found in one parsed document, by named rules run in order.

A plain cascade: each list below runs in its order, and every claim keeps the name of the rule
that found it (`Attribution.rule`, exported as the claim's `rule`). Any rule can be switched
off by name (`find_attributions(disabled=...)`, or `disabled_rules` in the Extractor settings).

1. `TOKEN_RULES`, tried at every token outside a quotation (and, for the ledger's nested
   claims, at a quotation's own report of a named body: '"The ministry informs that 9,000
   have returned ...," the paper said'); the first that finds a claim wins (`cue_rules.py`):
   according_to, citing_source ("..., citing Hurriyet News"), reporting_verb, learned_verb,
   nominal_cue.
2. `LINE_RULES`, over whole lines: colon_headline ("Lavrov: 2,000 mercenaries ..."),
   transcript_line ("PENCE: Well, look, ...").
3. `QUOTE_RULES`: quotations, found over the raw text (`quotes.py`) because the sentence
   splitter may cut them, tied to their speakers (`quote_claims.py`): colon_block ("He said:"
   before a paragraph or quotation) and quotation, which names the claims it makes
   quote_cue (a cue after, before or around it), quote_signed ('"..." - Name') or
   quote_governed ('branded the plan a "disgrace"'); a quotation continuing a claim joins it.
4. Sentences carrying a figure outside every attributed content (`unattributed.py`):
   unattributed_figure (the outlet is the claimant) or continued_source ("In addition, ...").

Each rule is one pass over tokens with bounded look-arounds; the quotation rules look at the
quotations and cues near each other, not at every pair.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Collection

from spacy.tokens import Doc, Token

from claimledger.extract.attribution.cue_model import CueModel, using_cue_model
from claimledger.extract.attribution.cue_rules import (
    according_to,
    citing_source,
    colon_headlines,
    learned_verb,
    may_start_cue,
    noun_or_adjective,
    reporting_verb,
)
from claimledger.extract.attribution.drafts import Draft, char_range, token_at
from claimledger.extract.attribution.found import Attribution
from claimledger.extract.attribution.quote_claims import (
    QUOTATION_RULES,
    attach_quotes,
    colon_blocks,
    transcript_lines,
)
from claimledger.extract.attribution.repairs import (
    drop_unquoted_parts,
    end_at_closing_quote,
    quoted_share,
    repair_source,
    source_around,
    widen_to_quotes,
)
from claimledger.extract.attribution.sources import antecedent, relays_a_named_body
from claimledger.extract.attribution.speakers import SpeakerResolver
from claimledger.extract.attribution.unattributed import unattributed
from claimledger.extract.context import DocContext
from claimledger.extract.figures.owners import CLAIM_RULES
from claimledger.extract.stance import hedged, refine_stance
from claimledger.lexicon import Lexicon, using_lexicon
from claimledger.models import Span as CharSpan

TokenRule = Callable[[Token, DocContext], Draft | None]
LineRule = Callable[[DocContext, list[Draft]], list[Draft]]
QuoteRule = Callable[[DocContext, list[Draft], dict[int, Draft]], None]

TOKEN_RULES: tuple[tuple[str, TokenRule], ...] = (
    ("according_to", according_to),
    ("citing_source", citing_source),
    ("reporting_verb", reporting_verb),
    ("learned_verb", learned_verb),
    ("nominal_cue", noun_or_adjective),
)
LINE_RULES: tuple[tuple[str, LineRule], ...] = (
    ("colon_headline", colon_headlines),
    ("transcript_line", transcript_lines),
)
QUOTE_RULES: tuple[tuple[str, QuoteRule], ...] = (
    ("colon_block", colon_blocks),
    ("quotation", attach_quotes),
)
FIGURE_RULES = ("unattributed_figure", "continued_source")
# Every rule name, in the order the rules run: what `disabled` may name and `rule` records.
RULES: tuple[str, ...] = (
    *(name for name, _ in TOKEN_RULES),
    *(name for name, _ in LINE_RULES),
    *(name for name, _ in QUOTE_RULES),
    *QUOTATION_RULES,
    *FIGURE_RULES,
    *CLAIM_RULES,
)


def find_attributions(
    doc: Doc,
    nested: bool = True,
    negated: bool = False,
    disabled: Collection[str] = (),
    lexicon: Lexicon | None = None,
    cue_model: CueModel | None = None,
) -> list[Attribution]:
    """Every attribution in a parsed document, in text order, then unattributed figures.

    Args:
        doc: a document parsed by the project's spaCy pipeline (parser, NER, lemmas).
        nested: keep claims reported inside another claim ("X said Russia urged Y": both X's
            and Russia's). The ledger wants both; PolNeAR annotates only the outer one.
        negated: report negated cues too ("did not say whether X"). The ledger records no
            claim from them; PolNeAR annotates them.
        disabled: names of rules (`RULES`) that do not run.
        lexicon, cue_model: the word lists and learned cue model to read (None: those in use,
            the shipped ones unless an `Extractor` set its own).

    Returns:
        Attributions with character offsets into ``doc.text``, each naming its rule.

    Example:
        >>> found = find_attributions(nlp('"We will win," Aliyev said.'))  # doctest: +SKIP
        >>> [(a.speaker, a.rule) for a in found]  # doctest: +SKIP
        [('Aliyev', 'quote_cue')]
    """
    check_rule_names(disabled)
    with using_lexicon(lexicon), using_cue_model(cue_model):
        return _cascade(DocContext.of(doc, negated=negated, disabled=disabled), nested)


def check_rule_names(names: Collection[str]) -> None:
    """Raise ValueError naming any rule that does not exist."""
    unknown = set(names) - set(RULES)
    if unknown:
        raise ValueError(f"unknown rule(s) {sorted(unknown)}; the rules are {list(RULES)}")


def _cascade(ctx: DocContext, nested: bool) -> list[Attribution]:
    doc = ctx.doc
    drafts: list[Draft] = []
    by_verb: dict[int, Draft] = {}
    token_rules = [(name, rule) for name, rule in TOKEN_RULES if ctx.enabled(name)]
    for tok in doc:
        if not may_start_cue(tok):
            continue
        quoted = ctx.quotes.covering(tok.idx) is not None
        if quoted and not (nested and relays_a_named_body(tok)):
            continue  # a cue inside a quotation belongs to the quoted speaker's own words
        draft = _first_draft(tok, ctx, token_rules)
        if draft is None:
            continue
        _clip_to_paragraph(draft, ctx.paragraphs, tok.idx)
        if not draft.content:
            continue
        if not quoted:
            widen_to_quotes(draft, ctx.quotes)
        drafts.append(draft)
        if draft.verb is not None:
            by_verb[draft.verb] = draft
    for name, line_rule in LINE_RULES:
        if ctx.enabled(name):
            drafts.extend(line_rule(ctx, drafts))
    drafts = _drop_nested_duplicates(drafts)
    for name, quote_rule in QUOTE_RULES:
        if ctx.enabled(name):
            quote_rule(ctx, drafts, by_verb)
    _repair(ctx, drafts)
    resolver = SpeakerResolver(doc)
    # Resolve in reading order: "the organization" looks back at earlier sources.
    drafts.sort(key=lambda d: d.source.start_char if d.source is not None else min(d.content)[0])
    found = [_finish(ctx, d, resolver) for d in drafts]
    found.sort(key=lambda a: min(a.content_spans))
    _inherit_first_person(found)
    if not nested:
        found = _drop_nested(found)
    found.extend(unattributed(ctx, found))
    return found


def _first_draft(tok: Token, ctx: DocContext, rules: list[tuple[str, TokenRule]]) -> Draft | None:
    """The draft of the first rule in order that finds one at this token (a plain cascade)."""
    for name, rule in rules:
        draft = rule(tok, ctx)
        if draft is not None:
            draft.rule = name
            return draft
    return None


def _repair(ctx: DocContext, drafts: list[Draft]) -> None:
    """Sources and content bounds fixed once every quotation is tied to its claim."""
    doc, text, quotes = ctx.doc, ctx.text, ctx.quotes
    for d in drafts:
        repair_source(doc, text, d, quotes)
        if d.source is None and d.verb is not None and quoted_share(d.content, quotes) >= 0.6:
            d.source = source_around(doc, doc[d.verb], d.content)
        drop_unquoted_parts(d, quotes, text)
        end_at_closing_quote(d, quotes, text)


def _clip_to_paragraph(draft: Draft, bounds: list[int], pos: int) -> None:
    """Keep content and source inside the cue's paragraph; quotations re-widen it later."""
    k = bisect_right(bounds, pos) - 1
    lo = bounds[k]
    hi = bounds[k + 1] - 1 if k + 1 < len(bounds) else 1 << 62
    clipped = [(max(s, lo), min(e, hi)) for s, e in draft.content]
    draft.content = [(s, e) for s, e in clipped if e - s > 1]
    src = draft.source
    if src is not None and not (lo <= src.start_char and src.end_char <= hi):
        doc = src.doc
        inside = [t.i for t in src if lo <= t.idx < hi]
        draft.source = doc[inside[0] : inside[-1] + 1] if inside else None


def _drop_nested_duplicates(drafts: list[Draft]) -> list[Draft]:
    """Keep one draft per identical content (a verb and an "according to" on one clause)."""
    seen: set[tuple[CharSpan, ...]] = set()
    kept: list[Draft] = []
    for d in drafts:
        key = tuple(sorted(d.content))
        if key in seen:
            continue
        seen.add(key)
        kept.append(d)
    return kept


def _finish(ctx: DocContext, d: Draft, resolver: SpeakerResolver) -> Attribution:
    """Resolve the speaker, decide mode, stance and hedging, and find the sentence span."""
    doc, text, quotes, sents, starts = ctx.doc, ctx.text, ctx.quotes, ctx.sents, ctx.starts
    content = sorted(d.content)
    mode = d.mode
    if mode == "indirect" and quoted_share(content, quotes) >= 0.6:
        mode = "direct"
    mention = speaker = label = None
    source_spans: list[CharSpan] = []
    if d.source is not None:
        src = char_range(doc, d.source.start, d.source.end - 1)
        if src is not None:
            source_spans = [src]
            ref = antecedent(d.source)
            ref_span = char_range(doc, ref.start, ref.end - 1) or src
            mention = text[ref_span[0] : ref_span[1]]
            speaker, label = resolver.resolve(ref)
    parts = content + d.cue + source_spans
    lo, hi = min(s for s, _ in parts), max(e for _, e in parts)
    start = sents.of(token_at(starts, lo)).start_char
    end = sents.of(token_at(starts, hi - 1)).end_char
    # The splitter may run a headline into the first paragraph: stay in the claim's lines.
    start = max(start, text.rfind("\n", 0, lo) + 1)
    newline = text.find("\n", hi)
    end = min(end, newline) if newline != -1 else end
    stance = refine_stance(doc, text, d.stance, content, d.verb)
    return Attribution(
        content_spans=content,
        cue_spans=d.cue,
        source_spans=source_spans,
        mode=mode,
        stance=stance,
        hedged=hedged(doc, text, start, end, d.cue_lemma),
        sentence_span=(start, end),
        mention=mention,
        speaker=speaker,
        speaker_label=label,
        rule=d.rule,
    )


def _drop_nested(found: list[Attribution]) -> list[Attribution]:
    """Drop a claim whose cue lies inside another claim's content: "X said Y denied Z" is X's
    claim (PolNeAR never nests one attribution's cue in another's content). Wider claims win."""
    kept: list[Attribution] = []
    for a in sorted(found, key=lambda a: -sum(e - s for s, e in a.content_spans)):
        cue = a.cue_spans[0][0] if a.cue_spans else None
        if cue is not None and any(s <= cue < e for k in kept for s, e in k.content_spans):
            continue
        kept.append(a)
    kept.sort(key=lambda a: min(a.content_spans))
    return kept


def _inherit_first_person(found: list[Attribution]) -> None:
    """ "I"/"we" inside a quotation speak for whoever the quotation is attributed to."""
    for a in found:
        if a.speaker is not None or (a.mention or "").lower() not in ("i", "we"):
            continue
        pos = a.source_spans[0][0]
        for outer in found:
            if (
                outer is not a
                and outer.speaker
                and any(s <= pos < e for s, e in outer.content_spans)
            ):
                a.speaker, a.speaker_label = outer.speaker, outer.speaker_label
                break
