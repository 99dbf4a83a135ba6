import { expect } from "chai";
import { PerunError } from "../../../src";

/**
 * Runs `fn`, asserts it throws an instance of exactly `errorClass` (not merely a sibling
 * PerunError), and returns the error for further assertions on its details.
 */
export function expectExactError(
  fn: () => unknown,
  errorClass: abstract new (...args: never[]) => PerunError,
): PerunError {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, `expected ${errorClass.name}, nothing was thrown`).to.be.instanceOf(PerunError);
  expect((thrown as Error).constructor.name).to.equal(errorClass.name);
  expect(thrown).to.be.instanceOf(errorClass);
  return thrown as PerunError;
}
