import { describe, expect, it } from 'vitest';

import { loadBundledPacks } from '@/rules/bundled';
import { compileRules } from '@/rules/engine';

import { readContextsTable, readCorpus } from '../../corpus';

const rules = compileRules(loadBundledPacks().packs);
const corpus = readCorpus();

// Every tool of CONTEXTS.md has a bundled pack: every corpus line must give its
// tool and context.
const bundledTools = new Set(corpus.flatMap((line) => (line.tool === null ? [] : [line.tool])));

describe('the corpus of real URL shapes', () => {
  const positives = corpus.filter((line) => line.tool !== null && bundledTools.has(line.tool));
  const negatives = corpus.filter((line) => line.tool === null);

  it.each(positives.map((line) => [line.tool, line.context, line.url] as const))(
    'should give %s › %s for %s',
    (tool, context, url) => {
      const detection = rules.match({ url });

      expect(detection?.tool).toBe(tool);
      expect(detection?.context).toBe(context);
    },
  );

  it.each(negatives.map((line) => [line.context, line.url] as const))(
    'should give no tool for a %s: %s',
    (_reason, url) => {
      expect(rules.match({ url })).toBeNull();
    },
  );

  it('should cover at least the four first tools', () => {
    const covered = new Set(positives.map((line) => line.tool));

    expect([...covered]).toEqual(
      expect.arrayContaining(['salesforce', 'hubspot', 'google_docs', 'jira']),
    );
  });
});

describe('the tools of CONTEXTS.md', () => {
  const packTools = new Set(
    loadBundledPacks().packs.flatMap((pack) => pack.tools.map((t) => t.id)),
  );

  it.each(readContextsTable())('should have a bundled pack for %s', (tool) => {
    expect(packTools.has(tool)).toBe(true);
  });
});
