import { PolicyUnsupportedError } from "../../errors/signingPolicyErrors";
import type { PolicySubject } from "../types";

/**
 * A CKB channel opens with a state that is not final: the open transaction stores the initial
 * state in the channel cell and refuses a final one (BAD_INITIAL_STATUS). The assets and their
 * totals are frozen from then on (the transition rules, `checkTransition`).
 *
 * @throws PolicyUnsupportedError, chain "ckb", rule "final-initial-state".
 */
export function ckbInitialNotFinal({ state, previous }: PolicySubject): void {
  if (previous === undefined && state.isFinal) {
    throw new PolicyUnsupportedError("a CKB channel opens with a state that is not final", {
      chain: "ckb",
      rule: "final-initial-state",
    });
  }
}
