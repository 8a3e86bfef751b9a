/**
 * Matching speed: one page against the bundled packs, against a generated pack of
 * 10,000 contexts over 1,000 hosts, the same against a linear scan (the baseline,
 * measured in the same process), and `match --urls` over 10,000 addresses.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { loadBundledPacks } from '@/rules/bundled';
import { compileRules } from '@/rules/engine';

import { readCorpus } from '../corpus';
import { generatedPack, generatedUrls } from './generated-pack';
import { linearScan } from './linear-scan';
import { atLeast, atMost, percentile, timeEach, versus, type Figure } from './report';

const RUNS = 20_000;
const TOOLS = 1000;
const CONTEXTS_PER_TOOL = 10;

function matchTimes(match: (url: string) => unknown, urls: readonly string[]): number[] {
  for (const url of urls.slice(0, 2000)) match(url); // warm up the JIT
  return timeEach(RUNS, (run) => match(urls[run % urls.length]!));
}

function bundledFigures(): Figure[] {
  const rules = compileRules(loadBundledPacks().packs);
  const times = matchTimes(
    (url) => rules.match({ url }),
    readCorpus().map((line) => line.url),
  );
  const median = percentile(times, 50);

  return [
    {
      name: 'match, bundled packs, median',
      value: median,
      unit: 'µs',
      ...atMost(median, 20, 'µs'),
    },
    { name: 'match, bundled packs, p99', value: percentile(times, 99), unit: 'µs' },
  ];
}

function scalingFigures(): Figure[] {
  const pack = generatedPack(TOOLS, CONTEXTS_PER_TOOL);
  const urls = generatedUrls(5000, TOOLS, CONTEXTS_PER_TOOL);
  const rules = compileRules([pack]);
  const scan = linearScan([pack]);

  const { indexed, linear, ratios } = interleaved((url) => rules.match({ url }), scan, urls);
  const median = percentile(indexed, 50);
  const ratio = percentile(ratios, 50);

  return [
    {
      name: 'match, 10,000 contexts / 1,000 hosts, median',
      value: median,
      unit: 'µs',
      ...atMost(median, 50, 'µs'),
      ...versus(median, percentile(linear, 50), 'linear scan'),
    },
    {
      name: 'match, 10,000 contexts / 1,000 hosts, p99',
      value: percentile(indexed, 99),
      unit: 'µs',
    },
    {
      name: 'linear scan (baseline), same rules, median',
      value: percentile(linear, 50),
      unit: 'µs',
    },
    {
      name: `indexed vs linear scan, median of ${ROUNDS} interleaved rounds`,
      value: ratio,
      unit: '× faster',
      ...atLeast(ratio, 20, '×'),
    },
    { name: 'indexed vs linear scan, lowest round', value: ratios[0]!, unit: '× faster' },
  ];
}

const ROUNDS = 7;

/**
 * The indexed engine and the linear scan timed in alternating rounds, each round's
 * ratio taken from its own medians: a moment of load on this shared machine then
 * slows both sides of one round, not one side of the whole comparison.
 */
function interleaved(
  indexedMatch: (url: string) => unknown,
  linearMatch: (url: string) => unknown,
  urls: readonly string[],
) {
  for (const url of urls) {
    indexedMatch(url);
    linearMatch(url);
  }

  const indexed: number[] = [];
  const linear: number[] = [];
  const ratios: number[] = [];
  const perRound = Math.ceil(RUNS / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    const fast = timeEach(perRound, (run) =>
      indexedMatch(urls[(round * perRound + run) % urls.length]!),
    );
    const slow = timeEach(perRound, (run) =>
      linearMatch(urls[(round * perRound + run) % urls.length]!),
    );
    indexed.push(...fast);
    linear.push(...slow);
    ratios.push(percentile(slow, 50) / percentile(fast, 50));
  }
  const sort = (times: number[]) => times.sort((a, b) => a - b);
  return { indexed: sort(indexed), linear: sort(linear), ratios: sort(ratios) };
}

function cliFigure(): Figure {
  const dir = mkdtempSync(join(tmpdir(), 'inflow-bench-'));
  const input = join(dir, 'urls.jsonl');
  const corpus = readCorpus().map((line) => line.url);
  const lines = Array.from({ length: 10_000 }, (_, i) =>
    JSON.stringify({ url: corpus[i % corpus.length] }),
  );
  writeFileSync(input, `${lines.join('\n')}\n`);

  const root = resolve(import.meta.dirname, '../..');
  const started = Date.now();
  const result = spawnSync('npm', ['run', '--silent', 'inflow', '--', 'match', '--urls', input], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (Date.now() - started) / 1000;

  const outputLines = result.stdout.trim().split('\n').length;
  if (result.status !== 0 || outputLines !== 10_000) {
    throw new Error(
      `match --urls failed: exit ${result.status}, ${outputLines} lines\n${result.stderr}`,
    );
  }
  return {
    name: 'match --urls, 10,000 addresses (whole command)',
    value: seconds,
    unit: 's',
    ...atMost(seconds, 2, 's'),
  };
}

export function matchBenchmarks(): Figure[] {
  return [...bundledFigures(), ...scalingFigures(), cliFigure()];
}
