import type { Storage } from "../../../canisters/adjudicator/src/logic/storage";
import type { DisputeRecord, Holding, LoggedEvent } from "../../../canisters/adjudicator/src/logic/types";

/** {@link Storage} in plain Maps, for the Node tests of the logic. Values are copied in and out like stable memory would. */
export class MemoryStorage implements Storage {
  private readonly holdings = new Map<string, Holding>();
  private readonly settled = new Set<string>();
  private readonly disputes = new Map<string, DisputeRecord>();
  private readonly events: LoggedEvent[] = [];

  holding(ledger: string, fundingID: string): Holding | undefined {
    const h = this.holdings.get(`${ledger}/${fundingID}`);
    return h === undefined ? undefined : { ...h };
  }
  setHolding(ledger: string, fundingID: string, holding: Holding): void {
    this.holdings.set(`${ledger}/${fundingID}`, { ...holding });
  }
  allHoldings(): Array<{ ledger: string; fundingID: string; holding: Holding }> {
    return [...this.holdings].map(([k, holding]) => {
      const [ledger, fundingID] = k.split("/");
      return { ledger, fundingID, holding: { ...holding } };
    });
  }
  isSettled(fundingID: string): boolean {
    return this.settled.has(fundingID);
  }
  setSettled(fundingID: string): void {
    this.settled.add(fundingID);
  }
  dispute(channelID: string): DisputeRecord | undefined {
    const r = this.disputes.get(channelID);
    return r === undefined ? undefined : structuredClone(r);
  }
  setDispute(channelID: string, record: DisputeRecord): void {
    this.disputes.set(channelID, structuredClone(record));
  }
  eventCount(): bigint {
    return BigInt(this.events.length);
  }
  event(index: bigint): LoggedEvent | undefined {
    return this.events[Number(index)];
  }
  appendEvent(event: LoggedEvent): void {
    this.events.push(event);
  }
  private readonly ledgers = new Set<string>();
  isLedgerAllowed(ledger: string): boolean {
    return this.ledgers.has(ledger);
  }
  setLedgerAllowed(ledger: string, allowed: boolean): void {
    if (allowed) this.ledgers.add(ledger);
    else this.ledgers.delete(ledger);
  }
  allowedLedgers(): string[] {
    return [...this.ledgers];
  }
}
