/**
 * Packs an attacker or a mistake could hand over: malformed, oversized, nested past
 * the limit, with catastrophic regular expressions, or with a wrong type in each
 * field. Each gives a clear problem and no pack (so nothing is compiled or
 * installed). How long the slowest of these takes to validate is a benchmark
 * figure (test/bench), not asserted here; the CLI runs under a hang guard.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

import { MAX_PACK_BYTES, parsePackText } from '@/rules/limits';
import { formatProblem, validatePack } from '@/rules/validate';

import { hostilePacks, packText, validPack, wrongTypeCases } from '../../fixtures/hostile-packs';

const problemsOf = (value: unknown) => {
  const result = validatePack(value);
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe('hostile packs', () => {
  it.each(hostilePacks())('should refuse %s with a clear problem', (_name, value, expected) => {
    const problems = problemsOf(value);

    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toContain(expected);
  });

  it.each(wrongTypeCases())('should name the path of a wrong type at %s', (path, value) => {
    expect(problemsOf(value).some((line) => line.startsWith(`${path}: expected`))).toBe(true);
  });

  it('should refuse text over the size limit before parsing it', () => {
    const text = `{"pad":"${'x'.repeat(MAX_PACK_BYTES)}"}`;

    expect(parsePackText(text)).toEqual({
      // One byte over would read "5.0 MB" in megabytes: the count is exact.
      problem: {
        path: '$',
        expected: 'a pack of at most 5 MB (5,242,880 bytes)',
        found: '5,242,890 bytes',
      },
    });
  });

  it('should refuse malformed JSON naming where it broke', () => {
    const parsed = parsePackText('{"format": 1, "id": ');

    expect('problem' in parsed && parsed.problem.expected).toBe('valid JSON');
  });

  it('should accept the valid pack the cases are made from', () => {
    expect(problemsOf(validPack())).toEqual([]);
  });
});

describe('inflow validate on hostile files', () => {
  it('should exit 1 with one line per problem for each file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inflow-hostile-'));
    const files = hostilePacks().map(([name, value], index) => {
      const file = join(dir, `${index}.json`);
      writeFileSync(file, packText(value));
      return { file, name };
    });
    writeFileSync(join(dir, 'broken.json'), '{"format": 1,');

    // A hang guard, not a speed target: a frozen validator would be killed here.
    const result = spawnSync(
      'node',
      [
        '--import',
        'tsx',
        'cli/inflow.ts',
        'validate',
        ...files.map((f) => f.file),
        join(dir, 'broken.json'),
      ],
      { cwd: resolve(import.meta.dirname, '../../..'), encoding: 'utf8', timeout: 60_000 },
    );

    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    for (const { file } of files) expect(result.stdout).toContain(`${file}: $`);
    expect(result.stdout).toContain(`${join(dir, 'broken.json')}: $: expected valid JSON`);
  });
});
