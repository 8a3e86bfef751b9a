/**
 * Fills `{group}` placeholders from a match's named groups. A placeholder with no
 * value stays as written, so a mistake in a pack shows instead of vanishing.
 */
export function fillTemplate(template: string, groups: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => groups[name] ?? whole);
}

/** The placeholder names a template uses. */
export function templateNames(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((found) => found[1] ?? '');
}
