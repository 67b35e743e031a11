"""Renderers for chats: Telegram HTML, Slack mrkdwn, and the splitter's limits."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from bot.adapters.telegram_send import keyboard
from bot.domain.models import Position
from bot.domain.parties import PartyBook
from bot.render.chat_positions import party_chooser
from bot.render.slack import render_slack
from bot.render.split import slice_block, split_block, split_blocks
from bot.render.telegram import render_telegram, utf16_len
from bot.richtext import Block, Reply, Span
from bot.settings import Settings
from tests.fakes.slack_api import check_message

NASTY = 'Moscou <b>dit</b> & "refuse" > tout <a href="javascript:x">ici</a> @channel <!here>'


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def visible(html_text: str) -> tuple[str, list[str]]:
    parser = _Text()
    parser.feed(html_text)
    parser.close()
    return "".join(parser.parts), parser.tags


def test_telegram_escapes_article_text_and_keeps_only_our_markup() -> None:
    reply = Reply().add(Span("Titre", bold=True), kind="heading")
    reply.add(Span(NASTY, italic=True), " ", Span("source", link="https://x.example/a?b=1&c=2"))
    reply.add(Span("bad link", link="javascript:alert(1)"))
    [message] = render_telegram(reply)
    text, tags = visible(message)
    assert NASTY in text
    assert tags == ["b", "i", "a"]
    assert 'href="https://x.example/a?b=1&amp;c=2"' in message
    assert "javascript" not in message.split("bad link")[0].split("</i>")[-1]
    assert "&lt;b&gt;" in message


def test_slack_never_produces_mentions_or_links_from_text() -> None:
    reply = Reply().add(Span(NASTY), " <@U123> <#C42> <!everyone>")
    reply.add(Span("lien", link="https://x.example/?a=1&b=<2>|x"))
    [message] = render_slack(reply)
    body = message["blocks"][0]["text"]["text"]
    for forbidden in ("<!channel>", "<!here>", "<!everyone>", "<@U123>", "<#C42>"):
        assert forbidden not in body
        assert forbidden not in message["text"]
    assert re.findall(r"<[^>]*>", body) == ["<https://x.example/?a=1&amp;b=&lt;2&gt;%7Cx|lien>"]


def test_long_reply_splits_on_paragraphs_within_limits() -> None:
    reply = Reply()
    for i in range(120):
        reply.add(f"Paragraphe {i} : " + "les négociations continuent & rien <ne> change. " * 4)
    messages = render_telegram(reply)
    assert len(messages) > 1
    texts = [visible(m)[0] for m in messages]
    assert all(utf16_len(t) <= 4096 for t in texts)
    joined = "\n\n".join(texts)
    assert joined == reply.plain  # nothing lost, split between paragraphs
    slack = render_slack(reply)
    sections = [b["text"]["text"] for m in slack for b in m["blocks"]]
    assert all(len(s) <= 3000 for s in sections)
    assert all(len(m["blocks"]) <= 50 for m in slack)


def test_slack_respects_fifty_blocks_per_message() -> None:
    reply = Reply()
    for i in range(400):
        reply.add(f"{i} " + "x" * 2900)
    messages = render_slack(reply)
    assert len(messages) >= 8
    assert all(len(m["blocks"]) <= 50 for m in messages)
    assert sum(len(m["blocks"]) for m in messages) == 400


def test_single_huge_block_is_cut_on_sentences_then_words_nothing_lost() -> None:
    sentence = "Le Kremlin rejette la proposition de cessez-le-feu. "
    block = Block(
        [Span("Début ", bold=True), Span(sentence * 300), Span("fin", link="https://e.x")]
    )
    pieces = split_block(block, 4096, lambda bs: sum(len(b.plain) for b in bs))
    assert len(pieces) >= 4
    assert "".join(p.plain for p in pieces) == block.plain
    assert all(len(p.plain) <= 4096 for p in pieces)
    assert all(p.plain.endswith(". ") for p in pieces[:-1])  # sentence boundaries
    assert pieces[0].spans[0].bold and pieces[-1].spans[-1].link == "https://e.x"
    words = Block([Span("mot " * 3000)])
    cut = split_block(words, 1000, lambda bs: sum(len(b.plain) for b in bs))
    assert "".join(p.plain for p in cut) == words.plain
    assert all(p.plain.endswith(" ") for p in cut[:-1])


def test_escaping_expansion_is_counted_for_slack() -> None:
    reply = Reply().add("&" * 5000)
    messages = render_slack(reply)
    sections = [b["text"]["text"] for m in messages for b in m["blocks"]]
    assert all(len(s) <= 3000 for s in sections)
    assert "".join(sections).count("&amp;") == 5000


def test_slice_and_split_blocks_helpers() -> None:
    block = Block([Span("ab", bold=True), Span("cd")], kind="item")
    part = slice_block(block, 1, 3)
    assert [s.text for s in part.spans] == ["b", "c"] and part.kind == "item"
    chunks = split_blocks([Block([Span("x" * 10)])] * 3, 25, lambda bs: 10 * len(bs))
    assert [len(c) for c in chunks] == [2, 1]


def test_emoji_count_as_two_units_for_telegram() -> None:
    reply = Reply().add("🇺🇦" * 1500)  # 6,000 UTF-16 units
    messages = render_telegram(reply)
    assert len(messages) == 2
    assert "".join(messages) == "🇺🇦" * 1500


def test_a_chooser_of_every_party_fits_slacks_and_telegrams_limits() -> None:
    book = PartyBook.load(Settings().parties_file)
    positions = [
        Position(party.id, party.name_fr, "", "", "x", "x", "a.txt") for party in book.parties
    ]
    chooser = party_chooser(positions, book, "fr")
    assert len(chooser.buttons) == len(book.parties) > 50  # more than one actions block holds
    messages = render_slack(chooser)
    assert [check_message(m) for m in messages] == [None] * len(messages)
    values = [e["value"] for m in messages for b in m["blocks"] if b["type"] == "actions"
              for e in b["elements"]]  # fmt: skip
    assert sorted(values) == sorted(f"pos:{p.id}:1" for p in book.parties)
    rows = keyboard(chooser.buttons)
    assert rows is not None
    data = [b.callback_data for row in rows.inline_keyboard for b in row]
    assert len(data) == len(book.parties) and all(len(str(d).encode()) <= 64 for d in data)
