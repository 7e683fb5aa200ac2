import fc from 'fast-check';
import iconv from 'iconv-lite';
import type { MchError } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../ingest';
import { context, ingestFixture, obsLines, rejLines } from '../test-support/dump';
import { detectEncoding } from './decode';

const fixture = (name: string) => new URL(`fixtures/${name}`, import.meta.url);
const csv = (text: string, path = 'kgz.csv') => ingestFile({ path, bytes: new TextEncoder().encode(text) }, context('KGZ'));

describe('the long CSV file', () => {
  it('reads the header after Excel\'s "sep=;" line, every line keeping its number', async () => {
    for (const sep of ['sep=;', '"sep=;"', 'SEP=;']) {
      const r = await csv(`${sep}\r\nREF_AREA;TABLE;TIME_PERIOD;MIGR_TYPE;SEX;AGE;PARTNER;OBS_VALUE\r\nKGZ;T04;2012;LT;_T;;RUS;5\r\nKGZ;T04;2012;LT;M;;RUS;abc\r\n`);
      expect(obsLines(r), sep).toEqual(['T04 2012 LT _T RUS = 5 A/F u0 @!3 «KGZ;T04;2012;LT;_T;;RUS;5»']);
      expect(r.rejections.map((x) => x.source.cell), sep).toEqual(['4']);
    }
    // the header missing a column is named at its own line, the second
    await expect(csv('sep=,\nREF_AREA,TABLE,TIME_PERIOD,SEX,PARTNER\n')).rejects.toThrow('kgz.csv, line 2: the CSV lacks the column(s) OBS_VALUE');
  });

  it('UTF-8 with BOM, CRLF, quoted fields, codes and labels in every column', async () => {
    const r = await ingestFixture(fixture('long-utf8-bom.csv'), 'kgz.csv', context('KGZ'));
    expect(obsLines(r)).toEqual([
      'T04 2012 LT _T RUS = 12345 A/F u0 @!2 «KGZ,T04,2012,LT,_T,,RUS,"12,345",,,»',
      'T04 2012 LT M RUS = 6000 A/F [n1] u0 @!3 «KGZ,T04,2012,Долгосрочные мигранты,мужчины,,Россия,6000,,,"Register data, ""final"""»',
      // 417 is Kyrgyzstan itself, never its own previous residence: read, and left to MCH-A05
      'T04 2012 LT F KGZ = 1 A/F u0 @!4 «KGZ,T04,2012,LT,F,,417,1,,,»',
      'T04 2012 NAT F KAZ = null O/F u0 @!5 «KGZ,T4,2012,,F,,KAZ,..,,,»',
      'T07 2012 LT _T Y15-19 = 5 P/F u0 @!6 «KGZ,T07,2012,LT,_T,Y15-19,,5,P,,»',
      'T07 2012 LT _T Y_GE85 = null Q/C u0 @!7 «KGZ,T07,2012,LT,_T,85+,,c,,C,»',
    ]);
    expect(rejLines(r)).toEqual([
      'unknown-table - @!8 «KGZ,T99,2012,LT,_T,,RUS,5,,,»',
      'wrong-field-count T04 @!9 «KGZ,T04,2012,LT,_T,,RUS»',
      'unmapped-label T04 @!10 «KGZ,T04,2012,LT,_T,,Atlantis,5,,,» ALB|_T|LVA',
      'negative-value T01 @!11 «KGZ,T01,2012,,M,,SUN,-5,,,»',
    ]);
    expect(r.rejections[1]!.message).toBe('kgz.csv, line 9 "KGZ,T04,2012,LT,_T,,RUS": 7 fields where the header has 11');
    expect(r.rejections[1]!.message_ru).toBe('kgz.csv, строка 9 "KGZ,T04,2012,LT,_T,,RUS": 7 полей, а в заголовке 11');
    expect(r.notes.map((n) => [n.table, n.ref, n.text])).toEqual([['T04', 'n1', 'Register data, "final"']]);
    expect(r.files[0]).toMatchObject({ format: 'csv', value_cells: 10, observations: 6, rejections: 4, tables: ['T01', 'T04', 'T07'] });
  });

  it('Windows-1251 with semicolons, detected', async () => {
    const r = await ingestFixture(fixture('long-1251.csv'), 'kgz.csv', context('KGZ'));
    // «Киргизия» is Kyrgyzstan itself as next residence: read, and left to MCH-A05
    expect(obsLines(r)).toEqual(['T08 2012 NAT F KAZ = 15 A/F u0 @!2 «KGZ;T08;2012;;Женщины;;Казахстан;15»', 'T08 2012 NAT _T KGZ = 16 A/F u0 @!3 «KGZ;T08;2012;;Всего;;Киргизия;16»']);
    expect(rejLines(r)).toEqual([]);
  });

  it("UTF-16 with BOM and tabs (Excel's Unicode text), optional columns absent", async () => {
    const r = await ingestFixture(fixture('long-utf16.txt'), 'kgz.txt', context('KGZ'));
    expect(obsLines(r)).toEqual(['T02 2011 - M MDA = 1234 A/F u0 @!2 «T02\t2011\tM\tМолдавия\t1 234»', 'T02 2011 - F SUN = 77 A/F u0 @!3 «T02\t2011\tF\tUSSR\t77»']);
  });

  it('counts physical lines across quoted line breaks and skips blank lines', async () => {
    const r = await csv('TABLE,TIME_PERIOD,SEX,PARTNER,OBS_VALUE,NOTE\nT02,2012,F,DEU,1,"two\nlines"\n\nT02,2012,M,DEU,2,\n');
    expect(r.observations.map((o) => o.source?.cell)).toEqual(['2', '5']);
  });

  it('refuses a line whose status is no SDMX code, never reading a confidential value as free', async () => {
    const head = 'REF_AREA,TABLE,TIME_PERIOD,MIGR_TYPE,SEX,AGE,PARTNER,OBS_VALUE,OBS_STATUS,CONF_STATUS\n';
    const lines = ['KGZ,T01,2012,,_T,,RUS,515,A,Confidential', 'KGZ,T01,2012,,_T,,KAZ,12,A,к', 'KGZ,T01,2012,,_T,,UZB,7,final,', 'KGZ,T01,2012,,_T,,CHN,3,p,c', 'KGZ,T01,2012,,_T,,TJK,4,,'];
    const r = await csv(`${head}${lines.join('\n')}\n`);
    expect(rejLines(r)).toEqual(lines.slice(0, 3).map((l, i) => `code-not-allowed T01 @!${i + 2} «${l}»`));
    expect(r.rejections[0]!.message).toBe('kgz.csv, line 2 "KGZ,T01,2012,,_T,,RUS,515,A,Confidential": CONF_STATUS "Confidential" is not an SDMX code (F free, C confidential, N not for publication); write the code');
    expect(r.rejections[2]!.message).toMatch(/OBS_STATUS "final" is not an SDMX code \(A, O, M, Q, P, E, B\)/u);
    // codes in any case are read as given
    expect(obsLines(r)).toEqual(['T01 2012 - _T CHN = 3 P/C u0 @!5 «KGZ,T01,2012,,_T,,CHN,3,p,c»', 'T01 2012 - _T TJK = 4 A/F u0 @!6 «KGZ,T01,2012,,_T,,TJK,4,,»']);
    expect(r.files[0]).toMatchObject({ value_cells: 5, observations: 2, rejections: 3, warnings: [] });
  });

  it('refuses only the line of an unclosed quote and reads every other line', async () => {
    const r = await csv('TABLE,TIME_PERIOD,SEX,PARTNER,OBS_VALUE\nT02,2012,F,DEU,"1\nT02,2012,M,DEU,2\nT02,2012,F,FRA,3\n');
    expect(r.observations.map((o) => [o.partner, o.sex, o.obs_value, o.source?.cell])).toEqual([
      ['DEU', 'M', 2, '3'],
      ['FRA', 'F', 3, '4'],
    ]);
    expect(r.rejections.map((x) => [x.reason, x.source.cell, x.message])).toEqual([
      ['unparseable-value', '2', 'kgz.csv, line 2 "T02,2012,F,DEU,"1": a quote (") opens a field on this line and is never closed'],
    ]);
    expect(r.files[0]).toMatchObject({ value_cells: 3, observations: 2, rejections: 1 });
    expect(r.files[0]!.warnings[0]).toContain('a quote (") opens a field on line 2 and is never closed');
  });

  it('refuses a file it cannot parse, naming the line', async () => {
    const cols = await csv('Dear colleagues,\nplease find attached\n').catch((e: unknown) => e);
    expect((cols as MchError).message).toBe('kgz.csv is neither a workbook nor a CSV with the columns TABLE, TIME_PERIOD, SEX, PARTNER or AGE, OBS_VALUE in its first line');
    const missing = await csv('TABLE,TIME_PERIOD,SEX,OBS_VALUE\nT02,2012,F,1\n').catch((e: unknown) => e);
    expect((missing as MchError).message).toBe('kgz.csv, line 1: the CSV lacks the column(s) PARTNER');
    const year = await csv('TABLE,YEAR,SEX\nT02,2012,F\n').catch((e: unknown) => e);
    expect((year as MchError).message).toBe('kgz.csv, line 1: the CSV lacks the column(s) TIME_PERIOD, OBS_VALUE, PARTNER');
    // a column named twice (in any case): which one holds the values would be a guess
    const twice = await csv('TABLE,TIME_PERIOD,SEX,PARTNER,OBS_VALUE,obs_value\nT02,2012,F,RUS,,100\n').catch((e: unknown) => e);
    expect((twice as MchError).message).toBe('kgz.csv, line 1: the header names the column(s) OBS_VALUE more than once; keep one of each');
    expect((twice as MchError).where).toBe('kgz.csv:1');
    expect((await csv('TABLE,TIME_PERIOD,SEX,PARTNER,OBS_VALUE,COMMENT\nT02,2012,F,RUS,100,x\n')).observations).toHaveLength(1);
  });
});

