"""What a statistician would write instead of `mch release`, up to the Excel tables: pandas + openpyxl.

    python3 packages/bench/pandas/chain.py CONFIG OUT_DIR     (from the repository root)

The release configuration mch reads (YAML; JSON is YAML), country by country, as a careful analyst
loops over the countries:

1. ingest: each configured long CSV read and recoded as `ingest_long_csv.py` does (labels to codes
   through the same code lists, values, symbols and flags, the file's hash and the physical line of
   every row kept as provenance, refusals with reasons);
2. harmonise: a superseding file's keys replace earlier ones, two files disagreeing on a key lose
   it, the definition basis from the configuration, and the aggregates mch derives beside the
   reported values (sex totals, the age total and the broad and open age groups, MCH12, FSU15, BALT
   and the partner total);
3. checks within the country: sex, age and partner additivity (MCH-A01..A03), the cross-table
   totals (A04), the unknown-partner share (C02), year on year (T01: a change above 50 % for cells
   of at least 100 persons, or a robust z-score above 3.5 in a series of five years or more);
4. across countries, on what was kept of each (T04 and T08 rows between reporting countries): the
   mirror comparison (M01: ratio outside 0.5-2 for flows of at least 50 persons, LT else NAT, ST
   with ST);
5. outputs: data/observations.csv (the harmonised observations with their provenance),
   quality/findings.csv and quality/mirror.csv, and tables/T01.xlsx ... one workbook per table: a
   cover sheet with the legend, then one sheet per country (rows: type x partner or age group;
   columns: year x sex; numbers with a thousands format, the marks [p] [e] [b] [d] in the number
   format, the symbols [x] [z] [c] as text; the table marked up as an Excel table), with openpyxl.

Vectorised throughout (groupby, merge, vectorised strings); Python loops only where openpyxl needs
them (one append per row, one number format per value cell).
"""

import csv
import json
import os
import sys

import pandas as pd
import yaml
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ingest_long_csv as ingest  # noqa: E402

KEY = ingest.KEY
SEXES = ["_T", "M", "F"]
TYPES = ["LT", "ST", "NAT", ""]
SYMBOL = {"O": "[x]", "M": "[z]", "Q": "[c]"}
MARK = {"P": " [p]", "E": " [e]", "B": " [b]", "A": ""}
STATUS_RANK = {"A": 0, "B": 1, "P": 2, "E": 3}
RANK_STATUS = {v: k for k, v in STATUS_RANK.items()}
FINDING_COLUMNS = ["rule", "severity", "ref_area", "table", "time_period", "migr_type", "sex", "age", "partner", "value", "expected", "source_file", "source_cell", "message"]


def yaml_file(*parts):
    with open(os.path.join(ingest.ROOT, *parts), encoding="utf-8") as f:
        return yaml.safe_load(f)


def labels(cl):
    """Code -> "English / Russian", as the published tables label their rows."""
    with open(os.path.join(ingest.ISO, "codes.json"), encoding="utf-8") as f:
        codes = json.load(f)
    lang = {}
    for code in ("en", "ru"):
        with open(os.path.join(ingest.ISO, "langs", f"{code}.json"), encoding="utf-8") as f:
            lang[code] = json.load(f)["countries"]
    first = lambda n: n[0] if isinstance(n, list) else n  # noqa: E731
    out = {a3: f"{first(lang['en'].get(a2, a3))} / {first(lang['ru'].get(a2, a3))}" for a2, a3, _, _ in codes}
    for e in cl["age"] + cl["special_partners"]:
        out[e["code"]] = f"{e['label_en']} / {e['label_ru']}"
    for code, n in cl["official_names"].items():
        out[code] = f"{n['en']} / {n['ru']}"
    return out


