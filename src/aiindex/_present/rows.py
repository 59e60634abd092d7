"""What every table and chart shows of a ranking or a profile, decided once.

The text, Korean, HTML and chart renderers only lay these rows out: which rank a row carries
and whether it is shared, which flags it has (stated outside the chart, disputed, a baseline),
the value as printed, and the lines around a table (edition, coverage, source) come from here,
so no two renderers can disagree about them.

>>> from aiindex._present.rows import ranking_rows
>>> rows = ranking_rows(aiindex.indicator("private_investment", edition=2024).ranking())
>>> [(r.label(), r.entity.id, r.value, r.flags) for r in rows if r.rank == 9 or r.disputed]
[('2', 'CHN', '7.76', ('disputed',)), ('9=', 'IND', '1.39', ()), ('9=', 'KOR', '1.39', ())]
>>> [r.label("ko") for r in rows][8:10]
['공동 9위', '공동 9위']
"""

from __future__ import annotations

from operator import attrgetter

from aiindex._present.numbers import derived, gap_decimals, number, shown

# Not `from typing import TYPE_CHECKING`: `aiindex show` loads this module, and typing costs it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from typing import Any

    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Coverage, Entity, Observation, Profile, ProfileRow, Ranking
    from aiindex._present.lang import Lang

__all__ = [
    "FLAGS",
    "OBSERVATION_FIELDS",
    "PROFILE_COLUMNS",
    "ProfileLine",
    "RankRow",
    "coverage_line",
    "cutoff_text",
    "edition_words",
    "flag_text",
    "note_lines",
    "observation_fields",
    "profile_footer",
    "profile_lines",
    "profile_title",
    "rank_label",
    "ranking_rows",
    "source_line",
    "source_words",
    "tied_ranks",
    "title",
    "top_rows",
    "unit_label",
]

#: The languages tables, charts and citations are written in.

#: A row's flags, in the order tables list them.
FLAGS: tuple[str, ...] = ("outside_chart", "disputed", "baseline")

_FLAG_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "outside_chart": "stated outside the chart",
        "disputed": "disputed",
        "baseline": "baseline",
    },
    "ko": {"outside_chart": "차트 밖에서 언급", "disputed": "수치 논란", "baseline": "기준선"},
}
# Where the note is not on the page (text tables), a dispute points the reader to it.
_SEE_NOTE = {"en": ", see note", "ko": ", 주석 참조"}


def tied_ranks(ranks: Iterable[int | None]) -> frozenset[int]:
    """The ranks that more than one row holds, found in one pass.

    >>> sorted(tied_ranks([1, 2, 2, 4, 5, 5, 5, None, None]))
    [2, 5]
    """
    seen: set[int] = set()
    tied: set[int] = set()
    for rank in ranks:
        if rank is None:
            continue
        if rank in seen:
            tied.add(rank)
        else:
            seen.add(rank)
    return frozenset(tied)


def rank_label(rank: int | None, tied: bool, lang: Lang = "en", *, chart: bool = False) -> str:
    """A rank as a table writes it: ``9``, ``9=`` when shared, ``-`` when the table has none.

    Korean writes ``9위`` and ``공동 9위``. A chart puts the tie mark first (``=9``, read
    before the name) and marks a missing rank with an en dash.

    >>> rank_label(9, True), rank_label(None, False), rank_label(9, True, "ko")
    ('9=', '-', '공동 9위')
    >>> rank_label(9, True, chart=True), rank_label(None, False, "ko", chart=True)
    ('=9', '–')
    """
    if rank is None:
        return "–" if chart else "-"
    if lang == "ko":
        from aiindex._present.korean import rank_ko

        return rank_ko(rank, tied)
    if not tied:
        return str(rank)
    return f"={rank}" if chart else f"{rank}="


def flag_text(flags: Iterable[str], lang: Lang = "en", *, see_note: bool = False) -> str:
    """A row's flags in words, ``;``-separated; ``see_note`` where the note is not shown.

    >>> flag_text(("outside_chart", "disputed"), see_note=True)
    'stated outside the chart; disputed, see note'
    >>> flag_text(("disputed",), "ko")
    '수치 논란'
    """
    words = _FLAG_WORDS[lang]
    return "; ".join(
        words[f] + (_SEE_NOTE[lang] if see_note and f == "disputed" else "") for f in flags
    )


