import { describe, expect, it } from 'vitest';

import { loadBundledPacks } from '@/rules/bundled';
import { compileRules } from '@/rules/engine';

import { readCorpus } from '../../corpus';

const rules = compileRules(loadBundledPacks().packs);
const corpus = readCorpus();

// The tools whose packs are bundled so far; the rest of CONTEXTS.md follows.
const bundledTools = new Set([
  'salesforce',
  'hubspot',
  'google_docs',
  'google_sheets',
  'google_slides',
  'google_forms',
  'jira',
  'confluence',
  'dynamics365',
  'pipedrive',
  'zoho_crm',
  'workday',
  'successfactors',
  'gmail',
  'outlook',
  'teams',
  'slack',
  'notion',
  'github',
  'linear',
  'asana',
  'monday',
  'trello',
  'figma',
]);

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