def age_targets(cl):
    """The age groups mch derives from the five-year groups: the total, and each wider or open group they cover exactly."""
    ages = {a["code"]: a for a in cl["age"]}
    five = cl["age_partitions"]["five_year_85"]
    targets = {"_T": five}
    for a in cl["age"]:
        lo, hi = a.get("from"), a.get("to")
        if lo is None or a["code"] in five or (hi is not None and hi <= lo + 4):
            continue
        members = [m for m in five if ages[m]["from"] >= lo and (hi is None or (ages[m].get("to") is not None and ages[m]["to"] <= hi))]
        if members and ages[members[0]]["from"] == lo and (ages[members[-1]].get("to") == hi):
            targets[a["code"]] = members
    return targets


def sum_of(parts, keys, dim, code, n_parts=None):
    """The derived sum of complete parts, one row per group: all n_parts there (when given), none without a value."""
    p = parts.assign(_missing=parts["obs_value"].isna(), _rank=parts["obs_status"].map(STATUS_RANK).fillna(0), _conf=parts["conf_status"] != "F")
    g = p.groupby(keys, sort=False, dropna=False).agg(
        obs_value=("obs_value", "sum"), _n=("obs_value", "size"), _missing=("_missing", "any"), _rank=("_rank", "max"),
        _conf=("_conf", "any"), definition_basis=("definition_basis", "first"))
    g = g[~g["_missing"] & ((g["_n"] == n_parts) if n_parts else True)].reset_index()
    g[dim] = code
    g["obs_status"] = g["_rank"].astype(int).map(RANK_STATUS)
    g["conf_status"] = g["_conf"].map({True: "C", False: "F"})
    return g.drop(columns=["_n", "_missing", "_rank", "_conf"])


def resolve(frames, files):
    """Files in the configured order: a superseding file's keys replace the earlier ones; two others disagreeing lose the key."""
    if len(frames) == 1:
        return frames[0]
    out = frames[0]
    for f, spec in zip(frames[1:], files[1:]):
        if spec.get("supersedes"):
            out = pd.concat([out.merge(f[KEY], on=KEY, how="left", indicator=True).query("_merge == 'left_only'").drop(columns="_merge"), f])
        else:
            both = pd.concat([out, f])
            clash = both.groupby(KEY, dropna=False)["obs_value"].transform("nunique") > 1
            out = both[~clash].drop_duplicates(KEY)
    return out.reset_index(drop=True)


def harmonise(obs, country, settings, cl, tables):
    basis = settings["definition_basis"]
    obs["definition_basis"] = obs["table"].map({t: basis.get(t, basis["default"]) for t in obs["table"].unique()})
    obs["derived"] = "false"
    cols = KEY + ["obs_value", "obs_status", "conf_status", "definition_basis"]
    derived = []
    no = {d: [c for c in KEY if c != d] for d in ("sex", "age", "partner")}
    derived.append(sum_of(obs.loc[obs["sex"].isin(["M", "F"]), cols], no["sex"], "sex", "_T", 2))
    by_age = obs.loc[obs["age"] != "", cols]
    for code, members in age_targets(cl).items():
        derived.append(sum_of(by_age[by_age["age"].isin(members)], no["age"], "age", code, len(members)))
    by_partner = obs.loc[obs["partner"] != "", cols]
    # the reporting country is no member of an aggregate in tables where it cannot be a partner
    own_excluded = by_partner["table"].isin({t["id"] for t in tables if t.get("own_country_allowed") is False})
    for agg in [p for p in cl["special_partners"] if p.get("members") and p["kind"] in ("aggregate", "derived")]:
        for excluded in (False, True):
            members = [m for m in agg["members"] if not (excluded and m == country)]
            rows = by_partner[(own_excluded == excluded) & by_partner["partner"].isin(members)]
            derived.append(sum_of(rows, no["partner"], "partner", agg["code"], len(members)))
    # the partner total only where the residual row (OTH) makes the list complete; aggregates are not summed
    not_summed = {p["code"] for p in cl["special_partners"] if p["kind"] in ("aggregate", "derived", "total")}
    summed = by_partner[~by_partner["partner"].isin(not_summed)]
    complete = summed.loc[summed["partner"] == "OTH", no["partner"]]
    derived.append(sum_of(summed.merge(complete, on=no["partner"]), no["partner"], "partner", "_T"))
    d = pd.concat(derived, ignore_index=True)
    d = d.assign(ref_area=country, derived="true", unit_mult=0, note_refs="", source_file="", source_sha256="", source_sheet="", source_cell="", source_raw="")
    return pd.concat([obs, d[obs.columns]], ignore_index=True)


