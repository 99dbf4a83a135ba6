import type { Hex, Params, State } from "../index";
import type { IcpWithdrawalAuth } from "../index";
import { bytesToHex, hexToBytes } from "../index";

/**
 * The library's types (hex strings, bigints) ⇄ the canister's Candid values (blobs). The
 * canister converts back with the same field mapping before hashing, so what a client signs
 * with `signState` is exactly what the canister verifies.
 */
export function paramsToCandid(p: Params) {
  return {
    challengeDuration: p.challengeDuration,
    nonce: p.nonce,
    participants: p.participants.map((x) => ({
      ethAddress: hexToBytes(x.ethAddress, "participants[].ethAddress"),
      ccAddress: hexToBytes(x.ccAddress, "participants[].ccAddress"),
    })),
    app: hexToBytes(p.app, "app"),
    ledgerChannel: p.ledgerChannel,
    virtualChannel: p.virtualChannel,
  };
}

export function stateToCandid(s: State) {
  return {
    channelID: hexToBytes(s.channelID, "channelID"),
    version: s.version,
    outcome: {
      assets: s.outcome.assets.map((a) => ({
        chainID: a.chainID,
        ethHolder: hexToBytes(a.ethHolder, "ethHolder"),
        ccHolder: hexToBytes(a.ccHolder, "ccHolder"),
      })),
      backends: s.outcome.backends,
      balances: s.outcome.balances,
      locked: s.outcome.locked.map((l) => ({
        ID: hexToBytes(l.ID, "locked[].ID"),
        balances: l.balances,
        indexMap: Uint16Array.from(l.indexMap, (i) => Number(i)),
      })),
    },
    appData: hexToBytes(s.appData, "appData"),
    isFinal: s.isFinal,
  };
}

export function withdrawalAuthToCandid(a: IcpWithdrawalAuth) {
  return {
    channelID: hexToBytes(a.channelID, "channelID"),
    participant: {
      ethAddress: hexToBytes(a.participant.ethAddress, "participant.ethAddress"),
      ccAddress: hexToBytes(a.participant.ccAddress, "participant.ccAddress"),
    },
    receiver: {
      owner: hexToBytes(a.receiverOwner, "receiverOwner"),
      subaccount: hexToBytes(a.receiverSubaccount, "receiverSubaccount"),
    },
    ledger: hexToBytes(a.ledger, "ledger"),
    adjudicator: hexToBytes(a.adjudicator, "adjudicator"),
    amount: a.amount,
    nonce: a.nonce,
  };
}

export function signatureToBytes(sig: Hex | Uint8Array): Uint8Array {
  return sig instanceof Uint8Array ? sig : hexToBytes(sig, "signature");
}

export { bytesToHex, hexToBytes };
