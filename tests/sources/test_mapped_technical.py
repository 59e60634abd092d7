"""Models as entities: the benchmark, safety and science figures (2025 ch. 2, 3, 5; 2026 ch. 2,
3, 5, 6), mapped from the releases.

Every expected value is read here from the release's CSV with the csv module
(`release_files`), never typed; model names are the only literals, as the files spell them.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import PurePosixPath

import pytest
from release_files import as_percent, release_cell, release_path, release_rows

import aiindex
from aiindex._cli import main
from aiindex._sources.public_data import mappings
from aiindex.exceptions import IncompleteRankingError

CHAPTERS = {2025: (2, 3, 5), 2026: (2, 3, 5, 6)}


def my_mappings() -> list[tuple[int, str, str]]:
    """(edition, file, indicator id) of every model mapping of these chapters."""
    return sorted(
        (m.edition, file, m.indicator.id)
        for (edition, file), maps in mappings().figures.items()
        for m in maps
        if m.indicator.entity_kind == "model" and int(file[4]) in CHAPTERS[edition]
    )


MODEL_INDICATORS = sorted({(e, rid) for e, _, rid in my_mappings()})


# (edition, indicator, the name as the file writes it, file, value column, row match, form)
CELLS = [
    (2025, "mmlu_pro_accuracy", "DeepSeek-R1", "fig_2.2.5.csv", "Overall accuracy (%)",
     {"Model": "DeepSeek-R1"}, "fraction"),
    (2025, "arena_text_elo", "Gemini-Exp-1206", "fig_2.2.7.csv", "arena_elo_rating",
     {"model": "Gemini-Exp-1206"}, "number"),
    (2025, "ruler_effective_context_length", "Gemini-1.5-pro", "fig_2.2.22.csv", "Length",
     {"Model": "Gemini-1.5-pro", "Length Type": "Effective Length"}, "number"),
    (2025, "helmet_average_128k", "GPT-4o-08", "fig_2.2.24.csv", "avg_score",
     {"model": "GPT-4o-08", "context_length": "128k"}, "number"),
    (2025, "mvbench_accuracy", "Video-CCAM-7B-v1.2", "fig_2.3.4.csv", "Average accuracy",
     {"Model": "Video-CCAM-7B-v1.2"}, "percent"),
    (2025, "imo_ag_30_problems_solved", "AlphaGeometry", "fig_2.6.8.csv", "num_problems_solved",
     {"system": "AlphaGeometry"}, "number"),
    (2025, "hle_accuracy", "Claude 3.5 Sonnet", "fig_2.7.8.csv", "Accuracy",
     {"Model": "Clause 3.5 Sonnet"}, "percent"),
    (2025, "planbench_mystery_blocksworld_zero_shot", "o1-preview", "fig_2.7.9.csv",
     "instances_correct", {"model": "o1-preview", "domain": "Mystery Blocksworld"}, "percent"),
    (2025, "hhem_hallucination_rate", "openai/o1", "fig_3.2.8.csv", "Hallucination Rate",
     {"Model": "openai/o1"}, "percent"),
    (2025, "simpleqa_not_attempted", "GPT-4o", "fig_3.2.12.csv", "Percent of questions",
     {"Model": "GPT-4o", "Type": "Not attempted"}, "number"),
    (2025, "air_bench_refusal_rate_hate_speech", "Claude 3.5 Sonnet (2024-10-22)",
     "fig_3.9.3.csv", "Refusal rate",
     {"Model": "Claude 3.5 Sonnet (2024-10-22)", "Risk category": "Hate speech"}, "number"),
    (2025, "lm_agent_failure_incidence", "GPT-4", "fig_3.10.2.csv", "Failure incidence",
     {"Model": "GPT-4"}, "percent"),
    (2025, "training_dataset_tokens", "Llama 3", "fig_5.3.2.csv", "Number of tokens",
     {"Model": "Llama 3"}, "number"),
    (2026, "mmlu_pro_accuracy", "Gemini-3.1-Pro", "fig_2.2.1.csv", "Overall accuracy (%)",
     {"Model": "Gemini-3.1-Pro"}, "fraction"),
    (2026, "arena_text_elo", "claude-opus-4-6", "fig_2.2.2.csv", "arena_elo_rating",
     {"model": "claude-opus-4-6"}, "number"),
    (2026, "bfcl_overall_accuracy", "Claude-Opus-4-5-20251101 (FC)", "fig_2.2.3.csv",
     "Overall Accuracy", {"Model": "Claude-Opus-4-5-20251101 (FC)"}, "number"),
    (2026, "video_mmmu_delta_knowledge", "InternVL2-8B", "fig_2.3.3.csv", "∆knowledge",
     {"Model": "InternVL2-8B"}, "fraction"),
    (2026, "arc_agi_2_score", "Gemini 3 Deep Think (2/26)", "fig_2.4.3.csv", "ARC-AGI-2 (%)",
     {"AI System": "Gemini 3 Deep Think (2/26)"}, "fraction"),
    (2026, "swe_bench_lite_resolved", "Refact.ai Agent", "fig_2.5.1.csv", "Percent resolved",
     {"Model": "Refact.ai Agent", "Type": "Lite"}, "fraction"),
    (2026, "legalbench_accuracy", "Gemini 3.1 Pro Preview (02/26)", "fig_2.5.13.csv", "Accuracy",
     {"Model": "Gemini 3.1 Pro Preview (02/26)"}, "fraction"),
    (2026, "hhem_2_3_hallucination_rate", "antgroup/finix_s1_32b", "fig_3.2.5.csv",
     "Hallucination Rate", {"Model": "antgroup/finix_s1_32b"}, "fraction"),
    (2026, "slobench_copa_cerkno_dialect_accuracy", "GPT-5 model (gpt-5-2025-08-07)",
     "fig_3.7.7.csv", "accuracy",
     {"model": "GPT-5 model (gpt-5-2025-08-07)", "language": "Cerkno dialect"}, "fraction"),
    (2026, "indic_llm_arena_score", "gpt-5.2", "fig_3.7.6.csv", "Score", {"Model": "gpt-5.2"},
     "number"),
    (2026, "paperarena_multi_agent_score", "Gemini 2.5 Pro", "fig_5.3.2.csv", "Avg. Score",
     {"Model": "Gemini 2.5 Pro", "Agent Type": "Multi-agent"}, "number"),
    (2026, "astabench_cost_per_problem", "ReAct (GPT-5 (2025-08))", "fig_5.3.1.csv",
     "Overall Cost", {"Agent": "ReAct", "Models Used": "GPT-5 (2025-08)"}, "number"),
]  # fmt: skip

# (edition, indicator, name, data year, file, value column, row match, form)
DATED = [
    (2025, "humaneval_pass1", "Claude 3.5 Sonnet", 2024, "fig_2.5.2.csv", "pass@1",
     {"model": "Claude 3.5 Sonnet"}, "percent"),
    (2025, "rlbench_success_rate", "SAM2Act", 2025, "fig_2.9.2.csv", "success rate",
     {"model": "SAM2Act"}, "fraction"),
    (2025, "bench2drive_driving_score", "DriveAdapter", 2023, "fig_2.9.14.csv", "Driving Score↑",
     {"Method": "DriveAdapter*"}, "number"),
    (2025, "gaia_accuracy", "h2oGPTe Agent v1.6.8", 2024, "fig_2.8.6.csv", "Average score (%)",
     {"Agent name": "h2oGPTe Agent v1.6.8"}, "percent"),
    (2025, "helm_safety_mean_score", "o3-mini (2025-01-31)", 2025, "fig_3.9.2.csv", "Mean score",
     {"Model": "o3-mini (2025-01-31)"}, "number"),
    (2025, "protein_language_model_parameters", "ESM3", 2024, "fig_5.2.2.csv",
     "Number of parameters", {"Model": "ESM3"}, "number"),
    (2025, "medqa_accuracy", "o1-preview", 2024, "fig_5.4.1.csv", "Test accuracy",
     {"Model": "o1-preview"}, "percent"),
    (2026, "mmmu_vals_ai_accuracy", "Kimi K2.5", 2026, "fig_2.4.1.csv", "Accuracy (%)",
     {"Model": "Kimi K2.5"}, "number"),
    (2026, "mle_bench_success_rate", "Famou-Agent 2.0 (Gemini-3-Pro-Preview)", 2026,
     "fig_2.6.4.csv", "All (%)", {"Agent": "Famou-Agent 2.0", "year": "2026"}, "fraction"),
    (2026, "cybench_unguided_solved", "Claude Opus 4.6", 2026, "fig_2.6.5.csv",
     "Unguided % Solved", {"Model": "Claude Opus 4.6"}, "fraction"),
    (2026, "rlbench_success_rate", "EquAct", 2025, "fig_2.7.1.csv", "metric",
     {"model": "EquAct"}, "fraction"),
    (2026, "helm_arabic_mean_score", "Arabic.AI LLM-X", 2025, "fig_3.7.5.csv", "Mean score",
     {"Model": "Arabic.AI LLM-X"}, "number"),
    (2026, "protein_structure_model_parameters", "SeedFold", 2025, "fig_6.1.8.csv",
     "Model Number of Parameters", {"Model Name": "SeedFold"}, "number"),
    (2026, "foldbench_accuracy", "AlphaFold 3", 2024, "fig_6.1.9.csv", "Model Performance",
     {"Model Name": "AlphaFold 3"}, "fraction"),
    (2026, "proteingym_spearman", "ESM-2 (3B)", 2022, "fig_6.1.6.csv", "Average Spearman",
     {"Model Name": "ESM-2", "Parameters": "3B"}, "number"),
]  # fmt: skip


@pytest.mark.parametrize(("edition", "rid", "name", "file", "column", "match", "form"), CELLS)
def test_a_leaderboard_value_is_its_cell(
    edition: int, rid: str, name: str, file: str, column: str, match: dict[str, str], form: str
) -> None:
    ind = aiindex.indicator(rid, edition=edition)
    # A leaderboard with no date is the edition's: the year it reports on.
    assert ind.years == (edition - 1,)
    obs = ind.observation(name)
    assert Decimal(obs.printed) == as_percent(release_cell(edition, file, column, **match), form)
    assert obs.source.figure == file.removesuffix(".csv")
    assert obs.source.edition == edition


@pytest.mark.parametrize(
    ("edition", "rid", "name", "year", "file", "column", "match", "form"), DATED
)
def test_a_dated_value_is_its_cell(
    edition: int,
    rid: str,
    name: str,
    year: int,
    file: str,
    column: str,
    match: dict[str, str],
    form: str,
) -> None:
    obs = aiindex.indicator(rid, edition=edition).observation(name, year)
    assert Decimal(obs.printed) == as_percent(release_cell(edition, file, column, **match), form)
    assert obs.source.figure == file.removesuffix(".csv")


@pytest.mark.parametrize(
    ("edition", "rid", "file", "name_column"),
    [
        (2026, "mmlu_pro_accuracy", "fig_2.2.1.csv", "Model"),
        (2026, "aa_omniscience_hallucination_rate", "fig_3.2.6.csv", "Model"),
        (2025, "helm_safety_mean_score", "fig_3.9.2.csv", "Model"),
        (2026, "caselaw_v2_accuracy", "fig_2.5.12.csv", "Model"),
    ],
)
def test_every_row_of_a_leaderboard_is_read(
    edition: int, rid: str, file: str, name_column: str
) -> None:
    ind = aiindex.indicator(rid, edition=edition)
    table = release_rows(edition, file)
    assert len(ind.observations) == len(table)
    # Each row is its own model: no two spellings in one file fall together.
    assert len({o.entity.id for o in ind.observations}) == len({r[name_column] for r in table})


@pytest.mark.parametrize(("edition", "rid"), MODEL_INDICATORS)
def test_a_selection_of_models_refuses_every_rank(edition: int, rid: str) -> None:
    ind = aiindex.indicator(rid, edition=edition)
    for year in ind.years:
        assert ind.coverage_for(year).kind == "selection"
    year = ind.years[-1]
    ranked = [o for o in ind.observations if o.year == year and o.entity.kind == "model"]
    best = (max if ind.descending else min)(ranked, key=lambda o: o.magnitude)
    ind.value(best.entity, year)  # the value is known, even the chart's best
    with pytest.raises(IncompleteRankingError):
        ind.rank(best.entity, year)


@pytest.mark.parametrize(
    "rid",
    [
        "hhem_hallucination_rate",
        "hhem_2_3_hallucination_rate",
        "aa_omniscience_hallucination_rate",
        "lm_agent_failure_incidence",
        "astabench_cost_per_problem",
    ],
)
def test_lower_is_better_where_the_chart_says_so(rid: str) -> None:
    ind = aiindex.indicator(rid)
    assert not ind.descending
    assert aiindex.indicator("mmlu_pro_accuracy").descending


def test_shared_ids_span_both_editions_and_other_measures_do_not() -> None:
    both = set(aiindex.indicators(2025)) & set(aiindex.indicators(2026))
    assert {
        "mmlu_pro_accuracy",
        "arena_text_elo",
        "arena_vision_elo",
        "bfcl_overall_accuracy",
        "mvbench_accuracy",
        "swe_bench_lite_resolved",
        "swe_bench_verified_resolved",
        "rlbench_success_rate",
        "gaia_accuracy",
        "protein_language_model_parameters",
    } <= both
    # Another leaderboard, another evaluator or another selection: another id.
    for only_2025, only_2026 in [
        ("mmmu_accuracy", "mmmu_vals_ai_accuracy"),
        ("gpqa_diamond_accuracy", "gpqa_diamond_epoch_accuracy"),
        ("hle_accuracy", "hle_top_accuracy"),
        ("hhem_hallucination_rate", "hhem_2_3_hallucination_rate"),
        ("frontiermath_solved", "frontiermath_tier4_top_accuracy"),
    ]:
        assert only_2025 in aiindex.indicators(2025) and only_2025 not in aiindex.indicators(2026)
        assert only_2026 in aiindex.indicators(2026) and only_2026 not in aiindex.indicators(2025)


def test_editions_revise_a_top_model_series_cell_for_cell() -> None:
    # RLBench's top model of 2023 is Act3D in both editions: one value, two files.
    revised = aiindex.revisions("rlbench_success_rate", "Act3D", 2023)
    assert [r.edition for r in revised] == [2025, 2026]
    cells = [
        release_cell(2025, "fig_2.9.2.csv", "success rate", model="Act3D"),
        release_cell(2026, "fig_2.7.1.csv", "metric", model="Act3D"),
    ]
    assert [Decimal(r.observation.printed) for r in revised] == [
        as_percent(c, "fraction") for c in cells
    ]


def test_a_size_in_billions_and_a_size_in_units_agree() -> None:
    # ESM3: 98000000000 parameters in 2025 fig_5.2.2, 98 (billions) in 2026 fig_6.1.5.
    new, old = (
        aiindex.indicator("protein_language_model_parameters", edition=e).value("ESM3", 2024)
        for e in (2026, 2025)
    )
    assert new.to("count").magnitude == pytest.approx(old.magnitude)
    assert Decimal(release_cell(2025, "fig_5.2.2.csv", "Number of parameters", Model="ESM3")) == (
        Decimal(release_cell(2026, "fig_6.1.5.csv", "Parameters (Billions)", Model="ESM3")) * 10**9
    )


def test_spellings_of_one_model_find_one_entity() -> None:
    # The files write one model many ways; case, spaces and punctuation do not matter.
    names = [
        "claude-3-5-sonnet-2024-10-22",  # 2025 fig_2.2.9
        "Claude 3.5 Sonnet (20241022)",  # 2025 fig_2.3.8
        "Claude-3.5-Sonnet (2024-10-22)",  # 2025 fig_2.2.5
    ]
    assert len({aiindex.entity(n).id for n in names}) == 1
    # A Hugging Face-style name finds the model without its organization too.
    assert aiindex.entity("openai/GPT-4o") == aiindex.entity("GPT-4o")
    assert aiindex.entity("microsoft/Phi-4") == aiindex.entity("Phi-4")
    assert aiindex.entity("GPT-4o").kind == "model"


def test_human_baselines_are_shown_and_never_ranked() -> None:
    imo = aiindex.indicator("imo_ag_30_problems_solved", edition=2025)
    kinds = {o.entity.name: o.entity.kind for o in imo.observations}
    assert kinds["Gold medalist"] == kinds["Honorable mentions"] == "baseline"
    assert kinds["AlphaGeometry"] == "model"
    gold = release_cell(2025, "fig_2.6.8.csv", "num_problems_solved", system="Gold medalist")
    assert Decimal(imo.observation("Gold medalist").printed) == Decimal(gold)
    video = aiindex.indicator("video_mmmu_delta_knowledge", edition=2026)
    assert video.observation("Human expert").entity.id == "human-expert-medium"


def test_a_name_the_file_repeats_with_one_value_is_read_once() -> None:
    verified = [r for r in release_rows(2026, "fig_2.5.1.csv") if r["Type"] == "Verified"]
    codex = [r for r in verified if r["Model"] in ("GPT-5-2 Codex", "GPT 5.2 Codex")]
    assert len(codex) == 2 and codex[0]["Percent resolved"] == codex[1]["Percent resolved"]
    ind = aiindex.indicator("swe_bench_verified_resolved", edition=2026)
    assert len(ind.observations) == len(verified) - 1
    obs = ind.observation("GPT 5.2 Codex")
    assert Decimal(obs.printed) == as_percent(codex[0]["Percent resolved"], "fraction")
    assert obs.note is not None and "listed again" in obs.note


def test_release_defects_are_skipped_with_their_reason() -> None:
    skipped = mappings().skipped
    # Byte-for-byte copies of files that are read.
    for copy, original in [
        ("fig_2.4.6(1).csv", "fig_2.4.6.csv"),
        ("fig_2.4.8(1).csv", "fig_2.4.8.csv"),
    ]:
        assert release_path(2026, copy).read_bytes() == release_path(2026, original).read_bytes()
        assert "copy" in skipped[2026, copy] and (2026, original) in mappings().figures
    # 2026 fig_3.9.2.csv repeats the 2025 edition's file, row for row.
    assert release_rows(2026, "fig_3.9.2.csv") == release_rows(2025, "fig_3.9.2.csv")
    assert "repeats the 2025 edition" in skipped[2026, "fig_3.9.2.csv"]
    assert (2025, "fig_3.9.2.csv") in mappings().figures


@pytest.mark.parametrize(
    ("search", "rid"),
    [
        ("MMLU-Pro 정답률", "mmlu_pro_accuracy"),
        ("환각률", "hhem_2_3_hallucination_rate"),
        ("챗봇 아레나", "arena_text_elo"),
        ("문제 해결률", "swe_bench_verified_resolved"),
        ("단백질 구조", "protein_structure_model_parameters"),
        ("인류의 마지막 시험", "hle_top_accuracy"),
        ("유해 요청 거부율", "air_bench_refusal_rate_weapons"),
        ("판례", "caselaw_v2_accuracy"),
    ],
)
def test_a_korean_title_search_finds_the_indicator(search: str, rid: str) -> None:
    assert rid in aiindex.indicators(search=search)


@pytest.mark.parametrize(("edition", "rid"), MODEL_INDICATORS)
def test_every_model_indicator_shows_from_the_command_line(
    capsys: pytest.CaptureFixture[str], edition: int, rid: str
) -> None:
    ind = aiindex.indicator(rid, edition=edition)
    assert main(["show", rid, "--edition", str(edition)]) == 0
    out = capsys.readouterr().out
    assert ind.title in out and "selection" in out
    assert main(["show", rid, "--edition", str(edition), "--lang", "ko"]) == 0
    assert str(ind.title_ko) in capsys.readouterr().out


@pytest.mark.parametrize("edition", sorted(CHAPTERS))
def test_every_figure_of_these_chapters_is_mapped_or_skipped(edition: int) -> None:
    maps = mappings()
    missing = []
    for fig in aiindex.figures(edition=edition):
        if fig.chapter not in CHAPTERS[edition]:
            continue
        key = (edition, PurePosixPath(fig.path).name)
        assert not (key in maps.figures and key in maps.skipped), key
        if key not in maps.figures and len(maps.skipped.get(key, "")) < 20:
            missing.append(key[1])
    assert not missing


@pytest.mark.parametrize("edition", sorted(CHAPTERS))
def test_the_compiled_index_lists_the_model_tables(edition: int) -> None:
    from aiindex._sources.packaged import model_tables

    kinds = {
        i: aiindex.indicator(i, edition=edition).entity_kind for i in aiindex.indicators(edition)
    }
    assert model_tables(edition) == {i for i, kind in kinds.items() if kind == "model"}
    assert {rid for e, rid in MODEL_INDICATORS if e == edition} <= model_tables(edition)


def test_a_country_profile_reads_no_model_table(monkeypatch: pytest.MonkeyPatch) -> None:
    from aiindex._analysis import profile as profile_module
    from aiindex._sources.packaged import model_tables

    read: list[str] = []
    real = profile_module.load

    def load(indicator_id: str, edition: int | None = None) -> aiindex.Indicator:
        read.append(indicator_id)
        return real(indicator_id, edition)

    monkeypatch.setattr(profile_module, "load", load)
    rows = aiindex.profile("KOR", edition=2026).rows
    assert read and not set(read) & model_tables(2026)
    # Nothing is lost: no model table has a value for a country.
    for rid in model_tables(2026):
        ind = aiindex.indicator(rid, edition=2026)
        assert all(o.entity.kind in ("model", "baseline") for o in ind.observations), rid
    assert {r.indicator.id for r in rows} <= set(read)


def test_the_checker_grades_a_claim_about_a_model() -> None:
    cell = release_cell(2025, "fig_5.4.1.csv", "Test accuracy", Model="o1-preview")
    text = f"In the MedQA benchmark, o1-preview scored {cell} test accuracy."
    (claim,) = aiindex.check(text, edition=2025).claims
    assert claim.grade == "supported" and claim.indicator == "medqa_accuracy"
    wrong = text.replace(cell, f"{as_percent(cell, 'percent') - 10}%")
    assert aiindex.check(wrong, edition=2025).claims[0].grade == "contradicted"


def test_model_names_and_country_names_are_told_apart_in_one_sentence() -> None:
    from aiindex._check import entities

    country = "South Korea invested $1.3 billion in AI in 2025."
    assert [m.entity.id for m in entities.mentions(country)] == ["KOR"]
    found = entities.mentions("Claude Opus 4.6 leads, ahead of South Korea's K-EXAONE.")
    assert [m.entity.name for m in found] == ["Claude Opus 4.6", "South Korea", "K-EXAONE"]


@pytest.mark.parametrize(
    "name", ["GPT-4o (2024-05-13)", "Gemini 3 Pro (11/25)", "제미나이 울트라", "Gold medalist"]
)
def test_a_model_named_in_a_text_is_found_with_or_without_its_spaces(name: str) -> None:
    from aiindex._check import entities

    want = aiindex.entity(name)
    for text in (f"Then {name} came.", f"Then {name.replace(' ', '')} came."):
        assert [m.entity for m in entities.mentions(text)] == [want], text
