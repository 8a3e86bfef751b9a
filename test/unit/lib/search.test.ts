import { describe, expect, it } from 'vitest';

import type { ModuleSummary } from '@/lib/catalogue';
import type { Bookmark } from '@/lib/db';
import { LearningSearch } from '@/lib/search';

function lesson(module: string, title: string, text: string, skills: string[] = []): ModuleSummary {
  return {
    pack: 'inflow.salesforce',
    packName: 'Salesforce',
    module,
    title,
    minutes: 2,
    kind: 'lesson',
    skills,
    language: 'en',
    tools: ['salesforce'],
    supplements: [],
    text,
  };
}

const modules = [
  lesson('price', 'Handling a price objection', 'Ask what they compare the price with.', [
    'objection-handling',
  ]),
  lesson('next-step', 'Agreeing on a next step', 'End every call with a dated next step.'),
  lesson('discovery', 'Discovery questions that open up', 'Open questions start with how.', [
    'discovery',
  ]),
];

const bookmark: Bookmark = {
  id: '0b9e3c1e-9d7a-4b8e-9f3e-2a1c4d5e6f70',
  kind: 'page',
  title: 'Quarterly pricing memo',
  url: 'https://intranet.acme.example/memo',
  selection: 'Discounts above 15 % need approval from finance.',
  note: 'Read before negotiating',
  tags: ['pricing', 'approvals'],
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
};

const search = new LearningSearch(modules, [bookmark]);
const titles = (query: string) =>
  search
    .search(query)
    .map((hit) => (hit.kind === 'module' ? hit.module.title : hit.bookmark.title));

describe('search over lessons and bookmarks', () => {
  it('should find a lesson from a misspelt word', () => {
    expect(titles('objectoin')[0]).toBe('Handling a price objection');
  });

  it('should find by the start of a word while typing', () => {
    expect(titles('disco')[0]).toBe('Discovery questions that open up');
  });

  it('should find a bookmark by its selection, note or tag', () => {
    expect(titles('approval finance')).toEqual(['Quarterly pricing memo']);
    expect(titles('negotiating')).toEqual(['Quarterly pricing memo']);
    expect(titles('approvals')).toEqual(['Quarterly pricing memo']);
  });

  it('should say which words matched', () => {
    const [hit] = search.search('dated step');

    expect(hit?.kind).toBe('module');
    expect(hit?.matched.sort()).toEqual(['dated', 'step']);
  });

  it('should fall back to any word when no entry has them all', () => {
    expect(titles('price zzzzqqq')).toContain('Handling a price objection');
  });

  it('should find nothing for an empty query', () => {
    expect(search.search('   ')).toEqual([]);
  });
});