describe('lines a hostile-file sweep found misread (sweep 7)', () => {
  const H = 'REF_AREA;TABLE;TIME_PERIOD;MIGR_TYPE;SEX;AGE;PARTNER;OBS_VALUE;OBS_STATUS;CONF_STATUS;NOTE\r\n';

  it('reads a quoted line break in any column as one record, at the line it starts on', async () => {
    // k02: PARTNER over two lines, a NOTE over three; RFC 4180 allows both
    const r = await csv(`${H}KGZ;T04;2011;LT;_T;;"Российская\nФедерация";101;;;\r\nKGZ;T04;2011;LT;M;;RUS;61;;;"примечание\r\nвторая строка\r\nтретья"\r\nKGZ;T04;2011;LT;F;;RUS;40;;;\r\n`);
    expect(r.observations.map((o) => [o.sex, o.partner, o.obs_value, o.source?.cell])).toEqual([
      ['_T', 'RUS', 101, '2'],
      ['M', 'RUS', 61, '4'],
      ['F', 'RUS', 40, '7'],
    ]);
    expect(r.files[0]).toMatchObject({ value_cells: 3, observations: 3, rejections: 0, warnings: [] });
    // a break in the first column: the record's last line is as wide as a data line, its first is not
    const first = await csv('PARTNER,TABLE,TIME_PERIOD,SEX,OBS_VALUE\n"Российская\nФедерация",T02,2012,F,1\nDEU,T02,2012,F,2\n');
    expect(first.observations.map((o) => [o.partner, o.source?.cell])).toEqual([
      ['RUS', '2'],
      ['DEU', '4'],
    ]);
  });

  it('still reads a stray quote that closes on a later data line as two lines, the first refused', async () => {
    const r = await csv('TABLE,TIME_PERIOD,SEX,PARTNER,OBS_VALUE\nT02,2012,F,"DEU,1\nT02,2012,M,DEU",2\nT02,2012,F,FRA,3\n');
    expect(r.rejections.map((x) => [x.reason, x.source.cell])).toEqual([['unparseable-value', '2']]);
    // the stray closing quote is read as text, and "DEU"" as the label DEU
    expect(r.observations.map((o) => [o.sex, o.partner, o.source?.cell])).toEqual([
      ['M', 'DEU', '3'],
      ['F', 'FRA', '4'],
    ]);
    expect(r.files[0]).toMatchObject({ value_cells: 3, observations: 2, rejections: 1 });
    expect(r.files[0]!.warnings[0]).toContain('closes only on line 3');
  });

  it('reads a NOTE over lines after Excel\'s "sep=" line, held to the header\'s width, not the hint\'s', async () => {
    const r = await csv('sep=,\nTABLE,TIME_PERIOD,SEX,PARTNER,OBS_VALUE,NOTE\nT02,2012,F,DEU,1,"two\nlines"\nT02,2012,M,DEU,2,\n');
    expect(r.observations.map((o) => [o.sex, o.source?.cell])).toEqual([
      ['F', '3'],
      ['M', '5'],
    ]);
    expect(r.notes.map((n) => n.text)).toEqual(['two\nlines']);
    expect(r.files[0]!.warnings).toEqual([]);
  });

  it('skips a line of delimiters only (an empty Excel row) like a blank line, and refuses a line with one figure', async () => {
    // k01: the empty row is no data line; the total row under the table is
    const r = await csv(`${H}KGZ;T04;2011;LT;_T;;RUS;100;;;\r\n;;;;;;;;;;\r\n ; ;;;;;;;;; \r\n;;;;\r\nИтого;;;;;;;200;;;\r\n`);
    expect(r.observations.map((o) => o.source?.cell)).toEqual(['2']);
    expect(rejLines(r)).toEqual(['unknown-table - @!6 «Итого;;;;;;;200;;;»']);
    expect(r.files[0]).toMatchObject({ value_cells: 2, observations: 1, rejections: 1 });
  });

  it('skips a repeated header like the first, and reads the lines after a re-ordered one in its order', async () => {
    // k04: two exports concatenated, the second with PARTNER before SEX
    const moved = 'REF_AREA;TABLE;TIME_PERIOD;MIGR_TYPE;PARTNER;SEX;AGE;OBS_VALUE;OBS_STATUS;CONF_STATUS;NOTE\r\n';
    const r = await csv(`${H}KGZ;T04;2011;LT;_T;;RUS;100;;;\r\n${H}KGZ;T04;2011;LT;M;;RUS;60;;;\r\n${moved}KGZ;T04;2012;LT;KAZ;M;;70;;;\r\nKGZ;T04;2012;LT;DEU;F;;71;;;\r\nKGZ;T99;2012;LT;DEU;F;;72;;;\r\n`);
    expect(r.observations.map((o) => [o.time_period, o.sex, o.partner, o.obs_value, o.source?.cell])).toEqual([
      [2011, '_T', 'RUS', 100, '2'],
      [2011, 'M', 'RUS', 60, '4'],
      [2012, 'M', 'KAZ', 70, '6'],
      [2012, 'F', 'DEU', 71, '7'],
    ]);
    // header lines are no value cells, as line 1 is none; a row naming no table is still refused
    expect(rejLines(r)).toEqual(['unknown-table - @!8 «KGZ;T99;2012;LT;DEU;F;;72;;;»']);
    expect(r.files[0]).toMatchObject({ value_cells: 5, observations: 4, rejections: 1 });
    expect(r.files[0]!.warnings).toEqual(['kgz.csv: header repeated at line 3; read as a header, not as data', 'kgz.csv: header repeated at line 5 with columns in another order or other columns; the lines after it were read by it']);
  });

  it('holds records after a repeated header of another width to that header', async () => {
    // the second export adds a NOTE column, and one note runs over two lines
    const r = await csv('TABLE,TIME_PERIOD,SEX,PARTNER,OBS_VALUE\nT02,2012,F,DEU,1\nTABLE,TIME_PERIOD,SEX,PARTNER,OBS_VALUE,NOTE\nT02,2013,F,DEU,2,"two\nlines"\nT02,2013,M,DEU,3,\nT02,2013,M,FRA,4\n');
    expect(r.observations.map((o) => [o.time_period, o.obs_value, o.source?.cell])).toEqual([
      [2012, 1, '2'],
      [2013, 2, '4'],
      [2013, 3, '6'],
    ]);
    expect(rejLines(r)).toEqual(['wrong-field-count T02 @!7 «T02,2013,M,FRA,4»']);
    expect(r.rejections[0]!.message).toContain('5 fields where the header has 6');
    expect(r.files[0]!.warnings).toEqual(['kgz.csv: header repeated at line 3 with columns in another order or other columns; the lines after it were read by it']);
  });

  it('reads MIGR_TYPE labels as the questionnaire reads block titles, in Russian too, and refuses one it cannot place', async () => {
    const types = ['долгосрочные', 'Краткосрочные', 'долгосрочная', 'Long-term migrants (1 year or more)', 'Short-term migrants / Краткосрочные мигранты', 'Long-term', 'LT'];
    const partners = ['GEO', 'RUS', 'KAZ', 'UKR', 'BLR', 'DEU', 'FRA', 'ITA'];
    const r = await csv(H + [...types, 'ПМЖ'].map((t, i) => `KGZ;T04;2011;${t};F;;${partners[i]};${i + 1};;;\r\n`).join(''));
    expect(r.observations.map((o) => [o.migr_type, o.obs_value])).toEqual([
      ['LT', 1],
      ['ST', 2],
      ['LT', 3],
      ['LT', 4],
      ['ST', 5],
      ['LT', 6],
      ['LT', 7],
    ]);
    expect(r.rejections.map((x) => [x.reason, x.source.cell, x.suggestions.length > 0])).toEqual([['unmapped-label', '9', true]]);
    expect(r.rejections[0]!.message).toContain('MIGR_TYPE "ПМЖ" maps to no type');
  });
});

