import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeLists } from '@mch/core';
import { measureProcess } from './measure';
import type { Section, Step } from './plan';
import type { StageOutput } from './stage';
import { type Workspace, restore, resubmit } from './workspace';

/** What one step gave: its process's figures, the stage's own report where it is a stage process. */
export interface StepResult {
  step: Step;
  rows: number;
  /** the process's wall time, or the stage's own timed work for a stage process */
  seconds: number;
  /** the whole process's wall time, start-up included */
  processSeconds: number;
  peakMb: number | undefined;
  stage?: StageOutput;
  /** why there is no figure: the command failed */
  failed?: string;
}

/**
 * Runs the steps one after the other (never two at once: they would share the two cores), each
 * in a process of its own, and removes what each wrote. A failing step is recorded with the end
 * of its error output, and the run goes on.
 */
export async function runSteps(ws: Workspace, steps: readonly Step[], sections: readonly Section[], codelists: CodeLists, log: (line: string) => void): Promise<StepResult[]> {
  const results: StepResult[] = [];
  let resubmissions = 0;
  try {
    for (const step of steps) {
      if (!sections.includes(step.section)) continue;
      if (step.before === 'resubmit') {
        resubmissions++;
        await resubmit(ws, codelists, 0, ws.files[0]!.seed + 1000 * resubmissions);
        if (step.env?.MCH_CACHE_DIR === undefined) throw new Error(`${step.id}: a resubmission is only measured against a cache`);
      }
      if (step.id === 'check-cold') rmSync(step.env!.MCH_CACHE_DIR!, { recursive: true, force: true });
      for (const o of step.outputs ?? []) rmSync(o, { recursive: true, force: true });
      log(`run: ${step.label}`);
      const m = await measureProcess(step.argv, { cwd: ws.root, env: step.env });
      for (const o of step.outputs ?? []) rmSync(o, { recursive: true, force: true });
      const result: StepResult = { step, rows: typeof step.rows === 'number' ? step.rows : 0, seconds: m.seconds, processSeconds: m.seconds, peakMb: m.peakMb };
      // mch check and release exit 1 when the gate fails: the bench input is cleared and passes, so any other exit is a failure
      if (m.code !== 0) result.failed = `exit ${m.code}: ${lastLines(m.stderr || m.stdout)}`;
      else if (step.rows === 'reported') {
        result.stage = JSON.parse(m.stdout.trim().split('\n').at(-1)!) as StageOutput;
        result.rows = result.stage.rows;
        result.seconds = result.stage.seconds;
      }
      log(`     ${result.failed ?? `${result.seconds.toFixed(2)} s, peak ${result.peakMb ?? '?'} MB`}`);
      results.push(result);
    }
  } finally {
    if (resubmissions) await restore(ws, codelists, 0);
    // the stages' hand-overs, the cache and the outputs: gigabytes at tier L; the input stays for the next run
    rmSync(join(ws.root, '.bench'), { recursive: true, force: true });
  }
  return results;
}

const lastLines = (text: string) => text.trim().split('\n').slice(-3).join(' | ').slice(0, 400);
