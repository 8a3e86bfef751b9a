import { z } from 'zod';

import { defineCondition, holds } from './kind';
import { compileTextTest, describeTextTest, textTestSchema } from './text-test';

/** An attribute of the first element matching a selector. */
export const attribute = defineCondition({
  key: 'attribute',
  reads: 'page',
  summary: 'attribute `name` of the first element matching `selector` passes a text test',
  schema: textTestSchema.extend({
    selector: z.string().min(1).max(500),
    name: z.string().regex(/^[\w:.-]{1,100}$/),
  }),
  compile(spec, context) {
    const key = `attr:${spec.name}@${spec.selector}`;
    const accepts = compileTextTest(spec);
    context.probe(key);
    return (page) => {
      const value = page.probes[key];
      const groups = typeof value === 'string' ? accepts(value) : null;
      const reason = `${spec.selector} has ${spec.name} that ${describeTextTest(spec)}`;
      return groups && holds(reason, groups);
    };
  },
});
