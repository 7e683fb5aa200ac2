import { describe, expect, it } from 'vitest';
import { plain, useColour } from './terminal';

describe('colour', () => {
  it('is for a terminal only, and never under NO_COLOR or a dumb terminal', () => {
    expect(useColour({ isTTY: true }, {})).toBe(true);
    expect(useColour({ isTTY: false }, {})).toBe(false);
    expect(useColour({}, {})).toBe(false);
    expect(useColour({ isTTY: true }, { NO_COLOR: 'yes' })).toBe(false);
    expect(useColour({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });

  it('is taken out of text made elsewhere', () => {
    expect(plain('\u001B[1m\u001B[4mUSAGE\u001B[24m\u001B[22m \u001B[36mmch\u001B[39m')).toBe('USAGE mch');
  });
});
