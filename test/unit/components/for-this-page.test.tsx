import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

import { tabFromAddress } from '@/components/use-panel-tab';
import { logger } from '@/lib/logger';
import { onMessage } from '@/lib/messaging';

import { FIRST_LESSONS } from '@/components/use-tab-context';
import { speakEnglish } from './english-messages';
import {
  announceChange,
  answerMessages,
  freshDatabase,
  lessons,
  mountPanel,
  opportunity,
  sent,
  TAB,
  texts,
  type Mounted,
} from './panel-kit';

vi.mock('@/lib/messaging', () => ({ sendMessage: vi.fn(), onMessage: vi.fn(() => vi.fn()) }));

let panel: Mounted | undefined;

beforeEach(() => {
  fakeBrowser.reset();
  speakEnglish();
});

afterEach(async () => {
  await panel?.unmount();
  panel = undefined;
  vi.clearAllMocks();
  vi.restoreAllMocks();
});

describe('the lesson list', () => {
  it('should name the tool and context, and list each lesson with why it is shown', async () => {
    answerMessages({ context: async () => opportunity() });

    panel = mountPanel(freshDatabase());

    await vi.waitFor(() => expect(texts(panel!, 'lesson-title')).toHaveLength(3));
    expect(sent('panel.context')).toEqual([{ tabId: TAB, lessons: FIRST_LESSONS }]);
    const [header] = panel.byTestId('context');
    expect(header?.querySelector('.context-place')?.textContent).toBe(
      'Salesforce › Opportunity record',
    );
    expect(header?.querySelector('.context-why')?.textContent).toBe(
      'Because the address is the record page of an Opportunity',
    );
    expect(texts(panel, 'lesson-title')).toEqual([
      'Handling a price objection',
      'Agreeing on a next step',
      'Keeping the close date honest',
    ]);
    expect(texts(panel, 'lesson-minutes')).toEqual(['2 min', '3 min', '2 min']);
    expect(texts(panel, 'lesson-kind')).toEqual(['Lesson', 'Quiz', 'Checklist']);
    expect(texts(panel, 'lesson-why')).toEqual(lessons.map((lesson) => lesson.why));
    expect(panel.byTestId('lesson-done')).toHaveLength(0);
  });

  it('should open each lesson from a real button described by its reason', async () => {
    answerMessages({ context: async () => opportunity() });

    panel = mountPanel(freshDatabase());

    await vi.waitFor(() => expect(panel!.byTestId('lesson')).toHaveLength(3));
    for (const item of panel.byTestId('lesson')) {
      const button = item.querySelector('button');
      const why = item.querySelector('[data-testid="lesson-why"]');
      expect(button?.getAttribute('type')).toBe('button');
      expect(button?.getAttribute('aria-describedby')).toBe(why?.id);
    }
  });

  it('should announce the lessons for the context in a polite live region', async () => {
    answerMessages({ context: async () => opportunity() });

    panel = mountPanel(freshDatabase());

    const [region] = panel.byTestId('announcement');
    expect(region?.getAttribute('aria-live')).toBe('polite');
    await vi.waitFor(() =>
      expect(region?.textContent).toBe('3 lessons for Salesforce › Opportunity record'),
    );
  });

  it('should say so when the page is known but no lesson fits it', async () => {
    answerMessages({ context: async () => opportunity([]) });

    panel = mountPanel(freshDatabase());

    await vi.waitFor(() =>
      expect(texts(panel!, 'no-lessons')).toEqual([
        'No lessons for Salesforce › Opportunity record yet.',
      ]),
    );
    expect(panel.byTestId('lesson-list')).toHaveLength(0);
    expect(panel.byTestId('empty-state')).toHaveLength(0);
  });
});

