/** Progress on stderr, so stdout stays the command's report. Quiet under MCH_QUIET=1 (tests). */
export function progress(message: string): void {
  if (process.env.MCH_QUIET === '1') return;
  process.stderr.write(`  ${message}\n`);
}

/** 12 345 — the thousands separator statisticians read in both languages. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}
