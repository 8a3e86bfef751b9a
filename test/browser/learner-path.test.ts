/**
 * One learner's path in real Chromium, on the demo Salesforce Opportunity page:
 * a lesson and its quiz, failed once with help offered, then passed; the path's
 * progress moves; a review card falls due days later and shows on the same tool;
 * search finds the lesson from a misspelt word. axe-core checks every panel view
 * on the way, in the light and the dark theme.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { loadBundledPacks } from '../../rules/bundled';
import type { Module, Question } from '../../rules/schema';
import { seriousViolations } from './accessibility';
import { DEMO_URLS, screenshot } from './harness';
import { useDemoBrowser } from './demo-browser';

const demo = useDemoBrowser();
const salesforce = loadBundledPacks().packs.find((pack) => pack.id === 'inflow.salesforce')!;

/** A lesson on the Opportunity page with a quiz, a supplement and a place in a path. */
function lessonOnAPath(): { module: Module; supplement: Module; path: string } {
  for (const path of salesforce.paths ?? []) {
    for (const id of path.modules) {
      const module = salesforce.modules.find((m) => m.id === id);
      const onPage = module?.showOn.some((p) => p.context === 'record:Opportunity');
      const supplement = salesforce.modules.find((m) => m.id === module?.supplements?.[0]);
      if (module && onPage && supplement && (module.questions?.length ?? 0) >= 2) {
        return { module, supplement, path: path.title };
      }
    }
  }
  throw new Error('the Salesforce pack has no such lesson');
}

async function answer(panel: Page, index: number, question: Question, right: boolean) {
  const group = panel.locator('.question').nth(index);
  const choices = question.choices
    .map((choice, at) => ({ choice, at }))
    .filter(({ choice }) => choice.correct === right);
  const picks = question.multiple && right ? choices : choices.slice(0, 1);

  for (const { at } of picks) await group.getByTestId('choice').nth(at).click();
  if (question.multiple) await group.getByTestId('check').click();
}

async function expectAccessible(panel: Page, view: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme });
    // Colours ease in over 120 ms; axe must read the settled ones.
    await panel.waitForTimeout(300);
    expect(await seriousViolations(panel), `${view}, ${colorScheme}`).toEqual([]);
  }
  await panel.emulateMedia({ colorScheme: null });
}

async function pathProgress(panel: Page, title: string): Promise<number> {
  await panel.getByTestId('tab-paths').click();
  const path = panel.getByTestId('path').filter({ hasText: title });
  await path.waitFor();
  return Number(await path.getByTestId('progress-bar').getAttribute('value'));
}

describe('one learner on a CRM page', () => {
  const { module, supplement, path } = lessonOnAPath();
  const questions = module.questions!;

  it('should learn, struggle, get help, pass, move along a path, review and search', async () => {
    const page = await demo.browser.openPage(DEMO_URLS.opportunity);
    const tabId = await demo.browser.tabIdOf(page);
    const panel = await demo.browser.openSidePanel(tabId);
    await panel.getByTestId('lesson').first().waitFor();
    await expectAccessible(panel, 'for this page');

    const before = await pathProgress(panel, path);
    await screenshot(panel, 'panel-paths');
    await expectAccessible(panel, 'paths');
    await panel.getByTestId('tab-page').click();

    // A first attempt with one wrong answer fails, and help is offered.
    await panel.getByTestId('lesson').filter({ hasText: module.title }).first().click();
    await panel.getByTestId('quiz').waitFor();
    for (const [index, question] of questions.entries()) {
      await answer(panel, index, question, index !== 0);
    }
    const help = panel.getByTestId('struggle-help');
    await help.waitFor();
    await expect
      .poll(() => help.getByTestId('lesson-title').allTextContents())
      .toContain(supplement.title);
    await help.scrollIntoViewIfNeeded();
    await screenshot(panel, 'panel-struggle-help');
    await expectAccessible(panel, 'reader with help');

    // The second attempt passes; the lesson is marked done.
    await panel.getByTestId('retake-quiz').click();
    for (const [index, question] of questions.entries()) await answer(panel, index, question, true);
    await expect.poll(() => help.count()).toBe(0);
    await panel.getByTestId('mark-done').click();
    await panel.getByTestId('back').click();

    await expect.poll(() => pathProgress(panel, path)).toBe(before + 1);

    // Days later, the missed question is due, on the same tool's page.
    const later = new Date(Date.now() + 3 * 86_400_000);
    const panelLater = await demo.browser.openSidePanel(tabId, later);
    await panelLater.getByTestId('due-here').waitFor();
    await panelLater.getByTestId('review-here').click();
    await panelLater.getByTestId('review-card').waitFor();
    await screenshot(panelLater, 'panel-review');
    await expectAccessible(panelLater, 'review');

    // Search finds the lesson from a misspelt word of its title.
    await panelLater.getByTestId('tab-search').click();
    const word = module.title.split(' ').find((w) => w.length >= 6)!;
    const misspelt = word.slice(0, 2) + word[3] + word[2] + word.slice(4);
    await panelLater.getByTestId('search-field').fill(misspelt.toLowerCase());
    await expect
      .poll(() => panelLater.getByTestId('search-result').allTextContents())
      .toContainEqual(expect.stringContaining(module.title));
    await screenshot(panelLater, 'panel-search');
    await expectAccessible(panelLater, 'search');

    await panelLater.getByTestId('tab-bookmarks').click();
    await panelLater.getByTestId('bookmarks-view').waitFor();
    await expectAccessible(panelLater, 'bookmarks');

    await Promise.all([page.close(), panel.close(), panelLater.close()]);
  });

  it('should pass axe on the empty state of a page no pack knows', async () => {
    const page = await demo.browser.openPage(DEMO_URLS.intranet);
    const panel = await demo.browser.openSidePanel(await demo.browser.tabIdOf(page));
    await panel.getByTestId('empty-state').waitFor();

    await expectAccessible(panel, 'empty state');
    await panel.getByTestId('tab-review').click();
    await panel.getByTestId('review-view').waitFor();
    await expectAccessible(panel, 'review, nothing due');

    await Promise.all([page.close(), panel.close()]);
  });
});
