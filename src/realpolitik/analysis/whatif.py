"""What if ...? Walk the commitment graph from a hypothetical event.

``whatif(("USA", "19", "PRK"), commitments, as_of=date(2025, 6, 1))`` answers: which commitments
would this event trigger, what do they promise, and what would those responses trigger in turn?
Two sources of commitments are walked together:

* **news** — commitments coded from articles (:class:`realpolitik.records.Commitment`,
  ``source_kind="news"``): conditional threats and promises, mutual-defence pacts, guarantees.
  They count from their date on (``date <= as_of``; undated ones always count). Each step carries
  the article, date and sentence it rests on.
* **treaty** — the alliance-treaty baseline (:func:`realpolitik.analysis.alliances.triggered_by`):
  membership and entry-into-force dates, guarantor/protected lists and suspensions are all
  respected on ``as_of``. Each step carries the treaty name and article.

Matching a news commitment's trigger (a :class:`~realpolitik.records.Pattern`) against an event
``SOURCE CAMEO TARGET``: ``source``/``target`` None means anyone, otherwise the event side must be
that actor (``RUS`` matches ``RUSGOV``); with ``against_party`` the event's target must be a party
of the commitment and its source must not be; the CAMEO code matches when it starts with the
pattern's ``cameo`` or its root is in ``roots`` (a pattern with neither matches any code).

The response of a triggered commitment becomes the next event:

* conditional threat / promise: the response pattern as stated (a missing source means each
  party; a missing target means the triggering actor for a threat, the triggering event's
  target for a promise; a missing code means the first root + "0");
* mutual defence (news): every other party fights the attacker (``190``) and gives military aid
  (``072``) to the attacked party;
* guarantee (news): each guarantor not attacked does what the response says, against the
  attacker when it is a conflict code and towards the attacked party otherwise (``190`` when no
  response is stated);
* treaty defence/offence obligation: the obliged state fights the attacker (``190``);
  a consultation-only obligation: the obliged state consults the attacked one (``040``);
  neutrality and non-aggression promise abstention — no event, so no step.

Responses to the same event from several commitments are merged into one step with every basis
listed (e.g. "RUS 190 USA" rests on the 2024 treaty's Article 4 *and* the pact reported in the
news). The walk is breadth-first: a step whose event is already on its own path is a **cycle**
and is cut; one whose event was already expanded elsewhere in the tree is shown as a **repeat**
and not expanded again; nodes at ``depth`` are not expanded (``cut="depth"``, with the number of
responses left out in ``more``); after ``max_nodes`` steps the walk stops (``cut="limit"``).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from realpolitik.analysis.alliances import Activation, triggered_by
from realpolitik.analysis.graph import party_node
from realpolitik.records import Commitment

__all__ = [
    "Basis",
    "WhatIfNode",
    "parse_event",
    "render_tree",
    "respond",
    "to_json",
    "whatif",
]

EventTuple = tuple[str, str, str]  # (source, cameo, target)
_EVENT = re.compile(r"^\s*([A-Za-z][A-Za-z0-9]{2,})\s+(\d{2,4})\s+([A-Za-z][A-Za-z0-9]{2,})\s*$")
_ROOT = re.compile(r"^(0[1-9]|1[0-9]|20)")
FIGHT, MILITARY_AID, CONSULT = "190", "072", "040"


@dataclass(frozen=True)
class Basis:
    """What one step rests on: a treaty article or a statement reported in the news."""

    kind: str  # "news" | "treaty"
    type: str  # commitment / obligation type: conditional_threat, mutual_defense, defense, ...
    actor: str  # who is committed (and responds)
    parties: tuple[str, ...] = ()
    protected: str | None = None  # treaty: the party the actor is bound to defend
    # news
    commitment_id: str | None = None
    doc_id: str | None = None
    date: str | None = None
    sentence: str | None = None
    sentence_index: int | None = None
    confidence: float | None = None
    trigger: str | None = None
    # treaty
    treaty: str | None = None
    treaty_name: str | None = None
    article: str | None = None
    since: str | None = None
    region: str | None = None

    def describe(self) -> str:
        if self.kind == "treaty":
            region = self.region or ""
            if len(region) > 60:
                region = region[:57].rstrip() + "…"
            where = f"; scope: {region}" if region else ""
            towards = f" to {self.protected}" if self.protected else ""
            since = f" since {self.since}" if self.since else ""
            return (
                f"treaty: {self.treaty_name}, {self.article or 'no article'} "
                f"({self.type}: {self.actor} bound{towards}{since}{where})"
            )
        where = self.doc_id or "unknown article"
        when = f", {self.date}" if self.date else ""
        idx = f", sentence {self.sentence_index}" if self.sentence_index is not None else ""
        said = f': "{self.sentence}"' if self.sentence else ""
        return f"news: {self.type.replace('_', ' ')} by {'+'.join(self.parties) or self.actor} ({where}{when}{idx}){said}"


@dataclass
class WhatIfNode:
    """One event of the walk. The root is the hypothetical event (no basis); every other node is
    a response, with the commitments it rests on in ``basis``."""

    event: EventTuple
    action: str = ""
    depth: int = 0
    basis: list[Basis] = field(default_factory=list)
    children: list[WhatIfNode] = field(default_factory=list)
    cut: str | None = None  # None | "cycle" | "repeat" | "depth" | "limit"
    more: int = 0  # responses not shown because of the cut
    as_of: str | None = None  # set on the root

    @property
    def text(self) -> str:
        return " ".join(self.event)

    def walk(self) -> Iterable[WhatIfNode]:
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, text: str) -> WhatIfNode | None:
        """The first node (breadth-first) whose event is ``text`` ("RUS 190 USA")."""
        queue = deque([self])
        while queue:
            node = queue.popleft()
            if node.text == text:
                return node
            queue.extend(node.children)
        return None


# ----------------------------------------------------------------------------- parsing & labels


def parse_event(text: str) -> EventTuple:
    """ "KOR 072 UKR" -> ("KOR", "072", "UKR"); raises ValueError with the expected shape."""
    m = _EVENT.match(text or "")
    if not m or not _ROOT.match(m.group(2)):
        raise ValueError(
            f"bad event {text!r}: expected 'SOURCE CAMEO TARGET', e.g. 'KOR 072 UKR' (actor codes of 3+ letters, "
            "a CAMEO code of 2-4 digits with root 01-20)"
        )
    return (m.group(1).upper(), m.group(2), m.group(3).upper())


def _describe(cameo: str) -> str:
    try:
        from realpolitik.events.ontology import ontology

        codes = ontology().codes
    except Exception:  # the labels are a convenience; never fail the walk over them
        return ""
    probe = cameo
    while probe:
        entry = codes.get(probe)
        if entry is not None and entry.description:
            text = entry.description.replace(", not specified below", "")
            return text[0].upper() + text[1:].lower() if text.isupper() else text
        probe = probe[:-1] if len(probe) > 2 else ""
    return ""


def _key(event: EventTuple) -> tuple[str, str, str]:
    s, cameo, t = event
    return (party_node(s) or s, cameo[:2], party_node(t) or t)


# ----------------------------------------------------------------------------- matching


def _same_actor(pattern: str, actor: str) -> bool:
    p, a = pattern.strip().upper(), actor.strip().upper()
    return a.startswith(p)


def trigger_matches(c: Commitment, event: EventTuple) -> bool:
    """Does ``event`` activate ``c``'s trigger? (rules in the module docstring)"""
    src, cameo, tgt = event
    p = c.trigger
    if p.source and not _same_actor(p.source, src):
        return False
    if p.target and not _same_actor(p.target, tgt):
        return False
    if p.against_party:
        parties = {party_node(x) for x in c.parties}
        if party_node(tgt) not in parties or party_node(src) in parties:
            return False
    if p.cameo or p.roots:
        return bool((p.cameo and cameo.startswith(p.cameo)) or cameo[:2] in p.roots)
    return True


