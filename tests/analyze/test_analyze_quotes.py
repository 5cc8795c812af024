"""Quotes of every shape, with their speakers resolved, on fictional articles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsfuse.analyze import ANALYZER_NAME, analyze_article
from newsfuse.model import Article, ArticleAnalysis, Quote


def _quote_at(analysis: ArticleAnalysis, text: str, needle: str) -> Quote:
    offset = text.index(needle)
    hits = [q for q in analysis.quotes if any(c.start <= offset < c.end for c in q.content)]
    assert hits, f"no quote covers {needle!r}"
    return hits[0]


def _speaker_name(analysis: ArticleAnalysis, quote: Quote) -> str | None:
    entity = analysis.entity(quote.speaker_entity) if quote.speaker_entity else None
    return entity.name if entity else None


def test_direct_quote_with_trailing_cue(make_article: Callable[..., Article], nlp: Any) -> None:
    """“…,” X said: content includes the marks, the cue and speaker are found."""
    article = make_article(
        "Velmont opens new bridge",
        "Mayor Orla Venter opened the Velmont bridge on Tuesday. “This bridge joins two towns that "
        "needed each other,” Venter said.",
    )
    analysis = analyze_article(article)
    quote = _quote_at(analysis, article.text, "This bridge joins")
    assert analysis.analyzer == ANALYZER_NAME
    assert quote.kind == "direct"
    assert article.text[quote.content[0].start] == "“" and article.text[quote.content[0].end - 1] == "”"
    assert quote.cue_lemma == "say"
    assert _speaker_name(analysis, quote) == "Orla Venter"


def test_pronoun_speaker_and_split_quote(make_article: Callable[..., Article], nlp: Any) -> None:
    """“A,” she said. “B.” is one quote of two ranges whose speaker "she" resolves to the subject before."""
    article = make_article(
        "Ferry strike ends",
        "Union leader Petra Okonjo ended the ferry strike on Friday.",
        "“The crews have been heard,” she said. “We go back to work on Monday morning.”",
    )
    analysis = analyze_article(article)
    quote = _quote_at(analysis, article.text, "The crews have")
    assert article.text[quote.speaker.start : quote.speaker.end] == "she" if quote.speaker else False
    assert _speaker_name(analysis, quote) == "Petra Okonjo"
    assert len(quote.content) == 2


def test_quote_continues_into_next_paragraph(make_article: Callable[..., Article], nlp: Any) -> None:
    """A quotation left open at a paragraph's end continues with the same speaker in the next one."""
    article = make_article(
        "Baker wins prize",
        "“Winning was a shock,” baker Ilse Marrow told the outlet. “I never expected the jury to taste "
        "my rye.",
        "We worked for months on that loaf. It is a family recipe.”",
    )
    analysis = analyze_article(article)
    first = _quote_at(analysis, article.text, "Winning was a shock")
    second = _quote_at(analysis, article.text, "We worked for months")
    assert first is second
    assert _speaker_name(analysis, first) == "Ilse Marrow"


def test_quote_without_cue_borrows_previous_sentence(make_article: Callable[..., Article], nlp: Any) -> None:
    """A cue-less quotation after "X revealed to her family that …" belongs to X: it carries on
    what she revealed, one attribution in two parts."""
    article = make_article(
        "Chef Dana Rusk plans a school",
        "Chef Dana Rusk and farmer Tom Avery met last spring.",
        "On the show, Dana revealed to her family that Tom had written to her. “He wants to teach "
        "children to grow food, and I think that is a wonderful thing to support.”",
    )
    analysis = analyze_article(article)
    quote = _quote_at(analysis, article.text, "He wants to teach")
    assert _speaker_name(analysis, quote) == "Dana Rusk"
    reported = _quote_at(analysis, article.text, "Tom had written")
    assert reported == quote and reported.cue_lemma == "reveal"


def test_headline_quote(make_article: Callable[..., Article], nlp: Any) -> None:
    """A quotation in a headline is attributed to the person the headline names."""
    article = make_article(
        "“It Was the Best Day of My Life” Rosa Ferrant Recalls Her Win",
        "Rosa Ferrant won the Velmont marathon on Sunday.",
    )
    analysis = analyze_article(article)
    quote = _quote_at(analysis, article.text, "It Was the Best")
    assert _speaker_name(analysis, quote) == "Rosa Ferrant"


