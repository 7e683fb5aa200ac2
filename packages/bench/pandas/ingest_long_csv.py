"""What a statistician would write instead of `mch ingest` for one country's long CSV, in pandas.

    python3 packages/bench/pandas/ingest_long_csv.py FILE.csv COUNTRY OUT_DIR

The same work, honestly: the file's hash; encoding and delimiter found from the file; labels of
PARTNER, SEX, MIGR_TYPE and AGE mapped to codes through the same code lists (pipelines/mch/
codelists.yaml and the i18n-iso-countries names mch builds on); numbers with space, NBSP,
apostrophe or comma separators; the default symbols (.. - x c) and flags (* p e b) of
definitions.md; the physical line and raw text of every row as provenance; refusals (unknown
table, unmapped or ambiguous label with the closest codes, unparseable or negative value, a key
given twice with different values); observations.csv sorted as mch sorts it and rejections.csv in
file order, in mch's columns.
"""

import csv
import difflib
import hashlib
import io
import json
import os
import re
import sys
import unicodedata

import pandas as pd
import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
ISO = os.path.join(ROOT, "packages", "core", "node_modules", "i18n-iso-countries")

OBS_COLUMNS = ["ref_area", "table", "time_period", "migr_type", "sex", "age", "partner", "obs_value", "obs_status", "conf_status",
               "definition_basis", "unit_mult", "derived", "note_refs", "source_file", "source_sha256", "source_sheet", "source_cell", "source_raw"]
REJ_COLUMNS = ["source_file", "source_sheet", "source_cell", "source_raw", "reason", "message", "suggestions"]
CSV_COLUMNS = ["REF_AREA", "TABLE", "TIME_PERIOD", "MIGR_TYPE", "SEX", "AGE", "PARTNER", "OBS_VALUE", "OBS_STATUS", "CONF_STATUS", "NOTE", "UNIT_MULT", "PARENT"]
KEY = ["ref_area", "table", "time_period", "migr_type", "sex", "age", "partner"]

PUNCT = re.compile(r"[.,;:'\"«»()\[\]’`´‘“”„!?*_/\\–—-]+")
SPACES = re.compile(r"\s+")
# definitions.md "Symbols and flags": the default legend (Cyrillic х с р е too)
SYMBOLS = {"..": (None, "O", "F"), "...": (None, "O", "F"), "…": (None, "O", "F"), ":": (None, "O", "F"),
           "-": (0, "A", "F"), "–": (0, "A", "F"), "—": (0, "A", "F"),
           "x": (None, "M", "F"), "X": (None, "M", "F"), "х": (None, "M", "F"), "Х": (None, "M", "F"),
           "c": (None, "Q", "C"), "C": (None, "Q", "C"), "с": (None, "Q", "C"), "С": (None, "Q", "C"), "conf": (None, "Q", "C")}
FLAGS = {"*": "P", "p": "P", "(p)": "P", "р": "P", "(р)": "P", "e": "E", "(e)": "E", "est": "E", "е": "E", "(е)": "E", "b": "B", "(b)": "B"}
NUMBER = re.compile(r"^(?P<num>\d{1,3}(?:(?P<sep>[ ',’.])\d{3})(?:(?P=sep)\d{3})*|\d+)\s*(?P<flag>" + "|".join(re.escape(f) for f in sorted(FLAGS, key=len, reverse=True)) + r")?$")
UNSAFE = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def norm(label):
    s = unicodedata.normalize("NFKC", str(label)).replace("\u00a0", " ").strip().lower().replace("ё", "е")
    return SPACES.sub(" ", PUNCT.sub(" ", s)).strip()


def norm_column(s):
    """norm() over a column: once per distinct label, as a column of codes repeats a few hundred."""
    return s.map({u: norm(u) for u in s.unique()})


def load_codelists():
    with open(os.path.join(ROOT, "pipelines", "mch", "codelists.yaml"), encoding="utf-8") as f:
        cl = yaml.safe_load(f)
    library = {}
    with open(os.path.join(ISO, "codes.json"), encoding="utf-8") as f:
        codes = json.load(f)
    names = {}
    for lang in ("en", "ru"):
        with open(os.path.join(ISO, "langs", f"{lang}.json"), encoding="utf-8") as f:
            names[lang] = json.load(f)["countries"]
    for a2, a3, numeric, _ in codes:
        labels = [a3, a2, numeric, str(int(numeric))]
        for lang in ("en", "ru"):
            n = names[lang].get(a2, [])
            labels += n if isinstance(n, list) else [n]
        for label in labels:
            library.setdefault(norm(label), set()).add(a3)
    own = {}
    for sp in cl["special_partners"]:
        for label in [sp["code"], sp["label_en"], sp["label_ru"], *sp.get("aliases", [])]:
            own[norm(label)] = sp["code"]
    for label, code in cl["country_aliases"].items():
        own[norm(label)] = code
    for code, official in cl["official_names"].items():
        own[norm(official["en"])] = code
        own[norm(official["ru"])] = code
    partner = {k: next(iter(v)) for k, v in library.items() if len(v) == 1}
    ambiguous = {k: sorted(v) for k, v in library.items() if len(v) > 1}
    partner.update(own)
    for k in own:
        ambiguous.pop(k, None)
    for label, candidates in cl["ambiguous_labels"].items():
        if norm(label) not in own:
            ambiguous[norm(label)] = sorted(candidates)
            partner.pop(norm(label), None)

    def coded(entries, extra=lambda e: []):
        return {norm(x): e["code"] for e in entries for x in [e["code"], e["label_en"], e["label_ru"], *e.get("aliases", []), *extra(e)]}

    sex = coded(cl["sex"])
    migr = coded(cl["migr_type"])
    age = coded(cl["age"], lambda e: ["Total", "Всего", "Итого"] if e["code"] == "_T" else [])
    age_order = {a["code"]: i for i, a in enumerate(cl["age"])}
    return partner, ambiguous, sex, migr, age, age_order


