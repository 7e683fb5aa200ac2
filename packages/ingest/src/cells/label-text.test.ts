import { describe, expect, it } from 'vitest';
import { codelists, tableSet } from '../test-support/dump';
import { createPartnerResolver, tableById } from '@mch/core';
import { ageResolver } from './codes';
import { checkedCategory, labelProblem } from './label-text';

const cx = { ref_area: 'ARM', codelists, partner: createPartnerResolver(codelists), age: ageResolver(codelists) };
const T04 = tableById(tableSet, 'T04')!;

describe('labels holding more than a name', () => {
  it('finds formula text, markup and control characters', () => {
    expect(labelProblem('=HYPERLINK("http://evil.example","Georgia") <script>alert(1)</script>')?.en).toBe('formula text');
    expect(labelProblem('+cmd|\' /C calc\'!A0')?.en).toBe('formula text');
    expect(labelProblem('@SUM(A1)')?.en).toBe('formula text');
    expect(labelProblem('Georgia <script>alert(1)</script>')?.en).toBe('HTML or script markup');
    expect(labelProblem('\u202eaigroeG')?.en).toBe('control or text-direction characters');
  });

  it('leaves names, "of which" bullets, open age groups and "<5" alone', () => {
    for (const name of ['Georgia', 'Российская Федерация', '- Russia', '— из них Россия', '85+', '+85', '<5 years', 'Côte d’Ivoire', 'Korea, Republic of']) expect(labelProblem(name), name).toBeUndefined();
  });

  it('refuses such a label, suggesting the name inside it, never reading it as that name', () => {
    const r = checkedCategory(T04, '', '=HYPERLINK("http://evil.example","Georgia") <script>alert(1)</script>', cx);
    expect(r).toEqual({
      ok: false,
      reason: 'unmapped-label',
      en: 'the label "=HYPERLINK("http://evil.example","Georgia") <script>alert(1)</script>" holds formula text, not only a name; write the name alone',
      ru: 'название "=HYPERLINK("http://evil.example","Georgia") <script>alert(1)</script>" содержит текст формулы, а не только название; оставьте одно название',
      suggestions: ['GEO'],
    });
    expect(checkedCategory(T04, '<b>GEO</b>', 'Georgia', cx)).toMatchObject({ ok: false, suggestions: ['GEO'] });
    expect(checkedCategory(T04, '', 'Georgia', cx)).toEqual({ ok: true, age: '', partner: 'GEO' });
  });
});