def test_partial_quote_inside_reported_speech(make_article: Callable[..., Article], nlp: Any) -> None:
    """Her “long road” inside a reported clause is a mixed quote by the reporting subject."""
    article = make_article(
        "Swimmer returns",
        "Swimmer Aria Lund returned to the pool on Monday.",
        "Lund said that her “long road” back became the main topic of the team meeting.",
    )
    analysis = analyze_article(article)
    quote = _quote_at(analysis, article.text, "long road")
    assert quote.kind == "mixed"
    assert _speaker_name(analysis, quote) == "Aria Lund"


def test_reported_speech_forms(make_article: Callable[..., Article], nlp: Any) -> None:
    """ "X said that", "X told Y that", "X expressed that" and "according to X" are attributed to X."""
    article = make_article(
        "Council debates park",
        "Councillor Ben Harrow said that the park would stay open all winter.",
        "Harrow told reporters that the budget had been approved by the committee.",
        "The 54-year-old Harrow expressed that the vote was both fair and overdue.",
        "According to the Velmont Gazette, the park will also get a new playground.",
    )
    analysis = analyze_article(article)
    for needle in ("the park would stay", "the budget had been", "the vote was both"):
        quote = _quote_at(analysis, article.text, needle)
        assert quote.kind == "indirect"
        assert _speaker_name(analysis, quote) == "Ben Harrow"
    gazette = _quote_at(analysis, article.text, "the park will also")
    assert gazette.speaker is not None
    assert "Gazette" in article.text[gazette.speaker.start : gazette.speaker.end]


def test_original_outlet(make_article: Callable[..., Article], nlp: Any) -> None:
    """ "In an interview with X, …" and "told the outlet" name the outlet the words were first given to."""
    article = make_article(
        "Painter speaks",
        "In an exclusive interview with Harbour Tonight, painter Lena Sorel talked about her new show. "
        "“Every canvas is a letter to my town,” Sorel said.",
        "“I paint what I see,” Sorel told the outlet in May.",
    )
    analysis = analyze_article(article)
    first = _quote_at(analysis, article.text, "Every canvas")
    assert first.via_outlet is not None
    assert first.via_outlet.text_in(article.text) == "Harbour Tonight"
    second = _quote_at(analysis, article.text, "I paint what")
    assert second.via_outlet is not None and second.via_outlet.text_in(article.text) == "the outlet"
    assert second.via_outlet_name == "Harbour Tonight"


def test_straight_quotes(make_article: Callable[..., Article], nlp: Any) -> None:
    """Straight quotation marks work like curly ones."""
    article = make_article(
        "Storm warning",
        'Forecaster Jon Pell warned residents on Sunday. "Stay indoors tonight and keep off the roads," '
        "Pell said.",
    )
    analysis = analyze_article(article)
    quote = _quote_at(analysis, article.text, "Stay indoors")
    assert quote.kind == "direct" and _speaker_name(analysis, quote) == "Jon Pell"


def test_headline_colon_claim(make_article: Callable[..., Article], nlp: Any) -> None:
    """ "Mayor Venter: the harbour will reopen in spring" attributes the claim after the colon."""
    article = make_article(
        "Mayor Venter: the old harbour will reopen in spring",
        "Velmont's mayor spoke to residents on Monday.",
    )
    analysis = analyze_article(article)
    quote = _quote_at(analysis, article.text, "the old harbour")
    assert quote.speaker is not None and quote.speaker.text_in(article.text).endswith("Venter")


def test_odd_quotation_marks_do_not_break_the_batch(make_article: Callable[..., Article], nlp: Any) -> None:
    """Stray, unbalanced and lone marks are analysed without an error, each article yielding a result."""
    from newsfuse.analyze import analyze_articles

    articles = [
        make_article("“", "” ” “ “"),
        make_article("Notice", '"""'),
        make_article("Notice", "“Never closed", "” and closed later"),
    ]
    results = list(analyze_articles(articles))
    assert [r.article_id for r in results] == [a.id for a in articles]


def test_mixed_quote_content_is_the_reported_clause(make_article: Callable[..., Article], nlp: Any) -> None:
    """X said the bakery was “a home …”: the mixed quote's content is the whole clause, marks included."""
    article = make_article(
        "Bakery stays open",
        "Ilse Marrow said the old bakery was “a home for the whole street” during the long winter.",
    )
    analysis = analyze_article(article)
    quote = _quote_at(analysis, article.text, "a home for")
    assert quote.kind == "mixed"
    content = quote.content[0].text_in(article.text)
    assert content.startswith("the old bakery") and "”" in content
    assert _speaker_name(analysis, quote) == "Ilse Marrow"


