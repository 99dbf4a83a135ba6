import { StableBTreeMap } from "azle";
import type { Storage } from "./logic/storage";
import type { DisputeRecord, Holding, LoggedEvent } from "./logic/types";

/**
 * The adjudicator's {@link Storage} in stable memory: every map is a StableBTreeMap with its
 * own memory ID, so holdings, disputes, settled flags and the event log survive upgrades.
 * No state lives on the heap (a heap counter would silently restart at 0 after an upgrade);
 * the event count is the event map's length. Values use Azle's stableJson (bigint and
 * Uint8Array aware). Memory IDs are part of the upgrade contract: never renumber them.
 */
export class StableStorage implements Storage {
  private readonly holdings = new StableBTreeMap<string, Holding>(0);
  private readonly settled = new StableBTreeMap<string, boolean>(1);
  private readonly disputes = new StableBTreeMap<string, DisputeRecord>(2);
  private readonly events = new StableBTreeMap<bigint, LoggedEvent>(3);
  private readonly ledgers = new StableBTreeMap<string, boolean>(4);

  holding(ledger: string, fundingID: string): Holding | undefined {
    return this.holdings.get(`${ledger}/${fundingID}`);
  }
  setHolding(ledger: string, fundingID: string, holding: Holding): void {
    this.holdings.insert(`${ledger}/${fundingID}`, holding);
  }
  allHoldings(): Array<{ ledger: string; fundingID: string; holding: Holding }> {
    return this.holdings.items().map(([k, holding]) => {
      const [ledger, fundingID] = k.split("/");
      return { ledger, fundingID, holding };
    });
  }
  isSettled(fundingID: string): boolean {
    return this.settled.containsKey(fundingID);
  }
  setSettled(fundingID: string): void {
    this.settled.insert(fundingID, true);
  }
  dispute(channelID: string): DisputeRecord | undefined {
    return this.disputes.get(channelID);
  }
  setDispute(channelID: string, record: DisputeRecord): void {
    this.disputes.insert(channelID, record);
  }
  eventCount(): bigint {
    return BigInt(this.events.len());
  }
  event(index: bigint): LoggedEvent | undefined {
    return this.events.get(index);
  }
  appendEvent(event: LoggedEvent): void {
    this.events.insert(event.index, event);
  }
  isLedgerAllowed(ledger: string): boolean {
    return this.ledgers.containsKey(ledger);
  }
  setLedgerAllowed(ledger: string, allowed: boolean): void {
    if (allowed) this.ledgers.insert(ledger, true);
    else this.ledgers.remove(ledger);
  }
  allowedLedgers(): string[] {
    return this.ledgers.keys();
  }
}
