/** A condition in a pack: an object with exactly one key, the kind of condition. */
import type { TextTest } from './text-test';

export interface Condition {
  path?: string;
  hash?: string;
  host?: string;
  query?: TextTest & { name: string; absent?: true; as?: string };
  title?: TextTest;
  selector?: string;
  selectorText?: TextTest & { selector: string };
  meta?: TextTest & { name: string };
  attribute?: TextTest & { selector: string; name: string };
  all?: Condition[];
  any?: Condition[];
  not?: Condition;
}
