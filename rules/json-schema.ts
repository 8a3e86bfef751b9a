/**
 * The pack format as JSON Schema, generated from the Zod schema so the two never
 * drift. Editors use it to check packs while admins type; it ships with the build
 * as `pack.schema.json` and the CLI prints it.
 */
import { z } from 'zod';

import { packSchema } from './schema';

export function packJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(packSchema, { unrepresentable: 'any', io: 'input' }),
    title: 'Inflow rule pack',
  };
}