def test_doubled_apostrophe_quotation(make_article: Callable[..., Article], nlp: Any) -> None:
    """''…,'' X said: two apostrophes mark a direct quotation like a straight double mark."""
    article = make_article(
        "Ferry resumes",
        "Captain Mira Tolland sailed the first ferry on Monday.",
        "''The sea was kind to us this morning,'' Ms. Tolland said.",
    )
    analysis = analyze_article(article)
    quote = _quote_at(analysis, article.text, "The sea was kind")
    assert quote.content[0].text_in(article.text).startswith("''The sea")
    assert quote.cue_lemma == "say"
    assert _speaker_name(analysis, quote) == "Mira Tolland"


def test_quote_after_reported_sentence_has_own_cue(make_article: Callable[..., Article], nlp: Any) -> None:
    """''…,'' he said after "X said that …." in one paragraph takes its own cue, not the one before."""
    article = make_article(
        "Harbour vote",
        "Mr. Kestrel Dunmore met the harbour board on Monday, with his deputy Lars Ovid.",
        "Mr. Ovid said that the vote would wait until spring. ''We need the fishermen in the room,'' "
        "he said.",
    )
    analysis = analyze_article(article)
    quote = _quote_at(analysis, article.text, "We need the fishermen")
    assert quote.kind == "direct" and quote.speaker is not None
    assert quote.speaker.text_in(article.text) == "he"
    assert quote.content[0].text_in(article.text).startswith("''We need")


def test_parenthetical_cue_inside_reported_clause(make_article: Callable[..., Article], nlp: Any) -> None:
    """ "In the end, X said, the ferry will …": the cue set inside the clause attributes the clause to X."""
    article = make_article(
        "Ferry timetable",
        "Mayor Orla Venter met the ferry crews on Monday.",
        "In the end, Ms. Venter said, the ferry will run every hour through the winter.",
    )
    analysis = analyze_article(article)
    quote = _quote_at(analysis, article.text, "the ferry will run")
    assert quote.kind == "indirect" and quote.cue_lemma == "say"
    assert _speaker_name(analysis, quote) == "Orla Venter"
    assert all("said" not in c.text_in(article.text) for c in quote.content)


def test_cue_with_preposition_reports_its_object(make_article: Callable[..., Article], nlp: Any) -> None:
    """ "X called for a recount", "X talked about …": the preposition's object is the content."""
    article = make_article(
        "Recount sought",
        "Councillor Ben Harrow called for a full recount of the harbour ballots.",
        "Harrow talked about the long queues at the polling station in Velmont.",
    )
    analysis = analyze_article(article)
    for needle in ("a full recount", "the long queues"):
        quote = _quote_at(analysis, article.text, needle)
        assert quote.kind == "indirect"
        assert quote.content[0].text_in(article.text).startswith(needle)
        assert _speaker_name(analysis, quote) == "Ben Harrow"


def test_signed_quotation(make_article: Callable[..., Article], nlp: Any) -> None:
    """“…” ― Name at the end of a line: the quotation is signed by that person."""
    article = make_article(
        "Readers on the new bridge",
        "“The bridge saves me an hour every single day.” ― Tomas Reyes",
        "“I miss the old ferry and its slow mornings.” ― Ana Ruiz",
    )
    analysis = analyze_article(article)
    first = _quote_at(analysis, article.text, "The bridge saves")
    second = _quote_at(analysis, article.text, "I miss the old")
    assert first is not second
    assert first.speaker is not None and first.speaker.text_in(article.text).endswith("Reyes")
    assert second.speaker is not None and second.speaker.text_in(article.text).endswith("Ruiz")


def test_continued_is_a_quote_cue_not_a_report(make_article: Callable[..., Article], nlp: Any) -> None:
    """ "…," she continued is a cue; "continued to fight" reports nothing."""
    article = make_article(
        "Ferry strike",
        "Union leader Petra Okonjo continued to fight the ferry closures all week.",
        "“We will not give up the crossing,” Okonjo continued.",
    )
    analysis = analyze_article(article)
    quote = _quote_at(analysis, article.text, "We will not give up")
    assert quote.cue_lemma == "continue" and _speaker_name(analysis, quote) == "Petra Okonjo"
    offset = article.text.index("the ferry closures")
    assert not any(c.start <= offset < c.end for q in analysis.quotes for c in q.content)


