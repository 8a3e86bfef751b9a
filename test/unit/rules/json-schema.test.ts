import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { packJsonSchema } from '@/rules/json-schema';

describe('the published JSON Schema', () => {
  it('should equal the schema generated from the pack format (run `npm run --silent inflow -- schema > public/pack.schema.json` after changing it)', () => {
    const published = readFileSync(resolve(__dirname, '../../../public/pack.schema.json'), 'utf8');

    expect(JSON.parse(published)).toEqual(packJsonSchema());
  });

  it('should refuse unknown keys in a pack', () => {
    expect(packJsonSchema()).toMatchObject({ additionalProperties: false });
  });
});
