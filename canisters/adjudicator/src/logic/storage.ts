import type { DisputeRecord, Holding, LoggedEvent } from "./types";

/**
 * Persistent state of the adjudicator. The canister backs it with StableBTreeMaps (so it
 * survives upgrades); tests use {@link MemoryStorage}. Keys are lowercase hex strings.
 */
export interface Storage {
  holding(ledger: string, fundingID: string): Holding | undefined;
  setHolding(ledger: string, fundingID: string, holding: Holding): void;
  /** Every (ledger, funding ID) with holdings, for audits and the books invariant. */
  allHoldings(): Array<{ ledger: string; fundingID: string; holding: Holding }>;
  isSettled(fundingID: string): boolean;
  setSettled(fundingID: string): void;
  dispute(channelID: string): DisputeRecord | undefined;
  setDispute(channelID: string, record: DisputeRecord): void;
  eventCount(): bigint;
  event(index: bigint): LoggedEvent | undefined;
  appendEvent(event: LoggedEvent): void;
  /** The controller's ledger allow-list (principal bytes as hex): only these ledgers are ever called. */
  isLedgerAllowed(ledger: string): boolean;
  setLedgerAllowed(ledger: string, allowed: boolean): void;
  allowedLedgers(): string[];
}
