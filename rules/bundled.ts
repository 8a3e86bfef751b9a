/**
 * The bundled packs, validated once. A bundled pack that fails validation is a
 * build mistake: the unit tests catch it, and at run time it is left out and logged.
 */
import { bundledPackSources } from './packs/index';
import type { Pack } from './schema';
import { formatProblem, validatePack } from './validate';

export interface PackLoad {
  packs: Pack[];
  errors: string[];
}

export function loadBundledPacks(): PackLoad {
  const packs: Pack[] = [];
  const errors: string[] = [];

  bundledPackSources.forEach((source, index) => {
    // Trusted: the unit tests run the full check, including backtracking, on these
    // packs; skipping it here keeps the service worker's start fast.
    const result = validatePack(source, { trusted: true });
    if (result.ok) packs.push(result.pack);
    else errors.push(...result.problems.map((p) => `bundled pack ${index}: ${formatProblem(p)}`));
  });
  return { packs, errors };
}
