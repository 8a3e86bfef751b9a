import { defineCondition, holds } from './kind';
import { compileTextTest, describeTextTest, textTestSchema } from './text-test';

/** The document title. */
export const title = defineCondition({
  key: 'title',
  reads: 'page',
  summary: 'the page title passes a text test (`equals`, `contains`, `matches`)',
  schema: textTestSchema,
  compile(spec) {
    const accepts = compileTextTest(spec);
    return (page) => {
      const groups = page.title === '' ? null : accepts(page.title);
      return groups && holds(`the page title ${describeTextTest(spec)}`, groups);
    };
  },
});
