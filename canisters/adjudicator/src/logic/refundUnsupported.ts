import { encodeParams } from "../../../../src/encoding/encodeParams";
import { fundingId } from "../../../../src/encoding/fundingId";
import { bytesToHex } from "../../../../src/encoding/internal/hex";
import { keccak256 } from "../../../../src/encoding/internal/crypto";
import { ICP_CANISTER_MAX_PARTICIPANTS } from "../../../../src/encoding/icp/icpCanisterLimits";
import type { Context } from "./context";
import { Refusal, refusalsAsErr, type Result } from "./errors";
import { emit } from "./events";
import { isAllZero, key } from "./bytes";
import { encodingOrRefuse } from "./guards";
import { toLibraryParams } from "./toLibrary";
import type { CandidParams } from "./types";

/**
 * Why the canister can never settle a channel with these params, or undefined if it can.
 * The same rules `dispute`/`conclude` refuse them by (checkSignedState, cheapRefusals).
 */
function unsettleableBecause(params: CandidParams): string | undefined {
  if (!params.ledgerChannel) return "not a ledger channel";
  if (params.virtualChannel) return "virtual channel";
  if (!isAllZero(params.app)) return "app channel";
  if (params.participants.length > ICP_CANISTER_MAX_PARTICIPANTS) return "too many participants";
  const seen = new Set<string>();
  for (const x of params.participants) {
    const k = key(x.ethAddress);
    if (seen.has(k)) return `participant ${k} appears twice`;
    seen.add(k);
  }
  return undefined;
}

/**
 * The canister's `concludeMalformed` (finding 7 of issue 14): deposits made into a channel whose
 * params the canister can never settle (an app or virtual channel, not a ledger channel, a
 * participant named twice, more participants than the bound) would otherwise stay frozen, since
 * every state of it is refused. Anyone may reveal the params: when the canister refuses them, each
 * participant's funding ID of that channel is marked settled WITHOUT changing any holding, so
 * every deposit stays where it was and only its own participant can withdraw it (a signed
 * withdrawal authorisation, as after any close). Whom it protects: a depositor whose counterparties
 * never sign anything for such a channel. Refunds only what can be proven this way; a deposit to a
 * funding ID nobody can reveal params for (a bare channel ID, a random ID) cannot be returned.
 */
export function refundUnsupported(ctx: Context, params: CandidParams): Result<string> {
  return refusalsAsErr(() => {
    const encoded = encodingOrRefuse(() => encodeParams(toLibraryParams(params)));
    const channelID = keccak256(encoded);
    const reason = unsettleableBecause(params);
    if (reason === undefined) throw new Refusal({ ChannelSupported: { channelID } });
    if (params.participants.length === 0) throw new Refusal({ InvalidParams: { reason: "no participants" } });
    const channelHex = bytesToHex(channelID);
    const fids = params.participants.map((p) => fundingId(channelHex, bytesToHex(p.ethAddress)));
    if (fids.every((f) => ctx.storage.isSettled(f))) throw new Refusal({ AlreadyConcluded: { channelID } });
    for (const f of fids) ctx.storage.setSettled(f);
    emit(ctx, { OutcomeSet: { channelID } });
    return reason;
  });
}
