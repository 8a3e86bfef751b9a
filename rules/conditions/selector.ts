import { z } from 'zod';

import { defineCondition, holds } from './kind';

/** An element matching a CSS selector is on the page. */
export const selector = defineCondition({
  key: 'selector',
  reads: 'page',
  summary: 'an element matching a CSS selector is on the page',
  schema: z.string().min(1).max(500),
  compile(css, context) {
    const key = `has:${css}`;
    context.probe(key);
    return (page) => (typeof page.probes[key] === 'string' ? holds(`the page has ${css}`) : null);
  },
});
