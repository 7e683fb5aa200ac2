import { loadShippedCodeLists } from '@mch/core/testing';
import { describe, expect, it } from 'vitest';
import { reportingCountry } from './country-arg';

const codelists = loadShippedCodeLists();
const refusal = (arg: string) => {
  try {
    return reportingCountry(arg, codelists);
  } catch (e) {
    return (e as Error).message;
  }
};

describe('--country', () => {
  it('takes the alpha-3 code of a country, in any case', () => {
    expect(refusal('kgz')).toBe('KGZ');
  });

  it('answers a name or a near miss with the code it most likely means', () => {
    expect(refusal('Kyrgyzstan')).toBe('--country must be the ISO alpha-3 code of a country; "Kyrgyzstan" is not one; did you mean KGZ?');
    expect(refusal('KGY')).toContain('did you mean');
    expect(refusal('KGY')).toContain('KGZ');
  });

  it('refuses an aggregate code, and nonsense with an example', () => {
    expect(refusal('MCH12')).toMatch(/^--country must be the ISO alpha-3 code of a country; "MCH12" is not one/);
    expect(refusal('???')).toBe('--country must be the ISO alpha-3 code of a country; "???" is not one, such as ARM or KGZ');
  });
});
