import { defineCondition, holds } from './kind';
import { compileComponentPattern, patternSchema } from './url-pattern';

/** The fragment without `#`, in URLPattern syntax: `inbox/:thread`. */
export const hash = defineCondition({
  key: 'hash',
  reads: 'address',
  summary: 'the fragment (without "#") matches a URLPattern pattern, for apps that route there',
  schema: patternSchema('/'),
  compile(pattern) {
    const compiled = compileComponentPattern(pattern);
    return (page) => {
      const groups = compiled.exec(page.url.hash);
      return groups && holds(`the fragment matches #${pattern}`, groups);
    };
  },
});
