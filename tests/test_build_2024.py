"""The shipped 2024 data files: regenerated from the reference CSV, sourced, and consistent."""

from __future__ import annotations

import csv
import importlib.util
import re
import sys
import tomllib
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "build_2024.py"
DATA = REPO / "src" / "aiindex" / "data"
SHIPPED = DATA / "2024"
ENTITIES = DATA / "entities.toml"
REFERENCE = REPO.parent / "shared" / "reference" / "ai_index_2024_facts.csv"

TOP_KEYS = {
    "id", "edition", "title", "title_ko", "unit", "unit_label", "unit_label_ko", "entity_kind",
    "descending", "section", "price_basis", "notes", "coverage", "observations",
}  # fmt: skip
REQUIRED_TOP_KEYS = {
    "id", "edition", "title", "unit", "unit_label", "entity_kind", "descending", "section",
    "observations",
}  # fmt: skip
OBS_KEYS = {
    "entity", "year", "period", "value", "unit", "stated_rank", "sources", "note", "outside_chart",
}  # fmt: skip
COVERAGE_KEYS = {"year", "kind", "complete_down_to", "note"}
ENTITY_KINDS = {"country", "group", "organization", "model", "baseline"}
SEED_KOREAN_NAMES = [
    "한국", "미국", "일본", "룩셈부르크", "이스라엘", "싱가포르", "중국", "영국", "아랍에미리트",
    "UAE", "이집트", "프랑스", "인도", "구글", "메타", "마이크로소프트", "오픈AI",
    "제미나이 울트라", "GPT-4", "사람 전문가",
]  # fmt: skip
REQUIRED_INDICATORS = {
    "ai_patents_per_capita", "ai_talent_concentration", "ai_talent_migration",
    "foundation_models_by_country", "foundation_models_by_organization",
    "notable_models_by_country", "private_investment", "training_cost", "mmmu_accuracy",
}  # fmt: skip


def normalise(name: str) -> str:
    return re.sub(r"[\s\-.,'_’]", "", name).casefold()


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_2024", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_2024"] = module
    spec.loader.exec_module(module)
    return module


def shipped_files() -> dict[str, dict[str, Any]]:
    out = {}
    for path in sorted(SHIPPED.glob("*.toml")):
        with path.open("rb") as f:
            out[path.stem] = tomllib.load(f)
    return out


def entities() -> list[dict[str, Any]]:
    with ENTITIES.open("rb") as f:
        return list(tomllib.load(f)["entities"])


def names_of(entity: dict[str, Any]) -> list[str]:
    ko = [entity["name_ko"]] if "name_ko" in entity else []
    return [entity["id"], entity["name"], *ko, *entity.get("names", [])]


needs_reference = pytest.mark.skipif(
    not REFERENCE.exists(), reason=f"reference CSV not found at {REFERENCE}"
)


@needs_reference
def test_regenerated_files_are_byte_identical(tmp_path: Path) -> None:
    build = load_script()
    assert build.main(["--reference", str(REFERENCE), "--out", str(tmp_path)]) == 0
    fresh = {p.name: p.read_bytes() for p in tmp_path.glob("*.toml")}
    shipped = {p.name: p.read_bytes() for p in SHIPPED.glob("*.toml")}
    assert sorted(fresh) == sorted(shipped)
    for name, content in fresh.items():
        assert content == shipped[name], f"{name} differs from a fresh build: rerun the script"


@needs_reference
def test_every_reference_row_of_a_shipped_indicator_is_shipped() -> None:
    build = load_script()
    csv_to_id = {spec.csv_indicator: spec.id for spec in build.INDICATORS}
    files = shipped_files()
    with REFERENCE.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["edition"] == "2024"]
    shipped_indicators = {r["indicator"] for r in rows} & set(csv_to_id)
    assert shipped_indicators == set(csv_to_id)
    for r in rows:
        if r["indicator"] not in csv_to_id:
            assert r["indicator"] in build.SKIPPED, r["indicator"]
            continue
        data = files[csv_to_id[r["indicator"]]]
        entity = build.ENTITY_IDS[r["entity"]]
        matches = [
            o
            for o in data["observations"]
            if o["entity"] == entity
            and (o.get("period") or str(o["year"])) == r["year"]
            and o["value"] == r["value"]
        ]
        assert len(matches) == 1, (r["indicator"], r["entity"], r["year"], r["value"])
        obs = matches[0]
        assert obs["sources"] == [s for s in (r["source_1"], r["source_2"]) if s]
        assert obs.get("note", "") == r["note"]
        if r["rank_stated"]:
            assert obs["stated_rank"] == int(r["rank_stated"])
        else:
            assert "stated_rank" not in obs
    n_rows = sum(1 for r in rows if r["indicator"] in csv_to_id)
    assert n_rows == sum(len(d["observations"]) for d in files.values())


def test_required_indicators_are_shipped() -> None:
    assert set(shipped_files()) >= REQUIRED_INDICATORS


