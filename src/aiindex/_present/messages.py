"""The command line's error messages in English and Korean: one table.

Every message the command line prints on failure is a row of `MESSAGES`: its English and its
Korean form, with named fields, and the pattern of the English text where the library writes
it (an unknown entity, a missing value, an uninstalled extra, argparse's usage errors ...), so
that ``--lang ko`` reads a Korean message whoever raised the error. A message no row matches
is shown in Korean words around the English text.

>>> message("series_edition", "ko", command="series")
'series에는 --edition 대신 --vintage 판을 씁니다(모든 연도의 값을 그 한 판에서). ...'
>>> korean("unknown entity 'Koreaa'. Did you mean 'South Korea'? Countries resolve by ...")
"알 수 없는 이름 'Koreaa'. 혹시 'South Korea'? 나라는 ISO 코드나 이름(KOR, KR, South Korea, 한국)으로 찾습니다."
"""  # noqa: E501

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from aiindex._present.lang import Lang

__all__ = ["MESSAGES", "korean", "message", "translate"]

_DID_YOU_MEAN = r"(?: Did you mean (?P<suggest>.+?)\?)?"

#: key -> (English template, Korean template, pattern of the English text where the library
#: writes it, or None for a message only the command line writes). Templates name their
#: fields ``{name}``; a field a pattern does not find is empty.
MESSAGES: dict[str, tuple[str, str, str | None]] = {
    # -- what the command line itself says -------------------------------------------------
    "on_format": (
        "--on takes a date YYYY-MM-DD or a year YYYY from {first} on (e.g. 2024-04-16 or "
        "2024), not {text}",
        "--on에는 {first}년 이후의 날짜(YYYY-MM-DD)나 연도(YYYY)를 씁니다(예: 2024-04-16, "
        "2024). 받은 값: {text}",
        None,
    ),
    "on_without_currency": (
        "--on goes with --currency (e.g. --currency KRW --on 2024-04-16)",
        "--on은 --currency와 함께 씁니다(예: --currency KRW --on 2024-04-16)",
        None,
    ),
    "currency_needs_on": (
        "--currency needs --on DATE or --on YEAR: exchange rates are dated",
        "--currency에는 --on 날짜 또는 --on 연도가 필요합니다. 환율은 날마다 다릅니다",
        None,
    ),
    "not_money": (
        "{indicator} is measured in {unit}, not money; --currency applies to money "
        "indicators such as private_investment or training_cost",
        "{indicator}의 단위는 {unit_ko}(으)로 금액이 아닙니다. --currency는 "
        "private_investment, training_cost 같은 금액 지표에만 씁니다",
        None,
    ),
    "plot_name": (
        "--plot needs a file name, such as chart.png",
        "--plot에는 chart.png 같은 파일 이름이 필요합니다",
        None,
    ),
    "plot_folder": (
        "--plot {path} is a folder; give a file name such as chart.png",
        "--plot {path}은(는) 폴더입니다. chart.png 같은 파일 이름을 주세요",
        None,
    ),
    "plot_format": (
        "--plot {path}: the chart is written as {formats}; end the file name with one of them",
        "--plot {path}: 차트는 {formats} 형식으로만 저장합니다. 파일 이름을 그중 하나로 끝내세요",
        None,
    ),
    "amount_range": (
        "the amount {text} is out of range: give a finite amount under {limit}",
        "금액 {text}은(는) 범위를 벗어납니다. {limit} 미만의 금액을 주세요",
        None,
    ),
    "amount_read": (
        "cannot read the amount {text}: give text such as '1억9천140만 달러' or '$191.4 "
        "million', or a number and a currency code ('191.4e6 USD')",
        "금액 {text}을(를) 읽을 수 없습니다. '1억9천140만 달러', '$191.4 million'처럼 "
        "쓰거나 숫자와 통화 코드('191.4e6 USD')를 주세요",
        None,
    ),
    "import_edition": (
        "import-public-data needs --edition: figure numbers differ between editions",
        "import-public-data에는 --edition이 필요합니다. 판마다 그림 번호가 다릅니다",
        None,
    ),
    "import_path": (
        "import-public-data needs a folder or .zip of figure files, not ''",
        "import-public-data에는 그림 파일이 든 폴더나 .zip 파일이 필요합니다",
        None,
    ),
    "read_file": (
        "cannot read {file}: {why}",
        "{file}을(를) 읽을 수 없습니다: {why}",
        None,
    ),
    "not_utf8": ("{file} is not UTF-8 text", "{file}은(는) UTF-8 텍스트가 아닙니다", None),
    "not_utf8_at": (
        "{file} is not UTF-8 text (byte {byte} cannot be read); save the article as UTF-8",
        "{file}은(는) UTF-8 텍스트가 아닙니다({byte}번째 바이트를 읽을 수 없음). 기사를 UTF-8로 "
        "저장하세요",
        None,
    ),
    "stdin_closed": (
        "standard input is closed: give a file, or pipe the article in",
        "표준 입력이 닫혀 있습니다: 파일을 주거나 기사를 파이프로 넘기세요",
        None,
    ),
    "article_too_large": (
        "{file} holds more than {size}",
        "{file}이(가) {size}보다 큽니다",
        None,
    ),
    "series_edition": (
        "{command} takes --vintage EDITION (every year's value from that one edition), not "
        "--edition; without --vintage each year comes from the newest edition that has it",
        "{command}에는 --edition 대신 --vintage 판을 씁니다(모든 연도의 값을 그 한 판에서). "
        "--vintage가 없으면 연도마다 그 값이 있는 가장 최신 판에서 가져옵니다",
        None,
    ),
    "missing_year_elsewhere": (
        "{indicator} ({edition} edition) has no {year} value for {name}; the {other} "
        "edition has it: {command}",
        "{indicator}({edition}년판)에는 {name_ko}의 {year}년 값이 없습니다. {other}년판에 "
        "있습니다: {command}",
        None,
    ),
    "missing_entity_elsewhere": (
        "{indicator} ({edition} edition) has no value for {name}; the {other} edition "
        "has: {command}",
        "{indicator}({edition}년판)에는 {name_ko}의 값이 없습니다. {other}년판에 있습니다: "
        "{command}",
        None,
    ),
    "missing_entity": (
        "{indicator} ({edition} edition) has no value for {name}: the table {coverage}, and "
        "a missing value is not zero ({command} shows what it has)",
        "{indicator}({edition}년판)에는 {name_ko}의 값이 없습니다. 표가 {coverage_ko}, 값이 "
        "없다는 것은 0이라는 뜻이 아닙니다({command}로 표를 볼 수 있습니다)",
        None,
    ),
    "missing_year": (
        "{indicator} ({edition} edition) has no {year} value for {name}; it has {years} "
        "({command} lists them)",
        "{indicator}({edition}년판)에는 {name_ko}의 {year}년 값이 없습니다. 있는 연도: "
        "{years} ({command}로 볼 수 있습니다)",
        None,
    ),
    "missing_data_year": (
        "{indicator} ({edition} edition) has no data for {year}; years with data: {years}",
        "{indicator}({edition}년판)에는 {year}년 자료가 없습니다. 자료가 있는 연도: {years}",
        None,
    ),
    "missing_data_year_elsewhere": (
        "{indicator} ({edition} edition) has no data for {year}; the {other} edition has: "
        "{command}",
        "{indicator}({edition}년판)에는 {year}년 자료가 없습니다. {other}년판에 있습니다: "
        "{command}",
        None,
    ),
    "unranked": (
        "cannot rank {name} on {indicator} in {year}: the {edition} edition's table {reach}, "
        "{name}'s value {value} is outside that, and the source states no rank. Its value is "
        "known: {command}",
        "{indicator}({edition}년판) {year}년 표로는 {name_ko}의 순위를 정할 수 없습니다. 표가 "
        "{reach_ko}, {name_ko}의 값 {value}은(는) 그 밖이며 출처도 순위를 밝히지 않습니다. "
        "값은 있습니다: {command}",
        None,
    ),
    "not_ranked_kind": (
        "{name} is {kind_words}, not ranked among the {ranked} entities of {indicator}; "
        "{command} shows its value",
        "{name_ko}은(는) {indicator}에서 순위를 매기는 대상이 아닙니다. 값은 {command}로 "
        "볼 수 있습니다",
        None,
    ),
    "undefined_ratio": (
        "{a} / {b} on {indicator} is undefined: {b}'s value is 0; {command} gives the difference",
        "{indicator}에서 {a_ko} / {b_ko}는 정의되지 않습니다: {b_ko}의 값이 0입니다. 차이는 "
        "{command}로 구합니다",
        None,
    ),
    "mixed_editions": (
        "{name}'s {start} value of {indicator} comes from the {first} edition and its {end} "
        "value from the {last} edition, which revise each other; add --vintage EDITION to use "
        "one edition, or --mixed-editions to compare them anyway",
        "{name_ko}의 {indicator} {start}년 값은 {first}년판, {end}년 값은 {last}년판에서 "
        "나오며 두 판은 서로의 수치를 고칩니다. 한 판만 쓰려면 --vintage 판을, 그래도 "
        "비교하려면 --mixed-editions를 붙이세요",
        None,
    ),
    "unknown_figure": (
        "unknown figure {figure} in the {edition} edition.{suggest_en}{elsewhere} "
        "`aiindex figures --edition {edition}` lists the figures of that edition.",
        "{edition}년판에 없는 그림 {figure}.{suggest_ko}{elsewhere_ko} 그 판의 그림 목록은 "
        "`aiindex figures --edition {edition}`으로 봅니다.",
        None,
    ),
    "digits_range": (
        "--digits takes 0 to {limit} decimals, not {n}",
        "--digits에는 0에서 {limit} 사이의 소수 자릿수를 씁니다. 받은 값: {n}",
        None,
    ),
    "top_range": (
        "--top takes a positive number of rows, not {n}",
        "--top에는 1 이상의 행 수를 씁니다. 받은 값: {n}",
        None,
    ),
    "lang_env": (
        "AIINDEX_LANG={value!r}: use en or ko",
        "AIINDEX_LANG={value!r}: en 또는 ko를 씁니다",
        None,
    ),
    "write_failed": (
        "cannot write{where}: {why}",
        "쓸 수 없습니다{where}: {why}",
        None,
    ),
    "output_text_only": (
        "standard output takes text only, and --csv writes the file's own bytes: write them to "
        "a file (aiindex figure ID --csv > fig.csv)",
        "표준 출력이 텍스트만 받는데 --csv는 파일의 바이트를 그대로 씁니다: 파일로 저장하세요"
        "(aiindex figure ID --csv > fig.csv)",
        None,
    ),
    "output_closed": (
        "standard output is closed: nothing was written",
        "표준 출력이 닫혀 있어 아무것도 쓰지 못했습니다",
        None,
    ),
    "output_failed": (
        "cannot write the output: {why}",
        "출력을 쓸 수 없습니다: {why}",
        None,
    ),
    "internal": (
        "internal error ({what}); please report it",
        "내부 오류({what}). 알려 주세요",
        None,
    ),
    # -- what the library says, as the command line shows it --------------------------------
    "unknown_indicator": (
        "",
        "알 수 없는 지표 {indicator}{where_ko}.{suggest_ko} 모든 지표는 `aiindex list`로 봅니다.",
        r"unknown indicator (?P<indicator>'.*?')(?: in the (?P<edition>\d+) edition)?\."
        + _DID_YOU_MEAN
        + r" `aiindex list` shows every indicator\.",
    ),
    "ambiguous_entity": (
        "",
        "{text}은(는) 모호합니다: {options_ko}. {how_ko} 중 하나로 쓰세요.",
        r"(?P<text>'.*?') is ambiguous: (?P<options>.+?)\. Write (?P<how>.+?)\.",
    ),
    "unknown_entity": (
        "",
        "알 수 없는 이름 {text}.{suggest_ko} 나라는 ISO 코드나 이름(KOR, KR, South Korea, "
        "한국)으로 찾습니다.",
        r"unknown entity (?P<text>'.*?')\." + _DID_YOU_MEAN + r"(?: .*)?",
    ),
    "unknown_edition": (
        "",
        "{edition}년판{of_ko}은(는) 없습니다. 있는 판: {known}",
        r"no (?P<edition>\S+) edition(?: of indicator (?P<indicator>'.*?'))?; editions "
        r"available: (?P<known>.*)",
    ),
    "no_value": (
        "",
        "{indicator}({edition}년판)에는 {name}의 값이 없습니다. 표 범위: {coverage}. 값이 "
        "없다는 것은 0이라는 뜻이 아닙니다.",
        r"(?P<indicator>'.*?') \((?P<edition>\d+) edition\) has no value for (?P<name>.+?); "
        r"the table is (?P<coverage>.+?)\. A missing value is not zero\.",
    ),
    "no_year_value": (
        "",
        "{indicator}에는 {name}의 {year}년 값이 없습니다. 있는 연도: {years}",
        r"(?P<indicator>'.*?') has no (?P<year>\d+) value for (?P<name>.+?); it has "
        r"(?P<years>.*)",
    ),
    "no_data_year": (
        "",
        "{indicator}({edition})에는 {year}년 자료가 없습니다. 자료가 있는 연도: {years}",
        r"(?P<indicator>'.*?') \((?P<edition>.+?)\) has no data for (?P<year>\d+); years "
        r"with data: (?P<years>.*)",
    ),
    "no_revision": (
        "",
        "어느 판에도 {name}의 {indicator} {year}년 값이 없습니다. 이 지표가 있는 판: {editions}",
        r"no edition has a (?P<year>\d+) value of (?P<indicator>'.*?') for (?P<name>.+?); "
        r"editions with this indicator: (?P<editions>.*)",
    ),
    "no_series": (
        "",
        "{indicator}에는 {names}의 값이 없습니다(판: {editions}).",
        r"(?P<indicator>'.*?') has no value for (?P<names>.+?) in edition\(s\) "
        r"(?P<editions>.*)",
    ),
    "no_growth_years": (
        "",
        "{indicator}에는 {name}의 {years}년 값이 없습니다. 값이 있는 연도: {have}",
        r"(?P<indicator>'.*?') has no (?P<years>[\d or]+) value for (?P<name>.+?); years with "
        r"values: (?P<have>.*)",
    ),
    "unknown_currency": (
        "",
        "알 수 없는 통화 {code}. ECB 기준환율이 있는 통화: {known}.{suggest_ko}",
        r"unknown currency (?P<code>'.*?'): the ECB reference rates quote (?P<known>.+?)\."
        + _DID_YOU_MEAN,
    ),
    "no_rate": (
        "",
        "{day}의 ECB 환율이 없습니다: {why}",
        r"no ECB (?:rate|rates|fixing) (?:for|in|quoting) (?P<day>.+?)[:;] (?P<why>.*)",
    ),
    "missing_extra": (
        "",
        "이 기능에는 {what}이(가) 필요하지만 설치되어 있지 않습니다(모듈 {module} 없음). "
        "설치: {pip}",
        r"this needs (?P<what>.+?), which is not installed \(no module (?P<module>'.*?')\): "
        r"(?P<pip>.*)",
    ),
    "no_hangul_font": (
        "",
        "한글 글꼴이 설치되어 있지 않아 차트를 영어로 표기했습니다. 한글로 표기하려면 글꼴을 "
        "설치하세요(예: apt-get install fonts-nanum 후 matplotlib 글꼴 캐시 삭제)",
        r"no installed font has Hangul, so the chart is labelled in English; .*",
    ),
    "amount_parse": (
        "",
        "{text}을(를) 금액으로 읽을 수 없습니다: {reason} (위치 {offset})",
        r"cannot read (?P<text>'.*?') as an amount: (?P<reason>.+?) at offset (?P<offset>\d+)"
        r".*",
    ),
    "data_error": (
        "",
        "데이터 파일 오류 {path}: {what}",
        r"(?P<path>aiindex/data/\S+|\S+\.(?:csv|zip|json|toml)): (?P<what>.*)",
    ),
    # -- argparse's usage errors (the parser adds "(see 'aiindex ... --help')") ----------------
    "see_help": (
        "",
        "{text} ('{prog} --help' 참고)",
        r"(?P<text>.*) \(see '(?P<prog>.+?) --help'\)",
    ),
    "required": (
        "",
        "다음 인자가 필요합니다: {names}",
        r"the following arguments are required: (?P<names>.*)",
    ),
    "invalid_choice": (
        "",
        "{argument}: 쓸 수 없는 값 {value} (가능한 값: {choices})",
        r"argument (?P<argument>\S+?): invalid choice: (?P<value>'.*?') "
        r"\(choose from (?P<choices>.*)\)",
    ),
    "invalid_value": (
        "",
        "{argument}: {kind_ko} 값이 아닙니다: {value}",
        r"argument (?P<argument>\S+?): invalid (?P<kind>\S+) value: (?P<value>.*)",
    ),
    "expected_one": (
        "",
        "{argument}에는 값이 하나 필요합니다",
        r"argument (?P<argument>\S+?): expected one argument",
    ),
    "expected_some": (
        "",
        "{argument}에는 값이 하나 이상 필요합니다",
        r"argument (?P<argument>\S+?): expected at least one argument",
    ),
    "unrecognized": (
        "",
        "알 수 없는 인자: {arguments}",
        r"unrecognized arguments: (?P<arguments>.*)",
    ),
    "ambiguous_option": (
        "",
        "모호한 옵션 {option}: {matches} 중 하나일 수 있습니다",
        r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)",
    ),
}