def _in_force(c: Commitment, day: str) -> bool:
    if c.source_kind == "treaty":
        return (c.valid_from is None or c.valid_from <= day) and (c.valid_until is None or day < c.valid_until)
    return not c.date or c.date[:10] <= day


def _news_basis(c: Commitment, actor: str) -> Basis:
    return Basis(
        kind="treaty" if c.source_kind == "treaty" else "news",
        type=c.type,
        actor=actor,
        parties=tuple(c.parties),
        commitment_id=c.id,
        doc_id=c.doc_id,
        date=c.date,
        sentence=c.sentence.text if c.sentence else None,
        sentence_index=c.sentence.index if c.sentence else None,
        confidence=c.confidence,
        trigger=_pattern_text(c),
        treaty_name=c.source_ref if c.source_kind == "treaty" else None,
        since=c.valid_from if c.source_kind == "treaty" else None,
        region=c.region,
    )


def _pattern_text(c: Commitment) -> str:
    p = c.trigger
    what = p.cameo or "/".join(p.roots) or "any"
    return f"{p.source or 'any'} {what} {p.target or ('a party' if p.against_party else 'any')}"


def _code(pattern: Any, default: str) -> str:
    if pattern is not None and pattern.cameo:
        return pattern.cameo
    if pattern is not None and pattern.roots:
        return pattern.roots[0] + "0"
    return default


