import { type DefinitionBasis, type Observation, type TableDef, cmp } from '@mch/core';
import type { ReleaseModel } from '../model';
import { safeText } from '../text';
import { type Bilingual, basisSpans, basisText, breaksInScope, territorySpans, yearRange } from './scope';
import { sourceKindText, sourceKindsIn } from './texts';
import type { CountryTableMeta, PublishedNote } from './types';

const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN = /[A-Za-z]/;

/** Symbols a country may explain inside a note ("к — конфиденциально"): a legend, not a note. */
const LEGEND_SYMBOLS = ['..', '...', '…', ':', '-', '–', '—', 'x', 'X', 'х', 'Х', 'c', 'C', 'с', 'С', 'conf', '*', 'p', 'р', 'e', 'е', 'b', 'к', 'К', '....', '0,0'];

/**
 * The notes of one table, numbered in a fixed order per country: territory, source, definition
 * basis, breaks inside the reference years, harmonisation remarks, the unit conversion, then
 * the country's own notes. Each text once (a note said twice is one note); no empty marker, no
 * legend line; a note the country wrote in one language only is marked so. Every note is
 * referred to: by the country table as a whole (`sheet`) or by the cells it explains (`cells`).
 */
export interface TableNotes {
  notes: PublishedNote[];
  /** per country: notes on the whole country table */
  sheet: Map<string, number[]>;
  /** per observation (by identity): notes its cell refers to */
  cells: Map<Observation, number[]>;
  meta: CountryTableMeta[];
}

