/**
 * The text tests shared by title, selector text, meta and attribute conditions.
 * `contains` ignores case; `matches` is a regular expression tested without case.
 */
import { z } from 'zod';

import { regexSyntaxProblem } from '../regex-safety';

const regexSchema = z
  .string()
  .min(1)
  .max(500)
  .superRefine((source, context) => {
    const problem = regexSyntaxProblem(source);
    if (problem) context.addIssue({ code: 'custom', message: problem, input: source });
  });

export const textTestSchema = z.strictObject({
  equals: z.string().max(500).optional(),
  contains: z.string().min(1).max(500).optional(),
  matches: regexSchema.optional(),
});

export type TextTest = z.infer<typeof textTestSchema>;

/**
 * Compiles a text test: `null` when the text fails it, otherwise the named groups of
 * `matches` (`(?<table>[a-z_]+)`), which fill context ids like a pattern's groups.
 * A test with no part accepts any text that is present.
 */
export function compileTextTest(test: TextTest): (text: string) => Record<string, string> | null {
  const contains = test.contains?.toLowerCase();
  const pattern = test.matches === undefined ? undefined : new RegExp(test.matches, 'i');

  return (text) => {
    if (test.equals !== undefined && text !== test.equals) return null;
    if (contains !== undefined && !text.toLowerCase().includes(contains)) return null;
    if (pattern === undefined) return {};

    const found = pattern.exec(text);
    return found ? definedGroups(found.groups) : null;
  };
}

function definedGroups(groups: Record<string, string | undefined> | undefined) {
  const defined: Record<string, string> = {};
  for (const [name, value] of Object.entries(groups ?? {})) {
    if (value !== undefined) defined[name] = value;
  }
  return defined;
}

/** Words for a reason: `contains "Negotiation"`, `matches /^INC/`. */
export function describeTextTest(test: TextTest): string {
  if (test.equals !== undefined) return `is "${test.equals}"`;
  if (test.contains !== undefined) return `contains "${test.contains}"`;
  if (test.matches !== undefined) return `matches /${test.matches}/`;
  return 'is present';
}
