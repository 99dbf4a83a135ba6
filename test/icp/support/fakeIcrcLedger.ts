import { bytesToHex } from "../../../src/encoding/internal/hex";
import type { Account, IcrcError, IcrcResult } from "../../../canisters/adjudicator/src/logic/types";
import type { TransferArgs, TransferFromArgs } from "../../../canisters/adjudicator/src/logic/ledgers";

/** A failure the fake ledger can be told to produce on its next transfer(s). */
export type LedgerFailure =
  | "InsufficientFunds"
  | "InsufficientAllowance"
  | "BadFee"
  | "TemporarilyUnavailable"
  | "GenericError"
  /** The ledger canister traps: the call is rejected (reject code 5), nothing moves. */
  | "trap";

/** Thrown by the fake ledger for a trap; transports turn it into a rejected call. */
export class LedgerTrap extends Error {}

/**
 * An in-memory ICRC-1/ICRC-2 ledger for tests: balances, allowances, a fixed fee, block
 * indices, and failures on demand. It follows the ICRC rules that matter for the
 * adjudicator: a transfer moves `amount` and burns `fee` from the payer (so the payer needs
 * amount + fee); an explicit `fee` other than the ledger's is answered with BadFee; a
 * transfer_from spends `amount + fee` of the allowance; the default subaccount is all zero.
 * It is not a real ledger (no deduplication, no archive) — only what the tests need.
 */
export class FakeIcrcLedger {
  readonly balances = new Map<string, bigint>();
  readonly allowances = new Map<string, bigint>();
  fee: bigint;
  blocks = 0n;
  private failures: LedgerFailure[] = [];
  /** Every call the ledger saw, for assertions. */
  readonly calls: Array<{ method: string; caller: string; args: unknown }> = [];

  constructor(fee = 10n) {
    this.fee = fee;
  }

  failNext(...failures: LedgerFailure[]): void {
    this.failures.push(...failures);
  }

  mint(account: Account | Uint8Array, amount: bigint): void {
    const k = accountKey(account);
    this.balances.set(k, (this.balances.get(k) ?? 0n) + amount);
  }

  balanceOf(account: Account | Uint8Array): bigint {
    return this.balances.get(accountKey(account)) ?? 0n;
  }

  approve(owner: Account | Uint8Array, spender: Uint8Array, amount: bigint): void {
    this.allowances.set(`${accountKey(owner)}>${accountKey(spender)}`, amount);
  }

  allowance(owner: Account | Uint8Array, spender: Uint8Array): bigint {
    return this.allowances.get(`${accountKey(owner)}>${accountKey(spender)}`) ?? 0n;
  }

  /** Sum of all balances (what was minted minus the fees burnt). */
  totalSupply(): bigint {
    let s = 0n;
    for (const v of this.balances.values()) s += v;
    return s;
  }

  transfer(caller: Uint8Array, args: TransferArgs): IcrcResult {
    this.calls.push({ method: "icrc1_transfer", caller: bytesToHex(caller), args });
    const from: Account = { owner: caller, subaccount: args.from_subaccount };
    const failed = this.injected(from);
    if (failed) return failed;
    const bad = this.checkFee(args.fee);
    if (bad) return bad;
    return this.move(from, args.to, args.amount);
  }

  transferFrom(caller: Uint8Array, args: TransferFromArgs): IcrcResult {
    this.calls.push({ method: "icrc2_transfer_from", caller: bytesToHex(caller), args });
    const failed = this.injected(args.from);
    if (failed) return failed;
    const bad = this.checkFee(args.fee);
    if (bad) return bad;
    const spender: Account = { owner: caller, subaccount: args.spender_subaccount };
    const ak = `${accountKey(args.from)}>${accountKey(spender)}`;
    const allowance = this.allowances.get(ak) ?? 0n;
    if (allowance < args.amount + this.fee) return { Err: { InsufficientAllowance: { allowance } } };
    const r = this.move(args.from, args.to, args.amount);
    if ("Ok" in r) this.allowances.set(ak, allowance - args.amount - this.fee);
    return r;
  }

  private injected(from: Account): IcrcResult | undefined {
    const f = this.failures.shift();
    if (f === undefined) return undefined;
    const err = (e: IcrcError): IcrcResult => ({ Err: e });
    switch (f) {
      case "InsufficientFunds":
        return err({ InsufficientFunds: { balance: this.balanceOf(from) } });
      case "InsufficientAllowance":
        return err({ InsufficientAllowance: { allowance: 0n } });
      case "BadFee":
        return err({ BadFee: { expected_fee: this.fee + 1n } });
      case "TemporarilyUnavailable":
        return err({ TemporarilyUnavailable: null });
      case "GenericError":
        return err({ GenericError: { error_code: 42n, message: "told to fail" } });
      case "trap":
        throw new LedgerTrap("fake ledger trapped (told to)");
    }
  }

  private checkFee(fee: [] | [bigint]): IcrcResult | undefined {
    if (fee.length === 1 && fee[0] !== this.fee) return { Err: { BadFee: { expected_fee: this.fee } } };
    return undefined;
  }

  private move(from: Account, to: Account, amount: bigint): IcrcResult {
    const fk = accountKey(from);
    const balance = this.balances.get(fk) ?? 0n;
    if (balance < amount + this.fee) return { Err: { InsufficientFunds: { balance } } };
    this.balances.set(fk, balance - amount - this.fee);
    const tk = accountKey(to);
    this.balances.set(tk, (this.balances.get(tk) ?? 0n) + amount);
    const index = this.blocks;
    this.blocks += 1n;
    return { Ok: index };
  }
}

const ZERO32 = "0x" + "00".repeat(32);

/** Canonical key of an ICRC account: owner hex + subaccount hex (absent = all zero). */
export function accountKey(account: Account | Uint8Array): string {
  if (account instanceof Uint8Array) return `${bytesToHex(account)}.${ZERO32}`;
  const sub = account.subaccount.length === 1 ? bytesToHex(account.subaccount[0]) : ZERO32;
  return `${bytesToHex(account.owner)}.${sub}`;
}