export function tableNotes(model: ReleaseModel, table: TableDef, byCountry: ReadonlyMap<string, readonly Observation[]>, inThousands: ReadonlySet<Observation>): TableNotes {
  const notes: PublishedNote[] = [];
  const sheet = new Map<string, number[]>();
  const cells = new Map<Observation, number[]>();
  const meta: CountryTableMeta[] = [];
  const breaks = breaksInScope(model).filter((b) => b.tables.includes(table.id));

  for (const [country, observations] of [...byCountry].sort(([a], [b]) => cmp(a, b))) {
    const seen = new Map<string, number>();
    const add = (text: Bilingual, only_in?: 'en' | 'ru', aside?: Bilingual): number => {
      const key = `${text.en}\u0000${text.ru}`;
      const known = seen.get(key);
      if (known !== undefined) return known;
      notes.push({ number: notes.length + 1, ref_area: country, text, ...(only_in ? { only_in } : {}), ...(aside ? { aside } : {}) });
      seen.set(key, notes.length);
      return notes.length;
    };
    const onSheet = (n: number) => {
      const list = sheet.get(country) ?? [];
      if (!list.includes(n)) list.push(n);
      sheet.set(country, list);
    };
    const onCell = (o: Observation, n: number) => {
      const list = cells.get(o) ?? [];
      if (!list.includes(n)) list.push(n);
      cells.set(o, list);
    };

    const territory = territorySpans(model, country, table.id);
    for (const span of territory) {
      const years = territory.length > 1 ? ` ${yearRange(span.years)}` : '';
      onSheet(labelled(add, `Territory${years}`, `Территория${years}`, span.text));
    }
    const source = sourceOf(model, country, table.id);
    if (source) onSheet(labelled(add, 'Source', 'Источник', source));

    const bases = basesOf(observations);
    if (bases.length) {
      const say = (lang: 'en' | 'ru') => bases.map((b) => (b.migr_type ? `${b.migr_type}: ${b.text[lang]}` : b.text[lang])).join('; ');
      onSheet(add({ en: `Definition basis: ${say('en')}`, ru: `Основа определения: ${say('ru')}` }));
    }
    // what a basis means for this country (the rule of its border crossings, what OTHER stands for)
    const used = new Set(bases.flatMap((b) => b.codes));
    const explained = (model.config.countries[country]?.basis_notes ?? []).filter((n) => used.has(n.basis) && (!n.tables || n.tables.includes(table.id)));
    for (const e of explained) onSheet(add({ en: `${e.basis}: ${safeText(e.en)}`, ru: `${e.basis}: ${safeText(e.ru)}` }));
    const countryBreaks = breaks.filter((b) => b.ref_area === country);
    for (const b of countryBreaks) {
      const n = add({ en: `Break in series from ${b.first_year}: ${safeText(b.text_en)}`, ru: `Разрыв ряда с ${b.first_year} г.: ${safeText(b.text_ru)}` });
      onSheet(n);
      for (const o of observations) if (o.time_period === b.first_year && o.obs_status === 'B') onCell(o, n);
    }
    const remarks = model.data.remarks.filter((r) => r.ref_area === country && r.table === table.id).sort((a, b) => cmp(a.text_en, b.text_en));
    for (const r of remarks) onSheet(add({ en: safeText(r.text_en), ru: safeText(r.text_ru) }));

    const converted = observations.filter((o) => inThousands.has(o));
    if (converted.length) {
      // every format marks them its own way ([e] in a workbook and JSON-stat, a cell note in PX): the note names the status, not one format's mark
      const n = add({
        en: 'Reported in thousands and converted to persons (rounded to whole persons); these values are marked as estimated.',
        ru: 'Представлено в тысячах человек и пересчитано в человек (с округлением до целого); такие значения отмечены как оценка.',
      });
      for (const o of converted) onCell(o, n);
    }

    // what an aggregate or residual row holds, said once and referred to by its cells
    const special = new Map(model.codelists.special_partners.map((p) => [p.code, p]));
    const rowCodes = [...new Set(observations.map((o) => o.partner))].filter((c) => special.get(c)?.note_en).sort(cmp);
    for (const code of rowCodes) {
      const p = special.get(code)!;
      const members = code === 'CIS' ? model.config.countries[country]?.cis_members : undefined;
      const text = members?.length
        ? { en: `${p.note_en} Members as the country states them: ${members.join(', ')}.`, ru: `${p.note_ru ?? p.note_en} Состав, указанный страной: ${members.join(', ')}.` }
        : { en: p.note_en!, ru: p.note_ru ?? p.note_en! };
      // a sum over countries that include the reporter, in a table where it cannot be its own partner
      const withoutSelf = table.own_country_allowed === false && (p.members ?? []).includes(country);
      const n = add(
        withoutSelf
          ? {
              en: `${text.en} The reporting country cannot be its own partner in this table, so it is not in this sum.`,
              ru: `${text.ru} Отчитывающаяся страна не может быть собственной страной-партнёром в этой таблице и в эту сумму не входит.`,
            }
          : text,
      );
      for (const o of observations) if (o.partner === code) onCell(o, n);
    }

    const legend = new Set([...LEGEND_SYMBOLS, ...Object.keys(model.config.countries[country]?.legend ?? {})]);
    const own = model.data.notes.filter((n) => n.ref_area === country && n.table === table.id).sort((a, b) => cmp(a.ref, b.ref) || cmp(a.text, b.text));
    for (const note of own) {
      const text = withoutLegendLines(safeText(note.text), legend);
      if (!text) continue;
      const only = CYRILLIC.test(text) && !LATIN.test(text) ? 'ru' : LATIN.test(text) && !CYRILLIC.test(text) ? 'en' : undefined;
      // a footnote naming another source than the Metadata sheet gives: both are the country's words, and both are said
      const n = add({ en: text, ru: text }, only, otherSource(text, source));
      const ref = safeText(note.ref);
      const referring = ref ? observations.filter((o) => o.note_refs.includes(note.ref)) : [];
      if (referring.length) for (const o of referring) onCell(o, n);
      else onSheet(n);
    }

    meta.push({
      ref_area: country,
      territory: territory.map((t) => ({ years: t.years, text: { en: safeText(t.text.en), ru: safeText(t.text.ru) } })),
      source,
      bases,
      breaks: countryBreaks.map((b) => ({ year: b.first_year, text: { en: safeText(b.text_en), ru: safeText(b.text_ru) } })),
    });
  }
  return { notes, sheet, cells, meta };
}

/** A row's notes: "[note 3] [note 5] (2012)" — a note that holds for some years of the row says which. */
export function rowNoteMarks(row: { notes: readonly number[]; note_years: Readonly<Record<number, number[]>> }): string {
  return [...row.notes]
    .sort((a, b) => a - b)
    .map((n) => (row.note_years[n] ? `[note ${n}] (${yearRange(row.note_years[n]!)})` : `[note ${n}]`))
    .join(' ');
}

/**
 * A labelled note ("Territory: …"): in both languages where the text has both, else said once
 * under both labels and marked as given in its one language, not passed off as a translation.
 */
