/**
 * The learner's record in real Chromium: learn and bookmark in the panel, export a
 * backup from the Your data page, delete everything, import it, and find the same
 * record; the service worker stopped again and again while the learner works, with
 * nothing lost; a paused site gets no badge and a panel that says so.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { DEMO_URLS, screenshot } from './harness';
import { useDemoBrowser } from './demo-browser';

const demo = useDemoBrowser();

type Row = Record<string, unknown>;
type Tables = Record<string, Row[]>;

/**
 * Every table of the record, read with IndexedDB itself (not Inflow's code).
 * Statements are listed as the record orders them: the paged ones, then the rows
 * recorded one by one, without the rows' local ids, which a restore gives anew.
 */
function readRecord(page: Page): Promise<Tables> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('inflow');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const names = [...db.objectStoreNames];
    const rows = await Promise.all(
      names.map(
        (name) =>
          new Promise<Record<string, unknown>[]>((resolve) => {
            const request = db.transaction(name).objectStore(name).getAll();
            request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
          }),
      ),
    );
    db.close();
    const tables = Object.fromEntries(names.map((name, index) => [name, rows[index]!]));
    const { statementPages = [], statements = [], ...rest } = tables;
    const paged = statementPages.flatMap((row) => row.statements as Record<string, unknown>[]);
    const recorded = statements.map(({ id: _local, ...statement }) => statement);
    return { ...rest, statements: [...paged, ...recorded] };
  });
}

async function openWithPanel(url: string) {
  const page = await demo.browser.openPage(url);
  const tabId = await demo.browser.tabIdOf(page);
  const panel = await demo.browser.openSidePanel(tabId);
  await expect
    .poll(() => panel.getByTestId('lesson').count(), { timeout: 10_000 })
    .toBeGreaterThanOrEqual(3);
  return { page, panel, tabId };
}

async function openYourData(): Promise<Page> {
  const page = await demo.browser.context.newPage();
  await page.goto(`chrome-extension://${demo.browser.extensionId}/options.html`);
  await page.getByTestId('count-statements').waitFor();
  return page;
}

async function exportBackup(page: Page, folder: string, name: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-backup').click(),
  ]);
  const file = join(folder, name);
  await download.saveAs(file);
  return file;
}

async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await demo.browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

describe('the learner record, end to end', () => {
  it('should come back the same after export, delete everything and import', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'inflow-backup-'));
    const { page, panel } = await openWithPanel(DEMO_URLS.opportunity);
    await panel.getByTestId('lesson').filter({ hasText: 'Handling a price objection' }).click();
    await panel.getByTestId('quiz').getByTestId('choice').first().click();
    await panel.getByTestId('mark-done').click();
    await expect.poll(() => panel.getByTestId('mark-done').textContent()).toContain('✓');
    await panel.getByTestId('save-lesson').click();
    await expect.poll(() => panel.getByTestId('save-lesson').textContent()).toContain('✓');

    const data = await openYourData();
    await data.reload();
    const before = await readRecord(data);
    const first = await exportBackup(data, folder, 'first.json');

    await data.getByTestId('delete').click();
    await data.getByTestId('delete-confirm').click();
    await expect
      .poll(() => data.getByTestId('delete-status').textContent())
      .toContain('Your whole record was deleted');
    const emptied = await readRecord(data);
    await data.getByTestId('import-file').setInputFiles(first);
    await expect
      .poll(() => data.getByTestId('import-done').textContent(), { timeout: 15_000 })
      .toMatch(/^Import finished/);
    const after = await readRecord(data);
    const second = await exportBackup(data, folder, 'second.json');

    expect(before.statements?.map((s) => s.verb)).toEqual(
      expect.arrayContaining(['experienced', 'answered', 'completed', 'bookmarked']),
    );
    expect(before.bookmarks).toHaveLength(1);
    expect(Object.values(emptied).every((rows) => rows.length === 0)).toBe(true);
    expect(after).toEqual(before);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
    await screenshot(data, 'your-data-after-import');
    await Promise.all([page.close(), panel.close(), data.close()]);
  });

  it('should lose no event and no bookmark while the service worker is stopped 20 times', async () => {
    const { page, panel } = await openWithPanel(DEMO_URLS.opportunity);
    const data = await openYourData();
    const before = await readRecord(data);
    const titles = (await panel.getByTestId('lesson-title').allTextContents()).slice(0, 3);
    let stops = 0;
    let working = true;

    // The stops come at their own pace, landing anywhere in the learner's steps.
    const stopping = (async () => {
      while (working && stops < 20) {
        await stopServiceWorker(page);
        stops++;
        await new Promise((resolve) => setTimeout(resolve, 120));
      }
    })();

    let opened = 0;
    for (let round = 0; stops < 20 || round < 6; round++) {
      const title = titles[round % titles.length]!;
      await panel.getByTestId('lesson').filter({ hasText: title }).click();
      await openedLesson(panel, title);
      opened++;
      await finish(panel, 'mark-done');
      await finish(panel, 'save-lesson');
      await panel.getByTestId('back').click();
    }
    working = false;
    await stopping;

    const after = await readRecord(data);
    const added = (verb: string) =>
      after.statements!.filter((s) => s.verb === verb).length -
      before.statements!.filter((s) => s.verb === verb).length;
    const savedTitles = after.bookmarks!.map((b) => b.title);
    expect(stops).toBe(20);
    expect(added('experienced')).toBe(opened);
    expect(savedTitles).toEqual(expect.arrayContaining(titles));
    expect(new Set(after.statements!.map((s) => s.uuid)).size).toBe(after.statements!.length);
    await Promise.all([page.close(), panel.close(), data.close()]);
  }, 180_000);
});

