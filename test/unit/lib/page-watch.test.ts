import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { sendMessage } from '@/lib/messaging';
import { watchPage, type WatchLifetime } from '@/lib/page-watch';
import { answerProbes } from '@/lib/probes';
import type { PageSignals } from '@/rules/page';

vi.mock('@/lib/messaging', () => ({ sendMessage: vi.fn() }));
vi.mock('@/lib/probes', async (actual) => ({
  answerProbes: vi.fn((await actual<typeof import('@/lib/probes')>()).answerProbes),
}));

/** A probe list the background has not sent yet: the test answers it when it chooses. */
interface PendingProbes {
  url: string;
  answer(probes: string[]): void;
}

let pending: PendingProbes[];
let reports: PageSignals[];
/** How many more sends of each message type fail, as when the background is restarting. */
let failing: Map<string, number>;
let lifetime: WatchLifetime & { end(): void };

beforeEach(() => {
  pending = [];
  reports = [];
  failing = new Map();
  vi.mocked(sendMessage).mockImplementation(((type: string, data: unknown) => {
    const failures = failing.get(type) ?? 0;
    if (failures > 0) {
      failing.set(type, failures - 1);
      return Promise.reject(new Error('Could not establish connection'));
    }
    if (type === 'page.report') {
      reports.push(data as PageSignals);
      return Promise.resolve();
    }
    const { url } = data as { url: string };
    return new Promise<string[]>((answer) => pending.push({ url, answer }));
  }) as typeof sendMessage);

  document.head.innerHTML = '';
  document.body.innerHTML = '<h1>Acme renewal</h1>';
  history.replaceState(null, '', '/settings');
  lifetime = contentScriptLifetime();
});

afterEach(() => {
  lifetime.end();
  vi.mocked(answerProbes).mockClear();
});

