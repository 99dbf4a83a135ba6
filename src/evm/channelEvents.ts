/**
 * The Perun events of one adjudicator and its asset holders, decoded and in chain order:
 * `ChannelUpdate` (a dispute was registered, refuted, progressed or concluded), `OutcomeSet`,
 * `Deposited` and `Withdrawn`. `queryChannelEvents` reads a block range (in chunks, as public
 * nodes limit `eth_getLogs` ranges); `watchChannelEvents` keeps reading new blocks.
 */
import { Interface } from "ethers";
import type { Log, Provider } from "ethers";
import { normalizeAddress } from "../index";
import type { Address, Hex } from "../index";
import { ADJUDICATOR_ABI, ASSET_HOLDER_ABI } from "./abis";
import type { ChannelPhase } from "./channelStatus";
import { requireBytes32 } from "./requireBytes32";
import { toEvmError } from "./toEvmError";

interface EventBase {
  /** The emitting contract (lowercase). */
  address: Address;
  blockNumber: number;
  transactionHash: string;
  logIndex: number;
}

/** `Adjudicator.ChannelUpdate(channelID, version, phase, timeout)`. */
export interface ChannelUpdateEvent extends EventBase {
  kind: "ChannelUpdate";
  channelID: Hex;
  version: bigint;
  phase: Exclude<ChannelPhase, "none">;
  timeout: bigint;
}

/** `AssetHolder.OutcomeSet(channelID)`. */
export interface OutcomeSetEvent extends EventBase {
  kind: "OutcomeSet";
  channelID: Hex;
}

/** `AssetHolder.Deposited(fundingID, amount)`. */
export interface DepositedEvent extends EventBase {
  kind: "Deposited";
  fundingID: Hex;
  amount: bigint;
}

/** `AssetHolder.Withdrawn(fundingID, amount, receiver)`. */
export interface WithdrawnEvent extends EventBase {
  kind: "Withdrawn";
  fundingID: Hex;
  amount: bigint;
  receiver: Address;
}

/** Any decoded Perun event. */
export type PerunEvmEvent = ChannelUpdateEvent | OutcomeSetEvent | DepositedEvent | WithdrawnEvent;

/** Which contracts and IDs to read. */
export interface ChannelEventFilter {
  adjudicator: Address | string;
  holders?: (Address | string)[];
  /** Only events about these channel IDs (ChannelUpdate, OutcomeSet); default all. */
  channelIDs?: Hex[];
  /** Only events about these funding IDs (Deposited, Withdrawn); default all. */
  fundingIDs?: Hex[];
}

/** Largest block range per `eth_getLogs` call. */
export const LOG_CHUNK_BLOCKS = 2_000;

const ADJUDICATOR = new Interface(ADJUDICATOR_ABI);
const HOLDER = new Interface(ASSET_HOLDER_ABI);
const PHASES = ["dispute", "forceexec", "concluded"] as const;

/** Events in blocks `fromBlock..toBlock` (inclusive), sorted by block and log index. */
export async function queryChannelEvents(
  provider: Provider,
  filter: ChannelEventFilter,
  fromBlock: number,
  toBlock: number,
): Promise<PerunEvmEvent[]> {
  const adjudicator = normalizeAddress(filter.adjudicator, "adjudicator");
  const holders = (filter.holders ?? []).map((h) => normalizeAddress(h, "holder"));
  const channels = filter.channelIDs?.map((id, i) => requireBytes32(id, `channelIDs[${i}]`));
  const fundings = filter.fundingIDs?.map((id, i) => requireBytes32(id, `fundingIDs[${i}]`));
  const events: PerunEvmEvent[] = [];
  for (let start = fromBlock; start <= toBlock; start += LOG_CHUNK_BLOCKS) {
    const end = Math.min(toBlock, start + LOG_CHUNK_BLOCKS - 1);
    let logs: Log[];
    try {
      logs = await provider.getLogs({ address: [adjudicator, ...holders], fromBlock: start, toBlock: end });
    } catch (e) {
      throw toEvmError("eth_getLogs", e);
    }
    for (const log of logs) {
      const event = decodeLog(log, log.address.toLowerCase() === adjudicator);
      if (!event) continue;
      if (
        (event.kind === "ChannelUpdate" || event.kind === "OutcomeSet") &&
        channels &&
        !channels.includes(event.channelID)
      )
        continue;
      if ((event.kind === "Deposited" || event.kind === "Withdrawn") && fundings && !fundings.includes(event.fundingID))
        continue;
      events.push(event);
    }
  }
  return events.sort((a, b) => a.blockNumber - b.blockNumber || a.logIndex - b.logIndex);
}

function decodeLog(log: Log, fromAdjudicator: boolean): PerunEvmEvent | undefined {
  const parsed = (fromAdjudicator ? ADJUDICATOR : HOLDER).parseLog({ topics: [...log.topics], data: log.data });
  if (!parsed) return undefined;
  const base: EventBase = {
    address: log.address.toLowerCase() as Address,
    blockNumber: log.blockNumber,
    transactionHash: log.transactionHash,
    logIndex: log.index,
  };
  const a = parsed.args;
  switch (parsed.name) {
    case "ChannelUpdate":
      return {
        ...base,
        kind: "ChannelUpdate",
        channelID: String(a.channelID).toLowerCase() as Hex,
        version: BigInt(a.version),
        phase: PHASES[Number(a.phase)] ?? "dispute",
        timeout: BigInt(a.timeout),
      };
    case "OutcomeSet":
      return { ...base, kind: "OutcomeSet", channelID: String(a.channelID).toLowerCase() as Hex };
    case "Deposited":
      return {
        ...base,
        kind: "Deposited",
        fundingID: String(a.fundingID).toLowerCase() as Hex,
        amount: BigInt(a.amount),
      };
    case "Withdrawn":
      return {
        ...base,
        kind: "Withdrawn",
        fundingID: String(a.fundingID).toLowerCase() as Hex,
        amount: BigInt(a.amount),
        receiver: String(a.receiver).toLowerCase() as Address,
      };
    default:
      return undefined;
  }
}