/** Clicks a "Mark as done" or "Save lesson" not yet pressed, and waits until it says saved. */
async function finish(panel: Page, testId: string): Promise<void> {
  const button = panel.getByTestId(testId);
  // Once saved, the button says so with a ✓ and is aria-disabled (read once loaded).
  await expect.poll(() => button.getAttribute('aria-disabled')).toMatch(/^(true|false)$/);
  // It may turn saved between the read and the click (its state loads late); a click
  // on a saved button does nothing, so force it rather than wait for "enabled".
  if (!(await button.textContent())?.includes('✓')) await button.click({ force: true });
  await expect.poll(() => button.textContent()).toContain('✓');
}

/**
 * Waits for the lesson body. A fetch that failed while the worker was down is
 * retried, as a learner would; one still loading after 10 s is opened again, and
 * said on stderr, since that is worth a look on its own.
 */
async function openedLesson(panel: Page, title: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const shown = await Promise.race([
      panel
        .getByTestId('lesson-body')
        .waitFor({ timeout: 10_000 })
        .then(() => 'body'),
      panel
        .getByTestId('lesson-error')
        .waitFor({ timeout: 10_000 })
        .then(() => 'error'),
    ]).catch(() => 'still loading');
    if (shown === 'body') return;

    if (shown === 'error') {
      await panel.getByTestId('retry').click();
      await panel.getByTestId('lesson-error').waitFor({ state: 'detached' });
    } else {
      process.stderr.write(`your-data.test: "${title}" still loading after 10 s; opened again\n`);
      await panel.getByTestId('back').click();
      await panel.getByTestId('lesson').filter({ hasText: title }).click();
    }
  }
  throw new Error(`"${title}" did not open in 5 attempts`);
}

describe('a paused site', () => {
  it('should get no badge and a panel that says so, until resumed', async () => {
    const data = await openYourData();
    await data.getByTestId('pause-input').fill('app.hubspot.com');
    await data.getByTestId('pause-add').click();
    await expect.poll(() => data.getByTestId('paused-site').count()).toBe(1);

    const page = await demo.browser.openPage(DEMO_URLS.hubspotDeal);
    const tabId = await demo.browser.tabIdOf(page);
    const panel = await demo.browser.openSidePanel(tabId);
    await panel.getByTestId('paused').waitFor({ timeout: 10_000 });
    expect(await demo.browser.badgeText(tabId)).toBe('');
    await screenshot(panel, 'panel-paused-site');

    await panel.getByTestId('resume').click();
    await expect.poll(() => demo.browser.badgeText(tabId), { timeout: 10_000 }).not.toBe('');
    await expect
      .poll(() => panel.getByTestId('lesson').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await Promise.all([page.close(), panel.close(), data.close()]);
  });
});
