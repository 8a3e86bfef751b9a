/**
 * Where modules show: each module's placements, indexed by tool, and the lessons
 * that fit a detected context, each with the reason it is shown.
 */
import { compileCondition } from './compile';
import type { Test } from './conditions/kind';
import type { Page } from './page';
import type { Module, Pack } from './schema';

/** One lesson that fits the page, and why. */
export interface Suggestion {
  pack: string;
  /** The pack's name, for "from …" in the lesson list (absent in contexts kept by older versions). */
  packName?: string;
  module: string;
  title: string;
  minutes: number;
  kind: Module['kind'];
  why: string;
}

interface CompiledPlacement {
  pack: Pack;
  module: Module;
  context?: string;
  test?: Test;
}

export class PlacementIndex {
  readonly #byTool = new Map<string, CompiledPlacement[]>();
  readonly #probesByTool = new Map<string, Set<string>>();

  add(pack: Pack, module: Module): void {
    for (const placement of module.showOn) {
      const list = this.#byTool.get(placement.tool) ?? [];
      const probes = this.#probesByTool.get(placement.tool) ?? new Set<string>();
      list.push({
        pack,
        module,
        context: placement.context,
        test: placement.when && compileCondition(placement.when, (key) => probes.add(key)),
      });
      this.#byTool.set(placement.tool, list);
      this.#probesByTool.set(placement.tool, probes);
    }
  }

  /** The DOM probes that the placements on a tool read, asked on all of its pages. */
  probesOf(tool: string): ReadonlySet<string> {
    return this.#probesByTool.get(tool) ?? new Set();
  }

  /** The lessons for a tool's context, once each, in pack order. */
  suggest(detected: { tool: string; context: string; why: string }, page: Page): Suggestion[] {
    const seen = new Set<string>();
    const lessons: Suggestion[] = [];

    for (const placement of this.#byTool.get(detected.tool) ?? []) {
      const key = `${placement.pack.id}/${placement.module.id}`;
      if (seen.has(key) || !contextFits(placement.context, detected.context)) continue;

      const extra = placement.test?.(page);
      if (placement.test && !extra) continue;

      seen.add(key);
      lessons.push(toSuggestion(placement, detected.why, extra?.reasons ?? []));
    }
    return lessons;
  }
}

/** A placement's context is an exact id, a prefix ending in `*`, or absent (any context). */
export function contextFits(wanted: string | undefined, actual: string): boolean {
  if (wanted === undefined) return true;
  if (wanted.endsWith('*')) return actual.startsWith(wanted.slice(0, -1));
  return wanted === actual;
}

function toSuggestion(
  { pack, module }: CompiledPlacement,
  why: string,
  extraReasons: string[],
): Suggestion {
  const extra = extraReasons.length > 0 ? `; ${extraReasons.join('; ')}` : '';
  return {
    pack: pack.id,
    packName: pack.name,
    module: module.id,
    title: module.title,
    minutes: module.minutes,
    kind: module.kind,
    why: `${why}${extra}`,
  };
}
