/**
 * `npm run bench`: every benchmark the issues name, printed as one table and
 * written to .bench/results.json. `npm run bench -- --quick` (CI) makes shorter
 * runs and writes .bench/results-quick.json. Browser benchmarks need the built
 * extension (`npm run build`) and Chromium.
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

const suites: [string, (quick: boolean) => Figure[] | Promise<Figure[]>][] = [
  ['matching', matchBenchmarks],
  ['hostile packs', hostilePackBenchmarks],
  ['in-page navigation (Chromium)', navigationBenchmarks],
  ['busy page (Chromium)', churnBenchmarks],
  ['late record header (Chromium)', delayedHeaderBenchmarks],
  ['footprint (Chromium)', footprintBenchmarks],
  ['learner record: export and import (Chromium)', recordBenchmarks],
  ['search', searchBenchmarks],
  ['panel first render (Chromium)', panelBenchmarks],
];

// `npm run bench -- --only search,panel` runs the suites whose names contain a word given.
const only = process.argv.find((arg, index) => process.argv[index - 1] === '--only')?.split(',');
const chosen = only ? suites.filter(([name]) => only.some((word) => name.includes(word))) : suites;

const figures: Figure[] = [];
for (const [name, run] of chosen) {
  process.stdout.write(`bench: ${name}…\n`);
  figures.push(...(await run(quick)));
}

process.stdout.write('\n');
printTable(figures);
process.stdout.write(`\nbench: written to ${writeJson(figures, quick)}\n`);
