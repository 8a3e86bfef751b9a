import { defineCondition, holds } from './kind';
import { compileComponentPattern, patternSchema } from './url-pattern';

/** The host, in URLPattern hostname syntax: `:instance([a-z]{2,4}[0-9]{1,3}).salesforce.com`. */
export const host = defineCondition({
  key: 'host',
  reads: 'address',
  summary: 'the host matches a URLPattern hostname pattern (labels separated by ".")',
  schema: patternSchema('.'),
  compile(pattern) {
    const compiled = compileComponentPattern(pattern, '.');
    return (page) => {
      const groups = compiled.exec(page.url.host);
      return groups && holds(`the host matches ${pattern}`, groups);
    };
  },
});
