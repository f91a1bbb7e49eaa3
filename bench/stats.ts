/** Median and 99th percentile of a sample, in the sample's unit. */
export function summarize(samples: readonly number[]): { median: number; p99: number; runs: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { median: at(0.5), p99: at(0.99), runs: sorted.length };
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** About `bytes` of UTF-8 text made of the reference article, paragraph breaks kept. */
export function articleOfSize(article: string, bytes: number): string {
  let text = '';
  while (Buffer.byteLength(text) < bytes) {
    text += article + '\n';
  }
  return text;
}
