/**
 * Turns a condition into a test function, once, when packs are loaded.
 */
import type { Condition } from './conditions/condition';
import { conditionKinds, type ConditionKey } from './conditions/index';
import type { CompileContext, ConditionKind, Test } from './conditions/kind';

/** Compiles a validated condition; DOM probes it needs are reported through `probe`. */
export function compileCondition(condition: Condition, probe: (key: string) => void): Test {
  const context: CompileContext = {
    compile: (nested) => compileCondition(nested as Condition, probe),
    probe,
  };
  const [key, spec] = Object.entries(condition)[0] as [ConditionKey, unknown];
  const kind = conditionKinds[key] as ConditionKind<unknown>;
  return kind.compile(spec, context);
}
