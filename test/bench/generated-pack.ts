/**
 * A large generated pack for the scaling benchmarks: `tools` tools on distinct
 * hosts, `contextsPerTool` path contexts each, and page addresses that hit them.
 */
import type { Pack } from '@/rules/schema';
import { validatePack } from '@/rules/validate';

export function generatedPack(tools: number, contextsPerTool: number): Pack {
  const pack = {
    format: 1,
    id: 'bench.generated',
    name: 'Generated',
    version: '1.0.0',
    publisher: 'Bench',
    modules: [],
    tools: Array.from({ length: tools }, (_, t) => ({
      id: `tool-${t}`,
      name: `Tool ${t}`,
      category: 'other',
      hosts: [`*.tool${t}.example`],
      contexts: Array.from({ length: contextsPerTool }, (_, c) => ({
        id: `area${c}:{kind}`,
        name: `Area ${c}`,
        when: { path: `/area${c}/:kind(record|list)/:id([0-9a-f]{8,})` },
        because: `the address is in area ${c}`,
      })),
    })),
  };

  const result = validatePack(pack);
  if (!result.ok)
    throw new Error(`generated pack is invalid: ${JSON.stringify(result.problems[0])}`);
  return result.pack;
}

/** Addresses spread over the generated tools and contexts, a few matching nothing. */
export function generatedUrls(count: number, tools: number, contextsPerTool: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const tool = (i * 7919) % tools;
    const context = (i * 104_729) % (contextsPerTool + 1);
    const id = (0x10000000 + i).toString(16);
    return `https://tenant${i % 13}.tool${tool}.example/area${context}/record/${id}?x=${i}`;
  });
}
