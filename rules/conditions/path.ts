import { defineCondition, holds } from './kind';
import { compileComponentPattern, patternSchema } from './url-pattern';

/** The address's path, in URLPattern syntax: `/lightning/r/:object/:id/view`. */
export const path = defineCondition({
  key: 'path',
  reads: 'address',
  summary: 'the path matches a URLPattern pathname pattern; named groups fill the context id',
  schema: patternSchema('/'),
  compile(pattern) {
    const compiled = compileComponentPattern(pattern);
    return (page) => {
      const groups = compiled.exec(page.url.pathname);
      return groups && holds(`the path matches ${pattern}`, groups);
    };
  },
});
