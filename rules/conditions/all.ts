import { z } from 'zod';

import type { Condition } from './condition';
import { defineCondition, type Evidence } from './kind';
import { conditionSchema } from './schema';

/** Every listed condition holds; their groups and reasons are combined. */
export const all = defineCondition({
  key: 'all',
  reads: 'conditions',
  summary: 'every listed condition holds',
  schema: z
    .array(z.lazy((): z.ZodType<Condition> => conditionSchema))
    .min(1)
    .max(100),
  compile(conditions, context) {
    const tests = conditions.map((condition) => context.compile(condition));
    return (page) => {
      const found: Evidence[] = [];
      for (const test of tests) {
        const evidence = test(page);
        if (!evidence) return null;
        found.push(evidence);
      }
      return combine(found);
    };
  },
});

export function combine(found: Evidence[]): Evidence {
  return {
    groups: Object.assign({}, ...found.map((evidence) => evidence.groups)),
    reasons: found.flatMap((evidence) => evidence.reasons),
  };
}