class RankRow:
    """One row of a ranking as every renderer shows it.

    ``rank`` is None where the table cannot establish it; ``tied`` says another row holds the
    same rank; ``value`` is the value as the report prints it (`shown`: the chart's digits,
    or ``digits`` decimals); ``flags`` holds the names in `FLAGS` that apply, in that order.
    """

    __slots__ = ("flags", "indicator_id", "observation", "rank", "tied", "value")

    def __init__(
        self,
        observation: Observation,
        rank: int | None,
        tied: bool,
        indicator_id: str | None = None,
        digits: int | None = None,
    ) -> None:
        self.observation = observation
        self.indicator_id = indicator_id
        self.rank = rank
        self.tied = tied
        self.value = shown(observation, indicator_id, digits=digits)
        marks = (observation.outside_chart, observation.disputed, _is_baseline(observation))
        self.flags: tuple[str, ...] = tuple(f for f, on in zip(FLAGS, marks, strict=True) if on)

    @property
    def entity(self) -> Entity:
        return self.observation.entity

    @property
    def magnitude(self) -> float:
        return self.observation.magnitude

    @property
    def note(self) -> str | None:
        return self.observation.note

    @property
    def stated_rank(self) -> int | None:
        """A rank the source states in words (shown by no table yet; exported)."""
        return self.observation.stated_rank

    @property
    def outside_chart(self) -> bool:
        return "outside_chart" in self.flags

    @property
    def disputed(self) -> bool:
        return "disputed" in self.flags

    @property
    def baseline(self) -> bool:
        return "baseline" in self.flags

    def name(self, lang: Lang = "en") -> str:
        """The entity's name in ``lang`` (the Korean press name, where there is one)."""
        return self.observation.entity.display(lang)

    def label(self, lang: Lang = "en", *, chart: bool = False) -> str:
        """The rank as `rank_label` writes it."""
        return rank_label(self.rank, self.tied, lang, chart=chart)

    def __repr__(self) -> str:
        return f"<RankRow {self.label()} {self.entity.id} {self.value} {self.flags}>"


def _is_baseline(obs: Observation) -> bool:
    return obs.entity.kind == "baseline"


def ranking_rows(ranking: Ranking, *, digits: int | None = None) -> tuple[RankRow, ...]:
    """The ranking's rows, best first, with ties found once for the whole ranking."""
    tied = tied_ranks(ranking.ranks)
    ind = ranking.indicator.id
    return tuple(RankRow(r.observation, r.rank, r.rank in tied, ind, digits) for r in ranking)


def top_rows(rows: Sequence[RankRow], top: int | None) -> tuple[RankRow, ...]:
    """The first ``top`` rows, and every row tied with the last of them (None: all).

    >>> rows = ranking_rows(aiindex.indicator("private_investment", edition=2024).ranking())
    >>> [r.entity.id for r in top_rows(rows, 9)][-2:]
    ['IND', 'KOR']
    """
    if top is None or len(rows) <= top:
        return tuple(rows)
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ValueError(f"top={top!r}: give a positive number of rows, or None for all")
    kept = list(rows[:top])
    last = kept[-1]
    for row in rows[top:]:
        if last.rank is None or row.rank != last.rank:
            break
        kept.append(row)
    return tuple(kept)


def cutoff_text(coverage: Coverage, rows: Sequence[RankRow], digits: int | None = None) -> str:
    """The value down to which a partial table is complete, shown as its rows are."""
    down_to = coverage.complete_down_to
    if down_to is None:
        return ""
    for row in rows:
        if row.magnitude == down_to:
            return row.value
    from aiindex._present.numbers import decimals_of

    places = [decimals_of(r.observation, r.indicator_id) for r in rows]
    return derived(down_to, min(places) if places else 2, digits=digits)


def note_lines(rows: Iterable[RankRow], lang: Lang = "en", *, every: bool = False) -> list[str]:
    """The notes under a text table: of the rows marked disputed (``every``: of every row).

    A table that says "disputed, see note" prints the note here. Notes are the data's own
    words (English).

    >>> rows = ranking_rows(aiindex.indicator("private_investment", edition=2024).ranking())
    >>> note_lines(rows)[1].startswith("  China: the Yonhap article")
    True
    """
    from aiindex._present.words import word

    shown = [r for r in rows if r.note and (every or r.disputed)]
    if not shown:
        return []
    head = word("notes", lang) + (" (원문)" if lang == "ko" else "") + ":"
    return [head, *(f"  {r.name(lang)}: {r.note}" for r in shown)]


