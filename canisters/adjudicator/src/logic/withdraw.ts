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
import { requireAllowedLedger } from "./ledgerAllowList";
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
 * and the nonce are restored (see {@link restore}), so a refused withdrawal spends nothing: a
 * wrong `fee` (the ledger answers BadFee) submitted by whoever holds the signature costs its
 * signer nothing. So a
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
    requireAllowedLedger(ctx, auth.ledger);
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
      restore(ctx, ledgerKey, fid, auth.amount, auth.nonce);
      throw e;
    }
    if (!(e instanceof LedgerCallRejected)) throw e;
    restore(ctx, ledgerKey, fid, auth.amount, auth.nonce);
    return { Err: { LedgerCallFailed: { ledger: auth.ledger, code: e.code, message: e.reason } } };
  }
  if ("Err" in result) {
    restore(ctx, ledgerKey, fid, auth.amount, auth.nonce);
    return { Err: { LedgerError: { ledger: auth.ledger, error: result.Err } } };
  }
  const fundingID = hexToBytes(fid, "fundingID");
  emit(ctx, {
    Withdrawn: { ledger: auth.ledger, fundingID, amount: auth.amount, fee, receiver: to, blockIndex: result.Ok },
  });
  return { Ok: { blockIndex: result.Ok, paid } };
}

/**
 * Gives a failed withdrawal's debit back, on top of whatever the holding is now, and its nonce
 * too when no later withdrawal of this funding ID has taken the next one meanwhile (then the
 * same signed authorisation can be submitted again; DESIGN.md §10). Why that is safe: a nonce is
 * given back only by the withdrawal that took it last, so the counter unwinds like a stack and
 * never drops below a nonce whose withdrawal was paid: each authorisation pays at most once.
 * When a later withdrawal did take the next nonce, this authorisation stays spent (its signer
 * signs a new one with the current nonce).
 */
function restore(ctx: Context, ledgerKey: string, fid: string, amount: bigint, nonce: bigint): void {
  const h = ctx.storage.holding(ledgerKey, fid) ?? { amount: 0n, withdrawals: 0n };
  const withdrawals = h.withdrawals === nonce + 1n ? nonce : h.withdrawals;
  ctx.storage.setHolding(ledgerKey, fid, { amount: h.amount + amount, withdrawals });
}
