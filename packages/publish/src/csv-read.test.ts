import { describe, expect, it } from 'vitest';
import { csvRecords, parseCsv, unguard } from './csv-read';

/** The definition, character by character: what parseCsv must give (or refuse, with the same words) on any text. */
function byCharacter(text: string, fileName: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${fileName} line ${line}: ${what}`);
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') fail('text after a closing quote');
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== '') fail('a quote inside an unquoted field');
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] !== '\n') fail('a bare carriage return');
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' ? 2 : 1;
      line++;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) fail('an unterminated quoted field');
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** `count` texts of up to `most` pieces each, the same every run (a linear congruential generator). */
function* randomTexts(pieces: readonly string[], seed: number, count: number, most: number): Generator<string> {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state;
  };
  for (let round = 0; round < count; round++) {
    let text = '';
    for (let k = next() % most; k > 0; k--) text += pieces[next() % pieces.length];
    yield text;
  }
}

const outcome = (read: () => string[][]) => {
  try {
    return { rows: read() };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

describe('parseCsv', () => {
  it('reads any text as the character-by-character definition does, refusals and their lines included', () => {
    const pieces = ['a', 'б', '12', ',', ',', '\n', '\n', '\r\n', '\r', '"', '""', '"x,y"', '"a\nb"', ' ', "'=1"];
    let refused = 0;
    for (const text of randomTexts(pieces, 11, 3000, 14)) {
      const got = outcome(() => parseCsv(text, 'f.csv'));
      expect(got, JSON.stringify(text)).toEqual(outcome(() => byCharacter(text, 'f.csv')));
      if ('error' in got) refused++;
    }
    // both kinds of text were met: read and refused
    expect(refused).toBeGreaterThan(100);
    expect(refused).toBeLessThan(2900);
  });

  it('reads bytes piece by piece as it reads the whole text, refusals and their lines included', () => {
    const pieces = ['a', 'б', '12', ',', '\n', '\n', '\r\n', '\r', '"', '""', '"x,y"', '"a\nb"', '"\n\n"', ' '];
    let cut = 0;
    for (const text of randomTexts(pieces, 5, 2000, 24)) {
      const whole = outcome(() => parseCsv(text, 'f.csv'));
      for (const size of [1, 2, 5]) {
        expect(outcome(() => [...csvRecords(Buffer.from(text, 'utf8'), 'f.csv', size)]), `${JSON.stringify(text)} by ${size}`).toEqual(whole);
      }
      if (text.indexOf('\n') > 0 && text.indexOf('\n') < text.length - 1) cut++;
    }
    // most texts had a line end inside them, where a piece may end
    expect(cut).toBeGreaterThan(1000);
  });

  it('refuses with the file and line', () => {
    expect(() => parseCsv('a,b\n"c"d\n', 'x.csv')).toThrow('x.csv line 2: text after a closing quote');
    expect(() => parseCsv('a\n"b\nc', 'x.csv')).toThrow('x.csv line 3: an unterminated quoted field');
    // a piece after the first counts its lines on from those before
    expect(() => [...csvRecords(Buffer.from('a,b\n"c\nd",e\nf"g\n'), 'x.csv', 4)]).toThrow('x.csv line 4: a quote inside an unquoted field');
  });

  it('refuses a record longer than any piece it decodes, naming its line, rather than fail to make its string', () => {
    const long = `a,b\n1,2\n${'x'.repeat(5000)},3\n4,5\n`;
    // before: a line past V8's longest string (2^29 characters) threw a RangeError, exit 70
    expect(() => [...csvRecords(Buffer.from(long), 'x.csv', 12, 4096)]).toThrow('x.csv line 3: a record of more than 4 KB, more than any line of a release holds; the file is damaged');
    expect([...csvRecords(Buffer.from(long), 'x.csv', 8, 8192)]).toHaveLength(4);
  });

  it('undoes the formula guard and nothing else', () => {
    expect(unguard("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unguard("'abc")).toBe("'abc");
    expect(unguard('=x')).toBe('=x');
    expect(unguard('')).toBe('');
  });
});
