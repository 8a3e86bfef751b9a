/**
 * Compiled tools and the indexes that find the candidates for a page: tools by host
 * glob (their own hosts and hosts admins add), and self-hosted tools by the first
 * label of the host (`jira.acme.internal` → Jira). The cost of a page depends on its
 * host, not on how many tools other hosts have.
 */
import { compileAddressCheck, type AddressCheck } from './address-check';
import { compileCondition } from './compile';
import type { Condition } from './conditions/condition';
import type { Test } from './conditions/kind';
import { firstSegment, leadingSegment } from './conditions/url-pattern';
import { HostIndex, hostMatchesGlob } from './hosts';
import type { Page } from './page';
import type { Pack, Tool, ToolContext } from './schema';

export interface CompiledContext {
  source: ToolContext;
  test: Test;
  /** Whether the address alone rules the context out, before any probe is answered. */
  fitsAddress: AddressCheck;
  /** The DOM probes this context's condition reads. */
  probes: Set<string>;
}

export interface CompiledSignal {
  test: Test;
  weight: number;
}

export interface CompiledTool {
  pack: Pack;
  source: Tool;
  contexts: CompiledContext[];
  /** The contexts that can hold on a path, in the tool's order: see `contextsByPath`. */
  contextsAt(pathname: string): readonly CompiledContext[];
  signals: CompiledSignal[];
  /** Sum of all signal weights: a page showing all of them has confidence 1. */
  totalWeight: number;
  /** The DOM probes the signals read: asked on every page of the tool. */
  signalProbes: Set<string>;
}

/** A tool that may be on a page, and whether its host alone vouches for it. */
export interface Candidate {
  tool: CompiledTool;
  byHost: boolean;
}

export function compileTool(pack: Pack, tool: Tool): CompiledTool {
  const signalProbes = new Set<string>();
  const signals = (tool.selfHosted?.signals ?? []).map((signal) => ({
    test: compileCondition(signal.when, (key) => signalProbes.add(key)),
    weight: signal.weight,
  }));

  const contexts = tool.contexts.map((context) => compileContext(context));
  return {
    pack,
    source: tool,
    contexts,
    contextsAt: contextsByPath(contexts),
    signals,
    totalWeight: signals.reduce((sum, signal) => sum + signal.weight, 0),
    signalProbes,
  };
}

function compileContext(context: ToolContext): CompiledContext {
  const probes = new Set<string>();
  return {
    source: context,
    test: compileCondition(context.when, (key) => probes.add(key)),
    fitsAddress: compileAddressCheck(context.when),
    probes,
  };
}

/**
 * A tool with many contexts tests, on a page, only those whose path pattern starts
 * with the page's first path segment, and those that name no first segment, still in
 * the tool's order, since the first context that holds wins.
 */
function contextsByPath(
  contexts: CompiledContext[],
): (pathname: string) => readonly CompiledContext[] {
  const segments = contexts.map((context) => requiredSegment(context.source.when));
  const anywhere = contexts.filter((_, i) => segments[i] === undefined);
  if (anywhere.length === contexts.length) return () => contexts;

  const bySegment = new Map<string, CompiledContext[]>();
  for (const segment of new Set(segments)) {
    if (segment === undefined) continue;
    bySegment.set(
      segment,
      contexts.filter((_, i) => segments[i] === segment || segments[i] === undefined),
    );
  }
  return (pathname) => bySegment.get(firstSegment(pathname)) ?? anywhere;
}

/** The first path segment a condition requires, if it spells one out. */
function requiredSegment(condition: Condition): string | undefined {
  if (condition.path !== undefined) return leadingSegment(condition.path);
  for (const part of condition.all ?? []) {
    const segment = requiredSegment(part);
    if (segment !== undefined) return segment;
  }
  return undefined;
}

export class ToolIndex {
  readonly #byHost = new HostIndex<CompiledTool>();
  readonly #byLabel = new Map<string, CompiledTool[]>();
  readonly #byId = new Map<string, CompiledTool>();

  /**
   * Adds a tool. A tool id already added by an earlier pack keeps the earlier one,
   * whole; the pack that defined it is returned, so the caller can say so.
   */
  add(tool: CompiledTool): Pack | undefined {
    const earlier = this.#byId.get(tool.source.id);
    if (earlier) return earlier.pack;
    this.#byId.set(tool.source.id, tool);

    for (const glob of tool.source.hosts) this.#byHost.add(glob, tool);
    for (const label of tool.source.selfHosted?.labels ?? []) {
      this.#byLabel.set(label, [...(this.#byLabel.get(label) ?? []), tool]);
    }
    return undefined;
  }

  /** Hosts an admin adds to a tool; `false` when no pack defines that tool. */
  addHosts(toolId: string, globs: readonly string[]): boolean {
    const tool = this.#byId.get(toolId);
    if (!tool) return false;

    for (const glob of globs) this.#byHost.add(glob, tool);
    return true;
  }

  candidates(host: string): Candidate[] {
    const byHost = new Set(this.#byHost.find(host).filter((tool) => !excluded(tool, host)));
    const firstLabel = host.split('.', 1)[0] ?? '';
    const byLabel = (this.#byLabel.get(firstLabel) ?? []).filter(
      (tool) => !byHost.has(tool) && !excluded(tool, host) && !looksLike(tool, host),
    );
    return [
      ...[...byHost].map((tool) => ({ tool, byHost: true })),
      ...byLabel.map((tool) => ({ tool, byHost: false })),
    ];
  }

  globs(): string[] {
    return this.#byHost.globs();
  }
}

/**
 * A host that carries one of the tool's own domains followed by more labels
 * (`github.com.evil.example`) imitates the tool: it is never taken for an install.
 */
function looksLike(tool: CompiledTool, host: string): boolean {
  return tool.source.hosts.some((glob) => {
    const domain = glob.replace(/^\*\./, '');
    return host.startsWith(`${domain}.`) || host.includes(`.${domain}.`);
  });
}

function excluded(tool: CompiledTool, host: string): boolean {
  return tool.source.excludeHosts?.some((glob) => hostMatchesGlob(host, glob)) ?? false;
}

/**
 * How sure the engine is that a candidate tool is on the page: 1 when its host
 * vouches for it; otherwise the share of its self-hosted signals' weight that holds,
 * or 0 when that weight stays below the tool's threshold.
 */
export function confidenceOf(
  candidate: Candidate,
  page: Page,
): { value: number; reasons: string[] } {
  if (candidate.byHost) return { value: 1, reasons: [] };

  const { tool } = candidate;
  let score = 0;
  const reasons: string[] = [];
  for (const signal of tool.signals) {
    const evidence = signal.test(page);
    if (!evidence) continue;
    score += signal.weight;
    reasons.push(...evidence.reasons);
  }

  const threshold = tool.source.selfHosted?.threshold ?? Infinity;
  // Weights are decimals: ten signals of 0.1 must reach a threshold of 1.
  if (score < threshold - 1e-9) return { value: 0, reasons };
  return { value: Math.min(1, score / tool.totalWeight), reasons };
}
