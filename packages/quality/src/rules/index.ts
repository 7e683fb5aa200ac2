import type { ReleaseRule, Rule } from '../model';
import { A01 } from './additivity/a01-sex';
import { A02 } from './additivity/a02-age';
import { A03 } from './additivity/a03-partner';
import { A04 } from './additivity/a04-cross-tables';
import { A05 } from './additivity/a05-impossible';
import { B01 } from './benchmarks/b01-benchmarks';
import { C01 } from './completeness/c01-supply';
import { C02 } from './completeness/c02-unknown-partner';
import { I01 } from './ingest/i01-refused';
import { M01 } from './mirror/m01-mirror';
import { G01 } from './release/g01-readiness';
import { R01 } from './revisions/r01-revisions';
import { S01 } from './structure/s01-codes';
import { S02 } from './structure/s02-conflicts';
import { S03 } from './structure/s03-disclosure';
import { T01 } from './time/t01-year-on-year';
import { T02 } from './time/t02-break-explained';
import { T03 } from './time/t03-stale-provisional';

/** The rule catalogue of quality.md, in its order. */
export const RULES: readonly (Rule | ReleaseRule)[] = [I01, S01, S02, S03, A01, A02, A03, A04, A05, C01, C02, T01, T02, T03, G01, M01, B01, R01];

/**
 * MCH-W01 is not a check of the data: the runner raises it about the run itself, for waivers that
 * match nothing and for benchmark series published after the release date (not compared by MCH-B01).
 */
export const W01: Pick<Rule, 'id' | 'severity'> = { id: 'MCH-W01', severity: 'warning' };