class ProfileLine:
    """One row of a profile as every renderer shows it: an indicator's value, rank and leader.

    ``period`` is the data year (or the period a cumulative value covers); ``gap`` is the gap
    to the leader as text, ``-`` where there is no leader.
    """

    __slots__ = ("gap", "period", "rank", "row", "tied", "value")

    def __init__(self, row: ProfileRow, digits: int | None = None) -> None:
        obs = row.observation
        ind = row.indicator.id
        self.row = row
        self.rank = row.rank
        ranks = row.indicator.ranking(obs.year).ranks if row.rank is not None else ()
        self.tied = row.rank in tied_ranks(ranks)
        self.period = obs.period or str(obs.year)
        self.value = shown(obs, ind, digits=digits)
        gap = row.gap_magnitude
        self.gap = "-"
        if gap is not None and row.leader is not None:
            places = gap_decimals(obs, row.leader, indicator_id=ind)
            self.gap = derived(gap, places, digits=digits)

    @property
    def indicator(self) -> Indicator:
        return self.row.indicator

    @property
    def observation(self) -> Observation:
        return self.row.observation

    def title(self, lang: Lang = "en") -> str:
        return title(self.row.indicator, lang)

    def unit(self, lang: Lang = "en") -> str:
        return unit_label(self.row.indicator, lang)

    def leader(self, lang: Lang = "en") -> str:
        """The leader's name in ``lang``; ``-`` where the table cannot establish one."""
        leader = self.row.leader
        return leader.entity.display(lang) if leader is not None else "-"

    def label(self, lang: Lang = "en", *, chart: bool = False) -> str:
        return rank_label(self.rank, self.tied, lang, chart=chart)


def profile_lines(profile: Profile, *, digits: int | None = None) -> tuple[ProfileLine, ...]:
    """The profile's rows, one per indicator, in the profile's order."""
    return tuple(ProfileLine(row, digits) for row in profile.rows)


#: A profile's column headings, per language.
PROFILE_COLUMNS: dict[str, tuple[str, ...]] = {
    "en": ("indicator", "year", "value", "unit", "rank", "leader", "gap to leader"),
    "ko": ("지표", "연도", "값", "단위", "순위", "1위", "1위와 차이"),
}


def profile_title(profile: Profile, lang: Lang = "en") -> str:
    """The line over a profile: who, and which edition.

    >>> p = aiindex.profile("KOR", edition=2024)
    >>> profile_title(p), profile_title(p, "ko")
    ('South Korea (KOR) in the AI Index 2024', 'AI 인덱스 2024 속 한국 (KOR)')
    """
    e = profile.entity
    if lang == "ko":
        return f"{edition_words(profile.edition, 'ko')} 속 {e.display('ko')} ({e.id})"
    return f"{e.name} ({e.id}) in the AI Index {profile.edition}"


def title(indicator: Indicator, lang: Lang = "en") -> str:
    """The indicator's title in ``lang`` (its English one where no Korean one is recorded)."""
    if lang == "ko":
        from aiindex._present.korean import title_ko

        return title_ko(indicator)
    return indicator.title


def unit_label(indicator: Indicator, lang: Lang = "en") -> str:
    """The indicator's unit as a reader of ``lang`` expects it."""
    if lang == "ko":
        from aiindex._present.korean import unit_label_ko

        return unit_label_ko(indicator)
    return indicator.unit_label


def edition_words(edition: int | None, lang: Lang = "en", *, named: bool = False) -> str:
    """Which table this is: ``2024 edition`` (``AI Index 2024`` when ``named``), or a user's.

    >>> edition_words(2024), edition_words(2024, named=True), edition_words(None)
    ('2024 edition', 'AI Index 2024', 'user table')
    >>> edition_words(2024, "ko"), edition_words(None, "ko")
    ('AI 인덱스 2024', '사용자 표')
    """
    if edition is None:
        from aiindex._model.records import USER_TABLE

        return "사용자 표" if lang == "ko" else USER_TABLE
    if lang == "ko":
        return f"AI 인덱스 {edition}"
    return f"AI Index {edition}" if named else f"{edition} edition"


def coverage_line(
    coverage: Coverage, lang: Lang = "en", *, unranked: str = "-", cutoff: str | None = None
) -> str:
    """The line under a table on how complete it is, and what a rank of ``unranked`` means.

    ``cutoff`` is the value down to which it is complete as the table shows it (`cutoff_text`).

    >>> cov = aiindex.indicator("ai_patents_per_capita", edition=2024).coverage_for(2022)
    >>> coverage_line(cov)
    'Coverage: top of the chart, complete down to 2.51; ranks marked - cannot be established from it.'
    >>> coverage_line(cov, "ko", unranked="–")
    "범위: 차트 상위 항목만(2.51 이상은 빠짐없음). 순위 '–'는 이 표로 정할 수 없음."
    """  # noqa: E501
    down_to = coverage.complete_down_to
    if down_to is not None and cutoff is None:
        cutoff = number(down_to)
    if lang == "ko":
        if coverage.kind == "complete":
            return "범위: 출처가 제시한 모든 항목."
        what = "차트 상위 항목만" if coverage.kind == "top" else "일부 항목만"
        if down_to is not None:
            what += f"({cutoff} 이상은 빠짐없음)"
        return f"범위: {what}. 순위 '{unranked}'는 이 표로 정할 수 없음."
    if coverage.kind == "complete":
        return "Coverage: every entity the source reports."
    what = "top of the chart" if coverage.kind == "top" else "a selection"
    reach = f", complete down to {cutoff}" if down_to is not None else ""
    return f"Coverage: {what}{reach}; ranks marked {unranked} cannot be established from it."


