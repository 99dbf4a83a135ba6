import type { Storage } from "./storage";
import type { Ledgers } from "./ledgers";

/**
 * Everything the logic reads from its surroundings, passed in so that it runs unchanged under
 * Node tests and inside the canister: who calls, what time it is (ic0.time, nanoseconds),
 * which canister this is, where state lives and how ledgers are called.
 */
export interface Context {
  caller: Uint8Array;
  now(): bigint;
  self: Uint8Array;
  storage: Storage;
  ledgers: Ledgers;
}
