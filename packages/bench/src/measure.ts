/** Wall time and peak resident memory of one step, sampled every 20 ms. */
export interface Measured<T> {
  result: T;
  seconds: number;
  peakRssMb: number;
}

export async function measure<T>(step: () => Promise<T> | T): Promise<Measured<T>> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const start = process.hrtime.bigint();
  try {
    const result = await step();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9, peakRssMb: Math.round(peak / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}