def _commitment_responses(c: Commitment, event: EventTuple) -> list[tuple[EventTuple, str, Basis]]:
    src, _, tgt = event
    attacker, attacked = party_node(src) or src, party_node(tgt) or tgt
    parties = [p for p in dict.fromkeys(party_node(x) for x in c.parties) if p]
    out: list[tuple[EventTuple, str, Basis]] = []
    resp = c.response
    if c.type == "mutual_defense" or c.source_kind == "treaty":
        others = [p for p in parties if p != attacked and p != attacker]
        if c.type in ("mutual_defense", "defense", "offense"):
            for p in others:
                out.append(((p, FIGHT, attacker), "fights the attacker", _news_basis(c, p)))
                if c.type != "offense" and c.source_kind != "treaty":
                    out.append(((p, MILITARY_AID, attacked), "gives military aid to the attacked", _news_basis(c, p)))
        elif c.type == "consultation":
            for p in others:
                out.append(((p, CONSULT, attacked), "consults the attacked party", _news_basis(c, p)))
        return out
    if c.type == "guarantee":
        guarantors = [party_node(resp.source)] if resp is not None and resp.source else [p for p in parties if p != attacked]
        cameo = _code(resp, FIGHT)
        hostile = int(cameo[:2]) >= 9
        target = party_node(resp.target) if resp is not None and resp.target else (attacker if hostile else attacked)
        for g in guarantors:
            if g and g != target:
                out.append(((g, cameo, target), "honours the guarantee", _news_basis(c, g)))
        return out
    # conditional threats and promises (and anything else with a stated response)
    if resp is None:
        return out
    responders = [party_node(resp.source)] if resp.source else parties
    target = party_node(resp.target) if resp.target else (attacker if c.type == "conditional_threat" else attacked)
    cameo = _code(resp, "")
    if not cameo:
        return out
    verb = "carries out the threat" if c.type == "conditional_threat" else "keeps the promise"
    for r in responders:
        if r and target and r != target:
            out.append(((r, cameo, target), verb, _news_basis(c, r)))
    return out


def _treaty_response(a: Activation) -> tuple[EventTuple, str, Basis] | None:
    basis = Basis(
        kind="treaty",
        type="+".join(a.types),
        actor=a.obliged,
        parties=(a.obliged, a.protected),
        protected=a.protected,
        treaty=a.treaty,
        treaty_name=a.treaty_name,
        article=a.article,
        since=max(a.in_force, a.obliged_joined, a.protected_joined).isoformat(),
        region=a.region,
    )
    if {"defense", "offense"} & set(a.types):
        if not a.source or a.source == a.obliged:
            return None
        return (a.obliged, FIGHT, a.source), "comes to the defence: fights the attacker", basis
    if "consultation" in a.types:
        return (a.obliged, CONSULT, a.protected), "consults the attacked party", basis
    return None  # neutrality / non-aggression: abstention, no event


def respond(
    event: EventTuple,
    commitments: Sequence[Commitment],
    as_of: date,
    *,
    treaties: bool = True,
) -> list[tuple[EventTuple, str, Basis]]:
    """The direct responses to ``event`` on ``as_of``: ``(response event, action, basis)`` triples,
    news commitments first (in the given order), then treaty obligations (by treaty, obliged)."""
    day = as_of.isoformat()
    out: list[tuple[EventTuple, str, Basis]] = []
    for c in commitments:
        if c.source_kind == "treaty" and treaties:
            continue  # the baseline is walked through triggered_by, which knows every date
        if not _in_force(c, day) or not trigger_matches(c, event):
            continue
        out.extend(_commitment_responses(c, event))
    if treaties:
        src, cameo, tgt = event
        for a in triggered_by(src, cameo, tgt, as_of):
            r = _treaty_response(a)
            if r is not None:
                out.append(r)
    return out


# ----------------------------------------------------------------------------- the walk


def _merge(responses: list[tuple[EventTuple, str, Basis]], depth: int) -> list[WhatIfNode]:
    nodes: dict[tuple[str, str, str], WhatIfNode] = {}
    for ev, action, basis in responses:
        k = _key(ev)
        node = nodes.get(k)
        if node is None:
            nodes[k] = WhatIfNode(event=ev, action=action, depth=depth, basis=[basis])
        elif basis not in node.basis:
            node.basis.append(basis)
    # steps resting on news first (in the order found), then the treaty-only ones by event
    news = [n for n in nodes.values() if any(b.kind == "news" for b in n.basis)]
    rest = sorted((n for n in nodes.values() if n not in news), key=lambda n: n.event)
    return news + rest


