import { LedgerCallInCleanup } from "./logic/ledgers";

/**
 * The answer of an entry point that awaits a ledger call — unless the logic finished inside
 * the IC's cleanup callback ({@link LedgerCallInCleanup}). There the IC interface spec allows
 * no `msg_reply` or `msg_reject`: Azle's automatic reply would trap and roll back the
 * cleanup's writes (a withdrawal's restored debit). So that answer never settles: Azle sends
 * nothing, the cleanup's writes are committed, and the IC rejects the caller's call because
 * the canister did not reply. The caller then reads the holdings to learn what happened.
 */
export async function answerUnlessCleanup<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (e) {
    if (e instanceof LedgerCallInCleanup) return new Promise<T>(() => undefined);
    throw e;
  }
}