describe('the empty and waiting states', () => {
  it.each([
    ['the background knows nothing of the tab', null],
    ['no pack knows the page', { ...opportunity(), detection: null }],
  ])('should explain calmly what Inflow does when %s', async (_, context) => {
    answerMessages({ context: async () => context });

    panel = mountPanel(freshDatabase());

    await vi.waitFor(() => expect(panel!.byTestId('empty-state')).toHaveLength(1));
    expect(texts(panel, 'empty-state')[0]?.replace(/\s+/g, ' ')).toBe(
      "Inflow doesn't know this page.Lessons appear here on the tools your packs cover, such as Salesforce, HubSpot, Google Docs and Jira.",
    );
    expect(panel.byTestId('context')).toHaveLength(0);
    expect(panel.byTestId('lesson')).toHaveLength(0);
    expect(texts(panel, 'announcement')).toEqual(['No lessons for this page']);
  });

  it('should show a loading state, not the empty state, until the first answer arrives', async () => {
    let arrive: (context: ReturnType<typeof opportunity>) => void = () => {};
    answerMessages({ context: () => new Promise((resolve) => (arrive = resolve)) });

    panel = mountPanel(freshDatabase());

    await vi.waitFor(() => expect(sent('panel.context')).toHaveLength(1));
    expect(texts(panel, 'loading')).toEqual(['Looking at this page…']);
    expect(panel.byTestId('empty-state')).toHaveLength(0);
    expect(panel.container.querySelector('.page')?.getAttribute('aria-busy')).toBe('true');

    arrive(opportunity());
    await vi.waitFor(() => expect(panel!.byTestId('lesson')).toHaveLength(3));
    expect(panel.byTestId('loading')).toHaveLength(0);
  });

  it('should show a calm message when the background fails, and try again on request', async () => {
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => {});
    answerMessages({ context: () => Promise.reject(new Error('panel.context: no receiver')) });
    panel = mountPanel(freshDatabase());
    await vi.waitFor(() =>
      expect(texts(panel!, 'context-error')[0]).toContain(
        "Inflow couldn't read the lessons for this page just now.",
      ),
    );
    expect(warn).toHaveBeenCalledWith(
      'Could not read the context of tab 123',
      new Error('panel.context: no receiver'),
    );

    answerMessages({ context: async () => opportunity() });
    panel.byTestId('retry')[0]?.click();

    await vi.waitFor(() => expect(panel!.byTestId('lesson')).toHaveLength(3));
    expect(panel.byTestId('context-error')).toHaveLength(0);
    expect(sent('panel.context')).toHaveLength(2);
  });
});

describe('following the page', () => {
  it("should fetch again when its tab's context changes, and ignore other tabs", async () => {
    answerMessages({ context: async () => opportunity() });
    panel = mountPanel(freshDatabase());
    await vi.waitFor(() => expect(panel!.byTestId('lesson')).toHaveLength(3));

    answerMessages({ context: async () => opportunity(lessons.slice(0, 1)) });
    await announceChange(TAB + 1);
    await announceChange(TAB);

    await vi.waitFor(() => expect(panel!.byTestId('lesson')).toHaveLength(1));
    expect(sent('panel.context')).toEqual([
      { tabId: TAB, lessons: FIRST_LESSONS },
      { tabId: TAB, lessons: FIRST_LESSONS },
    ]);
    expect(texts(panel, 'announcement')).toEqual(['1 lesson for Salesforce › Opportunity record']);
  });

  it('should follow the active tab of its own window when no tab is named', async () => {
    const window = await fakeBrowser.windows.create({ focused: true });
    const first = await fakeBrowser.tabs.create({ windowId: window.id });
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ ...first, active: true }]);
    answerMessages({ context: async () => opportunity() });

    panel = mountPanel(freshDatabase(), null);
    await vi.waitFor(() =>
      expect(sent('panel.context')).toEqual([{ tabId: first.id, lessons: FIRST_LESSONS }]),
    );
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 77, windowId: window.id! + 1 });
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 42, windowId: window.id! });

    await vi.waitFor(() =>
      expect(sent('panel.context')).toEqual([
        { tabId: first.id, lessons: FIRST_LESSONS },
        { tabId: 42, lessons: FIRST_LESSONS },
      ]),
    );
  });

  it('should remove every listener it added when it closes', async () => {
    const window = await fakeBrowser.windows.create({ focused: true });
    const first = await fakeBrowser.tabs.create({ windowId: window.id });
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ ...first, active: true }]);
    const added = vi.spyOn(fakeBrowser.tabs.onActivated, 'addListener');
    const removed = vi.spyOn(fakeBrowser.tabs.onActivated, 'removeListener');
    answerMessages({ context: async () => opportunity() });
    panel = mountPanel(freshDatabase(), null);
    await vi.waitFor(() => expect(panel!.byTestId('lesson')).toHaveLength(3));
    expect(added).toHaveBeenCalledOnce();
    expect(removed).not.toHaveBeenCalled();

    await panel.unmount();
    panel = undefined;

    // Preact runs effect cleanups after the next frame, later still on a busy machine.
    await vi.waitFor(() => expect(removed.mock.calls).toEqual(added.mock.calls));
    const removers = vi.mocked(onMessage).mock.results.map((result) => result.value);
    expect(removers.length).toBeGreaterThan(0);
    for (const remove of removers) await vi.waitFor(() => expect(remove).toHaveBeenCalledTimes(1));
  });
});

describe('tabFromAddress', () => {
  it.each([
    ['?tab=123', 123],
    ['?tab=0', 0],
    ['?x=1&tab=42', 42],
    ['', null],
    ['?tab=', null],
    ['?tab=abc', null],
    ['?tab=-5', null],
    ['?tab=1.5', null],
  ])('should read %j as %j', (search, tabId) => {
    expect(tabFromAddress(search)).toBe(tabId);
  });
});