def findings(rule, severity, rows, value, expected, message):
    f = rows[KEY].copy()
    f.insert(0, "severity", severity)
    f.insert(0, "rule", rule)
    f["value"], f["expected"] = value, expected
    f["source_file"] = rows["source_file"] if "source_file" in rows else ""
    f["source_cell"] = rows["source_cell"] if "source_cell" in rows else ""
    f["message"] = message
    return f[FINDING_COLUMNS]


def where(rows):
    """The place a message names: "T05 ARM 2012 LT M Y15-19 KAZ"."""
    return rows["table"] + " " + rows["ref_area"] + " " + rows["time_period"].astype(str) + " " + rows["migr_type"] + " " + rows["sex"] + " " + rows["age"] + rows["partner"]


def identities(obs):
    """MCH-A01..A03: a reported total against the sum mch derives from its parts, where the parts are complete."""
    out = []
    reported, derived = obs[obs["derived"] == "false"], obs[obs["derived"] == "true"]
    for rule, dim in (("MCH-A01", "sex"), ("MCH-A02", "age"), ("MCH-A03", "partner")):
        rep = reported[(reported[dim] == "_T") & reported["obs_value"].notna()]
        m = rep.merge(derived.loc[derived[dim] == "_T", KEY + ["obs_value"]], on=KEY, suffixes=("", "_sum"))
        bad = m[m["obs_value"] != m["obs_value_sum"]]
        diff = (bad["obs_value"] - bad["obs_value_sum"]).astype(str)
        out.append(findings(rule, "error", bad, bad["obs_value"], bad["obs_value_sum"],
                            where(bad) + ": total " + bad["obs_value"].astype(str) + " ≠ sum of the " + dim + " rows " + bad["obs_value_sum"].astype(str) + ", difference " + diff))
    return out


def totals_of(obs):
    """Each table's total per type, sex and year: the reported one, else the derived one."""
    t = obs[(obs["partner"].eq("_T") | obs["age"].eq("_T")) & obs["obs_value"].notna()]
    return t.sort_values("derived").drop_duplicates(["table", "migr_type", "sex", "time_period"])


def cross_tables(obs, tables_yaml):
    """MCH-A04: the tables of a cross-totals group give one total per type, sex and year."""
    t = totals_of(obs)
    out = []
    for group in tables_yaml["cross_totals"]:
        g = t[t["table"].isin(group["tables"])]
        first = g[g["table"] == group["tables"][0]][["migr_type", "sex", "time_period", "obs_value"]]
        m = g[g["table"] != group["tables"][0]].merge(first, on=["migr_type", "sex", "time_period"], suffixes=("", "_first"))
        bad = m[m["obs_value"] != m["obs_value_first"]]
        out.append(findings("MCH-A04", "warning", bad, bad["obs_value"], bad["obs_value_first"],
                            where(bad) + ": total " + bad["obs_value"].astype(str) + " against " + group["tables"][0] + " " + bad["obs_value_first"].astype(str)))
    return out


