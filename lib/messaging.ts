/**
 * Typed messages over `runtime.sendMessage`. A reply carries a value or an error
 * message, which the sender rethrows, so a failing handler never looks like an
 * empty answer. Kept dependency-free because the content script uses it.
 */
import { browser, type Browser } from 'wxt/browser';

import type { MessageData, MessageReply, MessageType } from './protocol';

interface Envelope {
  inflow: MessageType;
  data: unknown;
}

type Reply = { value: unknown } | { error: string };

type Sender = Browser.runtime.MessageSender;

/** Sends a message to the other parts of the extension and returns its reply. */
export async function sendMessage<K extends MessageType>(
  type: K,
  data: MessageData<K>,
): Promise<MessageReply<K>> {
  const envelope: Envelope = { inflow: type, data };
  const reply = (await deliver(envelope).catch((error: unknown) => {
    if (!(error instanceof NoAnswer)) throw error;
    return deliver(envelope);
  })) as Reply | undefined;

  if (reply && 'error' in reply) throw new Error(`${type}: ${reply.error}`);
  return reply?.value as MessageReply<K>;
}

/**
 * How long a message may wait for its answer. Chromium can leave a message sent to a
 * service worker that is being stopped unanswered forever (seen in Chromium 156,
 * 2026-12-03); every message of the protocol can be sent again safely, so it is,
 * once, and then the caller gets an error to show.
 */
const ANSWER_TIMEOUT_MS = 4000;

class NoAnswer extends Error {}

function deliver(envelope: Envelope): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new NoAnswer(`${envelope.inflow}: no answer`)),
      ANSWER_TIMEOUT_MS,
    );
  });
  return Promise.race([browser.runtime.sendMessage(envelope), timeout]).finally(() =>
    clearTimeout(timer),
  );
}

/**
 * Handles one message type. Returns the function that removes the handler.
 * Messages of other types are left to their own handlers.
 */
export function onMessage<K extends MessageType>(
  type: K,
  handler: (data: MessageData<K>, sender: Sender) => MessageReply<K> | Promise<MessageReply<K>>,
): () => void {
  const listener = (message: unknown, sender: Sender) => {
    if (!isEnvelope(message) || message.inflow !== type) return undefined;
    return answer(() => handler(message.data as MessageData<K>, sender));
  };

  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

async function answer(run: () => unknown): Promise<Reply> {
  try {
    return { value: (await run()) ?? null };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && 'inflow' in message;
}
