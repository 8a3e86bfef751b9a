/**
 * `npm run bench`: every benchmark the issues name, printed as one table and
 * written to .bench/results.json. `npm run bench -- --quick` (CI) makes shorter
 * runs and writes .bench/results-quick.json. Browser benchmarks need the built
 * extension (`npm run build`) and Chromium. `npm run bench -- --only record` runs
 * one suite (ids below; repeat `--only` for more) and writes a file of its own,
 * .bench/results-record.json, so a partial run never replaces a whole one.
 */
import { parseArgs } from 'node:util';

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

const ids = suites.map(([id]) => id);
const usage = `usage: npm run bench -- [--quick] [--only ID …]

  --quick     shorter runs, as CI makes them
  --only ID   one suite; repeat for more. IDs: ${ids.join(', ')}`;

let options: { quick?: boolean; only?: string[]; help?: boolean };
try {
  options = parseArgs({
    options: {
      quick: { type: 'boolean' },
      only: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
} catch (error) {
  stop(error instanceof Error ? error.message : String(error));
}
if (options.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}

const quick = options.quick ?? false;
const only = [...new Set((options.only ?? []).map((id) => id.toLowerCase()))];
const unknown = only.filter((id) => !ids.includes(id));
if (unknown.length > 0) stop(`no suite called ${unknown.map((id) => `"${id}"`).join(', ')}`);
const chosen = suites.filter(([id]) => only.length === 0 || only.includes(id));

function stop(message: string): never {
  process.stderr.write(`bench: ${message}\n\n${usage}\n`);
  process.exit(2);
}

const figures: Figure[] = [];
for (const [, name, run] of chosen) {
  process.stdout.write(`bench: ${name}…\n`);
  figures.push(...(await run(quick)));
}

process.stdout.write('\n');
printTable(figures);
// Named by the suites in their table order, whatever order --only gave them in.
const suitesRun = chosen.map(([id]) => id);
const written = writeJson(figures, {
  quick,
  suites: suitesRun,
  partial: suitesRun.length < suites.length,
});
process.stdout.write(`\nbench: written to ${written}\n`);
