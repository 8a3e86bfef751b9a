import { z } from 'zod';

import type { Condition } from './condition';
import { defineCondition } from './kind';
import { conditionSchema } from './schema';

/** The first listed condition that holds gives the evidence. */
export const any = defineCondition({
  key: 'any',
  reads: 'conditions',
  summary: 'at least one listed condition holds (the first that holds gives the groups)',
  schema: z
    .array(z.lazy((): z.ZodType<Condition> => conditionSchema))
    .min(1)
    .max(100),
  compile(conditions, context) {
    const tests = conditions.map((condition) => context.compile(condition));
    return (page) => {
      for (const test of tests) {
        const evidence = test(page);
        if (evidence) return evidence;
      }
      return null;
    };
  },
});