def source_line(indicator: Indicator, lang: Lang = "en") -> str:
    """The source line under a table: the short citation (`cite`), or a user table's source.

    >>> source_line(aiindex.indicator("private_investment", edition=2024))
    'Source: Stanford HAI, AI Index Report 2024, Chapter 4.3 Investment, via courseon.ai, ...'
    >>> source_line(aiindex.indicator("private_investment", edition=2025))
    'Source: Quid; Stanford HAI, AI Index Report 2025, Chapter 4.3 Investment, figs. 4.3.8, 4.3.10.'
    """
    if indicator.edition is None:
        text = str(indicator.source)
    else:
        from aiindex._present.cite import cite

        text = cite(indicator, "short", lang)
    return ("출처: " if lang == "ko" else "Source: ") + text + "."


def source_words(obs: Observation, lang: Lang = "en") -> str:
    """Where one value is from, in a table's source column: report, section, figure.

    >>> obs = aiindex.indicator("private_investment", edition=2026).observation("KOR")
    >>> source_words(obs), source_words(obs, "ko")
    ('Stanford HAI, AI Index Report 2026, Chapter 4 Economy, fig_4.2.8', "스탠퍼드대 HAI 'AI 인덱스 2026' 보고서, Chapter 4 Economy, 그림 4.2.8")
    """  # noqa: E501
    src = obs.source
    if lang != "ko" or src.edition is None:
        return str(src)
    fig = f", 그림 {src.figure.removeprefix('fig_')}" if src.figure else ""
    return f"스탠퍼드대 HAI 'AI 인덱스 {src.edition}' 보고서, {src.section}{fig}"


def profile_footer(edition: int, lang: Lang = "en", *, press: bool = False) -> str:
    """The line under a profile: the report, and what a rank of ``-`` means.

    ``press`` says that some values were read from press reports quoting the report, not from
    its files.

    >>> profile_footer(2024)
    'Source: Stanford HAI, AI Index Report 2024; rank - : the table cannot establish it.'
    >>> print(profile_footer(2024, "ko", press=True))
    출처: 스탠퍼드대 HAI 'AI 인덱스 2024' 보고서(일부 수치는 언론 보도 재인용). 순위 '-': ...
    """
    if lang == "ko":
        read = "(일부 수치는 언론 보도 재인용)" if press else ""
        report = f"스탠퍼드대 HAI 'AI 인덱스 {edition}' 보고서{read}"
        return f"출처: {report}. 순위 '-': 표로 정할 수 없음."
    read = " (some values read via press reports quoting it)" if press else ""
    report = f"Stanford HAI, AI Index Report {edition}{read}"
    return f"Source: {report}; rank - : the table cannot establish it."


def read_via_press(profile: Profile) -> bool:
    """Whether any value of ``profile`` was read from a press report rather than the report."""
    from aiindex._present.cite import via

    return any(via(row.observation) for row in profile.rows)


#: An observation's fields as plain data, in the order exports write them: each name and how
#: to read it. Names are those of the exported files (`aiindex._present.frames.COLUMNS`);
#: ``value`` is the float in the indicator's unit, ``sources`` where it was read.
OBSERVATION_FIELDS: dict[str, Callable[[Observation], Any]] = {
    "entity": attrgetter("entity.id"),
    "entity_name": attrgetter("entity.name"),
    "entity_kind": attrgetter("entity.kind"),
    "year": attrgetter("year"),
    "value": attrgetter("magnitude"),
    "unit": attrgetter("unit"),
    "printed": attrgetter("printed"),
    "printed_unit": attrgetter("printed_unit"),
    "period": attrgetter("period"),
    "stated_rank": attrgetter("stated_rank"),
    "note": attrgetter("note"),
    "sources": attrgetter("source.locators"),
}


def observation_fields(obs: Observation) -> dict[str, Any]:
    """One observation as plain data: `OBSERVATION_FIELDS` read off it (JSON, CSV rows).

    >>> obs = aiindex.indicator("ai_talent_migration", edition=2024).observation("CHE")
    >>> fields = observation_fields(obs)
    >>> fields["entity"], fields["value"], fields["printed"], fields["stated_rank"]
    ('CHE', 1.6, '1.60', 2)
    """
    return {name: read(obs) for name, read in OBSERVATION_FIELDS.items()}
