/**
 * Fills `{group}` placeholders from a match's named groups; `{group|a}` puts the
 * English article before the value ("an Opportunity", "a Case"). A placeholder with
 * no value stays as written, so a mistake in a pack shows instead of vanishing.
 */
const placeholder = /\{(\w+)(\|a)?\}/g;

export function fillTemplate(template: string, groups: Record<string, string>): string {
  if (!template.includes('{')) return template;
  return template.replace(placeholder, (whole, name: string, article?: string) => {
    const value = Object.hasOwn(groups, name) ? groups[name] : undefined;
    if (value === undefined) return whole;
    return article ? `${/^[aeio]/i.test(value) ? 'an' : 'a'} ${value}` : value;
  });
}

/** The placeholder names a template uses. */
export function templateNames(template: string): string[] {
  return [...template.matchAll(placeholder)].map((found) => found[1] ?? '');
}
