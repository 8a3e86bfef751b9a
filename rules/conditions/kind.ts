/**
 * What every condition kind provides. Each kind lives in a file of its own, named after
 * what it matches, and is registered in `index.ts`.
 */
import type { z } from 'zod';

import type { Page } from '../page';

/** Why a condition holds, and the named groups it captured. */
export interface Evidence {
  groups: Record<string, string>;
  reasons: string[];
}

/** A compiled condition: evidence when it holds on the page, `null` when it does not. */
export type Test = (page: Page) => Evidence | null;

export interface CompileContext {
  /** Compiles a nested condition (for `all`, `any`, `not`). */
  compile(condition: unknown): Test;
  /** Asks the content script to answer a DOM probe on pages of this tool. */
  probe(key: string): void;
}

export interface ConditionKind<Spec> {
  /** The key that names the kind in a pack, for example `"path"`. */
  key: string;
  /**
   * What the kind reads: the page's address alone, the rest of the page (its title or
   * DOM), or the conditions nested in it. Address kinds let the matcher rule a context
   * out before the content script reads the page.
   */
  reads: 'address' | 'page' | 'conditions';
  /** One line for the pack-format reference. */
  summary: string;
  schema: z.ZodType<Spec>;
  compile(spec: Spec, context: CompileContext): Test;
}

export function defineCondition<Spec>(kind: ConditionKind<Spec>): ConditionKind<Spec> {
  return kind;
}

export function holds(reason: string, groups: Record<string, string> = {}): Evidence {
  return { groups, reasons: [reason] };
}
