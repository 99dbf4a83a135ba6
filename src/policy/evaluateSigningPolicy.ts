import { PerunError } from "../errors/PerunError";
import { SigningPolicyError, type PolicyScope } from "../errors/signingPolicyErrors";
import { checkSigningPolicy } from "./checkSigningPolicy";
import type { Params, State } from "../encoding/types";
import type { SigningPolicyAccepted, SigningPolicyContext } from "./types";

/** A refusal by the signing policy, as data. */
export interface SigningPolicyRefused {
  readonly ok: false;
  /** The chain whose rule refused, or "all". */
  readonly chain: PolicyScope;
  /** The rule (see {@link SigningPolicyError.rule}). */
  readonly rule: string;
  readonly error: PerunError;
}

/**
 * {@link checkSigningPolicy} as a verdict instead of an exception (for UIs, watchtowers and the
 * committed vectors): accepted with the holding chains, or refused with chain, rule and error.
 * A field that is not a valid value of its Solidity type is refused with chain "all" and the
 * encoding error's name as the rule. Anything that is not a PerunError (a bug) is rethrown.
 */
export function evaluateSigningPolicy(
  params: Params,
  state: State,
  context: SigningPolicyContext = {},
): SigningPolicyAccepted | SigningPolicyRefused {
  try {
    return checkSigningPolicy(params, state, context);
  } catch (error) {
    if (error instanceof SigningPolicyError) return { ok: false, chain: error.chain, rule: error.rule, error };
    if (error instanceof PerunError) return { ok: false, chain: "all", rule: error.name, error };
    throw error;
  }
}
