import type { Context } from "./context";
import { Refusal, refusalsAsErr, type Result } from "./errors";
import { checkSignedState } from "./checkSignedState";
import { cheapRefusals } from "./cheapRefusals";
import { verifyStateSignatures } from "./verifyStateSignatures";
import { key } from "./bytes";
import { commitRecord } from "./commitRecord";
import type { CandidParams, CandidState, DisputeRecord } from "./types";

/**
 * Cooperative close: a final state signed by every participant settles the channel at once,
 * superseding any open dispute (as EVM `concludeFinal`). An honest participant signs a final
 * state only as the channel's last state, so no newer state can exist that it would override.
 * The challenge duration is not checked here: a channel must always be closable cooperatively.
 */
export function conclude(
  ctx: Context,
  params: CandidParams,
  state: CandidState,
  signatures: Uint8Array[],
): Result<DisputeRecord> {
  return refusalsAsErr(() => {
    cheapRefusals(params, state, signatures);
    if (!state.isFinal) throw new Refusal({ NotFinal: { channelID: state.channelID } });
    const checked = checkSignedState(params, state);
    const id = key(checked.channelID);
    const old = ctx.storage.dispute(id);
    if (old !== undefined && "Concluded" in old.phase)
      throw new Refusal({ AlreadyConcluded: { channelID: checked.channelID } });
    verifyStateSignatures(checked, signatures);
    const record: DisputeRecord = {
      channelID: checked.channelID,
      version: state.version,
      phase: { Concluded: null },
      timeout: ctx.now(),
      challengeDuration: params.challengeDuration,
      stateHash: checked.stateHash,
      participants: checked.participants,
      payouts: checked.payouts,
    };
    commitRecord(ctx, id, record);
    return record;
  });
}