# Fields the Korean templates derive from what a pattern found.
_KINDS_KO = {"int": "정수", "float": "숫자", "_on": "날짜·연도"}


def _derived(fields: dict[str, str]) -> dict[str, str]:
    out = dict(fields)
    suggest = fields.get("suggest") or ""
    out["suggest_ko"] = f" 혹시 {suggest.replace(' or ', ' 또는 ')}?" if suggest else ""
    out["suggest_en"] = f" Did you mean {suggest}?" if suggest else ""
    edition = fields.get("edition") or ""
    out["where_ko"] = f"({edition}년판)" if edition and "indicator" in fields else ""
    indicator = fields.get("indicator") or ""
    out["of_ko"] = f"의 {indicator} 지표" if indicator else ""
    out["kind_ko"] = _KINDS_KO.get(fields.get("kind") or "", fields.get("kind") or "")
    out.setdefault("name_ko", fields.get("name", ""))
    for key in ("options", "how"):
        out[f"{key}_ko"] = (fields.get(key) or "").replace(" or ", " 또는 ")
    return out


class _Fields(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def message(key: str, lang: Lang = "en", **fields: object) -> str:
    """The message ``key`` in ``lang``, its fields filled in."""
    en, ko, _ = MESSAGES[key]
    texts = {k: ("" if v is None else str(v)) for k, v in fields.items()}
    template = ko if lang == "ko" and ko else en
    return template.format_map(_Fields(_derived(texts)))


def korean(text: str) -> str:
    """An English message of the library, or of argparse, in Korean (see `MESSAGES`)."""
    # The usage errors end in a pointer to --help, around the message proper.
    outer = re.fullmatch(MESSAGES["see_help"][2] or "", text, re.DOTALL)
    if outer is not None:
        return message("see_help", "ko", text=korean(outer["text"]), prog=outer["prog"])
    for key, (_, ko, pattern) in MESSAGES.items():
        if pattern is None or key == "see_help":
            continue
        m = re.fullmatch(pattern, text, re.DOTALL)
        if m is not None:
            found = {k: v for k, v in m.groupdict().items() if v is not None}
            return ko.format_map(_Fields(_derived(found)))
    return f"오류: {text}"


def translate(text: str, lang: Lang) -> str:
    """``text`` for a reader of ``lang``: as it is in English, `korean` in Korean."""
    return korean(text) if lang == "ko" else text
