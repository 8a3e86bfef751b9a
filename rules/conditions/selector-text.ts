import { z } from 'zod';

import { defineCondition, holds } from './kind';
import { compileTextTest, describeTextTest, textTestSchema } from './text-test';

/** The text of the first element matching a selector. */
export const selectorText = defineCondition({
  key: 'selectorText',
  reads: 'page',
  summary: 'the text of the first element matching `selector` passes a text test',
  schema: textTestSchema.extend({ selector: z.string().min(1).max(500) }),
  compile(spec, context) {
    const key = `text:${spec.selector}`;
    const accepts = compileTextTest(spec);
    context.probe(key);
    return (page) => {
      const text = page.probes[key];
      const groups = typeof text === 'string' ? accepts(text) : null;
      return groups && holds(`the text of ${spec.selector} ${describeTextTest(spec)}`, groups);
    };
  },
});