def test_trailing_participle_is_not_reported_content(make_article: Callable[..., Article], nlp: Any) -> None:
    """ "X said the pier would reopen in May, adding …": the reported clause ends before ", adding"."""
    article = make_article(
        "Pier repairs",
        "Harbour master Lina Voss said the old pier would reopen in May, adding a warning about the tides.",
    )
    analysis = analyze_article(article)
    quote = _quote_at(analysis, article.text, "the old pier")
    assert quote.content[-1].text_in(article.text).endswith("in May")
    assert _speaker_name(analysis, quote) == "Lina Voss"


def test_poll_shows_is_an_attribution(make_article: Callable[..., Article], nlp: Any) -> None:
    """ "A survey shows that …" (a sentence with no other cue) attributes the finding to the survey."""
    article = make_article(
        "Bridge survey",
        "A new survey of Velmont commuters shows that most of them cross the bridge before eight.",
    )
    analysis = analyze_article(article)
    quote = _quote_at(analysis, article.text, "most of them cross")
    assert quote.cue_lemma == "show"
    assert quote.speaker is not None and quote.speaker.text_in(article.text).endswith("survey")


def test_criticism_verbs_are_cues(make_article: Callable[..., Article], nlp: Any) -> None:
    """ "X decried …" and "X lauded …" attribute their object to X, like "said"."""
    article = make_article(
        "Ferry closure",
        "Mayor Orla Venter decried the sudden closure of the night ferry on Monday.",
        "Venter lauded the crews who had kept the crossing open through the storm.",
    )
    analysis = analyze_article(article)
    decried = _quote_at(analysis, article.text, "the sudden closure")
    lauded = _quote_at(analysis, article.text, "the crews who")
    assert decried.cue_lemma == "decry" and lauded.cue_lemma == "laud"
    assert _speaker_name(analysis, decried) == "Orla Venter"
    assert _speaker_name(analysis, lauded) == "Orla Venter"


def test_next_paragraph_quote_joins_the_cued_one(make_article: Callable[..., Article], nlp: Any) -> None:
    """“A,” X said. ¶ “B.”: a cue-less next paragraph is the same attribution, not a second one."""
    article = make_article(
        "Mill to reopen in Harrowby",
        "“We will rebuild the old mill by the spring,” foreman Aldo Brisk said on Monday.",
        "“The town needs the work more than it ever has.”",
    )
    analysis = analyze_article(article)
    first = _quote_at(analysis, article.text, "We will rebuild")
    assert first is _quote_at(analysis, article.text, "The town needs")
    assert _speaker_name(analysis, first) == "Aldo Brisk"


def test_run_of_quoted_paragraphs_is_one_quote(make_article: Callable[..., Article], nlp: Any) -> None:
    """Quoted paragraphs in a row after the sentence that cues them form one attribution."""
    article = make_article(
        "Harbour master speaks",
        "Harbour master Ines Calloway spoke only in short phrases during the interview.",
        "“We have to dredge the channel before the winter storms.”",
        "“The boats cannot wait for another season of silt.”",
        "“Nobody in this town wants the harbour to close.”",
    )
    analysis = analyze_article(article)
    quotes = {id(_quote_at(analysis, article.text, n)) for n in ("We have to", "The boats", "Nobody in")}
    assert len(quotes) == 1


def test_quoted_fragment_of_a_reported_clause(make_article: Callable[..., Article], nlp: Any) -> None:
    """“A” rest of the clause, X said: one mixed quote (the clause), not also a direct one of “A”."""
    article = make_article(
        "Gardeners ready the river path",
        "Head gardener Wim Oosterhout spoke to volunteers on Sunday.",
        "“We planted and watered” every sapling along the river path before the spring festival, "
        "Oosterhout said.",
    )
    analysis = analyze_article(article)
    offset = article.text.index("We planted")
    covering = [q for q in analysis.quotes if any(c.start <= offset < c.end for c in q.content)]
    assert len(covering) == 1
    assert article.text[covering[0].content[-1].end - 1] != "”"
    assert _speaker_name(analysis, covering[0]) == "Wim Oosterhout"


