import { describe, expect, it } from 'vitest';

import { loadBundledPacks } from '@/rules/bundled';
import { compileRules } from '@/rules/engine';
import { bundledPackSources } from '@/rules/packs/index';
import type { Module, Pack, Placement } from '@/rules/schema';
import { fillTemplate, templateNames } from '@/rules/template';
import { formatProblem, validatePack } from '@/rules/validate';

const { packs, errors } = loadBundledPacks();
const rules = compileRules(packs);
const modules = packs.flatMap((pack) => pack.modules.map((module) => ({ pack, module })));

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

  it('should only place modules on tools the packs define', () => {
    const tools = new Set(packs.flatMap((pack) => pack.tools.map((tool) => tool.id)));
    const placed = packs.flatMap((pack) => pack.modules.flatMap((m) => m.showOn));

    expect(placed.filter((placement) => !tools.has(placement.tool))).toEqual([]);
  });
});

describe('the bundled lessons', () => {
  it('should number at least 40, spread over at least 15 packs', () => {
    const packsWithLessons = packs.filter((pack) => pack.modules.length > 0);

    expect(modules.length).toBeGreaterThanOrEqual(40);
    expect(packsWithLessons.length).toBeGreaterThanOrEqual(15);
  });

  it.each(modules.map(({ pack, module }) => [pack.id, module.id, module] as const))(
    '%s/%s: should have a quiz whose choices all explain themselves, or flashcards',
    (_pack, _id, module) => {
      const questions = module.questions ?? [];
      const cards = module.cards ?? [];

      expect(questions.length + cards.length).toBeGreaterThan(0);
      if (module.kind === 'flashcards') expect(cards.length).toBeGreaterThanOrEqual(4);
      if (module.kind === 'checklist') expect(module.items?.length).toBeGreaterThanOrEqual(3);
      for (const question of questions) {
        const correct = question.choices.filter((choice) => choice.correct);
        expect(correct.length, question.id).toBeGreaterThan(0);
        if (!question.multiple) expect(correct, question.id).toHaveLength(1);
        expect(question.choices.every((choice) => choice.explanation.trim().length > 0)).toBe(true);
      }
    },
  );

  // Read at 180 to 220 words a minute: a module of m minutes reads in more than m − 1
  // minutes at the faster pace and in at most m + ½ at the slower one.
  it.each(modules.map(({ pack, module }) => [pack.id, module.id, module] as const))(
    '%s/%s: should take 1 to 3 minutes, and read in about that time',
    (_pack, _id, module) => {
      const words = readingWords(module);

      expect(module.minutes).toBeGreaterThanOrEqual(1);
      expect(module.minutes).toBeLessThanOrEqual(3);
      expect(words).toBeGreaterThanOrEqual(100);
      expect(words).toBeLessThanOrEqual(700);
      expect(words / 220, `${words} words`).toBeLessThanOrEqual(module.minutes + 0.5);
      expect(words / 180, `${words} words`).toBeGreaterThanOrEqual(module.minutes - 1);
    },
  );

  it.each(modules.map(({ pack, module }) => [pack.id, module.id, module] as const))(
    '%s/%s: should be shown only on contexts its tools really have',
    (_pack, _id, module) => {
      const unknown = module.showOn.filter((placement) => !placementExists(placement));

      expect(unknown).toEqual([]);
    },
  );

  // The check above resolves context templates; these rows keep it honest.
  it.each([
    [{ tool: 'salesforce', context: 'record:Opportunity' }, true],
    [{ tool: 'salesforce', context: 'record:*' }, true],
    [{ tool: 'salesforce', context: 'related_list:Account:Contacts' }, true],
    [{ tool: 'zendesk', context: 'ticket' }, true],
    [{ tool: 'zendesk', context: 'tickets' }, false],
    [{ tool: 'zendesk', context: 'tick*' }, true],
    [{ tool: 'pipedrive', context: 'pipeline' }, false],
    [{ tool: 'pipedrive', context: 'record:lead' }, false],
    [{ tool: 'github' }, false],
    [{ tool: 'nonesuch', context: 'ticket' }, false],
  ])('should tell that %o is a real context: %s', (placement, exists) => {
    expect(placementExists(placement)).toBe(exists);
  });

  it('should cover every kind of work the bundled packs teach, in several packs each', () => {
    for (const [category, skills] of Object.entries(categories)) {
      for (const skill of skills) {
        const taught = modules.filter(({ module }) => module.skills?.includes(skill));
        expect(taught.length, `${category}: ${skill}`).toBeGreaterThan(0);
      }
      const inCategory = modules.filter(({ module }) =>
        module.skills?.some((skill) => skills.includes(skill)),
      );
      const packIds = new Set(inCategory.map(({ pack }) => pack.id));
      expect(packIds.size, category).toBeGreaterThanOrEqual(3);
    }
  });

  it('should use every level, and flashcards and checklists as well as quizzes', () => {
    const count = (test: (module: Module) => boolean) =>
      modules.filter(({ module }) => test(module)).length;

    for (const level of ['beginner', 'intermediate', 'advanced'] as const) {
      expect(
        count((module) => module.level === level),
        level,
      ).toBeGreaterThan(0);
    }
    expect(count((module) => module.kind === 'flashcards')).toBeGreaterThanOrEqual(6);
    expect(count((module) => module.kind === 'checklist')).toBeGreaterThanOrEqual(2);
    expect(count((module) => (module.questions ?? []).some((q) => q.multiple))).toBeGreaterThan(0);
  });

  // After a failed quiz the panel offers the supplements: an easier module on the same skill.
  it.each(
    modules
      .filter(({ module }) => module.questions?.length && module.level !== 'beginner')
      .map(({ pack, module }) => [pack.id, module.id, pack, module] as const),
  )('%s/%s: should name easier supplements, one on the same skill', (_pack, _id, pack, module) => {
    const supplements = (module.supplements ?? []).map((id) => moduleOf(pack, id));

    expect(supplements.length).toBeGreaterThan(0);
    for (const supplement of supplements) {
      expect(rank(supplement.level), supplement.id).toBeLessThan(rank(module.level));
    }
    expect(supplements.some((supplement) => sharesSkill(supplement, module))).toBe(true);
  });

  it('should offer help after every failed quiz on a Salesforce Opportunity', () => {
    const onOpportunity = modules.filter(
      ({ module }) =>
        module.questions?.length &&
        module.showOn.some((p) => p.tool === 'salesforce' && p.context === 'record:Opportunity'),
    );

    expect(onOpportunity.length).toBeGreaterThan(0);
    expect(onOpportunity.filter(({ module }) => !module.supplements?.length)).toEqual([]);
  });
});

