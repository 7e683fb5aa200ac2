// One country's long CSV with every ISO country as partner over 20 years, written the way a
// national office's database exports it: partners as codes, English or Russian names, sexes as
// codes or labels, numbers with space or NBSP separators, symbols, flags, a few misspelt names.
// Deterministic (mulberry32 from --seed): the input `mch ingest` and ingest_long_csv.py are timed on.
//   node packages/bench/pandas/make_long_csv.mjs OUT.csv [--country ARM] [--years 20] [--seed 13]
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../package.json', import.meta.url));
const countries = require('i18n-iso-countries');
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
countries.registerLocale(require('i18n-iso-countries/langs/ru.json'));

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const out = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!out) throw new Error('usage: make_long_csv.mjs OUT.csv [--country ARM] [--years 20] [--seed 13]');
const country = opt('--country', 'ARM');
const years = Array.from({ length: Number(opt('--years', 20)) }, (_, i) => 2000 + i);

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(Number(opt('--seed', 13)));

// every ISO country but the reporting one (the library's XKK, XXK before, is Kosovo: XKX in the code lists)
const iso = Object.entries(countries.getAlpha2Codes())
  .map(([a2, a3]) => ({ a2, code: a3 === 'XXK' || a3 === 'XKK' ? 'XKX' : a3 }))
  .filter((p) => p.code !== country)
  .sort((a, b) => (a.code < b.code ? -1 : 1));
// one way of writing each partner, as one office's database does: 60 % codes, 25 % English, 15 % Russian names
const partners = iso.map((p, i) => {
  const k = i % 20;
  const label = k < 12 ? p.code : k < 17 ? countries.getName(p.a2, 'en') : countries.getName(p.a2, 'ru');
  return { code: p.code, label };
});
const RESIDUAL = [
  { code: 'OTH', label: 'Other countries' },
  { code: 'UNK', label: 'Не указано' },
];
const STATELESS = new Set(['T02', 'T05', 'T09', 'T11']);
const MISSPELT = { UZB: 'Uzbekstan', TJK: 'Tadzhikistan', AFG: 'Afganistan', BEL: 'Belgia' };

const SEX_WRITING = {
  T01: { M: 'Men', F: 'Women', _T: 'Total' },
  T02: { M: 'Males', F: 'Females', _T: 'Both sexes' },
  T04: { M: 'Мужчины', F: 'Женщины', _T: 'Всего' },
};
const CODES = { M: 'M', F: 'F', _T: '_T' };
const AGES = ['Under 5', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85 and over'];
const FLOWS = ['T04', 'T05', 'T06', 'T08', 'T09'];
const TYPES = ['LT', 'ST', 'NAT'];

const lines = ['REF_AREA,TABLE,TIME_PERIOD,MIGR_TYPE,SEX,AGE,PARTNER,OBS_VALUE'];
const field = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** A value as written: mostly a number (with separators in some tables), sometimes a symbol or a flag. */
function written(v, table) {
  const r = random();
  if (r < 0.004) return { text: '..', sum: 0 };
  if (r < 0.008) return { text: '-', sum: 0 };
  if (r < 0.01) return { text: 'x', sum: 0 };
  if (r < 0.0103) return { text: 'n.a.', sum: 0 };
  const sep = table === 'T01' || table === 'T02' ? ' ' : table === 'T11' ? '\u00a0' : '';
  const digits = sep ? String(v).replace(/\B(?=(\d{3})+$)/g, sep) : String(v);
  if (r < 0.02) return { text: `${digits}*`, sum: v };
  if (r < 0.025) return { text: `${digits} p`, sum: v };
  return { text: digits, sum: v };
}

function block(table, type, year, rows, other) {
  const sexes = SEX_WRITING[table] ?? CODES;
  const totals = { M: 0, F: 0 };
  const line = (sex, row, text) => {
    const [age, partner] = other === 'AGE' ? [row, ''] : ['', row];
    lines.push([country, table, String(year), type, sexes[sex], field(age), field(partner), text].join(','));
  };
  for (const row of rows) {
    let both = 0;
    for (const sex of ['M', 'F']) {
      const w = written(Math.floor(random() * random() * 6000), table);
      both += w.sum;
      totals[sex] += w.sum;
      line(sex, row, w.text);
    }
    line('_T', row, written(both, table).text);
  }
  for (const sex of ['M', 'F']) line(sex, 'Total', String(totals[sex]));
  line('_T', 'Total', String(totals.M + totals.F));
}

for (const table of ['T01', 'T02', 'T11', ...FLOWS]) {
  for (const type of FLOWS.includes(table) ? TYPES : ['']) {
    for (const year of years) {
      const rows = partners.map((p) => (table === 'T09' && year >= 2010 && MISSPELT[p.code]) || p.label);
      for (const r of RESIDUAL) rows.push(r.label);
      if (STATELESS.has(table)) rows.push('Stateless');
      block(table, type, year, rows, 'PARTNER');
    }
  }
}
for (const table of ['T03', 'T07']) {
  for (const type of table === 'T03' ? [''] : TYPES) for (const year of years) block(table, type, year, AGES, 'AGE');
}
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${out}: ${lines.length - 1} rows`);
