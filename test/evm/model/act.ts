/**
 * Sends one model action to the chain and compares what happened with the model's prediction.
 *
 * A prediction lists the rules the action breaks. `mustFail`: rules that certainly apply, so
 * the action must revert with one of them (or one of `mayFail`). `mayFail`: rules whose outcome
 * depends on the exact timestamp of the next block, which the model knows only to within a
 * few seconds (a transaction mines at `max(previous + 1, wall clock + offset)`); such an action
 * may succeed or revert with one of them. An action breaking no rule must succeed. Boundary
 * commands pin the next block's timestamp (`Model.pinned`), which makes every timing rule exact.
 */
import { ethers } from "hardhat";
import { mine } from "@nomicfoundation/hardhat-network-helpers";
import type { ContractTransactionResponse } from "ethers";
import { expect } from "chai";
import { UnexpectedOutcomeError, decodeRevert, describeErrors, matchesOneOf, revertDataOf } from "./expectCustomError";
import type { DecodedRevert, ExpectedError } from "./expectCustomError";
import type { Model, Real } from "./channelModel";
import { note } from "./channelModel";

/** Seconds of uncertainty about the next block's timestamp. */
export const SLACK = 10n;

/** The rules an action breaks. */
export interface Prediction {
  mustFail: ExpectedError[];
  mayFail: ExpectedError[];
}

/** An empty prediction (the action must succeed) to add rules to. */
export function prediction(): Prediction {
  return { mustFail: [], mayFail: [] };
}

/** Whether the next transaction's timestamp is at or after `boundary`: yes, no, or not knowable. */
export function reached(m: Model, boundary: bigint): "yes" | "no" | "maybe" {
  if (m.pinned !== undefined) return m.pinned >= boundary ? "yes" : "no";
  if (m.now + 1n >= boundary) return "yes";
  if (m.now + SLACK < boundary) return "no";
  return "maybe";
}

/** Adds `err` as certain when `cond` is "yes", as possible when "maybe". */
export function addTimed(p: Prediction, cond: "yes" | "no" | "maybe", err: ExpectedError): void {
  if (cond === "yes") p.mustFail.push(err);
  else if (cond === "maybe") p.mayFail.push(err);
}

/** The outcome of an action. */
export type Outcome = { ok: true; ts: bigint } | { ok: false; error: DecodedRevert };

/** Refreshes the model's clock from the latest block. */
export async function syncClock(m: Model): Promise<void> {
  const block = await ethers.provider.getBlock("latest");
  if (block === null) throw new UnexpectedOutcomeError("the provider returned no latest block");
  m.now = BigInt(block.timestamp);
}

/**
 * Runs `send`, waits for the receipt, and checks the outcome against `p`. Returns the outcome
 * (with the block timestamp on success) so the command can update the model.
 */
export async function act(
  m: Model,
  real: Real,
  what: string,
  send: () => Promise<ContractTransactionResponse>,
  p: Prediction,
): Promise<Outcome> {
  let outcome: Outcome;
  try {
    const tx = await send();
    const receipt = await tx.wait();
    if (receipt === null) throw new UnexpectedOutcomeError(`${what}: no receipt`);
    const block = await ethers.provider.getBlock(receipt.blockNumber);
    if (block === null) throw new UnexpectedOutcomeError(`${what}: no block ${receipt.blockNumber}`);
    outcome = { ok: true, ts: BigInt(block.timestamp) };
  } catch (err) {
    const data = revertDataOf(err);
    const decoded = data === undefined ? undefined : decodeRevert(data, real.errorInterfaces);
    if (decoded === undefined) {
      throw new UnexpectedOutcomeError(
        `${what}: failed without a decodable custom error: ${String((err as Error).message ?? err)}`,
      );
    }
    outcome = { ok: false, error: decoded };
  }
  if (m.pinned !== undefined) {
    // A pinned timestamp belongs to the next mined block: the action's own, or (when it
    // reverted in gas estimation and mined nothing) an empty block mined here.
    if (outcome.ok) {
      expect(outcome.ts, `${what}: mined at the pinned timestamp`).to.equal(m.pinned);
    } else {
      await mine();
    }
    m.pinned = undefined;
  }
  await syncClock(m);
  const allowed = [...p.mustFail, ...p.mayFail];
  if (outcome.ok) {
    note(m, `${what} -> ok @${outcome.ts}`);
    expect(p.mustFail, `${what} succeeded but must revert with ${describeErrors(p.mustFail)}`).to.have.length(0);
  } else {
    note(m, `${what} -> ${describeErrors([outcome.error])}`);
    expect(
      allowed.length,
      `${what} reverted with ${describeErrors([outcome.error])} but must succeed`,
    ).to.be.greaterThan(0);
    expect(
      matchesOneOf(outcome.error, allowed),
      `${what} reverted with ${describeErrors([outcome.error])}, expected ${describeErrors(allowed)}`,
    ).to.equal(true);
  }
  return outcome;
}
