import { fundingId } from "../../../../src/encoding/fundingId";
import { bytesToHex, hexToBytes } from "../../../../src/encoding/internal/hex";
import { encodeIcpWithdrawalAuth } from "../../../../src/encoding/icp/encodeIcpWithdrawalAuth";
import { ethSignedMessageDigest } from "../../../../src/encoding/hashEthSignedMessage";
import { recoverDigestSigner } from "../../../../src/encoding/signaturePolicy";
import { SignatureError } from "../../../../src/errors/signatureErrors";
import type { Context } from "./context";
import { Refusal, type Result } from "./errors";
import { emit } from "./events";
import { bytesEqual, isAllZero, key } from "./bytes";
import { encodingOrRefuse, requireLength, requirePrincipal } from "./guards";
import { LedgerCallInCleanup, LedgerCallRejected } from "./ledgers";
import { toLibraryWithdrawalAuth } from "./toLibrary";
import type { Account, CandidWithdrawalAuth } from "./types";

export interface Withdrawal {
  /** The ledger's block index of the transfer. */
  blockIndex: bigint;
  /** What the receiver got: `amount − fee`. */
  paid: bigint;
}

/**
 * Pays `auth.amount` of a settled funding ID's holdings on `auth.ledger` to the receiver
 * account, against the participant's signature over the ICP withdrawal authorisation.
 * The receiver gets `amount − fee`; the ledger fee comes out of the withdrawn amount, never
 * out of other holdings (`fee` is the ledger's current fee, which the ledger itself checks:
 * a wrong one is answered with BadFee and nothing moves).
 *
 * Ordering across the await: check, then debit (and spend the nonce), then call the ledger;
 * on a ledger error, a rejected call or a trapped callback (in its cleanup callback) the debit
 * is restored (the nonce stays spent). So a
 * concurrent withdrawal sees the debited holdings and can never pay the same funds twice, and
 * the canister's books never claim more than its ledger balance.
 *
 * Whom it protects from what: only the participant's own signature moves its holdings, only
 * to the account it named, only at this canister and on this ledger, each signature once.
 */
export async function withdraw(
  ctx: Context,
  auth: CandidWithdrawalAuth,
  signature: Uint8Array,
  fee: bigint,
): Promise<Result<Withdrawal>> {
  let ledgerKey: string;
  let fid: string;
  try {
    if (!bytesEqual(auth.adjudicator, ctx.self))
      throw new Refusal({ WrongAdjudicator: { expected: ctx.self, given: auth.adjudicator } });
    requirePrincipal(auth.ledger, "ledger");
    requirePrincipal(auth.receiver.owner, "receiver.owner");
    requireLength(auth.receiver.subaccount, 32, "receiver.subaccount");
    if (auth.amount === 0n) throw new Refusal({ ZeroAmount: null });
    if (auth.amount <= fee) throw new Refusal({ AmountNotAboveFee: { amount: auth.amount, fee } });
    const encoded = encodingOrRefuse(() => encodeIcpWithdrawalAuth(toLibraryWithdrawalAuth(auth)));
    let recovered: Uint8Array;
    try {
      recovered = hexToBytes(recoverDigestSigner(ethSignedMessageDigest(encoded), signature), "recovered");
    } catch (e) {
      if (e instanceof SignatureError)
        throw new Refusal({ BadSignature: { index: 0, rule: e.name, message: e.message } });
      throw e;
    }
    if (!bytesEqual(recovered, auth.participant.ethAddress)) {
      throw new Refusal({ WrongSigner: { index: 0, expected: auth.participant.ethAddress, recovered } });
    }
    ledgerKey = key(auth.ledger);
    fid = fundingId(bytesToHex(auth.channelID), bytesToHex(auth.participant.ethAddress));
    if (!ctx.storage.isSettled(fid)) throw new Refusal({ NotConcluded: { fundingID: hexToBytes(fid, "fundingID") } });
    const h = ctx.storage.holding(ledgerKey, fid) ?? { amount: 0n, withdrawals: 0n };
    if (auth.nonce !== h.withdrawals) throw new Refusal({ WrongNonce: { expected: h.withdrawals, given: auth.nonce } });
    if (auth.amount > h.amount)
      throw new Refusal({ InsufficientHoldings: { available: h.amount, requested: auth.amount } });
    // Debit before the await (committed even if the callback fails).
    ctx.storage.setHolding(ledgerKey, fid, { amount: h.amount - auth.amount, withdrawals: h.withdrawals + 1n });
  } catch (e) {
    if (e instanceof Refusal) return { Err: e.error };
    throw e;
  }

  const to: Account = {
    owner: auth.receiver.owner,
    subaccount: isAllZero(auth.receiver.subaccount) ? [] : [auth.receiver.subaccount],
  };
  const paid = auth.amount - fee;
  let result;
  try {
    result = await ctx.ledgers.transfer(auth.ledger, {
      from_subaccount: [],
      to,
      amount: paid,
      fee: [fee],
      memo: [],
      created_at_time: [],
    });
  } catch (e) {
    if (e instanceof LedgerCallInCleanup) {
      // In the cleanup callback: restore (a write the IC keeps), but never reply (it would trap).
      restore(ctx, ledgerKey, fid, auth.amount);
      throw e;
    }
    if (!(e instanceof LedgerCallRejected)) throw e;
    restore(ctx, ledgerKey, fid, auth.amount);
    return { Err: { LedgerCallFailed: { ledger: auth.ledger, code: e.code, message: e.reason } } };
  }
  if ("Err" in result) {
    restore(ctx, ledgerKey, fid, auth.amount);
    return { Err: { LedgerError: { ledger: auth.ledger, error: result.Err } } };
  }
  const fundingID = hexToBytes(fid, "fundingID");
  emit(ctx, {
    Withdrawn: { ledger: auth.ledger, fundingID, amount: auth.amount, fee, receiver: to, blockIndex: result.Ok },
  });
  return { Ok: { blockIndex: result.Ok, paid } };
}

/** Gives a failed withdrawal's debit back, on top of whatever the holding is now. */
function restore(ctx: Context, ledgerKey: string, fid: string, amount: bigint): void {
  const h = ctx.storage.holding(ledgerKey, fid) ?? { amount: 0n, withdrawals: 0n };
  ctx.storage.setHolding(ledgerKey, fid, { amount: h.amount + amount, withdrawals: h.withdrawals });
}
