/**
 * The backtracking check over a whole pack: every pattern (as the regular
 * expression it compiles to) and every `matches`, wherever conditions appear.
 */
import type { Condition } from './conditions/condition';
import { patternBacktrackingProblem } from './conditions/url-pattern';
import { BacktrackingCheck } from './regex-safety';
import type { Pack } from './schema';
import { jsonPath, type Problem } from './problem';

type Segments = PropertyKey[];

const patternDelimiters = { path: '/', hash: '/', host: '.' } as const;
const textTests = ['query', 'title', 'selectorText', 'meta', 'attribute'] as const;

export function backtrackingProblems(pack: Pack): Problem[] {
  const problems: Problem[] = [];
  const check = new BacktrackingCheck();
  for (const [condition, at] of conditionsOf(pack)) walk(condition, at, { check, problems });
  return problems;
}

interface Walk {
  check: BacktrackingCheck;
  problems: Problem[];
}

function* conditionsOf(pack: Pack): Generator<[Condition, Segments]> {
  for (const [t, tool] of pack.tools.entries()) {
    for (const [c, context] of tool.contexts.entries()) {
      yield [context.when, ['tools', t, 'contexts', c, 'when']];
    }
    for (const [s, signal] of (tool.selfHosted?.signals ?? []).entries()) {
      yield [signal.when, ['tools', t, 'selfHosted', 'signals', s, 'when']];
    }
  }
  for (const [m, module] of pack.modules.entries()) {
    for (const [p, placement] of module.showOn.entries()) {
      if (placement.when) yield [placement.when, ['modules', m, 'showOn', p, 'when']];
    }
  }
}

function walk(condition: Condition, at: Segments, { check, problems }: Walk): void {
  const report = (segments: Segments, found: string, problem: string | null) => {
    if (problem)
      problems.push({ path: jsonPath(segments), expected: problem, found: JSON.stringify(found) });
  };

  for (const [kind, delimiter] of Object.entries(patternDelimiters)) {
    const source = condition[kind as keyof typeof patternDelimiters];
    if (source === undefined) continue;
    report([...at, kind], source, patternBacktrackingProblem(source, delimiter, check));
  }
  for (const kind of textTests) {
    const matches = condition[kind]?.matches;
    if (matches !== undefined)
      report([...at, kind, 'matches'], matches, check.problemOf(matches, true));
  }

  const further = { check, problems };
  condition.all?.forEach((nested, i) => walk(nested, [...at, 'all', i], further));
  condition.any?.forEach((nested, i) => walk(nested, [...at, 'any', i], further));
  if (condition.not) walk(condition.not, [...at, 'not'], further);
}