describe('hostile CSV files: clear errors with the line, no crash, no hang', () => {
  const H = 'TABLE,TIME_PERIOD,SEX,PARTNER,OBS_VALUE\n';

  it('NUL bytes refuse their line', async () => {
    const r = await csv(`${H}T02,2012,F,DEU,1\nT02,20\u000012,F,FRA,2\n`);
    expect(obsLines(r)).toEqual(['T02 2012 - F DEU = 1 A/F u0 @!2 «T02,2012,F,DEU,1»']);
    expect(r.rejections.map((x) => x.message)).toEqual(['kgz.csv, line 3 "T02,2012,F,FRA,2": the line holds NUL characters (a damaged file, or UTF-16 text without its byte-order mark?)']);
  });

  it('mixed delimiters are named on each line that uses another', async () => {
    const r = await csv(`${H}T02,2012,F,DEU,1\nT02;2012;F;FRA;2\nT02\t2012\tF\tITA\t3\n`);
    expect(r.rejections.map((x) => [x.reason, x.message])).toEqual([
      ['wrong-field-count', 'kgz.csv, line 3 "T02;2012;F;FRA;2": 1 field where the header has 5; the line is separated by ";" where the header uses ","'],
      ['wrong-field-count', 'kgz.csv, line 4 "T02 2012 F ITA 3": 1 field where the header has 5; the line is separated by tabs where the header uses ","'],
    ]);
    expect(r.rejections[1]!.message_ru).toBe('kgz.csv, строка 4 "T02 2012 F ITA 3": 1 поле, а в заголовке 5; строка разделена табуляцией, а заголовок — ","');
  });

  it('a quote inside a field is read as text; a 10⁵-character field is refused at its line, its raw text capped', async () => {
    const r = await csv(`${H}T02,2012,F,DE"U,1\nT02,2012,F,${'x'.repeat(100_000)},1\n`);
    expect(r.rejections.map((x) => [x.reason, x.source.cell, x.source.raw.length])).toEqual([
      ['unmapped-label', '2', 20],
      ['unmapped-label', '3', 201],
    ]);
    expect(r.rejections[1]!.message.length).toBeLessThan(600);
  });

  it('a line of more than 10⁶ characters refuses the file, naming the line', async () => {
    const err = await csv(`${H}T02,2012,F,"${'x'.repeat(1_100_000)}",1\n`).catch((e: unknown) => e);
    expect((err as MchError).message).toBe('kgz.csv, line 2 cannot be read as CSV: a line is longer than 1 000 000 characters');
  });

  it('rejections carry the reference year of their line', async () => {
    const r = await csv(`${H}T02,2011,F,Atlantis,1\nT02,2012,F,DEU,-1\nT02,year,F,DEU,1\n`);
    expect(r.rejections.map((x) => [x.reason, x.time_period])).toEqual([
      ['unmapped-label', 2011],
      ['negative-value', 2012],
      ['unparseable-value', undefined],
    ]);
  });
});

