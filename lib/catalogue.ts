/**
 * Every module and path of the installed packs, in the few fields the panel's
 * paths, skills, review and search views need. The full module stays in the
 * background until a learner opens it.
 */
import type { Suggestion } from '@/rules/lessons';
import type { Module, Pack } from '@/rules/schema';

export interface ModuleSummary {
  pack: string;
  packName: string;
  module: string;
  title: string;
  minutes: number;
  kind: Module['kind'];
  skills: string[];
  level?: Module['level'];
  language: string;
  /** The tools whose pages show the module. */
  tools: string[];
  supplements: string[];
  /** The body as plain words, for search. */
  text: string;
}

export interface PathSummary {
  pack: string;
  packName: string;
  id: string;
  title: string;
  role: string;
  description?: string;
  /** Module ids of the path's pack, in order. */
  modules: string[];
}

export interface Catalogue {
  modules: ModuleSummary[];
  paths: PathSummary[];
}

/** How much of a body is kept for search: enough for the words that matter. */
const SEARCH_TEXT_LENGTH = 2_000;

export function catalogueOf(packs: readonly Pack[]): Catalogue {
  return {
    modules: packs.flatMap((pack) => pack.modules.map((module) => summaryOf(pack, module))),
    paths: packs.flatMap((pack) =>
      (pack.paths ?? []).map((path) => ({ ...path, pack: pack.id, packName: pack.name })),
    ),
  };
}

function summaryOf(pack: Pack, module: Module): ModuleSummary {
  return {
    pack: pack.id,
    packName: pack.name,
    module: module.id,
    title: module.title,
    minutes: module.minutes,
    kind: module.kind,
    skills: module.skills ?? [],
    level: module.level,
    language: module.language,
    tools: toolsOf(module),
    supplements: module.supplements ?? [],
    text: plainWords(module.body).slice(0, SEARCH_TEXT_LENGTH),
  };
}

/** Markdown reduced to its words: marks, link targets and extra spaces removed. */
export function plainWords(markdown: string): string {
  return markdown
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/[#*_`>|[\]~-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The tools whose pages show the module, each once. */
export function toolsOf(module: Module): string[] {
  return [...new Set(module.showOn.map((placement) => placement.tool))];
}

/** A module as the lesson list and reader show it, with the reason it is offered. */
export function suggestionOf(module: ModuleSummary, why: string): Suggestion {
  const { pack, packName, module: id, title, minutes, kind } = module;
  return { pack, packName, module: id, title, minutes, kind, why };
}
