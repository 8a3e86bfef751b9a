/**
 * What every benchmark reports: one row per figure, printed as a table and written
 * as JSON to .bench/results.json (git-ignored). Targets are printed, not asserted:
 * timings on a shared machine are for people to read, never to fail a build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** For example "≤ 20 µs" or "≥ 20×". */
  target?: string;
  /** Whether the value meets the target; omitted when there is no target. */
  met?: boolean;
}

export function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? NaN;
}

/** Runs `once` `runs` times and returns each run's duration in microseconds, sorted. */
export function timeEach(runs: number, once: (run: number) => void): number[] {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    once(run);
    times.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  return times.sort((a, b) => a - b);
}

export function atMost(value: number, limit: number, unit: string): Pick<Figure, 'target' | 'met'> {
  return { target: `≤ ${limit} ${unit}`, met: value <= limit };
}

export function atLeast(
  value: number,
  limit: number,
  unit: string,
): Pick<Figure, 'target' | 'met'> {
  return { target: `≥ ${limit}${unit}`, met: value >= limit };
}

export function printTable(figures: readonly Figure[]): void {
  const rows = figures.map((figure) => [
    figure.name,
    `${format(figure.value)} ${figure.unit}`,
    figure.target ?? '',
    figure.met === undefined ? '' : figure.met ? 'met' : 'MISSED',
  ]);
  const widths = [0, 1, 2, 3].map((column) =>
    Math.max(...[['figure', 'value', 'target', ''], ...rows].map((row) => row[column]!.length)),
  );
  for (const row of [['figure', 'value', 'target', ''], ...rows]) {
    process.stdout.write(`${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')}\n`);
  }
}

export function writeJson(figures: readonly Figure[]): string {
  const dir = resolve(import.meta.dirname, '../../.bench');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, 'results.json');
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), figures }, null, 2)}\n`);
  return file;
}

function format(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
