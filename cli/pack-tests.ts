/** `test`: runs the tests that packs embed, against all the given packs together. */
import type { Rules } from '@/rules/engine';
import { oneLine } from '@/rules/problem';
import type { Pack, PackTest } from '@/rules/schema';

export interface TestOutcome {
  pack: string;
  test: PackTest;
  passed: boolean;
  got: { tool: string | null; context: string | null };
}

export function runPackTests(packs: readonly Pack[], rules: Rules): TestOutcome[] {
  return packs.flatMap((pack) =>
    (pack.tests ?? []).map((test) => {
      const detection = rules.match({ url: test.url, title: test.title });
      const got = { tool: detection?.tool ?? null, context: detection?.context ?? null };
      const contextOk = test.tool === null || test.context == null || got.context === test.context;
      return { pack: pack.id, test, passed: got.tool === test.tool && contextOk, got };
    }),
  );
}

/** One line per test: `ok` or `FAIL`, with what was expected and what came out. */
export function formatOutcome({ pack, test, passed, got }: TestOutcome): string {
  const want = test.tool === null ? 'no tool' : `${test.tool} › ${test.context ?? 'any context'}`;
  const found = got.tool === null ? 'no tool' : `${got.tool} › ${got.context}`;
  return oneLine(
    passed
      ? `ok    ${pack}: ${test.url} → ${found}`
      : `FAIL  ${pack}: ${test.url}: expected ${want}, found ${found}`,
  );
}
