import { describe, expect, it } from 'vitest';
import { reportedAsDash } from './cube';

const at = (sheet: string, raw: string) => ({ source: { file: 'f', sha256: 'x', sheet, cell: '1', raw } });

describe('reportedAsDash', () => {
  it('knows a dash in a questionnaire cell and in a field of a CSV line', () => {
    expect(reportedAsDash(at('T04', '–'))).toBe(true);
    expect(reportedAsDash(at('', 'KGZ;T04;2012;NAT;_T;;KAZ;-'))).toBe(true);
    expect(reportedAsDash(at('', 'KGZ,T04,2012,NAT,_T,,KAZ,"—",,,'))).toBe(true);
  });
  it('does not take a zero written as 0, or a dash inside a label, for a dash', () => {
    expect(reportedAsDash(at('T04', '0'))).toBe(false);
    expect(reportedAsDash(at('', 'KGZ,T04,2012,NAT,_T,,Guinea-Bissau,0'))).toBe(false);
  });
});
