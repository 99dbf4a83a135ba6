import type { Params, State } from "../../../../src/encoding/types";
import type { IcpWithdrawalAuth } from "../../../../src/encoding/icp/IcpWithdrawalAuth";
import { bytesToHex } from "../../../../src/encoding/internal/hex";
import type { CandidParams, CandidState, CandidWithdrawalAuth } from "./types";

/**
 * Candid values → the library's types, so that the canister hashes and verifies with the
 * SAME encoder as every client (src/encoding). Only a change of representation: lengths and
 * ranges are validated by the library's encoders afterwards.
 */
export function toLibraryParams(p: CandidParams): Params {
  return {
    challengeDuration: p.challengeDuration,
    nonce: p.nonce,
    participants: p.participants.map((x) => ({
      ethAddress: bytesToHex(x.ethAddress),
      ccAddress: bytesToHex(x.ccAddress),
    })),
    app: bytesToHex(p.app),
    ledgerChannel: p.ledgerChannel,
    virtualChannel: p.virtualChannel,
  };
}

export function toLibraryState(s: CandidState): State {
  const o = s.outcome;
  return {
    channelID: bytesToHex(s.channelID),
    version: s.version,
    outcome: {
      assets: o.assets.map((a) => ({
        chainID: a.chainID,
        ethHolder: bytesToHex(a.ethHolder),
        ccHolder: bytesToHex(a.ccHolder),
      })),
      backends: o.backends,
      balances: o.balances,
      locked: o.locked.map((l) => ({
        ID: bytesToHex(l.ID),
        balances: Array.from(l.balances),
        indexMap: Array.from(l.indexMap, (i) => BigInt(i)),
      })),
    },
    appData: bytesToHex(s.appData),
    isFinal: s.isFinal,
  };
}

export function toLibraryWithdrawalAuth(a: CandidWithdrawalAuth): IcpWithdrawalAuth {
  return {
    channelID: bytesToHex(a.channelID),
    participant: { ethAddress: bytesToHex(a.participant.ethAddress), ccAddress: bytesToHex(a.participant.ccAddress) },
    receiverOwner: bytesToHex(a.receiver.owner),
    receiverSubaccount: bytesToHex(a.receiver.subaccount),
    ledger: bytesToHex(a.ledger),
    adjudicator: bytesToHex(a.adjudicator),
    amount: a.amount,
    nonce: a.nonce,
  };
}
