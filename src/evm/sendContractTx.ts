/**
 * Sends one contract transaction, waits for its receipt and turns every failure into a typed
 * error: a revert found while estimating gas (the usual case: nothing is sent) becomes a
 * `ContractRevertError`; a transaction mined with status 0 becomes a `TransactionRevertedError`
 * whose reason is found by replaying the call on the state before its block.
 */
import type { ContractTransactionResponse, TransactionReceipt } from "ethers";
import { ContractRevertError, EvmRpcError, TransactionRevertedError, UnknownRevertError } from "./errors";
import { toEvmError } from "./toEvmError";

/** Receipt of a successful transaction. */
export type EvmReceipt = TransactionReceipt;

/** Sends with `send` and returns the receipt of the successful transaction. */
export async function sendContractTx(
  action: string,
  send: () => Promise<ContractTransactionResponse>,
): Promise<EvmReceipt> {
  let tx: ContractTransactionResponse;
  try {
    tx = await send();
  } catch (e) {
    throw toEvmError(action, e);
  }
  let receipt: TransactionReceipt | null;
  try {
    receipt = await tx.wait();
  } catch (e) {
    const failed = (e as { receipt?: TransactionReceipt | null }).receipt;
    if (failed && failed.status === 0) throw await minedRevert(action, tx, failed);
    throw toEvmError(action, e);
  }
  if (!receipt) throw new EvmRpcError(action, `no receipt for ${tx.hash}`);
  if (receipt.status !== 1) throw await minedRevert(action, tx, receipt);
  await nonceAdvanced(tx);
  return receipt;
}

/**
 * Waits until the provider reports the sender's next nonce. ethers' JsonRpcProvider answers a
 * repeated `eth_getTransactionCount` from a short cache (250 ms by default), so a second
 * transaction sent right after a mined one (approve → deposit, deposit → close) would reuse the
 * nonce and be rejected; a wallet sending through the client must not have to know that.
 */
async function nonceAdvanced(tx: ContractTransactionResponse): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if ((await tx.provider.getTransactionCount(tx.from, "pending")) > tx.nonce) return;
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

async function minedRevert(
  action: string,
  tx: ContractTransactionResponse,
  receipt: TransactionReceipt,
): Promise<TransactionRevertedError> {
  let revert: ContractRevertError | UnknownRevertError | undefined;
  try {
    await tx.provider.call({
      to: tx.to,
      from: tx.from,
      data: tx.data,
      value: tx.value,
      blockTag: Math.max(0, receipt.blockNumber - 1),
    });
  } catch (e) {
    const typed = toEvmError(action, e);
    if (typed instanceof ContractRevertError || typed instanceof UnknownRevertError) revert = typed;
  }
  return new TransactionRevertedError(action, receipt.hash, revert);
}
