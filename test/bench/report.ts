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
  /** The value divided by a baseline measured in the same run, where there is one. */
  ratio?: number;
  /** What the ratio compares against, for example "linear scan". */
  baseline?: string;
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

/** The ratio of `value` to a baseline's value, for a Figure. */
export function versus(
  value: number,
  baseline: number,
  name: string,
): Pick<Figure, 'ratio' | 'baseline'> {
  return { ratio: value / baseline, baseline: name };
}

const HEADER = ['figure', 'value', 'target', '', 'vs baseline'];

export function printTable(figures: readonly Figure[]): void {
  const rows = figures.map((figure) => [
    figure.name,
    `${format(figure.value)} ${figure.unit}`,
    figure.target ?? '',
    figure.met === undefined ? '' : figure.met ? 'met' : 'MISSED',
    figure.ratio === undefined ? '' : `${format(figure.ratio)}× ${figure.baseline ?? ''}`.trim(),
  ]);
  const widths = HEADER.map((_, column) =>
    Math.max(...[HEADER, ...rows].map((row) => row[column]!.length)),
  );
  for (const row of [HEADER, ...rows]) {
    process.stdout.write(`${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')}\n`);
  }
}

export function writeJson(
  figures: readonly Figure[],
  run: { quick: boolean; suites: readonly string[]; partial: boolean },
): string {
  const dir = resolve(import.meta.dirname, '../../.bench');
  mkdirSync(dir, { recursive: true });
  const name = ['results', ...(run.quick ? ['quick'] : []), ...(run.partial ? run.suites : [])];
  const file = resolve(dir, `${name.join('-')}.json`);
  const report = { at: new Date().toISOString(), quick: run.quick, suites: run.suites, figures };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