describe('the page watch', () => {
  it('should report a title that a page without one sets after load', async () => {
    watchPage(lifetime);
    await answerFor('/settings', []);
    await vi.waitFor(() => expect(reports).toHaveLength(1));

    document.title = 'Quarterly Report';

    await vi.waitFor(() => expect(reports.at(-1)?.title).toBe('Quarterly Report'), WAIT);
  });

  it('should not report a new address with the probes asked for the one before', async () => {
    watchPage(lifetime);
    history.pushState(null, '', '/deals/7');
    await answerFor('/settings', ['has:#report']);
    await answerFor('/deals/7', ['text:h1']);

    await vi.waitFor(() => expect(reports).toHaveLength(1), WAIT);
    expect(reports[0]).toMatchObject({
      url: expect.stringMatching(/\/deals\/7$/),
      probes: { 'text:h1': 'Acme renewal' },
    });
  });

  it('should keep the newer probe list when the answers come back in the wrong order', async () => {
    watchPage(lifetime);
    const settings = await asked('/settings');
    history.pushState(null, '', '/deals/7');
    await answerFor('/deals/7', ['text:h1']);
    settings.answer(['has:#report']);
    await vi.waitFor(() => expect(reports).toHaveLength(1));

    document.querySelector('h1')!.textContent = 'Acme expansion';

    await vi.waitFor(() => expect(reports).toHaveLength(2), WAIT);
    expect(reports.map((report) => report.probes)).toEqual([
      { 'text:h1': 'Acme renewal' },
      { 'text:h1': 'Acme expansion' },
    ]);
  });

  it('should ask again for an address it returns to after its answer was thrown away', async () => {
    watchPage(lifetime);
    const settings = await asked('/settings');
    history.pushState(null, '', '/deals/7');
    settings.answer(['text:h1']);
    await new Promise((resolve) => setTimeout(resolve));
    history.pushState(null, '', '/settings');

    await answerFor('/settings', ['text:h1']);

    await vi.waitFor(() => expect(reports).toHaveLength(1), WAIT);
    expect(reports[0]).toMatchObject({
      url: expect.stringMatching(/\/settings$/),
      probes: { 'text:h1': 'Acme renewal' },
    });
  });

  it('should not report a change with probes meant for the previous address', async () => {
    watchPage(lifetime);
    await answerFor('/settings', ['text:h1']);
    await vi.waitFor(() => expect(reports).toHaveLength(1));
    history.pushState(null, '', '/deals/7');
    const deals = await asked('/deals/7');

    document.querySelector('h1')!.textContent = 'Acme expansion';
    await settled();
    deals.answer(['has:#report']);

    await vi.waitFor(() => expect(reports).toHaveLength(2), WAIT);
    expect(reports[1]).toMatchObject({
      url: expect.stringMatching(/\/deals\/7$/),
      probes: { 'has:#report': null },
    });
  });

  it('should ask again when the background failed to answer', async () => {
    failNext('page.probes');
    watchPage(lifetime);

    await answerFor('/settings', ['text:h1']);

    await vi.waitFor(() => expect(reports).toHaveLength(1), WAIT);
    expect(reports[0]?.probes).toEqual({ 'text:h1': 'Acme renewal' });
  });

  it('should keep asking, less often, while the background fails again and again', async () => {
    failNext('page.probes', 4);
    watchPage(lifetime);

    await answerFor('/settings', ['text:h1'], { timeout: 8000 });

    await vi.waitFor(() => expect(reports).toHaveLength(1), WAIT);
    expect(reports[0]?.probes).toEqual({ 'text:h1': 'Acme renewal' });
  });

  it('should drop an older answer for the address once it has asked again', async () => {
    watchPage(lifetime);
    const first = await asked('/settings');
    history.pushState(null, '', '/deals/7');
    await answerFor('/deals/7', []);
    history.pushState(null, '', '/settings');
    await answerFor('/settings', ['text:h1']);
    await vi.waitFor(() => expect(reports.at(-1)?.probes).toEqual({ 'text:h1': 'Acme renewal' }));

    first.answer(['has:#report']);
    await settled();
    document.querySelector('h1')!.textContent = 'Acme expansion';

    await vi.waitFor(
      () => expect(reports.at(-1)?.probes).toEqual({ 'text:h1': 'Acme expansion' }),
      WAIT,
    );
  });

  it('should send a report again when the first one failed', async () => {
    failNext('page.report');
    watchPage(lifetime);

    await answerFor('/settings', []);

    await vi.waitFor(() => expect(reports).toHaveLength(1), WAIT);
    expect(reports[0]?.url).toMatch(/\/settings$/);
  });

  it('should read nothing more of the page once the content script is shut down', async () => {
    watchPage(lifetime);
    const settings = await asked('/settings');
    lifetime.end();
    settings.answer(['text:h1']);
    await settled();

    document.querySelector('h1')!.textContent = 'Acme expansion';
    await settled();

    expect(answerProbes).not.toHaveBeenCalled();
    expect(reports).toEqual([]);
  });
});

const WAIT = { timeout: 3000 };

function failNext(type: 'page.probes' | 'page.report', times = 1): void {
  failing.set(type, times);
}

/** The next probe list asked for, once the watch has asked for it. */
async function asked(path: string, wait = WAIT): Promise<PendingProbes> {
  const url = new URL(path, location.href).href;
  await vi.waitFor(() => expect(pending.map((ask) => ask.url)).toContain(url), wait);
  const index = pending.findIndex((ask) => ask.url === url);
  return pending.splice(index, 1)[0]!;
}

async function answerFor(path: string, probes: string[], wait = WAIT): Promise<void> {
  (await asked(path, wait)).answer(probes);
}

/** Longer than a re-read waits (250 ms), so one that was called for has run. */
function settled(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 600));
}

/** Stands in for WXT's content script context, which needs a running extension. */
function contentScriptLifetime(): WatchLifetime & { end(): void } {
  const controller = new AbortController();
  const whenEnded: (() => void)[] = [];
  const intervals: number[] = [];
  const timeouts: number[] = [];
  return {
    get isInvalid() {
      return controller.signal.aborted;
    },
    signal: controller.signal,
    onInvalidated(run) {
      whenEnded.push(run);
      return () => {};
    },
    setInterval(run, ms) {
      const id = window.setInterval(run, ms);
      intervals.push(id);
      return id;
    },
    setTimeout(run, ms) {
      const id = window.setTimeout(run, ms);
      timeouts.push(id);
      return id;
    },
    end() {
      if (controller.signal.aborted) return;
      controller.abort();
      intervals.forEach((id) => window.clearInterval(id));
      timeouts.forEach((id) => window.clearTimeout(id));
      whenEnded.forEach((run) => run());
    },
  };
}