def whatif(
    event: EventTuple | str,
    commitments: Sequence[Commitment] = (),
    as_of: date | str | None = None,
    depth: int = 3,
    treaties: bool = True,
    *,
    max_nodes: int = 500,
) -> WhatIfNode:
    """The tree of responses to ``event`` (a tuple or "SRC CAMEO TGT") on ``as_of`` (default
    today), ``depth`` levels deep at most. See the module docstring for the rules."""
    if isinstance(event, str):
        event = parse_event(event)
    else:
        event = parse_event(" ".join(event))
    if as_of is None:
        day = date.today()
    elif isinstance(as_of, str):
        day = date.fromisoformat(as_of[:10])
    else:
        day = as_of
    if depth < 0:
        raise ValueError("depth must be >= 0")
    root = WhatIfNode(event=event, action=_describe(event[1]), depth=0, as_of=day.isoformat())
    seen = {_key(event)}
    queue: deque[tuple[WhatIfNode, frozenset]] = deque([(root, frozenset({_key(event)}))])
    count = 1
    while queue:
        node, path = queue.popleft()
        responses = respond(node.event, commitments, day, treaties=treaties)
        if not responses:
            continue
        children = _merge(responses, node.depth + 1)
        if node.depth >= depth:
            node.cut, node.more = "depth", len(children)
            continue
        if count + len(children) > max_nodes:
            node.cut, node.more = "limit", len(children)
            continue
        count += len(children)
        node.children = children
        for child in children:
            k = _key(child.event)
            if k in path:
                child.cut = "cycle"
            elif k in seen:
                child.cut = "repeat"
            else:
                seen.add(k)
                queue.append((child, path | {k}))
    return root


# ----------------------------------------------------------------------------- output


def to_json(node: WhatIfNode) -> dict[str, Any]:
    """The tree as plain JSON-ready dicts (``event`` as "SRC CAMEO TGT" plus its parts)."""
    out: dict[str, Any] = {
        "event": node.text,
        "source": node.event[0],
        "cameo": node.event[1],
        "target": node.event[2],
        "action": node.action,
        "depth": node.depth,
        "basis": [{**asdict(b), "parties": list(b.parties), "explanation": b.describe()} for b in node.basis],
        "cut": node.cut,
        "more": node.more,
        "children": [to_json(c) for c in node.children],
    }
    if node.as_of is not None:
        out["as_of"] = node.as_of
    return out


_CUT_TEXT = {
    "cycle": "cycle: this event is already on the path — cut",
    "repeat": "already expanded above",
    "depth": "depth limit",
    "limit": "node limit",
}


def _label(node: WhatIfNode) -> str:
    from rich.markup import escape

    what = f" [dim]({escape(node.action)})[/]" if node.action else ""
    cut = ""
    if node.cut:
        more = f", {node.more} more response(s) not shown" if node.more else ""
        cut = f" [yellow]\\[{_CUT_TEXT[node.cut]}{more}][/]"
    return f"[bold]{escape(node.text)}[/]{what}{cut}"


def render_tree(node: WhatIfNode, *, max_sentence: int = 160) -> Any:
    """A :class:`rich.tree.Tree`: each step with what it rests on (treaty article, or the article
    and sentence of the news report)."""
    from rich.markup import escape
    from rich.tree import Tree

    def add(tree: Tree, n: WhatIfNode) -> None:
        branch = tree.add(_label(n))
        for b in n.basis:
            text = b.describe()
            if len(text) > max_sentence + 80:
                text = text[: max_sentence + 77] + "…"
            colour = "cyan" if b.kind == "treaty" else "magenta"
            branch.add(f"[{colour}]{escape(text)}[/]")
        _add_children(branch, n.children)

    def _add_children(tree: Tree, children: list[WhatIfNode]) -> None:
        # repeats that rest on treaties alone are grouped per treaty to keep big trees readable
        grouped: dict[tuple[str, ...], list[str]] = {}
        for c in children:
            if c.cut == "repeat" and c.basis and all(b.kind == "treaty" for b in c.basis):
                names = tuple(sorted({f"{b.treaty_name}, {b.article}" for b in c.basis}))
                grouped.setdefault(names, []).append(c.text)
            else:
                add(tree, c)
        for names, events in grouped.items():
            tree.add(
                f"[bold]{escape(', '.join(events))}[/] [yellow]\\[{_CUT_TEXT['repeat']}][/] "
                f"[cyan]{escape('treaty: ' + '; '.join(names))}[/]"
            )

    title = f"what if [bold]{escape(node.text)}[/]" + (f" [dim]({escape(node.action)})[/]" if node.action else "")
    if node.as_of:
        title += f" on {node.as_of}"
    if node.cut:
        more = f", {node.more} response(s) not shown" if node.more else ""
        title += f" [yellow]\\[{_CUT_TEXT[node.cut]}{more}][/]"
    tree = Tree(title)
    if not node.children and not node.cut:
        tree.add("[dim]no commitment or treaty obligation is triggered[/]")
    _add_children(tree, node.children)
    return tree
