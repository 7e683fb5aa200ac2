import { describe, expect, it } from 'vitest';
import { PUBLISH_HEAP_PER_OBSERVATION, assertPublishFits } from './memory';

const GB = 1024 ** 3;

describe('assertPublishFits', () => {
  it('lets a release through that the heap holds (tier M: 4.5 million observations in a 4 GB heap)', () => {
    expect(() => assertPublishFits(4_522_092, 'release 2020.1', 4.3 * GB, 24 * GB)).not.toThrow();
  });

  it('refuses one it cannot hold, saying how much it needs and how to give it', () => {
    let error: unknown;
    try {
      assertPublishFits(10_000_000, 'release 2020.1', 4.3 * GB, 24 * GB);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'too-large', where: 'release 2020.1' });
    const e = error as { message: string; details: string[]; exitCode: number };
    expect(e.message).toContain('10,000,000 observations needs about 4.9 GiB');
    expect(e.message).toContain('may use 4.3 GiB');
    expect(e.details[0]).toMatch(/NODE_OPTIONS=--max-old-space-size=\d+/);
    expect(e.exitCode).toBe(2);
    expect(10_000_000 * PUBLISH_HEAP_PER_OBSERVATION).toBeGreaterThan(4.3 * GB);
  });

  it('tells how to give Node the memory where the machine has it (tier L: 31.7 million observations, published so on 24 GB)', () => {
    expect(() => assertPublishFits(31_721_862, 'release 2020.1', 4.3 * GB, 24 * GB)).toThrow(expect.objectContaining({ details: [expect.stringMatching(/NODE_OPTIONS=--max-old-space-size=1[78]\d{3} /)] }));
    expect(() => assertPublishFits(31_721_862, 'release 2020.1', 18.5 * GB, 24 * GB)).not.toThrow();
  });

  it('says when the machine itself is too small (60 million observations on 24 GB)', () => {
    expect(() => assertPublishFits(60_000_000, 'release 2020.1', 4.3 * GB, 24 * GB)).toThrow(expect.objectContaining({ details: expect.arrayContaining([expect.stringContaining('publish fewer countries or years')]) }));
  });
});
