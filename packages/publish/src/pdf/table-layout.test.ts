import { describe, expect, it } from 'vitest';
import { TEXT_WIDTH, columnLayout } from './table-layout';

/** What pdfmake needs at least for fixed columns (plus 8 pt padding each); star columns take what is left. */
const fixedWidth = (widths: readonly (number | string)[]) => widths.reduce<number>((s, w) => s + (typeof w === 'number' ? w + 8 : 8), 0);

describe('columnLayout', () => {
  it('leaves a table that fits to pdfmake, the widest text column stretching', () => {
    const layout = columnLayout(['Table', 'Title'], [['T01', 'Population by country of birth, sex, country and year']]);
    expect(layout.widths).toEqual(['auto', '*']);
    expect(layout.numeric).toEqual([false, false]);
  });

  it('sizes the columns of a wide table so that figures and names stay whole and the table stays within the margin', () => {
    const header = ['Country', 'Year', 'Immigration reported', 'Immigration 12 months', 'Emigration reported', 'Emigration 12 months', 'Coefficient'];
    const rows = [
      ['Republic of Moldova', '2009', '2\u202f517', '5\u202f688', '7\u202f937', '17\u202f938', '2.26'],
      ['Russian Federation', '2011', '356\u202f535', '—', '46\u202f177', '—', '—'],
      // figures with the tables' marks, and a cell without a figure, are figures too
      ['Ukraine', '2012', '31\u202f500 [p]', '71\u202f190 [e]', '[c]', '—', '2.26'],
    ];
    const layout = columnLayout(header, rows);
    expect(layout.numeric).toEqual([false, true, true, true, true, true, true]);
    expect(columnLayout(['Country', 'Note'], [['Ukraine', '[see note 3]']]).numeric).toEqual([false, false]);
    expect(layout.keepWhole('Republic of Moldova', 0)).toBe(true);
    expect(fixedWidth(layout.widths)).toBeLessThanOrEqual(TEXT_WIDTH);
  });

  it('gives long text the width that short columns do not need, instead of squeezing it to one word', () => {
    const header = ['Country', 'Tables', 'Source', 'Definition basis', 'Reference date', 'Territory'];
    const rows = [['Azerbaijan', 'T04–T10', 'register', 'PERM_REG; from 2011 STAY_REG_9M', 'calendar year', 'Territory controlled by the Government of Azerbaijan, excluding the occupied areas']];
    const layout = columnLayout(header, rows);
    expect(layout.widths[5]).toBe('*');
    expect(layout.widths.filter((w) => typeof w === 'number').length).toBeGreaterThanOrEqual(4);
    expect(fixedWidth(layout.widths) + 60).toBeLessThanOrEqual(TEXT_WIDTH);
  });

  it('gives a Russian header of a figure column room for its longest word, bold', () => {
    const header = ['Правило', 'Название', 'Важность', 'Проверено', 'Не пройдено', 'Пропущено', 'По исключению'];
    const rows = [['MCH-A03', 'аддитивность по странам-партнёрам и представленные агрегаты', 'предупреждение', '14\u202f781', '0', '47', '0']];
    const layout = columnLayout(header, rows);
    // "исключению", 10 letters of bold Cyrillic at 8 pt, needs some 60 pt, "Пропущено" 55
    expect(layout.widths[6]).toBeGreaterThanOrEqual(60);
    expect(layout.widths[5]).toBeGreaterThanOrEqual(55);
    expect(fixedWidth(layout.widths)).toBeLessThanOrEqual(TEXT_WIDTH);
  });

  it('lets short text wrap when keeping it whole cannot fit the page', () => {
    const header = Array.from({ length: 12 }, (_, i) => `Column ${i}`);
    const rows = [header.map(() => 'Russian Federation')];
    expect(columnLayout(header, rows).keepWhole('Russian Federation', 0)).toBe(false);
  });
});
