// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { matchOne } from '@/cli/match';
import { loadBundledPacks } from '@/rules/bundled';
import { compileRules } from '@/rules/engine';

const rules = compileRules(loadBundledPacks().packs);
const blog = readFileSync(
  resolve(import.meta.dirname, '../../fixtures/html/blog-about-crms.html'),
  'utf8',
);

// Reported against similar detectors: a page that names the tools, links to their
// apps, loads their widgets' scripts and copies their class names is no tool's app.
describe('a blog page about Salesforce and HubSpot', () => {
  it.each([
    'https://blog.acme.example/salesforce-vs-hubspot',
    'https://www.acme.example/blog/salesforce-vs-hubspot',
    'https://acme.example/?ref=https://app.hubspot.com/contacts/1/deals',
  ])('should give no tool at %s', async (url) => {
    expect(await matchOne(rules, { url, html: blog })).toBeNull();
  });
});
