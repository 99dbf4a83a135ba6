/**
 * Sends the demo's transactions and records each as a `DemoStep` with its gas, plus the fee
 * each actor paid per phase — the ETH balance checks subtract exactly those fees, so they can
 * be exact instead of "roughly right".
 */
import type { ContractTransactionResponse, TransactionReceipt, TransactionResponse } from "ethers";
import { DemoCheckError } from "../../lib/scriptErrors";
import type { DemoStep } from "../types";

export class TxRecorder {
  readonly steps: DemoStep[] = [];
  private readonly fees = new Map<string, bigint>();

  /** Sends with `send`, waits for success, records the step; returns the receipt. */
  async send(
    phase: string,
    action: string,
    actor: string,
    send: () => Promise<ContractTransactionResponse | TransactionResponse>,
  ): Promise<TransactionReceipt> {
    const tx = await send();
    const receipt = await tx.wait();
    if (!receipt || receipt.status !== 1)
      throw new DemoCheckError(`${action} by ${actor}`, "a successful transaction", "a failed one");
    return this.receipt(phase, action, actor, receipt);
  }

  /** Records a transaction the EVM client sent and confirmed; returns the receipt. */
  receipt(phase: string, action: string, actor: string, receipt: TransactionReceipt): TransactionReceipt {
    this.record({ phase, action, actor, cost: receipt.gasUsed });
    const key = feeKey(phase, actor);
    this.fees.set(key, (this.fees.get(key) ?? 0n) + receipt.fee);
    return receipt;
  }

  /** Records a step whose transaction was sent elsewhere (e.g. by `deployEvm`). */
  record(step: DemoStep): void {
    this.steps.push(step);
  }

  /** Total fee (wei) `actor` paid in `phases`. */
  feesPaid(phases: readonly string[], actor: string): bigint {
    return phases.reduce((sum, phase) => sum + (this.fees.get(feeKey(phase, actor)) ?? 0n), 0n);
  }
}

function feeKey(phase: string, actor: string): string {
  return `${phase}\u0000${actor}`;
}
