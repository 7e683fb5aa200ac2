import { describe, expect, it } from 'vitest';
import { resolveSubmissions } from './submissions';
import { ingested, obs } from './test-helpers';

const file = (path: string, supersedes = false) => ({ path, round: 2013, supersedes });

describe('resolveSubmissions', () => {
  it('lets a superseding file replace earlier values and records each revision', () => {
    const first = obs({ time_period: 2010, obs_value: 100 });
    const second = obs({ time_period: 2010, obs_value: 120 });
    const r = resolveSubmissions([
      { file: file('a.xlsx'), result: ingested([first]) },
      { file: file('b.xlsx', true), result: ingested([second]) },
    ]);
    expect(r.observations).toEqual([second]);
    expect(r.resubmissions).toEqual([{ key: 'ARM|T04|2010|LT|_T||RUS', replaced: first, by: second }]);
    expect(r.conflicts).toEqual([]);
  });

  it('reports two disagreeing files without a supersede mark as a conflict and keeps the first value', () => {
    const first = obs({ obs_value: 100 });
    const second = obs({ obs_value: 90 });
    const r = resolveSubmissions([
      { file: file('a.xlsx'), result: ingested([first]) },
      { file: file('b.xlsx'), result: ingested([second]) },
    ]);
    expect(r.observations).toEqual([first]);
    expect(r.conflicts).toEqual([{ key: 'ARM|T04|2012|LT|_T||RUS', observations: [first, second] }]);
  });

  it('accepts the same value sent twice', () => {
    const r = resolveSubmissions([
      { file: file('a.xlsx'), result: ingested([obs({})]) },
      { file: file('b.xlsx'), result: ingested([obs({})]) },
    ]);
    expect(r.conflicts).toEqual([]);
    expect(r.observations).toHaveLength(1);
  });
});
