/** Progress on stderr, so stdout stays the command's report. Quiet under MCH_QUIET=1 (tests). */
export function progress(message: string): void {
  if (quiet()) return;
  clearLine();
  process.stderr.write(`  ${message}\n`);
}

const quiet = () => process.env.MCH_QUIET === '1';
const live = () => Boolean(process.stderr.isTTY) && !quiet();
let drawn = false;

function clearLine(): void {
  if (drawn) process.stderr.write('\r\u001B[2K');
  drawn = false;
}

function draw(text: string): void {
  process.stderr.write(`\r\u001B[2K  ${text}`);
  drawn = true;
}

/**
 * Work counted in steps (files to ingest): a bar on a terminal, one line per step elsewhere.
 * `tick` reports the step just done.
 */
export function counter(label: string, total: number): { tick: (message: string) => void } {
  let done = 0;
  return {
    tick(message) {
      done++;
      if (!live()) return progress(`${label} ${String(done).padStart(String(total).length)}/${total} ${message}`);
      progress(message);
      const width = 24;
      const full = Math.round((done / total) * width);
      if (done < total) draw(`${label} [${'#'.repeat(full)}${'.'.repeat(width - full)}] ${done}/${total}`);
    },
  };
}

/**
 * A long step with no count to show (publishing writes every file of a release): its start is
 * said at once, the seconds go by on a terminal, and the time it took is said at the end.
 */
export async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = Date.now();
  const seconds = () => Math.round((Date.now() - start) / 1000);
  progress(`${label} …`);
  const timer = live() ? setInterval(() => draw(`${label} … ${seconds()} s`), 1000) : undefined;
  timer?.unref();
  try {
    const result = await work();
    clearInterval(timer);
    progress(`${label}: done in ${seconds()} s`);
    return result;
  } finally {
    clearInterval(timer);
    clearLine();
  }
}

/** 12 345 — the thousands separator statisticians read in both languages. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}
