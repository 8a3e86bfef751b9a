import { z } from 'zod';

import { defineCondition, holds } from './kind';
import { compileTextTest, describeTextTest, textTestSchema } from './text-test';

/** A `<meta name>` or `<meta property>` tag and its content. */
export const meta = defineCondition({
  key: 'meta',
  reads: 'page',
  summary: 'a meta tag (by `name` or `property`) is present and its content passes a text test',
  schema: textTestSchema.extend({ name: z.string().regex(/^[\w:.-]{1,100}$/) }),
  compile(spec, context) {
    const key = `meta:${spec.name}`;
    const accepts = compileTextTest(spec);
    context.probe(key);
    return (page) => {
      const content = page.probes[key];
      const groups = typeof content === 'string' ? accepts(content) : null;
      return groups && holds(`the meta tag ${spec.name} ${describeTextTest(spec)}`, groups);
    };
  },
});