def unknown_share(obs):
    """MCH-C02: the unknown partner above 5 % of the total."""
    t = obs[(obs["partner"] == "_T") & (obs["derived"] == "false") & (obs["obs_value"] > 0)]
    u = obs[(obs["partner"] == "UNK") & obs["obs_value"].notna()]
    m = u.merge(t[["table", "migr_type", "sex", "time_period", "obs_value"]], on=["table", "migr_type", "sex", "time_period"], suffixes=("", "_total"))
    bad = m[m["obs_value"] / m["obs_value_total"] > 0.05]
    return [findings("MCH-C02", "warning", bad, bad["obs_value"], bad["obs_value_total"],
                     where(bad) + ": unknown partner " + bad["obs_value"].astype(str) + " of " + bad["obs_value_total"].astype(str) + " (" + (100 * bad["obs_value"] / bad["obs_value_total"]).round(1).astype(str) + " %)")]


def year_on_year(obs):
    """MCH-T01: year-on-year change above 50 % (cells of at least 100) or a robust z-score above 3.5, per series."""
    series = [c for c in KEY if c != "time_period"]
    s = obs[(obs["derived"] == "false") & obs["obs_value"].notna() & (obs["obs_status"] != "B")].sort_values(series + ["time_period"])
    v = s["obs_value"].astype(float)
    g = s.groupby(series, sort=False, dropna=False)
    prev, prev_year = g["obs_value"].shift(1).astype(float), g["time_period"].shift(1)
    prev = prev.where(prev_year == s["time_period"] - 1)
    change = (v - prev) / prev
    median = g["obs_value"].transform("median")
    mad = (v - median).abs().groupby([s[c] for c in series], sort=False, dropna=False).transform("median")
    z = (0.6745 * (v - median) / mad).where((mad > 0) & (g["obs_value"].transform("size") >= 5))
    big = pd.concat([v, prev], axis=1).max(axis=1) >= 100
    flagged = big & ((change.abs() > 0.5) | ((z.abs() > 3.5) & (v >= 100)))
    bad, p, c = s[flagged], prev[flagged], change[flagged]
    return [findings("MCH-T01", "warning", bad, bad["obs_value"], p,
                     where(bad) + ": " + p.fillna(0).astype("Int64").astype(str) + " → " + bad["obs_value"].astype(str) + " (" + (100 * c).round(0).astype(str) + " %)")]


def mirror(extract, reporting):
    """MCH-M01: A's T04 immigration from B against B's T08 emigration to A, same year and sex; LT else NAT, ST with ST."""
    e = extract[extract["partner"].isin(reporting)]
    types = e.groupby(["ref_area", "table"])["migr_type"].agg(lambda t: "LT" if "LT" in set(t) else "NAT").rename("best").reset_index()
    e = e.merge(types, on=["ref_area", "table"])
    e["kind"] = e["migr_type"].where(e["migr_type"] == "ST", "LTNAT")
    e = e[(e["migr_type"] == "ST") | (e["migr_type"] == e["best"])]
    i = e[e["table"] == "T04"].rename(columns={"ref_area": "receiving", "partner": "sending", "obs_value": "immigration", "migr_type": "type_in"})
    o = e[e["table"] == "T08"].rename(columns={"ref_area": "sending", "partner": "receiving", "obs_value": "emigration", "migr_type": "type_out"})
    m = i[["receiving", "sending", "time_period", "sex", "kind", "type_in", "immigration", "source_file", "source_cell"]].merge(
        o[["receiving", "sending", "time_period", "sex", "kind", "type_out", "emigration"]], on=["receiving", "sending", "time_period", "sex", "kind"])
    m["ratio"] = (m["immigration"] / m["emigration"]).where(m["emigration"] > 0)
    m["asymmetry"] = ((m["immigration"] - m["emigration"]) / (m["immigration"] + m["emigration"])).where(m["immigration"] + m["emigration"] > 0)
    big = m[["immigration", "emigration"]].max(axis=1) >= 50
    m["flagged"] = big & (m["ratio"].isna() & (m["immigration"] > 0) | (m["ratio"] < 0.5) | (m["ratio"] > 2))
    bad = m[m["flagged"]].rename(columns={"receiving": "ref_area", "sending": "partner", "type_in": "migr_type"}).assign(table="T04", age="")
    f = findings("MCH-M01", "info", bad, bad["immigration"], bad["emigration"],
                 "Mirror " + bad["time_period"].astype(str) + " " + bad["sex"] + ": immigration to " + bad["ref_area"] + " from " + bad["partner"] + " "
                 + bad["immigration"].astype(str) + " against emigration " + bad["emigration"].astype(str) + ": ratio " + bad["ratio"].round(2).astype(str))
    return m.drop(columns=["kind"]), f


