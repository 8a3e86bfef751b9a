/**
 * The one message protocol between the extension's parts, declared once: each
 * message's name, what it carries and what it answers. Both ends infer their
 * types from this map.
 */
import type { Detection } from '@/rules/engine';

import type { Catalogue } from './catalogue';
import type { PageSignals } from '@/rules/page';
import type { Module } from '@/rules/schema';

import type { SourcesState } from './pack-sources-view';

/** What the background knows of one tab, kept in session storage. */
export interface TabContext {
  tabId: number;
  url: string;
  title: string;
  /** `null` when no pack knows the page, or Inflow is paused on it. */
  detection: Detection | null;
  /** The learner paused Inflow on this site: nothing was detected. */
  paused?: boolean;
  /** Lessons of the detection left out of this answer, when the panel asked for fewer. */
  moreLessons?: number;
  updatedAt: number;
}

export interface Protocol {
  /** Content script → background: which DOM probes to answer on this address. */
  'page.probes': (data: { url: string }) => string[];
  /** Content script → background: the page's signals, on load and on every navigation. */
  'page.report': (data: PageSignals) => void;
  /** Side panel → background: what is known of a tab. */
  'panel.context': (data: { tabId: number; lessons?: number }) => TabContext | null;
  /** Side panel → background: a module's full content. */
  'panel.module': (data: { pack: string; module: string }) => Module | null;
  /** Side panel → background: every module and path of the installed packs, in summary. */
  'panel.catalogue': (data: Record<string, never>) => Catalogue;
  /** Background → side panels: a tab's context changed. */
  'context.changed': (data: { tabId: number }) => void;
  /** Options page → background: the pack sources and the policy in effect. */
  'sources.state': (data: Record<string, never>) => SourcesState;
  /** Options page → background: subscribe to the pack at an address. */
  'sources.subscribe': (data: { url: string }) => SourceOutcome;
  /** Options page → background: install a pack file the learner chose. */
  'sources.import': (data: { text: string; fileName: string }) => SourceOutcome;
  /** Options page → background: ask a subscription's address again now. */
  'sources.refresh': (data: { id: string }) => SourceOutcome;
  /** Options page → background: remove a pack the learner added. */
  'sources.remove': (data: { id: string }) => SourceOutcome;
  /** Background → options pages: packs, policy or host access changed. */
  'sources.changed': (data: Record<string, never>) => void;
  /** The options page wrote installed packs itself (a backup import): read them again. */
  'sources.reload': (data: Record<string, never>) => void;
}

/** What adding, refreshing or removing a pack came to. */
export type SourceOutcome =
  | { ok: true; id: string; name: string; version: string; lastError?: string }
  | { ok: false; error: string };

export type MessageType = keyof Protocol;
export type MessageData<K extends MessageType> = Parameters<Protocol[K]>[0];
export type MessageReply<K extends MessageType> = ReturnType<Protocol[K]>;
