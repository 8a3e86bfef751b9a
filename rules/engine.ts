/**
 * The matching engine: packs in, a page's tool, context, reasons and lessons out.
 * Pure TypeScript: the background script, the CLI and the tests run it the same way.
 */
import { PlacementIndex, type Suggestion } from './lessons';
import { readPage, type Page, type PageSignals } from './page';
import type { Derivation, Module, Pack, Tool } from './schema';
import { fillTemplate } from './template';
import { compileTool, confidenceOf, ToolIndex, type Candidate } from './tools';

export type { Suggestion } from './lessons';
export { contextFits } from './lessons';

/** What the engine says about a page. */
export interface Detection {
  tool: string;
  toolName: string;
  category: Tool['category'];
  pack: string;
  context: string;
  contextName: string;
  confidence: number;
  /** For the learner: "Salesforce › Opportunity record: the address is …". */
  why: string;
  /** For the admin: each condition that held. */
  evidence: string[];
  lessons: Suggestion[];
}

export interface Rules {
  /** The tool, context and lessons of a page; `null` when no tool's context holds. */
  match(signals: PageSignals): Detection | null;
  /** The DOM probes the content script should answer on a page of this address. */
  probesFor(url: string): string[];
  /** Every host glob the packs cover, for content-script registration. */
  hostGlobs(): string[];
  /** A module by pack and id. */
  module(pack: string, id: string): Module | undefined;
  /** Problems found while combining packs, such as hosts added to an unknown tool. */
  warnings: string[];
}

/** Hosts added to a tool from outside any pack: an organization's self-hosted install. */
export interface ExtraHosts {
  tool: string;
  hosts: readonly string[];
}

export interface CompileOptions {
  /** Hosts the organization's policy adds to tools, after every pack's own. */
  extraHosts?: readonly ExtraHosts[];
}

/**
 * Compiles validated packs, in precedence order: policy packs, then the learner's,
 * then the bundled ones. The first pack with an id is used and later packs with the
 * same id are left out; a tool id defined by an earlier pack overrides the same tool
 * id in later packs, whole (its hosts, contexts and signals). Every used pack's
 * modules show, wherever they are placed; hosts added with `extraHosts` add up.
 */
export function compileRules(packs: readonly Pack[], options: CompileOptions = {}): Rules {
  const tools = new ToolIndex();
  const placements = new PlacementIndex();
  const modules = new Map<string, Module>();
  const warnings: string[] = [];

  const used = firstOfEachId(packs, warnings);
  for (const pack of used) {
    for (const tool of pack.tools) {
      const earlier = tools.add(compileTool(pack, tool));
      if (earlier) warnings.push(overridden(pack, tool.id, earlier));
    }
    for (const module of pack.modules) {
      modules.set(`${pack.id}/${module.id}`, module);
      placements.add(pack, module);
    }
  }
  const added = [
    ...used.flatMap((pack) => (pack.extraHosts ?? []).map((entry) => ({ by: pack.id, entry }))),
    ...(options.extraHosts ?? []).map((entry) => ({ by: 'policy', entry })),
  ];
  for (const { by, entry } of added) {
    if (!tools.addHosts(entry.tool, entry.hosts)) {
      warnings.push(`${by}: no pack defines tool "${entry.tool}"`);
    }
  }

  return {
    match: (signals) => match(tools, placements, signals),
    probesFor: (url) => probesFor(tools, placements, url),
    hostGlobs: () => tools.globs(),
    module: (pack, id) => modules.get(`${pack}/${id}`),
    warnings,
  };
}

/** The packs to use: the first of each id, in order; later ones are named in `warnings`. */
function firstOfEachId(packs: readonly Pack[], warnings: string[]): Pack[] {
  const seen = new Set<string>();
  return packs.filter((pack) => {
    if (!seen.has(pack.id)) return seen.add(pack.id);

    warnings.push(
      `${pack.id}: an earlier pack has the same id; this one (${pack.version}) is not used`,
    );
    return false;
  });
}

function overridden(pack: Pack, tool: string, earlier: Pack): string {
  return `${pack.id}: tool "${tool}" is defined by the earlier pack "${earlier.id}", whose definition is used`;
}

/**
 * The probes of the candidate tools' signals and lesson placements, and of the
 * tools' contexts that the address allows.
 */
function probesFor(tools: ToolIndex, placements: PlacementIndex, url: string): string[] {
  const page = readPage({ url });
  if (!page) return [];

  const probes = new Set<string>();
  for (const { tool } of tools.candidates(page.url.host)) {
    for (const key of tool.signalProbes) probes.add(key);
    for (const key of placements.probesOf(tool.source.id)) probes.add(key);
    for (const context of tool.contexts) {
      if (context.fitsAddress(page) === false) continue;
      for (const key of context.probes) probes.add(key);
    }
  }
  return [...probes];
}

function match(
  tools: ToolIndex,
  placements: PlacementIndex,
  signals: PageSignals,
): Detection | null {
  const page = readPage(signals);
  if (!page) return null;

  const found = tools
    .candidates(page.url.host)
    .map((candidate) => detect(candidate, page))
    .filter((detection): detection is Found => detection !== null);

  const chosen = resolveRelations(found)[0];
  if (!chosen) return null;

  chosen.detection.lessons = placements.suggest(chosen.detection, page);
  return chosen.detection;
}

interface Found {
  tool: Tool;
  detection: Detection;
}

function detect(candidate: Candidate, page: Page): Found | null {
  const confidence = confidenceOf(candidate, page);
  if (confidence.value === 0) return null;

  const { tool } = candidate;
  for (const { source, test } of tool.contextsAt(page.url.pathname)) {
    const evidence = test(page);
    if (!evidence) continue;

    const groups = derive(evidence.groups, source.set, tool.pack.lookups);
    const contextName = fillTemplate(source.name, groups);
    const detection: Detection = {
      tool: tool.source.id,
      toolName: tool.source.name,
      category: tool.source.category,
      pack: tool.pack.id,
      context: fillTemplate(source.id, groups),
      contextName,
      confidence: confidence.value,
      why: `${tool.source.name} › ${contextName}: ${fillTemplate(source.because, groups)}`,
      evidence: [...confidence.reasons, ...evidence.reasons],
      lessons: [],
    };
    return { tool: tool.source, detection };
  }
  return null;
}

/** Drops tools another detected tool excludes, and tools whose required tools are absent. */
function resolveRelations(found: Found[]): Found[] {
  if (found.length === 1 && !found[0]!.tool.requires) return found;

  const ids = new Set(found.map(({ tool }) => tool.id));
  const excluded = new Set(found.flatMap(({ tool }) => tool.excludes ?? []));

  return found.filter(
    ({ tool }) =>
      !excluded.has(tool.id) && (tool.requires ?? []).every((required) => ids.has(required)),
  );
}

/** A record's own value: `constructor` or `__proto__` from a page never reaches Object's. */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function derive(
  groups: Record<string, string>,
  derivations: Record<string, Derivation> | undefined,
  lookups: Pack['lookups'],
): Record<string, string> {
  if (!derivations) return groups;

  const derived = { ...groups };
  for (const [name, rule] of Object.entries(derivations)) {
    const source = own(groups, rule.from);
    if (source === undefined) continue;

    const key = rule.take ? source.slice(0, rule.take) : source;
    const table = lookups && own(lookups, rule.lookup);
    const value = (table && own(table, key)) ?? rule.fallback;
    if (value !== undefined) derived[name] = value;
  }
  return derived;
}