function labelled(add: (text: Bilingual, only?: 'en' | 'ru') => number, en: string, ru: string, text: Bilingual): number {
  const e = safeText(text.en);
  const r = safeText(text.ru);
  if (e !== r) return add({ en: `${en}: ${e}`, ru: `${ru}: ${r}` });
  const only = CYRILLIC.test(e) && !LATIN.test(e) ? 'ru' : LATIN.test(e) && !CYRILLIC.test(e) ? 'en' : undefined;
  if (!only) return add({ en: `${en}: ${e}`, ru: `${ru}: ${r}` });
  return add({ en: `${en} / ${ru}: ${e}`, ru: `${en} / ${ru}: ${e}` }, only);
}

/** "[note 3]" in every writer's notation. */
export function noteMarks(numbers: readonly number[]): string {
  return [...numbers].sort((a, b) => a - b).map((n) => `[note ${n}]`).join(' ');
}

/** A note in one language, or both joined; a note given in one language only says so. */
export function noteText(note: PublishedNote, lang: 'en' | 'ru' | 'both'): string {
  const inLang = (t: Bilingual) => (lang === 'both' ? (t.en === t.ru ? t.en : `${t.en} / ${t.ru}`) : t[lang]);
  const aside = note.aside ? ` ${inLang(note.aside)}` : '';
  if (note.only_in) {
    const said = note.only_in === 'ru' ? { en: 'given in Russian only', ru: 'только на русском языке' } : { en: 'given in English only', ru: 'только на английском языке' };
    return `${note.text.en} (${inLang(said)})${aside}`;
  }
  return `${inLang(note.text)}${aside}`;
}

export function sourceOf(model: Pick<ReleaseModel, 'data'>, country: string, table: string): Bilingual | null {
  const kind = model.data.metadata.find((m) => m.ref_area === country && m.table === table && m.source_kind)?.source_kind;
  if (!kind) return null;
  return sourceKindText(safeText(kind));
}

/**
 * The remark on a country's footnote that names a source ("Source: border-crossing records …")
 * of another kind than its Metadata sheet gives for the table ("register"): the reader of the
 * table is told both, and which says what. Null when the footnote names no source, or names the
 * sheet's kind among others.
 */
export function otherSource(footnote: string, source: Bilingual | null): Bilingual | undefined {
  if (!source || !/^\s*(?:sources?|источник(?:и)?)(?!\p{L})/iu.test(footnote)) return undefined;
  const named = sourceKindsIn(footnote);
  const given = sourceKindsIn(source.en);
  if (!named.size || !given.size || [...given].some((k) => named.has(k))) return undefined;
  return {
    en: `(The country's Metadata sheet gives the source of this table as: ${source.en}.)`,
    ru: `(В листе метаданных страны источником этой таблицы указан: ${source.ru}.)`,
  };
}

/** Per migration type, the bases the country's published series carry. */
export function basesOf(observations: readonly Observation[]): CountryTableMeta['bases'] {
  const byType = new Map<string, Observation[]>();
  for (const o of observations) {
    if (o.derived || !o.definition_basis) continue;
    const list = byType.get(o.migr_type) ?? [];
    list.push(o);
    byType.set(o.migr_type, list);
  }
  const order = ['', 'LT', 'ST', 'NAT'];
  return [...byType]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([migr_type, list]) => {
      const spans = basisSpans(list);
      return { migr_type, codes: [...new Set(spans.map((s) => s.basis))] as DefinitionBasis[], text: basisText(spans) };
    });
}

/** Drops the sentences of a note that only explain a symbol ("к — конфиденциально."). */
export function withoutLegendLines(text: string, symbols: ReadonlySet<string>): string {
  // a sentence ends at a full stop after a word, not at the dots of a symbol such as ".."
  const sentences = text.split(/(?<=[\p{L}\p{N})»"][.;])\s+/u);
  // a legend line glosses a symbol in a few words ("к — конфиденциально"); a sentence that starts
  // with a symbol but says more (".. — data for 2009 were not compiled") is a note
  const kept = sentences.filter((s) => {
    const m = /^(\S{1,4})\s+[—–-]\s+(.+)$/u.exec(s.trim());
    if (!m || !symbols.has(m[1]!)) return true;
    const gloss = m[2]!.replace(/[.;]$/, '');
    return /\d/.test(gloss) || gloss.split(/\s+/).length > 3;
  });
  return kept.join(' ').trim();
}
