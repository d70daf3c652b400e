/**
 * Byte counts for people, 1024-based (`512 B`, `1.5 KB`, `83 MB`). The layer panel and the rule
 * messages round differently; both roundings are kept, as each is what its users already see.
 */

function scaled(n: number, digits: (v: number) => string): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${digits(v)} ${units[u]}`;
}

/** The layer panel and `layers` report: one decimal below 10 (`1.0 KB`, `12 KB`); `unknown` for no value. */
export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return 'unknown';
  return scaled(n, (v) => v.toFixed(v < 10 ? 1 : 0));
}

/** Rule messages: at most one decimal, none from 100 on (`1 KB`, `1.5 MB`, `120 MB`). */
export function formatBytesShort(n: number): string {
  return scaled(n, (v) => String(v >= 100 ? Math.round(v) : Math.round(v * 10) / 10));
}
