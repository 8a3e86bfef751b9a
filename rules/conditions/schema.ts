import { z } from 'zod';

import type { Condition } from './condition';
import { conditionKinds } from './index';

/**
 * A condition: exactly one of the registered kinds. Built lazily because the
 * combinators (`all`, `any`, `not`) nest conditions inside themselves.
 */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() => {
  const kinds = Object.entries(conditionKinds);
  const shape = Object.fromEntries(kinds.map(([key, kind]) => [key, kind.schema.optional()]));
  const names = kinds.map(([key]) => key).join(', ');

  return z.strictObject(shape).refine((condition) => Object.keys(condition).length === 1, {
    message: `exactly one condition kind per object (${names})`,
  });
}) as z.ZodType<Condition>;
