/**
 * The registry of condition kinds. A kind that is not listed here cannot be used in a
 * pack; a meta-test checks that every file of this folder that defines a kind is listed,
 * documented in docs/pack-format.md and tested.
 */
import { all } from './all';
import { any } from './any';
import { attribute } from './attribute';
import type { Condition } from './condition';
import { hash } from './hash';
import { host } from './host';
import type { ConditionKind } from './kind';
import { meta } from './meta';
import { not } from './not';
import { path } from './path';
import { query } from './query';
import { selector } from './selector';
import { selectorText } from './selector-text';
import { title } from './title';

export const conditionKinds = {
  path,
  hash,
  host,
  query,
  title,
  selector,
  selectorText,
  meta,
  attribute,
  all,
  any,
  not,
} satisfies { [K in keyof Required<Condition>]: ConditionKind<NonNullable<Condition[K]>> };

export type ConditionKey = keyof typeof conditionKinds;