def test_short_utterance_after_a_speech_verb(make_article: Callable[..., Article], nlp: Any) -> None:
    """He yelled “Shame!”: a one-word exclamation right after a speech verb is a quotation too."""
    article = make_article(
        "Council votes to close the pool",
        "When mayor Hedda Lorne read out the result, a swimmer in the gallery yelled “Shame!” and left.",
    )
    analysis = analyze_article(article)
    quote = _quote_at(analysis, article.text, "Shame")
    assert quote.speaker is not None and article.text[quote.speaker.start : quote.speaker.end] == "a swimmer"


def _ferry_story(make_article: Callable[..., Article], paragraph: str) -> tuple[ArticleAnalysis, str]:
    article = make_article("Velmont ferry", paragraph)
    return analyze_article(article), article.text


def _said_in_two_parts(
    make_article: Callable[..., Article], paragraph: str, second: str
) -> tuple[Quote, str]:
    """The attribution holding ``second``, checked to be one "said" in two parts, and the text."""
    analysis, text = _ferry_story(make_article, paragraph)
    quote = _quote_at(analysis, text, second)
    assert len(quote.content) == 2 and quote.cue_lemma == "say"
    return quote, text


def test_doubled_apostrophe_quote_in_two_parts(make_article: Callable[..., Article], nlp: Any) -> None:
    """Regression: ''A,'' X said, who noted … ''B.'': the parser leaves B's opening '' at the end of
    the sentence before, so B took that sentence's last cue; it continues A's quotation."""
    paragraph = (
        "''The ferry is running again, and so are the buses,'' said Mr. Venter, who noted that the "
        "fares had ''doubled'' since the spring. ''Things are moving in the right direction, slowly.''"
    )
    _said_in_two_parts(make_article, paragraph, "Things are moving")


def test_dateline_is_not_the_speaker(make_article: Callable[..., Article], nlp: Any) -> None:
    """Regression: in "VELMONT (AP) — X and Y pledged …" the parser made the dateline the subject."""
    analysis, text = _ferry_story(
        make_article,
        "VELMONT (AP) — Piet Kuyper and Mayor Orla Venter pledged to reopen the ferry pier before the "
        "summer despite their differences.",
    )
    quote = _quote_at(analysis, text, "the ferry pier")
    assert quote.speaker is not None
    assert text[quote.speaker.start : quote.speaker.end] in {"Piet Kuyper", "Mayor Orla Venter"}


def test_quotation_carrying_on_a_report_joins_it(make_article: Callable[..., Article], nlp: Any) -> None:
    """ "The fares are ''unfair,'' said X. ''They hurt …''": one cue, one attribution in two parts."""
    paragraph = (
        "The new ferry fares are ''plainly unfair,'' said Piet Kuyper, a harbour pilot who has worked "
        "on the island for years. ''They hurt the islanders most.''"
    )
    quote, text = _said_in_two_parts(make_article, paragraph, "They hurt")
    assert text[quote.content[0].start :].startswith("The new ferry fares")


def test_quotation_opening_inside_a_report_carries_the_report_on(
    make_article: Callable[..., Article], nlp: Any
) -> None:
    """ "Fares may rise ''because …,'' X said. ''But …''": the first quotation is a fragment of the
    reported clause, and the second carries that report on: one attribution in two parts."""
    paragraph = (
        "At the harbour, fares may have to rise again ''because the fuel keeps getting dearer,'' "
        "Mr. Kuyper said. ''But the islanders simply cannot pay any more than they do now.''"
    )
    quote, text = _said_in_two_parts(make_article, paragraph, "But the islanders")
    assert text[quote.content[0].start :].startswith("At the harbour")


def test_pronoun_speaker_skips_a_thing_named_after_a_place(
    make_article: Callable[..., Article], nlp: Any
) -> None:
    """Regression: "the Velmont bridge" as a subject counted as a mention of Velmont, so a later "she"
    resolved to the town; a common noun heads no mention of the name that modifies it."""
    article = make_article(
        "Velmont bridge opens",
        "Mayor Orla Venter said the Velmont bridge would open on Tuesday.",
        "“Engineer Tomas Reyes told me the deck would hold for a century,” she said.",
    )
    analysis = analyze_article(article)
    quote = _quote_at(analysis, article.text, "Engineer Tomas")
    assert _speaker_name(analysis, quote) == "Orla Venter"
