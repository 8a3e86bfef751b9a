/**
 * Several packs at once: the order is policy packs, the learner's, then the bundled
 * ones, and compileRules takes them in that order. An earlier pack's tool overrides
 * the same tool id of later packs, whole; every pack's modules show; added hosts add.
 */
import { describe, expect, it } from 'vitest';

import { compileRules } from '@/rules/engine';
import type { Pack } from '@/rules/schema';
import { validatePack } from '@/rules/validate';

function pack(id: string, name: string, parts: Partial<Pack>): Pack {
  const result = validatePack({
    format: 1,
    id,
    name,
    version: '1.0.0',
    publisher: 'Test',
    tools: [],
    modules: [],
    ...parts,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.pack;
}

function tracker(hosts: string[], context: string) {
  return {
    id: 'tracker',
    name: 'Tracker',
    category: 'project' as const,
    hosts,
    contexts: [{ id: context, name: context, when: { path: '/ticket/:id' }, because: 'a ticket' }],
  };
}

function lesson(id: string, context?: string) {
  return {
    id,
    title: `Lesson ${id}`,
    minutes: 2,
    kind: 'lesson' as const,
    language: 'en',
    body: 'Text.',
    showOn: [{ tool: 'tracker', ...(context ? { context } : {}) }],
  };
}

const policyPack = pack('acme.tracker', 'Acme tracker', {
  tools: [tracker(['tracker.acme.example'], 'acme-ticket')],
  modules: [lesson('acme-way')],
});
const bundledPack = pack('vendor.tracker', 'Tracker basics', {
  tools: [tracker(['tracker.example'], 'ticket')],
  modules: [lesson('basics')],
});

describe('the same tool id in two packs', () => {
  const rules = compileRules([policyPack, bundledPack]);

  it("should use the earlier pack's tool, whole: its hosts and contexts", () => {
    expect(rules.match({ url: 'https://tracker.acme.example/ticket/7' })).toMatchObject({
      tool: 'tracker',
      pack: 'acme.tracker',
      context: 'acme-ticket',
    });
    expect(rules.match({ url: 'https://tracker.example/ticket/7' })).toBeNull();
    expect(rules.hostGlobs()).toEqual(['tracker.acme.example']);
  });

  it('should say which definition is used', () => {
    expect(rules.warnings).toEqual([
      'vendor.tracker: tool "tracker" is defined by the earlier pack "acme.tracker", whose definition is used',
    ]);
  });

  it("should still show the later pack's modules, after the earlier pack's, each naming its pack", () => {
    const lessons = rules.match({ url: 'https://tracker.acme.example/ticket/7' })?.lessons;

    expect(lessons?.map(({ pack, packName, module }) => [pack, packName, module])).toEqual([
      ['acme.tracker', 'Acme tracker', 'acme-way'],
      ['vendor.tracker', 'Tracker basics', 'basics'],
    ]);
  });

  it('should follow the order given: the bundled pack first makes its tool win', () => {
    const reversed = compileRules([bundledPack, policyPack]);

    expect(reversed.match({ url: 'https://tracker.example/ticket/7' })?.pack).toBe(
      'vendor.tracker',
    );
    expect(reversed.match({ url: 'https://tracker.acme.example/ticket/7' })).toBeNull();
  });
});

describe('two packs with the same id', () => {
  const newer = pack('vendor.tracker', 'Tracker basics', {
    version: '2.0.0',
    tools: [tracker(['tracker.example'], 'ticket')],
    modules: [lesson('basics-v2')],
  });
  const rules = compileRules([newer, bundledPack]);

  it('should use the first and leave the later one out, saying so', () => {
    const lessons = rules.match({ url: 'https://tracker.example/ticket/7' })?.lessons;

    expect(lessons?.map((suggestion) => suggestion.module)).toEqual(['basics-v2']);
    expect(rules.module('vendor.tracker', 'basics')).toBeUndefined();
    expect(rules.module('vendor.tracker', 'basics-v2')?.title).toBe('Lesson basics-v2');
    expect(rules.warnings).toEqual([
      'vendor.tracker: an earlier pack has the same id; this one (1.0.0) is not used',
    ]);
  });
});

describe('hosts added by packs and by policy', () => {
  const hostsPack = pack('acme.hosts', 'Acme hosts', {
    extraHosts: [{ tool: 'tracker', hosts: ['work.acme.internal'] }],
  });

  it('should add up, all on the tool that is used', () => {
    const rules = compileRules([hostsPack, policyPack, bundledPack], {
      extraHosts: [{ tool: 'tracker', hosts: ['tickets.acme.internal'] }],
    });

    for (const host of ['work.acme.internal', 'tickets.acme.internal']) {
      expect(rules.match({ url: `https://${host}/ticket/1` })).toMatchObject({
        pack: 'acme.tracker',
        context: 'acme-ticket',
      });
    }
    expect(rules.hostGlobs().sort()).toEqual([
      'tickets.acme.internal',
      'tracker.acme.example',
      'work.acme.internal',
    ]);
  });

  it('should name policy hosts for a tool no pack defines', () => {
    const rules = compileRules([bundledPack], {
      extraHosts: [{ tool: 'wiki', hosts: ['wiki.acme.internal'] }],
    });

    expect(rules.warnings).toEqual(['policy: no pack defines tool "wiki"']);
    expect(rules.hostGlobs()).toEqual(['tracker.example']);
  });
});
