/**
 * `npm run bench`: every benchmark the issues name, printed as one table and
 * written to .bench/results.json. `npm run bench -- --quick` (CI) makes shorter
 * runs and writes .bench/results-quick.json. Browser benchmarks need the built
 * extension (`npm run build`) and Chromium. `npm run bench -- --only record` runs
 * one suite (ids below; repeat `--only` for more).
 */
import { churnBenchmarks } from './churn.bench';
import { delayedHeaderBenchmarks } from './delayed-header.bench';
import { footprintBenchmarks } from './footprint.bench';
import { hostilePackBenchmarks } from './hostile-packs.bench';
import { navigationBenchmarks } from './navigation.bench';
import { matchBenchmarks } from './match.bench';
import { panelBenchmarks } from './panel.bench';
import { recordBenchmarks } from './records.bench';
import { searchBenchmarks } from './search.bench';
import { printTable, writeJson, type Figure } from './report';

const quick = process.argv.includes('--quick');
const only = process.argv.flatMap((arg, index, args) =>
  args[index - 1] === '--only' ? [arg.toLowerCase()] : [],
);

// Each suite: the id `--only` takes, its name, and how to run it.
const suites: [string, string, (quick: boolean) => Figure[] | Promise<Figure[]>][] = [
  ['match', 'matching', matchBenchmarks],
  ['hostile', 'hostile packs', hostilePackBenchmarks],
  ['navigation', 'in-page navigation (Chromium)', navigationBenchmarks],
  ['churn', 'busy page (Chromium)', churnBenchmarks],
  ['header', 'late record header (Chromium)', delayedHeaderBenchmarks],
  ['footprint', 'footprint (Chromium)', footprintBenchmarks],
  ['record', 'learner record: export and import (Chromium)', recordBenchmarks],
  ['search', 'search', searchBenchmarks],
  ['panel', 'panel first render (Chromium)', panelBenchmarks],
];

const chosen = suites.filter(([id]) => only.length === 0 || only.includes(id));
if (chosen.length < new Set(only).size) {
  throw new Error(`--only takes these suites: ${suites.map(([id]) => id).join(', ')}`);
}

const figures: Figure[] = [];
for (const [, name, run] of chosen) {
  process.stdout.write(`bench: ${name}…\n`);
  figures.push(...(await run(quick)));
}

process.stdout.write('\n');
printTable(figures);
process.stdout.write(`\nbench: written to ${writeJson(figures, quick)}\n`);
