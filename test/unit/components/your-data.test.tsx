import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

import { DatabaseProvider } from '@/components/database-context';
import { YourData } from '@/components/your-data';
import type { InflowDatabase } from '@/lib/db';
import { logger } from '@/lib/logger';
import { pausedSites } from '@/lib/paused-sites';
import { recordDone, recordOpened } from '@/lib/progress';

import { speakEnglish } from './english-messages';
import { freshDatabase } from './panel-kit';

const lesson = { pack: 'inflow.salesforce', module: 'price-objection' };

let downloads: { name: string; blob: Blob }[];

beforeEach(() => {
  fakeBrowser.reset();
  speakEnglish();
  downloads = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    downloads.push({ name: '', blob: blob as Blob });
    return 'blob:test';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    downloads.at(-1)!.name = this.download;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

function mount(db: InflowDatabase) {
  const container = document.createElement('div');
  document.body.append(container);
  render(
    <DatabaseProvider value={db}>
      <YourData />
    </DatabaseProvider>,
    container,
  );
  const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (id: string) => byTestId(id)?.textContent?.trim() ?? '';
  const click = (id: string) => byTestId(id)!.click();
  return { container, byTestId, text, click };
}

/** Types into a field, and lets Preact render the new value before anything else happens. */
async function type(input: HTMLElement, value: string) {
  (input as HTMLInputElement).value = value;
  input.dispatchEvent(new Event('input'));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

function chooseFile(input: HTMLElement, text: string) {
  Object.defineProperty(input, 'files', {
    value: [new File([text], 'backup.json')],
    configurable: true,
  });
  input.dispatchEvent(new Event('change'));
}

async function recordWithTwoEvents(): Promise<InflowDatabase> {
  const db = freshDatabase();
  await recordOpened(db, lesson);
  await recordDone(db, lesson);
  return db;
}

describe('the Your data page', () => {
  it('should count what is stored and say that it goes nowhere', async () => {
    const page = mount(await recordWithTwoEvents());

    await vi.waitFor(() => expect(page.text('count-statements')).toBe('2'));
    expect(page.text('count-progress')).toBe('1');
    expect(page.text('count-bookmarks')).toBe('0');
    expect(page.text('where-text')).toMatch(/^Nowhere\. Inflow sends none of it anywhere/);
  });

  it('should download a full backup named by the day', async () => {
    const page = mount(await recordWithTwoEvents());

    page.click('export-backup');

    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    const backup = JSON.parse(await downloads[0]!.blob.text());
    expect(downloads[0]!.name).toMatch(/^inflow-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(backup.statements.map((s: { verb: string }) => s.verb)).toEqual([
      'experienced',
      'completed',
    ]);
    await vi.waitFor(() =>
      expect(page.text('export-status')).toBe(`Saved ${downloads[0]!.name} to your downloads.`),
    );
  });

  it('should restore an exported backup after everything was deleted', async () => {
    const db = await recordWithTwoEvents();
    const page = mount(db);
    // The page makes the learner's anonymous account as it opens; the backup keeps it.
    await vi.waitFor(async () => expect(await db.learner.count()).toBe(1));
    page.click('export-backup');
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    const file = await downloads[0]!.blob.text();

    page.click('delete');
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Cancel'));
    page.click('delete-confirm');
    await vi.waitFor(() =>
      expect(page.text('delete-status')).toBe(
        'Your whole record was deleted from this browser. Your packs and paused sites stay.',
      ),
    );
    await vi.waitFor(() => expect(page.text('count-statements')).toBe('0'));
    // No background runs here to read the restored packs: the page logs that and goes on.
    const logged = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);

    chooseFile(page.byTestId('import-file')!, file);

    await vi.waitFor(() =>
      expect(page.text('import-done')).toBe('Import finished: 4 records added, 0 updated.'),
    );
    await vi.waitFor(() => expect(page.text('count-statements')).toBe('2'));
    expect((await db.progress.get('inflow.salesforce/price-objection'))?.done).toBe(true);
    await vi.waitFor(() =>
      expect(logged).toHaveBeenCalledWith(
        'The background could not read the imported packs yet',
        expect.any(Error),
      ),
    );
  });

  it('should refuse a truncated file with a message that says what to do', async () => {
    const db = await recordWithTwoEvents();
    const page = mount(db);

    chooseFile(
      page.byTestId('import-file')!,
      '{"format":"inflow-backup","version":1,"statements":[',
    );

    await vi.waitFor(() =>
      expect(page.byTestId('import-refused')?.dataset.reason).toBe('truncated'),
    );
    expect(page.text('import-refused')).toBe(
      'The file ends before the backup does: it was probably cut off while downloading or copying. Nothing was imported. Export a new backup, or find the complete file.',
    );
    expect(await db.statements.count()).toBe(2);
  });

  it('should list the problems of an invalid backup by their JSON paths', async () => {
    const page = mount(freshDatabase());
    const file = JSON.stringify({
      format: 'inflow-backup',
      version: 1,
      learner: null,
      packs: [],
      progress: [],
      reviews: [],
      bookmarks: [{ id: 'x' }],
      statements: [],
    });

    chooseFile(page.byTestId('import-file')!, file);

    await vi.waitFor(() => expect(page.byTestId('import-problems')).not.toBeNull());
    const problems = [...page.byTestId('import-problems')!.querySelectorAll('li')].map(
      (li) => li.textContent,
    );
    expect(problems[0]).toBe('bookmarks[0].id: Invalid UUID');
    expect(page.text('import-refused')).toMatch(
      /^The backup has 5 problems, so nothing was imported\./,
    );
  });

  it('should keep nothing deleted when the learner cancels', async () => {
    const db = await recordWithTwoEvents();
    const page = mount(db);

    page.click('delete');
    await vi.waitFor(() => expect(page.byTestId('delete-cancel')).not.toBeNull());
    page.click('delete-cancel');

    await vi.waitFor(() => expect(page.byTestId('delete')).not.toBeNull());
    expect(await db.statements.count()).toBe(2);
  });

  it('should pause a site, refuse a non-site, and resume', async () => {
    const page = mount(freshDatabase());
    const input = page.byTestId('pause-input')!;

    await type(input, 'https://App.HubSpot.com/contacts');
    page.click('pause-add');
    await vi.waitFor(() => expect(page.text('paused-site')).toContain('app.hubspot.com'));
    expect(await pausedSites.getValue()).toEqual(['app.hubspot.com']);

    await type(input, 'nonsense');
    page.click('pause-add');
    await vi.waitFor(() =>
      expect(page.container.textContent).toContain(
        "“nonsense” isn't a site. Write a host such as app.example.com.",
      ),
    );

    page.byTestId('paused-site')!.querySelector('button')!.click();
    await vi.waitFor(() => expect(page.byTestId('paused-none')).not.toBeNull());
  });

  it('should refuse an email that is not an address, and keep a good one', async () => {
    vi.spyOn(logger, 'warn').mockImplementation(() => {});
    const db = freshDatabase();
    const page = mount(db);
    const input = page.byTestId('email')!;

    await type(input, 'ada at example');
    page.click('email-save');
    await vi.waitFor(() =>
      expect(page.text('email-status')).toMatch(/^“ada at example” isn't an email address/),
    );

    await type(input, 'ada@example.com');
    page.click('email-save');
    await vi.waitFor(() => expect(page.text('email-status')).toBe('Saved.'));
    expect((await db.learner.get('me'))?.email).toBe('ada@example.com');
  });
});