describe('the optional PARENT column ("of which" rows)', () => {
  it('records the partner row a row is a part of, and refuses a PARENT it cannot place', async () => {
    const r = await csv(
      [
        'TABLE,TIME_PERIOD,SEX,PARTNER,OBS_VALUE,PARENT',
        'T04,2012,_T,CIS,600,',
        'T04,2012,_T,Российская Федерация,400,страны СНГ',
        'T04,2012,_T,IRN,,OTH',
        'T04,2012,_T,DEU,5,Atlantis',
        'T04,2012,_T,OTH,5,OTH',
        'T07,2012,_T,,3,CIS',
      ].join('\n'),
    );
    expect(obsLines(r).map((l) => l.split(' u0')[0])).toEqual(['T04 2012 NAT _T CIS = 600 A/F', 'T04 2012 NAT _T RUS <CIS = 400 A/F', 'T04 2012 NAT _T IRN <OTH = null O/F']);
    expect(rejLines(r).map((l) => l.split(' «')[0])).toEqual(['unmapped-label T04 @!5', 'code-not-allowed T04 @!6', 'code-not-allowed T07 @!7']);
    expect(r.rejections[0]!.message).toContain('PARENT: the label "Atlantis" maps to no code');
    expect(r.rejections[1]!.message_ru).toContain('строка не может быть частью самой себя');
    expect(r.rejections[2]!.message).toContain('T07 has no partner rows, but PARENT is "CIS"');
  });
});

