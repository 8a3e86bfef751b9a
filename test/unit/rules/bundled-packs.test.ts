import { describe, expect, it } from 'vitest';

import { loadBundledPacks } from '@/rules/bundled';
import { compileRules } from '@/rules/engine';
import { bundledPackSources } from '@/rules/packs/index';
import { formatProblem, validatePack } from '@/rules/validate';

const { packs, errors } = loadBundledPacks();
const rules = compileRules(packs);

describe('the bundled packs', () => {
  it('should all pass validation', () => {
    expect(errors).toEqual([]);
    expect(packs).toHaveLength(bundledPackSources.length);
  });

  // The service worker skips the backtracking check for these packs; it runs here.
  it.each(bundledPackSources.map((source) => [(source as { id: string }).id, source]))(
    '%s: should pass the full validation, backtracking check included',
    (_id, source) => {
      const result = validatePack(source);

      expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    },
    30_000,
  );

  const tests = packs.flatMap((pack) =>
    (pack.tests ?? []).map((test) => [pack.id, test.url, test] as const),
  );

  it.each(tests)('%s: should pass its embedded test for %s', (_pack, _url, test) => {
    const detection = rules.match({ url: test.url, title: test.title });

    expect(detection?.tool ?? null).toBe(test.tool);
    if (test.tool !== null) expect(detection?.context).toBe(test.context);
  });

  it('should give every module a quiz whose choices all explain themselves, or flashcards', () => {
    const modules = packs.flatMap((pack) => pack.modules);

    for (const module of modules) {
      const parts = (module.questions?.length ?? 0) + (module.cards?.length ?? 0);
      expect(parts, module.id).toBeGreaterThan(0);
      for (const question of module.questions ?? []) {
        const correct = question.choices.filter((choice) => choice.correct);
        expect(correct.length, `${module.id}/${question.id}`).toBeGreaterThan(0);
        if (!question.multiple) expect(correct, `${module.id}/${question.id}`).toHaveLength(1);
      }
    }
  });

  it('should only place modules on tools the packs define', () => {
    const tools = new Set(packs.flatMap((pack) => pack.tools.map((tool) => tool.id)));
    const placed = packs.flatMap((pack) => pack.modules.flatMap((m) => m.showOn));

    expect(placed.filter((placement) => !tools.has(placement.tool))).toEqual([]);
  });
});
