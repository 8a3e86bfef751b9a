/**
 * Which of a tool's contexts can hold at an address, before the page has said
 * anything else. The content script then answers only the probes of those contexts:
 * it reads less of the page, and a busy page pays for fewer selector scans.
 */
import { compileCondition } from './compile';
import type { Condition } from './conditions/condition';
import { conditionKinds } from './conditions/index';
import type { Page } from './page';

/** `true` or `false` when the address settles it; `undefined` when the title or DOM must. */
export type AddressCheck = (page: Page) => boolean | undefined;

const unknown: AddressCheck = () => undefined;

/** Compiles a validated condition into a check on its address parts alone. */
export function compileAddressCheck(condition: Condition): AddressCheck {
  const [key, spec] = Object.entries(condition)[0] as [keyof Condition, unknown];
  if (key === 'all') return combined((spec as Condition[]).map(compileAddressCheck), false);
  if (key === 'any') return combined((spec as Condition[]).map(compileAddressCheck), true);
  if (key === 'not') return negation(compileAddressCheck(spec as Condition));
  if (conditionKinds[key].reads !== 'address') return unknown;

  const test = compileCondition(condition, () => undefined);
  return (page) => test(page) !== null;
}

/**
 * `all` and `any`: one part that gives `decisive` settles the whole (false for
 * `all`, true for `any`); otherwise an unsettled part leaves the whole unsettled.
 */
function combined(checks: AddressCheck[], decisive: boolean): AddressCheck {
  return (page) => {
    let settled: boolean | undefined = !decisive;
    for (const check of checks) {
      const result = check(page);
      if (result === decisive) return decisive;
      if (result === undefined) settled = undefined;
    }
    return settled;
  };
}

function negation(check: AddressCheck): AddressCheck {
  return (page) => {
    const result = check(page);
    return result === undefined ? undefined : !result;
  };
}
