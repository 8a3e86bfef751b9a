/**
 * The baseline the engine's index is measured against: the plain way to match, a
 * linear scan over every context of every tool, each checking its tool's hosts and
 * then its condition. Only the benchmark uses it.
 */
import { compileCondition } from '@/rules/compile';
import type { Test } from '@/rules/conditions/kind';
import { hostMatchesGlob } from '@/rules/hosts';
import { readPage } from '@/rules/page';
import type { Pack } from '@/rules/schema';

interface Rule {
  tool: string;
  hosts: string[];
  test: Test;
}

export function linearScan(packs: readonly Pack[]): (url: string) => string | null {
  const rules: Rule[] = packs.flatMap((pack) =>
    pack.tools.flatMap((tool) =>
      tool.contexts.map((context) => ({
        tool: tool.id,
        hosts: tool.hosts,
        test: compileCondition(context.when, () => {}),
      })),
    ),
  );

  return (url) => {
    const page = readPage({ url });
    if (!page) return null;
    for (const rule of rules) {
      if (!rule.hosts.some((glob) => hostMatchesGlob(page.url.host, glob))) continue;
      if (rule.test(page)) return rule.tool;
    }
    return null;
  };
}
