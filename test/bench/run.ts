/**
 * `npm run bench`: every benchmark the issues name, printed as one table and
 * written to .bench/results.json.
 */
import { matchBenchmarks } from './match.bench';
import { printTable, writeJson, type Figure } from './report';

const suites: [string, () => Figure[] | Promise<Figure[]>][] = [['matching', matchBenchmarks]];

const figures: Figure[] = [];
for (const [name, run] of suites) {
  process.stdout.write(`bench: ${name}…\n`);
  figures.push(...(await run()));
}

process.stdout.write('\n');
printTable(figures);
process.stdout.write(`\nbench: written to ${writeJson(figures)}\n`);
