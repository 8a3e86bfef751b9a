/**
 * The bundled packs, validated once. A bundled pack that fails validation is a
 * build mistake: the unit tests catch it, and at run time it is left out and logged.
 */
import { bundledPackSources } from './packs/index';
import type { Pack } from './schema';
import { checkPackShape } from './pack-shape';
import { formatProblem } from './problem';

export interface PackLoad {
  packs: Pack[];
  errors: string[];
}

export function loadBundledPacks(): PackLoad {
  const packs: Pack[] = [];
  const errors: string[] = [];

  bundledPackSources.forEach((source, index) => {
    // The unit tests run the full validation, backtracking check included, on these
    // packs; the shape check alone keeps the service worker's start fast and small.
    const result = checkPackShape(source);
    if (result.ok) packs.push(result.pack);
    else errors.push(...result.problems.map((p) => `bundled pack ${index}: ${formatProblem(p)}`));
  });
  return { packs, errors };
}
