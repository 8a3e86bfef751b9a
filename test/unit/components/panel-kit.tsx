/**
 * What the component tests share: a Salesforce Opportunity context and its lessons
 * as the background would send them, a fresh database per test, and the panel
 * rendered into a container. Test files mock `@/lib/messaging` themselves
 * (`vi.mock` is per file); this kit drives that mock.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { render } from 'preact';
import { vi } from 'vitest';

import { DatabaseProvider } from '@/components/database-context';
import { Panel } from '@/components/panel';
import type { Catalogue } from '@/lib/catalogue';
import { InflowDatabase } from '@/lib/db';
import { onMessage, sendMessage } from '@/lib/messaging';
import type { MessageData, MessageType, TabContext } from '@/lib/protocol';
import type { Detection, Suggestion } from '@/rules/engine';
import type { Module } from '@/rules/schema';

export const TAB = 123;

const pack = 'inflow.salesforce';
const because = 'Salesforce › Opportunity record: the address is the record page of an Opportunity';

function suggestion(module: string, title: string, extra: Partial<Suggestion> = {}): Suggestion {
  return { pack, module, title, minutes: 2, kind: 'lesson', why: because, ...extra };
}

export const lessons: Suggestion[] = [
  suggestion('price-objection', 'Handling a price objection', {
    why: `${because}; the stage is Negotiation/Review`,
  }),
  suggestion('next-step', 'Agreeing on a next step', { minutes: 3, kind: 'quiz' }),
  suggestion('close-date', 'Keeping the close date honest', { kind: 'checklist' }),
];

export function opportunity(shown: Suggestion[] = lessons): TabContext {
  const detection: Detection = {
    tool: 'salesforce',
    toolName: 'Salesforce',
    category: 'crm',
    pack,
    context: 'record:Opportunity',
    contextName: 'Opportunity record',
    confidence: 1,
    why: because,
    evidence: ['path /lightning/r/Opportunity/006000000000001AAA/view'],
    lessons: shown,
  };
  const url = 'https://acme.lightning.force.com/lightning/r/Opportunity/006000000000001AAA/view';
  return { tabId: TAB, url, title: 'Acme renewal', detection, updatedAt: 0 };
}

export const priceObjection: Module = {
  id: 'price-objection',
  title: 'Handling a price objection',
  minutes: 2,
  kind: 'lesson',
  language: 'en',
  body: [
    '# Hear it out',
    'When a buyer says **"too expensive"**, ask what they compare the price with.',
    'The [negotiation guide](https://example.com/guide) has more.',
  ].join('\n\n'),
  questions: [
    {
      id: 'first-move',
      prompt: 'The buyer says the price is too high. What do you do first?',
      choices: [
        {
          text: 'Offer a discount',
          correct: false,
          explanation: 'A quick discount teaches the buyer that pushing works.',
        },
        {
          text: 'Ask what they compare it with',
          correct: true,
          explanation: 'The comparison tells you which value to show.',
        },
        {
          text: 'Repeat the list price',
          correct: false,
          explanation: 'Repeating the price leaves the worry behind it unanswered.',
        },
      ],
    },
    {
      id: 'value-signals',
      prompt: 'Which of these show value rather than price?',
      multiple: true,
      choices: [
        {
          text: 'Hours saved each week',
          correct: true,
          explanation: 'Time saved is value the buyer can count.',
        },
        {
          text: 'A lower price next quarter',
          correct: false,
          explanation: 'That is still a talk about price.',
        },
        {
          text: 'Fewer support tickets',
          correct: true,
          explanation: 'Fewer tickets is a cost the buyer no longer has.',
        },
      ],
    },
  ],
  showOn: [{ tool: 'salesforce', context: 'record:Opportunity' }],
};

interface Answers {
  context?: (request: MessageData<'panel.context'>) => Promise<TabContext | null>;
  module?: (ref: { pack: string; module: string }) => Promise<Module | null>;
  catalogue?: () => Promise<Catalogue>;
}

/** Makes the mocked `sendMessage` answer as the background would. */
export function answerMessages({ context, module, catalogue }: Answers): void {
  const answer = (type: MessageType, data: unknown) => {
    if (type === 'panel.context' && context) return context(data as MessageData<'panel.context'>);
    if (type === 'panel.module' && module) return module(data as { pack: string; module: string });
    if (type === 'panel.catalogue' && catalogue) return catalogue();
    return Promise.reject(new Error(`${type}: not expected in this test`));
  };
  vi.mocked(sendMessage).mockImplementation(answer as typeof sendMessage);
}

/** The data of every `sendMessage` call of one type, in order. */
export function sent<K extends MessageType>(type: K): MessageData<K>[] {
  return vi
    .mocked(sendMessage)
    .mock.calls.filter(([called]) => called === type)
    .map(([, data]) => data as MessageData<K>);
}

/** Delivers `context.changed` to the panel's handler, as the background broadcasts it. */
export async function announceChange(tabId: number): Promise<void> {
  for (const [type, handler] of vi.mocked(onMessage).mock.calls) {
    if (type === 'context.changed') await handler({ tabId }, {});
  }
}

// Dexie caches live queries by database name, across instances: without this, one
// test's rows would show in the next test's panel.
export function freshDatabase(): InflowDatabase {
  return new InflowDatabase({ indexedDB: new IDBFactory(), IDBKeyRange, cache: 'disabled' });
}

export interface Mounted {
  container: HTMLElement;
  byTestId: (id: string) => HTMLElement[];
  /** Unmounts, and waits until the effects' cleanups have run. */
  unmount: () => Promise<void>;
}

// Preact 11 runs the cleanups of unmounted effects after the next paint, at most
// 35 ms later (RAF_TIMEOUT in preact/hooks/src/index.js).
const cleanupDelay = 50;

/** Renders the panel for `tabId` (`null`: follow the active tab) with its own database. */
export function mountPanel(db: InflowDatabase, tabId: number | null = TAB): Mounted {
  const container = document.createElement('div');
  document.body.append(container);
  render(
    <DatabaseProvider value={db}>
      <Panel tabId={tabId} />
    </DatabaseProvider>,
    container,
  );

  return {
    container,
    byTestId: (id) => [...container.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)],
    unmount: async () => {
      render(null, container);
      container.remove();
      await new Promise((resolve) => setTimeout(resolve, cleanupDelay));
    },
  };
}

/** The trimmed text of every element with the test id, in document order. */
export function texts(mounted: Mounted, id: string): string[] {
  return mounted.byTestId(id).map((element) => element.textContent?.trim() ?? '');
}

/** Clicks the first element with the test id whose text contains `text`. */
export function click(mounted: Mounted, id: string, text = ''): void {
  const target = mounted.byTestId(id).find((element) => element.textContent?.includes(text));
  const button = target?.closest('button') ?? target?.querySelector('button');
  if (!button) throw new Error(`No button at [data-testid="${id}"] containing "${text}"`);

  button.click();
}
