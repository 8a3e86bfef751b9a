import { z } from 'zod';

import { defineCondition, holds } from './kind';
import { compileTextTest, describeTextTest, textTestSchema } from './text-test';

const querySchema = textTestSchema.extend({
  name: z.string().min(1).max(100),
  absent: z.literal(true).optional(),
  as: z
    .string()
    .regex(/^\w{1,40}$/)
    .optional(),
});

/** A query parameter: present, absent, or its value tested; `as` names it as a group. */
export const query = defineCondition({
  key: 'query',
  reads: 'address',
  summary: 'a query parameter is present (or `absent`), optionally with a text test on its value',
  schema: querySchema,
  compile(spec) {
    const accepts = compileTextTest(spec);
    return (page) => {
      const value = page.url.params.get(spec.name);
      if (spec.absent) return value === null ? holds(`there is no "${spec.name}" parameter`) : null;
      const groups = value === null ? null : accepts(value);
      if (!groups) return null;

      if (spec.as) groups[spec.as] = value!;
      return holds(`the "${spec.name}" parameter ${describeTextTest(spec)}`, groups);
    };
  },
});
