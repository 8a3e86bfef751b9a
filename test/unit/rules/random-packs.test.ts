import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { Condition } from '@/rules/conditions/condition';
import { compileCondition } from '@/rules/compile';
import { compileRules } from '@/rules/engine';
import { readPage } from '@/rules/page';
import { validatePack } from '@/rules/validate';

// Pattern pieces admins write, mixed at random: some compile, some do not.
const segment = fc.constantFrom(
  ':id',
  ':id(\\d+)',
  '*',
  '{/x}?',
  'lightning',
  ':a(b|c)',
  '(',
  '%E2',
);
const pattern = fc.array(segment, { maxLength: 5 }).map((parts) => `/${parts.join('/')}`);
const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('(a+)+$', '^x', '[', 'é'));

const condition: fc.Arbitrary<Condition> = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small' },
    pattern.map((path) => ({ path })),
    pattern.map((hash) => ({ hash: hash.slice(1) })),
    text.map((matches) => ({ title: { matches } })),
    fc.record({ name: text, contains: text }).map((query) => ({ query })),
    text.map((selector) => ({ selector })),
    fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('condition').map((not) => ({ not })),
  ),
})).condition;

const tool = fc.record({
  id: fc.constantFrom('a', 'b', 'c'),
  name: fc.constant('Tool'),
  category: fc.constant('other'),
  hosts: fc.array(fc.constantFrom('*.example.com', 'app.example.com', 'example.org'), {
    minLength: 1,
  }),
  contexts: fc.array(
    fc.record({
      id: fc.constantFrom('x:{id}', 'y', '{a|a}'),
      name: fc.constant('X'),
      when: condition,
      because: fc.constant('because'),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

const pack = fc.record({
  format: fc.constant(1),
  id: fc.constant('random.pack'),
  name: fc.constant('Random'),
  version: fc.constant('1.0.0'),
  publisher: fc.constant('Fuzz'),
  tools: fc.array(tool, { maxLength: 3 }),
  modules: fc.constant([]),
});

const address = fc.oneof(
  fc.webUrl({ withFragments: true, withQueryParameters: true }),
  fc.constantFrom(
    'https://app.example.com/lightning/1',
    'https://x.example.com/%E2/(',
    'https://example.org/#/a',
  ),
);

describe('random packs', () => {
  it('should be validated without throwing, and when valid, match any address without throwing', () => {
    let valid = 0;

    fc.assert(
      fc.property(
        pack,
        fc.array(address, { maxLength: 5 }),
        fc.string(),
        (candidate, urls, title) => {
          const result = validatePack(candidate);
          if (!result.ok) return;
          valid++;

          const rules = compileRules([result.pack]);
          for (const url of urls) expect(() => rules.match({ url, title })).not.toThrow();
        },
      ),
      { numRuns: 400 },
    );

    // The generator must reach the engine, or this test proves nothing.
    expect(valid).toBeGreaterThan(20);
  });

  it('should ask a page only the probes that can change its detection', () => {
    let compared = 0;

    fc.assert(
      fc.property(pack, address, fc.string(), fc.integer(), (candidate, url, title, seed) => {
        const result = validatePack(candidate);
        if (!result.ok) return;

        // Every probe the pack has, each present or absent at random.
        const selectors = result.pack.tools.flatMap((tool) =>
          tool.contexts.flatMap((context) => selectorsOf(context.when)),
        );
        const everything = Object.fromEntries(
          selectors.map((css, i) => [`has:${css}`, (seed >> (i % 31)) & 1 ? '' : null]),
        );
        const rules = compileRules([result.pack]);
        const asked = new Set(rules.probesFor(url));
        const answered = Object.fromEntries(
          Object.entries(everything).filter(([key]) => asked.has(key)),
        );
        if (Object.keys(answered).length < Object.keys(everything).length) compared++;

        expect(rules.match({ url, title, probes: answered })).toEqual(
          rules.match({ url, title, probes: everything }),
        );
      }),
      { numRuns: 1000 },
    );

    // Some runs must leave probes out, or this test proves nothing (about 5 % of runs do).
    expect(compared).toBeGreaterThan(10);
  });
});

describe('a tool with many contexts', () => {
  it('should choose the first context that holds, as testing each in order would', () => {
    let detected = 0;

    fc.assert(
      fc.property(tool, address, fc.string(), (candidate, anywhere, title) => {
        // Names tell the contexts apart; every address is moved onto the tool's host.
        const url = onHost(anywhere, 'app.example.com');
        const contexts = candidate.contexts.map((context, i) => ({ ...context, name: `c${i}` }));
        const result = validatePack({
          ...singleToolPack,
          tools: [{ ...candidate, hosts: ['app.example.com'], contexts }],
        });
        if (!result.ok) return;

        const probes = { 'has:(': '' };
        const page = readPage({ url, title, probes });
        const first = page && contexts.find(({ when }) => compileCondition(when, () => {})(page));
        const detection = compileRules([result.pack]).match({ url, title, probes });
        if (detection) detected++;

        expect(detection?.contextName).toBe(first?.name);
      }),
      { numRuns: 600 },
    );

    expect(detected).toBeGreaterThan(20);
  });
});

const singleToolPack = {
  format: 1,
  id: 'random.pack',
  name: 'Random',
  version: '1.0.0',
  publisher: 'Fuzz',
  modules: [],
};

function onHost(address: string, host: string): string {
  const url = new URL(address);
  url.host = host;
  return url.href;
}

function selectorsOf(condition: Condition): string[] {
  if (condition.selector !== undefined) return [condition.selector];
  const nested = [...(condition.all ?? []), ...(condition.any ?? []), condition.not ?? []].flat();
  return nested.flatMap(selectorsOf);
}