def test_file_schema() -> None:
    files = shipped_files()
    assert files
    for stem, data in files.items():
        assert REQUIRED_TOP_KEYS <= set(data) <= TOP_KEYS, stem
        assert data["id"] == stem
        assert data["edition"] == 2024
        assert data["entity_kind"] in ENTITY_KINDS - {"baseline"}
        assert isinstance(data["descending"], bool)
        years = {o["year"] for o in data["observations"]}
        cov_years = [c["year"] for c in data.get("coverage", [])]
        assert len(cov_years) == len(set(cov_years)), stem
        for cov in data.get("coverage", []):
            assert set(cov) <= COVERAGE_KEYS and {"year", "kind", "note"} <= set(cov), stem
            assert cov["kind"] in {"complete", "top", "selection"}
            assert cov["year"] in years
            assert cov["note"].strip()
            if "complete_down_to" in cov:
                assert cov["kind"] == "top", stem
                Decimal(cov["complete_down_to"])
        keys = [(o["year"], o["entity"]) for o in data["observations"]]
        assert keys == sorted(keys) and len(keys) == len(set(keys)), stem


def test_observations_are_sourced_decimals() -> None:
    for stem, data in shipped_files().items():
        assert data["observations"], stem
        for obs in data["observations"]:
            assert set(obs) <= OBS_KEYS, (stem, obs)
            assert isinstance(obs["value"], str)
            try:
                Decimal(obs["value"])
            except InvalidOperation:
                pytest.fail(f"{stem}: {obs['value']!r} is not a decimal")
            assert obs["sources"] and all(s.strip() for s in obs["sources"]), (stem, obs)
            if "period" in obs:
                assert obs["period"].endswith(str(obs["year"]))


def test_units_parse_in_the_registry() -> None:
    pint = pytest.importorskip("pint")
    ureg = pint.UnitRegistry(None, cache_folder=None)
    ureg.load_definitions((DATA / "units.txt").read_text(encoding="utf-8").splitlines())
    for stem, data in shipped_files().items():
        base = ureg.parse_expression(data["unit"])
        for obs in data["observations"]:
            if "unit" in obs:
                assert obs["unit"] != data["unit"]
                other = ureg.parse_expression(obs["unit"])
                assert other.dimensionality == base.dimensionality, stem


def test_complete_down_to_is_a_shipped_value() -> None:
    kinds = {e["id"]: e["kind"] for e in entities()}
    for stem, data in shipped_files().items():
        for cov in data.get("coverage", []):
            if "complete_down_to" not in cov:
                continue
            values = {
                o["value"]
                for o in data["observations"]
                if o["year"] == cov["year"]
                and "unit" not in o
                and kinds[o["entity"]] == data["entity_kind"]
            }
            assert cov["complete_down_to"] in values, stem
            # Every stated rank at or above the threshold fits inside the complete top.
            top = [
                o
                for o in data["observations"]
                if o["year"] == cov["year"]
                and "unit" not in o
                and kinds[o["entity"]] == data["entity_kind"]
                and Decimal(o["value"]) >= Decimal(cov["complete_down_to"])
            ]
            for o in top:
                if "stated_rank" in o:
                    assert o["stated_rank"] <= len(top), (stem, o["entity"])


def test_entity_ids_exist() -> None:
    kinds = {e["id"]: e["kind"] for e in entities()}
    for stem, data in shipped_files().items():
        for obs in data["observations"]:
            assert obs["entity"] in kinds, (stem, obs["entity"])


def test_entities_schema_and_country_codes() -> None:
    pycountry = pytest.importorskip("pycountry")
    ents = entities()
    ids = [e["id"] for e in ents]
    assert len(ids) == len(set(ids))
    for e in ents:
        assert set(e) <= {"id", "kind", "name", "name_ko", "names"}, e["id"]
        assert e["kind"] in ENTITY_KINDS
        if e["kind"] == "country":
            assert pycountry.countries.get(alpha_3=e["id"]) is not None, e["id"]
        else:
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", e["id"]), e["id"]


def test_no_normalised_name_collisions() -> None:
    owner: dict[str, str] = {}
    for e in entities():
        for name in names_of(e):
            key = normalise(name)
            assert key, (e["id"], name)
            assert owner.setdefault(key, e["id"]) == e["id"], (name, owner[key], e["id"])


def test_aliases_do_not_collide_with_other_countries_pycountry_names() -> None:
    pycountry = pytest.importorskip("pycountry")
    owner: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("alpha_2", "alpha_3", "name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                owner.setdefault(normalise(value), c.alpha_3)
    for e in entities():
        for name in names_of(e):
            other = owner.get(normalise(name))
            assert other is None or other == e["id"], (e["id"], name, other)


def test_seed_article_korean_names_are_known() -> None:
    known = {normalise(n) for e in entities() for n in names_of(e)}
    for name in SEED_KOREAN_NAMES:
        assert normalise(name) in known, name


@needs_reference
def test_script_fails_loudly_on_an_unmapped_name(tmp_path: Path) -> None:
    build = load_script()
    text = REFERENCE.read_text(encoding="utf-8")
    bad = tmp_path / "facts.csv"
    bad.write_text(text.replace(",Finland,", ",Atlantis,", 1), encoding="utf-8")
    with pytest.raises(build.BuildError, match="Atlantis"):
        build.build(bad, tmp_path / "out")
