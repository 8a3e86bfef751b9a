/**
 * The matching engine: packs in, a page's tool, context, reasons and lessons out.
 * Pure TypeScript: the background script, the CLI and the tests run it the same way.
 */
import type { Test } from './conditions/kind';
import { compileCondition } from './compile';
import { HostIndex, hostMatchesGlob } from './hosts';
import { readPage, type Page, type PageSignals } from './page';
import type { Derivation, Module, Pack, Tool, ToolContext } from './schema';
import { fillTemplate } from './template';

/** One lesson that fits the page, and why. */
export interface Suggestion {
  pack: string;
  module: string;
  title: string;
  minutes: number;
  kind: Module['kind'];
  why: string;
}

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

interface CompiledContext {
  source: ToolContext;
  test: Test;
}

interface CompiledTool {
  pack: Pack;
  source: Tool;
  contexts: CompiledContext[];
  probes: Set<string>;
}

interface CompiledPlacement {
  pack: Pack;
  module: Module;
  context?: string;
  test?: Test;
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
}

/** Compiles validated packs, in precedence order (earlier packs win ties). */
export function compileRules(packs: readonly Pack[]): Rules {
  const tools = new HostIndex<CompiledTool>();
  const placements = new Map<string, CompiledPlacement[]>();
  const modules = new Map<string, Module>();

  for (const pack of packs) {
    for (const tool of pack.tools) addTool(tools, pack, tool);
    for (const module of pack.modules) {
      modules.set(`${pack.id}/${module.id}`, module);
      addPlacements(placements, pack, module);
    }
  }

  const candidates = (url: string) => {
    const page = readPage({ url });
    return page ? toolsOn(tools, page.url.host) : [];
  };

  return {
    match: (signals) => match(tools, placements, signals),
    probesFor: (url) => [...new Set(candidates(url).flatMap((tool) => [...tool.probes]))],
    hostGlobs: () => tools.globs(),
    module: (pack, id) => modules.get(`${pack}/${id}`),
  };
}

function addTool(index: HostIndex<CompiledTool>, pack: Pack, tool: Tool): void {
  const probes = new Set<string>();
  const probe = (key: string) => probes.add(key);
  const contexts = tool.contexts.map((context) => ({
    source: context,
    test: compileCondition(context.when, probe),
  }));

  const compiled = { pack, source: tool, contexts, probes };
  for (const glob of tool.hosts) index.add(glob, compiled);
}

function addPlacements(byTool: Map<string, CompiledPlacement[]>, pack: Pack, module: Module): void {
  for (const placement of module.showOn) {
    const list = byTool.get(placement.tool) ?? [];
    list.push({
      pack,
      module,
      context: placement.context,
      test: placement.when && compileCondition(placement.when, () => {}),
    });
    byTool.set(placement.tool, list);
  }
}

function toolsOn(index: HostIndex<CompiledTool>, host: string): CompiledTool[] {
  const excluded = (tool: CompiledTool) =>
    tool.source.excludeHosts?.some((glob) => hostMatchesGlob(host, glob)) ?? false;
  return [...new Set(index.find(host))].filter((tool) => !excluded(tool));
}

function match(
  tools: HostIndex<CompiledTool>,
  placements: Map<string, CompiledPlacement[]>,
  signals: PageSignals,
): Detection | null {
  const page = readPage(signals);
  if (!page) return null;

  for (const tool of toolsOn(tools, page.url.host)) {
    const detection = detectContext(tool, page);
    if (!detection) continue;

    detection.lessons = suggest(placements.get(detection.tool) ?? [], detection, page);
    return detection;
  }
  return null;
}

function detectContext(tool: CompiledTool, page: Page): Detection | null {
  for (const { source, test } of tool.contexts) {
    const evidence = test(page);
    if (!evidence) continue;

    const groups = derive(evidence.groups, source.set, tool.pack.lookups);
    const contextName = fillTemplate(source.name, groups);
    return {
      tool: tool.source.id,
      toolName: tool.source.name,
      category: tool.source.category,
      pack: tool.pack.id,
      context: fillTemplate(source.id, groups),
      contextName,
      confidence: 1,
      why: `${tool.source.name} › ${contextName}: ${fillTemplate(source.because, groups)}`,
      evidence: evidence.reasons,
      lessons: [],
    };
  }
  return null;
}

function derive(
  groups: Record<string, string>,
  derivations: Record<string, Derivation> | undefined,
  lookups: Pack['lookups'],
): Record<string, string> {
  if (!derivations) return groups;

  const derived = { ...groups };
  for (const [name, rule] of Object.entries(derivations)) {
    const source = groups[rule.from];
    if (source === undefined) continue;

    const key = rule.take ? source.slice(0, rule.take) : source;
    const value = lookups?.[rule.lookup]?.[key] ?? rule.fallback;
    if (value !== undefined) derived[name] = value;
  }
  return derived;
}

function suggest(placements: CompiledPlacement[], detection: Detection, page: Page): Suggestion[] {
  const seen = new Set<string>();
  const lessons: Suggestion[] = [];

  for (const placement of placements) {
    const key = `${placement.pack.id}/${placement.module.id}`;
    if (seen.has(key) || !contextFits(placement.context, detection.context)) continue;

    const extra = placement.test?.(page);
    if (placement.test && !extra) continue;

    seen.add(key);
    lessons.push(toSuggestion(placement, detection, extra?.reasons ?? []));
  }
  return lessons;
}

/** A placement's context is an exact id, a prefix ending in `*`, or absent (any context). */
export function contextFits(wanted: string | undefined, actual: string): boolean {
  if (wanted === undefined) return true;
  if (wanted.endsWith('*')) return actual.startsWith(wanted.slice(0, -1));
  return wanted === actual;
}

function toSuggestion(
  { pack, module }: CompiledPlacement,
  detection: Detection,
  extraReasons: string[],
): Suggestion {
  const extra = extraReasons.length > 0 ? `; ${extraReasons.join('; ')}` : '';
  return {
    pack: pack.id,
    module: module.id,
    title: module.title,
    minutes: module.minutes,
    kind: module.kind,
    why: `${detection.why}${extra}`,
  };
}
