import { z } from 'zod';

import { defineCondition, holds } from './kind';
import { compileComponentPattern } from './url-pattern';

/** The host, in URLPattern hostname syntax: `:instance([a-z]{2,4}[0-9]{1,3}).salesforce.com`. */
export const host = defineCondition({
  key: 'host',
  summary: 'the host matches a URLPattern hostname pattern (labels separated by ".")',
  schema: z.string().min(1).max(500),
  compile(pattern) {
    const compiled = compileComponentPattern(pattern, '.');
    return (page) => {
      const groups = compiled.exec(page.url.host);
      return groups && holds(`the host matches ${pattern}`, groups);
    };
  },
});