def published(obs, table, orders):
    """One country's sheet of a table: display values and number formats, rows type x partner/age, columns year x sex."""
    t = obs[obs["table"] == table["id"]]
    row = "age" if table["breakdown"] == "AGE" else "partner"
    shown = t["obs_value"].astype(object).where(t["obs_value"].notna(), t["obs_status"].map(SYMBOL).fillna("[x]"))
    fmt = ("#,##0" + ('"' + t["obs_status"].map(MARK).fillna("") + (t["derived"] == "true").map({True: " [d]", False: ""}) + '"')).str.replace('""', "", regex=False)
    cells = pd.DataFrame({"migr_type": t["migr_type"], "code": t[row], "time_period": t["time_period"], "sex": t["sex"], "shown": shown, "fmt": fmt})
    grid = cells.set_index(["migr_type", "code", "time_period", "sex"]).unstack(["time_period", "sex"])
    years = sorted(t["time_period"].unique())
    grid = grid.reindex(columns=pd.MultiIndex.from_product([["shown", "fmt"], years, SEXES]))
    keys = pd.DataFrame({"migr_type": grid.index.get_level_values(0), "code": grid.index.get_level_values(1)})
    rank = keys["migr_type"].map({c: i for i, c in enumerate(TYPES)}) * 100000 + keys["code"].map(orders[row]).fillna(50000)
    grid = grid.iloc[rank.argsort(kind="stable").to_numpy()]
    head = [*(["Type code / Код типа", "Migration type / Тип миграции"] if table["has_migr_type"] else []), "Code / Код", "Label / Название",
            *[f"{y} {s}" for y in years for s in ("Total / Всего", "Men / Мужчины", "Women / Женщины")]]
    return head, grid, years


def row_orders(cl, names):
    """The questionnaire's rows first, the other partners by code, residuals and the total, the aggregates last; ages in code-list order."""
    standard = [c for c in cl["standard_partner_rows"] if c not in ("OTH", "UNK", "STLS", "_T")]
    special = {p["code"] for p in cl["special_partners"] if p["kind"] != "country"}
    others = sorted(c for c in names if c not in standard and c not in special and len(c) == 3 and c.isalpha() and c.isupper())
    rows = standard + others + ["SUN", "YUG", "CSK", "OTH", "UNK", "STLS", "_T", "CIS", "FAR", "BALT", "MCH12", "FSU15"]
    return {"partner": {c: i for i, c in enumerate(dict.fromkeys(rows))}, "age": {a["code"]: i for i, a in enumerate(cl["age"][1:] + cl["age"][:1])}}