def read_text(raw):
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1251")


def read_long_csv(path, country, codelists):
    """One country's long CSV as (observations sorted as mch sorts them, rejections in file order, value cells read)."""
    raw = open(path, "rb").read()
    sha = hashlib.sha256(raw).hexdigest()
    text = read_text(raw)
    header = text[: text.find("\n")].rstrip("\r")
    delim = max([",", ";", "\t"], key=lambda d: sum(f.strip().upper() in CSV_COLUMNS for f in header.split(d)))
    df = pd.read_csv(io.StringIO(text), sep=delim, dtype=str, keep_default_na=False, skip_blank_lines=False, quotechar='"')
    df.columns = [c.strip().upper() for c in df.columns]
    df["line"] = df.index + 2
    for c in CSV_COLUMNS:
        if c not in df.columns:
            df[c] = ""
    # provenance: the physical line as written (one record per line: checked)
    lines = text.split("\n")
    if len(lines) - (lines[-1] == "") != len(df) + 1:
        sys.exit(f"{path}: a quoted field holds a line break; line numbers would be wrong")
    raw_line = pd.Series(lines, dtype=object).str.rstrip("\r")
    df["raw"] = raw_line.iloc[df["line"] - 1].to_numpy()
    df["raw"] = df["raw"].str.replace(UNSAFE, "", regex=True)
    df["raw"] = df["raw"].where(df["raw"].str.len() <= 200, df["raw"].str[:200] + "…")
    df = df[df["raw"].str.strip() != ""]

    partner_ix, ambiguous, sex_ix, migr_ix, age_ix, age_order = codelists
    table = df["TABLE"].map({u: re.sub(r"^T?0*(\d{1,2})$", lambda m: f"T{int(m.group(1)):02d}", u.strip().upper()) for u in df["TABLE"].unique()})
    age_tables = {"T03", "T07", "T10"}
    flow_tables = {"T04", "T05", "T06", "T07", "T08", "T09", "T10"}
    flow = table.isin(flow_tables)
    known_table = table.isin({f"T{i:02d}" for i in range(1, 12)})
    year = pd.to_numeric(df["TIME_PERIOD"].str.strip().str.extract(r"^((?:19|20)\d{2})$")[0], errors="coerce")
    sex = norm_column(df["SEX"]).map(sex_ix)
    migr = norm_column(df["MIGR_TYPE"]).map(migr_ix)
    by_age = table.isin(age_tables)
    own_text = df["AGE"].where(by_age, df["PARTNER"]).str.strip()
    own_key = norm_column(own_text)
    code = own_key.map(partner_ix).where(~by_age, own_key.map(age_ix))
    amb = own_key.map(ambiguous).where(~by_age)

    value = df["OBS_VALUE"].str.replace(r"[\s\u00a0\u2000-\u200b\u202f]+", " ", regex=True).str.strip()
    sym = value.map(SYMBOLS)
    num = value.str.extract(NUMBER)
    digits = num["num"].str.replace(r"[ ',’.]", "", regex=True)
    obs_value = pd.to_numeric(digits, errors="coerce").astype("Int64")
    obs_status = num["flag"].map(FLAGS).fillna("A")
    conf_status = pd.Series("F", index=df.index)
    has_sym = sym.notna()
    obs_value = obs_value.mask(has_sym, sym.map(lambda s: s[0] if isinstance(s, tuple) else None).astype("Int64"))
    obs_status = obs_status.mask(has_sym, sym.str[1])
    conf_status = conf_status.mask(has_sym, sym.str[2])
    empty = value == ""
    obs_status = obs_status.mask(empty, "O")
    negative = value.str.match(r"^[-−–]\s*\d")
    readable = has_sym | num["num"].notna() | empty

    area = df["REF_AREA"].str.strip().str.upper()
    wrong_area = (area != "") & (area != country)
    place = path + ", line " + df["line"].astype(str) + ' "' + df["raw"].str.replace(r"[\r\n\t]+", " ", regex=True) + '": '
    reason = pd.Series(pd.NA, index=df.index, dtype="object")
    message = pd.Series(pd.NA, index=df.index, dtype="object")
    suggestions = pd.Series("", index=df.index)

    def refuse(mask, why, text):
        todo = mask & reason.isna()
        reason[todo] = why
        message[todo] = place[todo] + text if isinstance(text, str) else place[todo] + text[todo]

    refuse(~known_table, "unknown-table", "the table " + '"' + df["TABLE"] + '"' + " is not in the table set")
    refuse(wrong_area, "code-not-allowed", f"REF_AREA is not {country}, the country this file is configured for")
    refuse(year.isna(), "unparseable-value", "TIME_PERIOD is not a year")
    refuse(sex.isna(), "unmapped-label", "SEX " + '"' + df["SEX"] + '" maps to no sex code')
    migr_text = df["MIGR_TYPE"].str.strip()
    refuse(flow & (migr_text != "") & migr.isna(), "unmapped-label", "MIGR_TYPE " + '"' + migr_text + '" maps to no type')
    refuse(~flow & ~migr_text.str.upper().isin(["", "_Z", "_T"]), "code-not-allowed", table + " has no migration type, but MIGR_TYPE is " + '"' + migr_text + '"')
    other = df["PARTNER"].where(by_age, df["AGE"]).str.strip()
    refuse(~other.str.upper().isin(["", "_T", "_Z", "TOTAL"]), "code-not-allowed", table + " has no breakdown by " + pd.Series("PARTNER", index=df.index).where(by_age, "AGE"))
    refuse(amb.notna(), "ambiguous-label", "the label " + '"' + own_text + '"' + " is ambiguous; add an alias to the country's configuration")
    unmapped = code.isna() & amb.isna()
    # the closest codes, once per distinct label that needs them
    keys = [k for k in partner_ix if len(k) > 2]
    closest = {}
    for label in own_key[unmapped & reason.isna()].unique():
        ranked = difflib.get_close_matches(label, keys, n=12, cutoff=0)
        codes = list(dict.fromkeys(partner_ix[k] for k in ranked))[:3]
        closest[label] = codes
    hint = own_key.map(lambda k: f" (closest: {', '.join(closest[k])})" if closest.get(k) else "")
    suggestions = suggestions.mask(unmapped, own_key.map(lambda k: "|".join(closest.get(k, []))))
    refuse(unmapped, "unmapped-label", "the label " + '"' + own_text + '"' + " maps to no code" + hint + "; add an alias to the country's configuration")
    refuse(~readable & ~negative, "unparseable-value", "neither a number nor a known symbol")
    refuse(negative, "negative-value", "a negative number of persons")

    obs = pd.DataFrame({
        "ref_area": country, "table": table, "time_period": year.astype("Int64"),
        "migr_type": migr.fillna("NAT").where(flow, ""),
        "sex": sex, "age": code.where(by_age, ""), "partner": code.where(~by_age, ""),
        "obs_value": obs_value, "obs_status": obs_status, "conf_status": conf_status, "definition_basis": "", "unit_mult": 0,
        "derived": "false", "note_refs": "", "source_file": path, "source_sha256": sha, "source_sheet": "", "source_cell": df["line"], "source_raw": df["raw"],
    })
    kept = obs[reason.isna()]
    # a key given twice with different values: every cell of it is refused (submissions.md)
    twice = kept.duplicated(KEY, keep=False)
    if twice.any():
        groups = kept[twice].groupby(KEY, dropna=False)[["obs_value", "obs_status", "conf_status"]].transform("nunique")
        clash = (groups > 1).any(axis=1)
        clash = clash[clash].index
        reason[clash] = "conflicting-value"
        message[clash] = place[clash] + "another cell gives a different value for the same observation; none is kept"
        kept = kept.drop(clash)
    kept = kept.assign(_sex=kept["sex"].map({"_T": 0, "M": 1, "F": 2, "_U": 3}), _age=kept["age"].map(age_order).fillna(9999))
    kept = kept.sort_values(["ref_area", "table", "time_period", "migr_type", "_sex", "_age", "age", "partner"], kind="stable").drop(columns=["_sex", "_age"])
    refused = reason.notna()
    rej = pd.DataFrame({"source_file": path, "source_sheet": "", "source_cell": df["line"], "source_raw": df["raw"],
                        "reason": reason, "message": message, "suggestions": suggestions.where(reason == "unmapped-label", "")})[refused]
    return kept, rej, len(df)


def main(path, country, out_dir):
    kept, rej, cells = read_long_csv(path, country, load_codelists())
    os.makedirs(out_dir, exist_ok=True)
    kept.to_csv(os.path.join(out_dir, "observations.csv"), index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    rej.to_csv(os.path.join(out_dir, "rejections.csv"), index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    print(f"{path}: value cells read {cells} = observations {len(kept)} + rejections {len(rej)}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
