/**
 * Thrown by the canister's `pre_upgrade` while ledger calls are outstanding; the trap refuses
 * the upgrade and leaves the canister as it was.
 *
 * Whom it protects from what: an upgrade does not wait for outstanding calls, and their reply
 * callbacks then run against the NEW code (IC interface spec), where Azle finds no promise to
 * settle: the callback and its cleanup trap, so a withdrawal's debit is never restored (its
 * owner loses it) and a deposit that the ledger did make is never credited. Refusing the upgrade
 * keeps every participant's funds safe even when an operator upgrades without stopping first;
 * `npm run deploy:icp` stops, installs and starts, so the IC itself waits for the calls.
 */
export class UpgradeRefused extends Error {
  constructor(readonly inFlight: number) {
    super(
      `upgrade refused: ${inFlight} ledger call(s) outstanding; stop the canister first (dfx canister stop), then install and start`,
    );
    this.name = "UpgradeRefused";
    Object.setPrototypeOf(this, UpgradeRefused.prototype);
  }
}

/** Refuses an upgrade while `inFlight` ledger calls wait for their answer. */
export function refuseUpgradeWhileCalling(inFlight: number): void {
  if (inFlight > 0) throw new UpgradeRefused(inFlight);
}
