/**
 * Nothing freezes on a hostile pack: the slowest validation among the hostile
 * packs of the tests (deep nesting, catastrophic patterns, 50,000 tools…), text
 * parsing included, and a catastrophic-looking title test run on the longest text
 * a page may send. Target: well under a second each.
 */
import { parsePackText } from '@/rules/limits';
import { validatePack } from '@/rules/validate';

import { hostilePacks, packText } from '../fixtures/hostile-packs';
import { atMost, type Figure } from './report';

function slowestMs(): { name: string; ms: number } {
  let slowest = { name: '', ms: 0 };
  for (const [name, value] of hostilePacks()) {
    const text = packText(value);
    const started = performance.now();
    const parsed = parsePackText(text);
    if ('value' in parsed) validatePack(parsed.value);
    const ms = performance.now() - started;
    if (ms > slowest.ms) slowest = { name, ms };
  }
  return slowest;
}

export function hostilePackBenchmarks(): Figure[] {
  const slowest = slowestMs();
  return [
    {
      name: `hostile pack, slowest validation (${slowest.name})`,
      value: slowest.ms,
      unit: 'ms',
      ...atMost(slowest.ms, 1000, 'ms'),
    },
  ];
}