describe('the bundled learning paths', () => {
  const paths = packs.flatMap((pack) => (pack.paths ?? []).map((path) => ({ pack, path })));

  it.each(paths.map(({ pack, path }) => [pack.id, path.id, pack, path] as const))(
    '%s/%s: should list 3 to 8 modules of its pack, each placed on a real context',
    (_pack, _id, pack, path) => {
      const toolIds = new Set(pack.tools.map((tool) => tool.id));

      expect(path.modules.length).toBeGreaterThanOrEqual(3);
      expect(path.modules.length).toBeLessThanOrEqual(8);
      expect(new Set(path.modules).size).toBe(path.modules.length);
      for (const id of path.modules) {
        const placements = moduleOf(pack, id).showOn;
        expect(
          placements.some((p) => toolIds.has(p.tool) && placementExists(p)),
          id,
        ).toBe(true);
      }
    },
  );

  it.each([
    ['inflow.salesforce', 'New account executive'],
    ['inflow.hubspot', 'HubSpot sales rep'],
    ['inflow.zendesk', 'Support agent'],
    ['inflow.github', 'Engineer'],
    ['inflow.atlassian', 'Product team'],
    ['inflow.google-workspace', 'Clear writer'],
    ['inflow.slack', 'Everyone on Slack'],
  ])('%s: should have a path for the role "%s"', (packId, role) => {
    const pack = packs.find((candidate) => candidate.id === packId);

    expect(pack?.paths?.map((path) => path.role)).toContain(role);
  });
});

/** The skills that stand for each kind of work the bundled lessons cover. */
const categories: Record<string, string[]> = {
  'selling in a CRM': [
    'discovery',
    'qualification',
    'objection-handling',
    'next-steps',
    'pipeline-hygiene',
  ],
  'support desks': ['triage', 'empathy', 'macros'],
  'docs and wikis': ['clear-writing', 'review-etiquette'],
  'project tools': ['good-issues', 'code-review'],
  'mail and chat': ['short-messages'],
};

/** The words a learner reads before any feedback: body, prompts, choices, cards, items. */
function readingWords(module: Module): number {
  const parts = [
    module.body,
    ...(module.questions ?? []).flatMap((q) => [q.prompt, ...q.choices.map((c) => c.text)]),
    ...(module.cards ?? []).flatMap((card) => [card.front, card.back]),
    ...(module.items ?? []).map((item) => item.text),
  ];
  return parts
    .join(' ')
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Whether a placement names a context (or a prefix ending in `*`) its tool can produce. */
function placementExists(placement: Placement): boolean {
  const tool = packs.flatMap((pack) => pack.tools).find((t) => t.id === placement.tool);
  const wanted = placement.context;
  if (!tool || wanted === undefined) return false;

  return tool.contexts.some(({ id }) =>
    wanted.endsWith('*')
      ? templateMayStartWith(id, wanted.slice(0, -1))
      : templateMatches(id, wanted),
  );
}

const marker = '\u0000';

function templateMatches(template: string, id: string): boolean {
  const filled = fillTemplate(template, groupsOf(template, marker));
  const pattern = filled
    .split(marker)
    .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+');
  return new RegExp(`^${pattern}$`).test(id);
}

function templateMayStartWith(template: string, prefix: string): boolean {
  const literal = template.split('{')[0] ?? '';
  if (templateNames(template).length === 0) return template.startsWith(prefix);
  return literal.startsWith(prefix) || prefix.startsWith(literal);
}

function groupsOf(template: string, value: string): Record<string, string> {
  return Object.fromEntries(templateNames(template).map((name) => [name, value]));
}

function moduleOf(pack: Pack, id: string): Module {
  const module = pack.modules.find((candidate) => candidate.id === id);
  if (!module) throw new Error(`${pack.id} has no module ${id}`);
  return module;
}

function rank(level: Module['level']): number {
  return ['beginner', 'intermediate', 'advanced'].indexOf(level ?? 'beginner');
}

function sharesSkill(a: Module, b: Module): boolean {
  return (a.skills ?? []).some((skill) => b.skills?.includes(skill));
}
