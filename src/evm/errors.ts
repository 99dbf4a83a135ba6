/**
 * Errors of the EVM client. All derive from the library's `PerunError` (one error family):
 * `instanceof PerunError` separates "rejected by a rule" from bugs, and the subclass says which.
 *
 * - `ContractRevertError`: a contract reverted with a custom error (or Error/Panic) that the
 *   client decoded; `revertName` and `args` are typed from the contracts' ABIs.
 * - `UnknownRevertError`: a revert whose data no Perun contract declares (a token's or an
 *   app's own error, or no data at all).
 * - `TransactionRevertedError`: a transaction was mined but failed; `revert` holds the decoded
 *   reason when replaying the call found one.
 * - `EvmClientInputError`: the client refused a request before sending anything.
 * - `AllowanceNotRaisedError`: an ERC-20 `approve` did not give the holder the allowance.
 * - `EvmRpcError`: the node or the transport failed (no revert involved); its message carries the
 *   node's own reason, also when ethers only says "could not coalesce error".
 * - `EvmInsufficientFundsError` (an `EvmRpcError`): the sender cannot pay value + gas.
 */
import { PerunError } from "../index";
import type { DecodedRevert, PerunContractName, RevertArgs, RevertName } from "./contractErrors";

/** Base class of every error the EVM client throws on purpose. */
export class EvmClientError extends PerunError {}

/** A Perun contract reverted; the custom error was decoded. */
export class ContractRevertError<N extends RevertName = RevertName> extends EvmClientError {
  /** The custom error's name, e.g. `"DisputeStaleVersion"`. */
  readonly revertName: N;
  /** Its arguments by name, typed from the ABI. */
  readonly args: RevertArgs<N>;
  /** Its arguments in declaration order. */
  readonly argList: readonly unknown[];
  /** `Name(type,…)`. */
  readonly signature: string;
  /** The 4-byte selector. */
  readonly selector: string;
  /** The contracts whose ABI declares the error. */
  readonly declaredBy: readonly PerunContractName[];
  /** What the client was doing, e.g. `"Adjudicator.register"`. */
  readonly action: string;
  /** The raw revert data. */
  readonly data: string;

  constructor(action: string, decoded: DecodedRevert<N>, data: string, cause?: unknown) {
    super(
      `${action} reverted: ${decoded.name}(${decoded.argList.map(String).join(", ")})`,
      { action, revertName: decoded.name, args: decoded.args, selector: decoded.selector, data },
      cause,
    );
    this.revertName = decoded.name;
    this.args = decoded.args;
    this.argList = decoded.argList;
    this.signature = decoded.signature;
    this.selector = decoded.selector;
    this.declaredBy = decoded.declaredBy;
    this.action = action;
    this.data = data;
  }

  /** Narrows to one error, e.g. `if (e.is("DisputeStaleVersion")) e.args.registered`. */
  is<M extends RevertName>(
    name: M,
  ): this is ContractRevertError<M> & { readonly revertName: M; readonly args: RevertArgs<M> } {
    return (this.revertName as string) === name;
  }
}

/** Revert data that no Perun contract declares, or a revert without data. */
export class UnknownRevertError extends EvmClientError {
  readonly action: string;
  /** The raw revert data ("0x" when the node returned none). */
  readonly data: string;

  constructor(action: string, data: string, cause?: unknown) {
    super(
      `${action} reverted ${data === "0x" ? "without data" : `with an error no Perun contract declares (data ${data})`}`,
      { action, data },
      cause,
    );
    this.action = action;
    this.data = data;
  }
}

/** A mined transaction failed (status 0). */
export class TransactionRevertedError extends EvmClientError {
  readonly action: string;
  readonly txHash: string;
  /** The reason, found by replaying the call on the state before its block; may be absent. */
  readonly revert?: ContractRevertError | UnknownRevertError;

  constructor(action: string, txHash: string, revert?: ContractRevertError | UnknownRevertError) {
    super(
      `${action}: transaction ${txHash} was mined but reverted${revert ? ` (replayed: ${revert.message})` : ""}`,
      { action, txHash },
      revert,
    );
    this.action = action;
    this.txHash = txHash;
    this.revert = revert;
  }
}

/** The client refused a request before sending anything. */
export class EvmClientInputError extends EvmClientError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

/** `approve` was mined but the holder's allowance is still below the deposit. */
export class AllowanceNotRaisedError extends EvmClientError {
  constructor(token: string, holder: string, required: bigint, allowance: bigint) {
    super(`token ${token} did not raise the allowance of holder ${holder} to ${required} (it is ${allowance})`, {
      token,
      holder,
      required,
      allowance,
    });
  }
}

/** The node or the transport failed without a revert. */
export class EvmRpcError extends EvmClientError {
  readonly action: string;
  constructor(action: string, reason: string, cause?: unknown) {
    super(`${action} failed: ${reason}`, { action, reason }, cause);
    this.action = action;
  }
}

/** The node refused the transaction because the sender cannot pay its value and gas. */
export class EvmInsufficientFundsError extends EvmRpcError {
  constructor(action: string, reason: string, cause?: unknown) {
    super(action, /^insufficient funds/i.test(reason) ? reason : `insufficient funds: ${reason}`, cause);
  }
}
