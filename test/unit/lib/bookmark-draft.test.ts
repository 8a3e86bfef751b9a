import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { backupSchema } from '@/lib/backup-format';
import { BACKUP_FORMAT, BACKUP_VERSION } from '@/lib/backup-layout';
import {
  BOOKMARK_LIMITS,
  bookmarkAddress,
  cleanTags,
  cleanText,
  pageBookmark,
} from '@/lib/bookmark-draft';

const made = { id: '6f1c1d2e-8a4b-4c3d-9e2f-0a1b2c3d4e5f', now: '2026-05-04T09:30:00.000Z' };

describe('the address a bookmark keeps', () => {
  it.each([
    ['https://example.org/a?b=1#c', 'https://example.org/a?b=1#c'],
    ['http://intranet.example.org/', 'http://intranet.example.org/'],
    ['HTTPS://Example.ORG', 'https://example.org/'],
    ['https://user:secret@example.org/x', 'https://example.org/x'],
  ])('should keep %s as %s', (url, kept) => {
    expect(bookmarkAddress(url)).toBe(kept);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///home/me/notes.html',
    'chrome://settings/',
    'about:blank',
    'blob:https://example.org/0d7c',
    'not a url',
    '',
    `https://example.org/${'a'.repeat(BOOKMARK_LIMITS.url)}`,
  ])('should keep no address for %j', (url) => {
    expect(bookmarkAddress(url)).toBeUndefined();
  });
});

describe('the text a bookmark keeps', () => {
  it('should drop control characters but keep tabs and line breaks', () => {
    expect(cleanText('  one\u0000two\u0007\r\nthree\tfour\rfive\u007f  ', 100)).toBe(
      'onetwo\nthree\tfour\nfive',
    );
  });

  it('should cut at the limit without splitting a character made of two code units', () => {
    expect(cleanText('ab😀cd', 3)).toBe('ab');
    expect(cleanText('ab😀cd', 4)).toBe('ab😀');
  });
});

describe('the tags a bookmark keeps', () => {
  it('should split what was typed on commas, trim it and keep the first spelling of each tag', () => {
    expect(cleanTags(' onboarding, Pricing ,,pricing,  deal   desk ')).toEqual([
      'onboarding',
      'Pricing',
      'deal desk',
    ]);
  });

  it('should keep at most 50 tags of at most 60 characters', () => {
    const tags = cleanTags(Array.from({ length: 80 }, (_, index) => `${index}-${'x'.repeat(70)}`));

    expect(tags).toHaveLength(BOOKMARK_LIMITS.tags);
    expect(Math.max(...tags.map((tag) => tag.length))).toBe(BOOKMARK_LIMITS.tag);
  });
});

describe('a page bookmark', () => {
  it('should keep the page, its selection, note, tags and the place detected on it', () => {
    const bookmark = pageBookmark(
      {
        url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006/view',
        title: '  Acme   renewal ',
        selection: 'Renewal at risk\nif the price goes up',
        note: 'Ask about the budget',
        tags: ['renewals'],
        place: {
          tool: 'salesforce',
          toolName: 'Salesforce',
          context: 'record:Opportunity',
          contextName: 'Opportunity record',
        },
      },
      made,
    );

    expect(bookmark).toEqual({
      id: made.id,
      kind: 'page',
      title: 'Acme renewal',
      url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006/view',
      selection: 'Renewal at risk\nif the price goes up',
      note: 'Ask about the budget',
      tags: ['renewals'],
      tool: 'salesforce',
      toolName: 'Salesforce',
      context: 'record:Opportunity',
      contextName: 'Opportunity record',
      createdAt: made.now,
      updatedAt: made.now,
    });
  });

  it('should cut the title to 1,000 and the selection to 20,000 characters', () => {
    const bookmark = pageBookmark(
      { url: 'https://example.org/', title: 't'.repeat(5000), selection: 's'.repeat(50_000) },
      made,
    );

    expect(bookmark.title).toHaveLength(1000);
    expect(bookmark.selection).toHaveLength(20_000);
  });

  it('should never keep a javascript: address, and name an untitled page by its host', () => {
    const refused = pageBookmark({ url: 'javascript:alert(1)', selection: 'kept' }, made);
    const untitled = pageBookmark({ url: 'https://field-notes.example.net/a' }, made);

    expect(refused).not.toHaveProperty('url');
    expect(refused.selection).toBe('kept');
    expect(untitled.title).toBe('field-notes.example.net');
  });

  it('should leave out a detected place whose tool id a backup could not restore', () => {
    const place = { tool: 'Not A Slug!', toolName: 'x', context: 'y', contextName: 'z' };

    expect(pageBookmark({ url: 'https://example.org/', place }, made)).not.toHaveProperty('tool');
  });

  it('should always make a bookmark that a backup restores', () => {
    const text = fc.string({ unit: 'binary', maxLength: 3000 });
    const draft = fc.record(
      {
        url: fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), text),
        title: text,
        selection: fc.string({ unit: 'binary', maxLength: 25_000 }),
        note: text,
        tags: fc.oneof(text, fc.array(text, { maxLength: 70 })),
        place: fc.record({ tool: text, toolName: text, context: text, contextName: text }),
      },
      { requiredKeys: [] },
    );

    fc.assert(
      fc.property(draft, (each) => {
        const backup = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          learner: null,
          packs: [],
          progress: [],
          reviews: [],
          bookmarks: [pageBookmark(each, made)],
          statements: [],
        };
        const result = backupSchema.safeParse(backup);
        expect(result.success ? [] : result.error.issues).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