def write_table(path, table, release, sheets, names, cl):
    wb = Workbook()
    cover = wb.active
    cover.title = "Cover"
    for line in [f"{table['id']}. {table['title_en']} / {table['title_ru']}", f"Release {release['version']}, published {release['release_date']}",
                 "One worksheet per reporting country: rows are partner countries or age groups, columns are year and sex. Figures are numbers of persons.",
                 "Symbols / Условные обозначения", "[x] not available / нет данных", "[z] not applicable / не имеет смысла", "[c] confidential / конфиденциально",
                 "[e] estimated / оценка", "[p] provisional / предварительные данные", "[b] break in series / разрыв ряда", "[d] derived / расчётное значение"]:
        cover.append([line])
    type_label = {t["code"]: f"{t['label_en']} / {t['label_ru']}" for t in cl["migr_type"]}
    for country, (head, grid, years) in sheets.items():
        ws = wb.create_sheet(country)
        ws.append([f"{table['id']} {names.get(country, country)}: {table['title_en']} / {table['title_ru']}"])
        ws.append(["Unit: persons / Единица измерения: человек"])
        ws.append(head)
        # a key no file gave: not available
        shown = grid["shown"].astype(object).where(grid["shown"].notna(), "[x]").to_numpy()
        fmt = grid["fmt"].to_numpy()
        lead = 4 if table["has_migr_type"] else 2
        for (migr_type, code), values in zip(grid.index, shown):
            first = [migr_type, type_label.get(migr_type, migr_type)] if table["has_migr_type"] else []
            ws.append(first + [code, names.get(code, code)] + list(values))
        for r, formats in enumerate(fmt, start=4):
            for c, f in enumerate(formats, start=lead + 1):
                if isinstance(f, str):
                    ws.cell(row=r, column=c).number_format = f
        last = f"{get_column_letter(len(head))}{3 + len(grid)}"  # the header is row 3
        ws.add_table(Table(displayName=f"{table['id']}_{country}", ref=f"A3:{last}", tableStyleInfo=TableStyleInfo(name="TableStyleLight1", showRowStripes=True)))
    wb.save(path)


def main(config_path, out_dir):
    config = yaml.safe_load(open(config_path, encoding="utf-8"))
    cl = yaml_file("pipelines", "mch", "codelists.yaml")
    tables_yaml = yaml_file("pipelines", "mch", "tables.yaml")
    tables = tables_yaml["tables"]
    codelists = ingest.load_codelists()
    names = labels(cl)
    orders = row_orders(cl, names)
    for sub in ("data", "quality", "tables"):
        os.makedirs(os.path.join(out_dir, sub), exist_ok=True)
    obs_path = os.path.join(out_dir, "data", "observations.csv")
    if os.path.exists(obs_path):
        os.remove(obs_path)
    found, extracts, rejected, sheets = [], [], 0, {t["id"]: {} for t in tables}
    reporting = sorted(config["countries"])
    for country in reporting:
        settings = config["countries"][country]
        files = settings["files"]
        read = [ingest.read_long_csv(f["path"], country, codelists) for f in files]
        rejected += sum(len(r[1]) for r in read)
        obs = harmonise(resolve([r[0] for r in read], files), country, settings, cl, tables)
        obs.to_csv(obs_path, mode="a", header=not os.path.exists(obs_path), index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        found += identities(obs) + cross_tables(obs, tables_yaml) + unknown_share(obs) + year_on_year(obs)
        # what the rules across countries need: the flows between reporting countries
        extracts.append(obs[obs["table"].isin(["T04", "T08"]) & (obs["derived"] == "false") & obs["obs_value"].notna() & obs["partner"].isin(reporting)])
        shown = obs[~obs.duplicated(KEY, keep="first")]  # a reported value before a derived one of the same key
        for table in tables:
            if (shown["table"] == table["id"]).any():
                sheets[table["id"]][country] = published(shown, table, orders)
        print(f"{country}: {sum(len(r[0]) for r in read)} observations, {rejected} rejections so far, {len(obs)} harmonised", flush=True)
    pairs, mirror_findings = mirror(pd.concat(extracts, ignore_index=True), reporting)
    found.append(mirror_findings)
    all_findings = pd.concat(found, ignore_index=True)
    all_findings.to_csv(os.path.join(out_dir, "quality", "findings.csv"), index=False, lineterminator="\n")
    pairs.to_csv(os.path.join(out_dir, "quality", "mirror.csv"), index=False, lineterminator="\n")
    for table in tables:
        write_table(os.path.join(out_dir, "tables", f"{table['id']}.xlsx"), table, config, sheets[table["id"]], names, cl)
    print(f"{len(all_findings)} findings ({(all_findings['rule'] == 'MCH-T01').sum()} year-on-year), {int(pairs['flagged'].sum())} of {len(pairs)} mirror pairs outside the band, {len(tables)} workbooks in {out_dir}/tables")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
