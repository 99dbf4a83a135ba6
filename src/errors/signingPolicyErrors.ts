import { PerunError } from "./PerunError";

/** Where a signing-policy rule lives: one chain, or every chain ("all": the shared structure). */
export type PolicyScope = "all" | "evm" | "icp" | "ckb";

/**
 * Base class of every refusal by the signing policy ({@link checkSigningPolicy}): a client must
 * not sign this state, because a chain that holds one of the channel's assets could not
 * adjudicate it (or could not within its limits), so an older state would win there.
 *
 * `chain` names the chain whose rule or limit refused ("all" for the structure every chain
 * shares) and `rule` the rule, as in the committed vectors (`test/vectors/signing-policy.json`).
 * Both are also in `details`, so they survive `toJSON`.
 */
export class SigningPolicyError extends PerunError {
  /** The chain whose rule refused, or "all". */
  get chain(): PolicyScope {
    return (this.details.chain as PolicyScope | undefined) ?? "all";
  }

  /** The rule that refused: a short kebab-case name, or the error's name for the shared shape rules. */
  get rule(): string {
    return (this.details.rule as string | undefined) ?? this.name.replace(/Error$/, "");
  }
}

/** A count or duration above the lowest bound of the chains that hold the channel's assets (`src/policy/limits.ts`). */
export class PolicyLimitError extends SigningPolicyError {}
/** An asset no chain can pay, in a form its chain does not accept, or listed twice. */
export class PolicyAssetError extends SigningPolicyError {}
/** A feature (app, virtual channel, sub-channel, lock) a chain holding an asset does not adjudicate. */
export class PolicyUnsupportedError extends SigningPolicyError {}
/** The state does not follow from the previous one (version, channel, assets, totals, after a final state). */
export class PolicyTransitionError extends SigningPolicyError {}
/** A sub-channel the state locks is unknown, malformed, or its state does not fit its lock. */
export class PolicySubChannelError extends SigningPolicyError {}
/** A deposit that does not fit the channel it is for: no such participant, no such asset on this chain, or nothing to deposit. */
export class PolicyDepositError extends SigningPolicyError {}
