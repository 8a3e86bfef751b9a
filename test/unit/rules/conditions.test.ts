import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { compileCondition } from '@/rules/compile';
import type { Condition } from '@/rules/conditions/condition';
import { conditionKinds } from '@/rules/conditions/index';
import { readPage, type PageSignals } from '@/rules/page';

const conditionsDir = resolve(__dirname, '../../../rules/conditions');
const formatDoc = readFileSync(resolve(__dirname, '../../../docs/pack-format.md'), 'utf8');

const opportunity =
  'https://acme.lightning.force.com/lightning/r/Opportunity/0068d00001rWkhYAAS/view';

/** Per kind: a condition, a page, and the groups expected (null: does not hold). */
const cases: Record<string, [Condition, PageSignals, Record<string, string> | null][]> = {
  path: [
    [
      { path: '/lightning/r/:object/:id/view' },
      { url: opportunity },
      { object: 'Opportunity', id: '0068d00001rWkhYAAS' },
    ],
    [{ path: '/lightning/r/:object/:id/edit' }, { url: opportunity }, null],
    [
      { path: '/wiki/spaces/:space/pages/:id/:title' },
      { url: 'https://a.atlassian.net/wiki/spaces/ENG/pages/5/R%C3%A9sum%C3%A9' },
      { space: 'ENG', id: '5', title: 'Résumé' },
    ],
    [{ path: '/lightning/*' }, { url: opportunity }, {}],
    [{ path: '/Lightning/*' }, { url: opportunity }, null],
  ],
  hash: [
    [
      { hash: 'inbox/:thread([0-9a-zA-Z]{16,})' },
      { url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzMLltkQKCszBsrX' },
      { thread: 'FMfcgzMLltkQKCszBsrX' },
    ],
    [
      { hash: 'inbox/:thread([0-9a-zA-Z]{16,})' },
      { url: 'https://mail.google.com/mail/u/0/#inbox/p2' },
      null,
    ],
  ],
  host: [
    [
      { host: ':instance([a-z]{2,4}[0-9]{1,3}).salesforce.com' },
      { url: 'https://na123.salesforce.com/006' },
      { instance: 'na123' },
    ],
    [
      { host: ':instance([a-z]{2,4}[0-9]{1,3}).salesforce.com' },
      { url: 'https://www.salesforce.com/' },
      null,
    ],
  ],
  query: [
    [
      { query: { name: 'uri', matches: '^(?<table>[a-z0-9_]+)\\.do\\?' } },
      { url: 'https://acme.service-now.com/nav_to.do?uri=u_vendor_risk.do?sys_id=1' },
      { table: 'u_vendor_risk' },
    ],
    [
      { query: { name: 'selectedIssue', matches: '^[A-Z]+-\\d+$', as: 'issue' } },
      { url: 'https://a.atlassian.net/x?selectedIssue=ENG-7' },
      { issue: 'ENG-7' },
    ],
    [
      { query: { name: 'selectedIssue', matches: '^[A-Z]+-\\d+$' } },
      { url: 'https://a.atlassian.net/x?selectedIssue=nope' },
      null,
    ],
    [{ query: { name: 'ws', absent: true } }, { url: opportunity }, {}],
    [{ query: { name: 'ws', absent: true } }, { url: `${opportunity}?ws=x` }, null],
  ],
  title: [
    [
      { title: { matches: '^(?<issue>[A-Z]+-\\d+)\\b' } },
      { url: 'https://jira.acme.example/browse/x', title: 'OPS-7 Fix login' },
      { issue: 'OPS-7' },
    ],
    [
      { title: { contains: 'google docs' } },
      { url: 'https://docs.google.com/', title: 'Plan - Google Docs' },
      {},
    ],
    [
      { title: { equals: 'Plan' } },
      { url: 'https://docs.google.com/', title: 'Plan - Google Docs' },
      null,
    ],
    [{ title: {} }, { url: 'https://docs.google.com/' }, null],
  ],
  selector: [
    [
      { selector: '#auraLoadingBox' },
      { url: opportunity, probes: { 'has:#auraLoadingBox': '' } },
      {},
    ],
    [
      { selector: '#auraLoadingBox' },
      { url: opportunity, probes: { 'has:#auraLoadingBox': null } },
      null,
    ],
    [{ selector: '#auraLoadingBox' }, { url: opportunity }, null],
  ],
  selectorText: [
    [
      { selectorText: { selector: '.stage', matches: '^Negotiation' } },
      { url: opportunity, probes: { 'text:.stage': 'Negotiation/Review' } },
      {},
    ],
    [
      { selectorText: { selector: '.stage', matches: '^Negotiation' } },
      { url: opportunity, probes: { 'text:.stage': 'Prospecting' } },
      null,
    ],
  ],
  meta: [
    [
      { meta: { name: 'application-name', equals: 'JIRA' } },
      { url: 'https://jira.acme.example/browse/A-1', probes: { 'meta:application-name': 'JIRA' } },
      {},
    ],
    [
      { meta: { name: 'application-name', equals: 'JIRA' } },
      {
        url: 'https://jira.acme.example/browse/A-1',
        probes: { 'meta:application-name': 'Confluence' },
      },
      null,
    ],
  ],
  attribute: [
    [
      { attribute: { selector: 'html', name: 'class', contains: 'notion-html' } },
      { url: 'https://www.notion.so/x', probes: { 'attr:class@html': 'notion-html dark' } },
      {},
    ],
    [
      { attribute: { selector: 'html', name: 'class', contains: 'notion-html' } },
      { url: 'https://www.notion.so/x', probes: {} },
      null,
    ],
  ],
  all: [
    [
      { all: [{ path: '/lightning/r/:object/:id/view' }, { query: { name: 'ws', absent: true } }] },
      { url: opportunity },
      { object: 'Opportunity', id: '0068d00001rWkhYAAS' },
    ],
    [
      { all: [{ path: '/lightning/r/:object/:id/view' }, { query: { name: 'ws' } }] },
      { url: opportunity },
      null,
    ],
  ],
  any: [
    [
      { any: [{ path: '/nope' }, { path: '/lightning/r/:object/:id/view' }] },
      { url: opportunity },
      { object: 'Opportunity', id: '0068d00001rWkhYAAS' },
    ],
    [{ any: [{ path: '/nope' }, { path: '/also-nope' }] }, { url: opportunity }, null],
  ],
  not: [
    [{ not: { path: '/nope' } }, { url: opportunity }, {}],
    [{ not: { path: '/lightning/*' } }, { url: opportunity }, null],
  ],
};

function run(condition: Condition, signals: PageSignals) {
  const page = readPage(signals);
  if (!page) throw new Error(`unreadable test page ${signals.url}`);
  return compileCondition(condition, () => {})(page);
}

describe.each(Object.keys(conditionKinds))('the %s condition', (kind) => {
  it.each(cases[kind] ?? [])('case %#', (condition, page, groups) => {
    const evidence = run(condition, page);

    if (groups === null) expect(evidence).toBeNull();
    else {
      expect(evidence?.groups).toEqual(groups);
      expect(evidence?.reasons.length).toBeGreaterThan(0);
    }
  });
});

describe('the condition registry', () => {
  const defined = readdirSync(conditionsDir)
    .map((file) => readFileSync(resolve(conditionsDir, file), 'utf8'))
    .filter((source) => source.includes('defineCondition({'))
    .map((source) => /key: '(\w+)'/.exec(source)?.[1]);

  it('should register every kind defined in rules/conditions', () => {
    expect(defined.length).toBeGreaterThan(0);
    expect([...defined].sort()).toEqual(Object.keys(conditionKinds).sort());
  });

  it.each(Object.keys(conditionKinds))('should document %s in docs/pack-format.md', (kind) => {
    // A row of the conditions table: the kind's name in the first cell.
    expect(formatDoc).toMatch(new RegExp(`^\\| +\`${kind}\` +\\|`, 'm'));
  });

  it.each(Object.keys(conditionKinds))('should have cases that hold and fail for %s', (kind) => {
    const outcomes = (cases[kind] ?? []).map(([, , groups]) => groups === null);

    expect(outcomes).toContain(true);
    expect(outcomes).toContain(false);
  });
});