describe('encoding detection', () => {
  it('tells UTF-8, UTF-16 and Windows-1251 apart, and refuses what is none of them', () => {
    expect(detectEncoding(new TextEncoder().encode('Россия'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(detectEncoding(iconv.encode('Россия;Казахстан', 'win1251'))).toEqual({ encoding: 'windows-1251', bomLength: 0 });
    expect(detectEncoding(Buffer.from('TABLE', 'utf16le'))).toEqual({ encoding: 'utf-16le', bomLength: 0 });
    expect(detectEncoding(new Uint8Array([0x41, 0x80, 0x81, 0x82, 0x83]))).toHaveProperty('problem');
    expect(detectEncoding(iconv.encode('Россия;Казахстан', 'koi8-r'))).toEqual({ encoding: 'koi8-r', bomLength: 0 });
    // capitals in Windows-1251 stay Windows-1251 (KOI8's small letters are its capitals)
    expect(detectEncoding(iconv.encode('ВСЕГО;РОССИЙСКАЯ ФЕДЕРАЦИЯ;МУЖЧИНЫ;ЖЕНЩИНЫ', 'win1251'))).toEqual({ encoding: 'windows-1251', bomLength: 0 });
    expect(detectEncoding(iconv.encode('ВСЕГО;РОССИЙСКАЯ ФЕДЕРАЦИЯ;МУЖЧИНЫ;ЖЕНЩИНЫ', 'koi8-r'))).toEqual({ encoding: 'koi8-r', bomLength: 0 });
    // UTF-8 with one line pasted from a Windows-1251 file: UTF-8, partly
    const mixed = Buffer.concat([Buffer.from('Россия;1\nКазахстан;2\n'), iconv.encode('Германия;3\n', 'win1251')]);
    expect(detectEncoding(mixed)).toEqual({ encoding: 'utf-8', bomLength: 0, partly: true });
  });

  it('refuses the lines of a partly UTF-8 file that are not UTF-8, naming the encoding, and reads the others', async () => {
    const head = 'REF_AREA;TABLE;TIME_PERIOD;MIGR_TYPE;SEX;AGE;PARTNER;OBS_VALUE\n';
    const bytes = Buffer.concat([Buffer.from(`${head}KGZ;T04;2012;LT;_T;;Россия;1\nKGZ;T04;2012;LT;_T;;Казахстан;2\n`), iconv.encode('KGZ;T04;2012;LT;_T;;Германия;3\n', 'win1251')]);
    const r = await ingestFile({ path: 'kgz.csv', bytes }, context('KGZ'));
    expect(r.observations.map((o) => [o.partner, o.obs_value])).toEqual([['RUS', 1], ['KAZ', 2]]);
    expect(r.rejections.map((x) => [x.source.cell, x.reason])).toEqual([['4', 'unparseable-value']]);
    expect(r.rejections[0]!.message).toContain('the line is not UTF-8 like the rest of the file (pasted from a file in another encoding, such as Windows-1251?)');
  });
});

describe('property: encoding detection', () => {
  it('calls UTF-8 exactly the bytes a strict UTF-8 decoder accepts (surrogates, overlong forms, past U+10FFFF refused)', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const valid = (b: Uint8Array) => {
      try {
        strict.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    // bytes around the edges of UTF-8 sequences, after an ASCII start (no BOM, no UTF-16 zeros)
    const byte = fc.constantFrom(0x61, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xd0, 0xe0, 0xed, 0xa0, 0xef, 0xf0, 0xf4, 0x90, 0xf5, 0xff);
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 12 }), (tail) => {
        const b = new Uint8Array([0x61, 0x62, 0x63, 0x64, ...tail]);
        const got = detectEncoding(b);
        // partly UTF-8 (a line or two in another encoding) is told apart from UTF-8
        expect('encoding' in got && got.encoding === 'utf-8' && !got.partly).toBe(valid(b));
      }),
      { numRuns: 3000 },
    );
  });
});
