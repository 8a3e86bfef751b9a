import { z } from 'zod';

import type { Condition } from './condition';
import { defineCondition, holds } from './kind';
import { conditionSchema } from './schema';

/** The condition does not hold. */
export const not = defineCondition({
  key: 'not',
  reads: 'conditions',
  summary: 'the condition does not hold',
  schema: z.lazy((): z.ZodType<Condition> => conditionSchema),
  compile(condition, context) {
    const test = context.compile(condition);
    return (page) => (test(page) ? null : holds('an excluding condition does not hold'));
  },
});
