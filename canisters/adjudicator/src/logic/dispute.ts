import type { Context } from "./context";
import { Refusal, refusalsAsErr, type Result } from "./errors";
import { checkSignedState } from "./checkSignedState";
import { cheapRefusals } from "./cheapRefusals";
import { verifyStateSignatures } from "./verifyStateSignatures";
import { key } from "./bytes";
import { commitRecord } from "./commitRecord";
import type { CandidParams, CandidState, DisputeRecord } from "./types";

/** Largest accepted challenge duration in seconds: the same bound as the EVM contracts (uint32). */
export const MAX_CHALLENGE_DURATION = 0xffff_ffffn;
export const NANOS_PER_SECOND = 1_000_000_000n;

/**
 * Registers a fully signed state, or refutes the registered one with a strictly newer one
 * ("a dispute can go over multiple rounds"). The window is `challengeDuration` seconds from
 * the FIRST registration; a refutation does not extend it (so a dishonest party cannot keep a
 * channel open forever by refuting itself). A final state settles the channel at once.
 *
 * Whom it protects: an honest participant holding the latest fully signed state can always
 * replace an older registered one while the window runs (strictly higher version wins), and
 * states missing any participant's signature are refused, so no coalition can freeze the
 * channel or register a state the honest participant did not sign.
 *
 * Synchronous (no await): the whole check-and-write is one atomic message.
 */
export function dispute(
  ctx: Context,
  params: CandidParams,
  state: CandidState,
  signatures: Uint8Array[],
): Result<DisputeRecord> {
  return refusalsAsErr(() => {
    cheapRefusals(params, state, signatures);
    if (params.challengeDuration > MAX_CHALLENGE_DURATION) {
      throw new Refusal({
        ChallengeDurationOutOfRange: { duration: params.challengeDuration, max: MAX_CHALLENGE_DURATION },
      });
    }
    const checked = checkSignedState(params, state);
    const id = key(checked.channelID);
    const old = ctx.storage.dispute(id);
    const now = ctx.now();
    let timeout: bigint;
    if (old === undefined) {
      timeout = now + params.challengeDuration * NANOS_PER_SECOND;
    } else {
      if ("Concluded" in old.phase) throw new Refusal({ AlreadyConcluded: { channelID: checked.channelID } });
      if (now >= old.timeout) throw new Refusal({ WindowOver: { timeout: old.timeout, now } });
      if (state.version <= old.version)
        throw new Refusal({ StaleVersion: { registered: old.version, given: state.version } });
      timeout = old.timeout;
    }
    // Signatures last: a refusal by the rules above costs no secp256k1 recovery.
    verifyStateSignatures(checked, signatures);
    const record: DisputeRecord = {
      channelID: checked.channelID,
      version: state.version,
      phase: state.isFinal ? { Concluded: null } : { Dispute: null },
      timeout: state.isFinal ? now : timeout,
      challengeDuration: params.challengeDuration,
      stateHash: checked.stateHash,
      participants: checked.participants,
      payouts: checked.payouts,
    };
    commitRecord(ctx, id, record);
    return record;
  });
}
