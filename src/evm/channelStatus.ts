/** A channel's on-chain dispute record, read from `Adjudicator.disputes`. */
import type { Hex } from "../index";
import type { Adjudicator } from "../../typechain/evm/Adjudicator";
import { requireBytes32 } from "./requireBytes32";
import { toEvmError } from "./toEvmError";

/** Phase names; "none" means nothing was ever registered or concluded for the channel. */
export type ChannelPhase = "none" | "dispute" | "forceexec" | "concluded";

const PHASES: readonly ChannelPhase[] = ["dispute", "forceexec", "concluded"];

/** What the adjudicator knows about a channel. */
export interface ChannelStatus {
  channelID: Hex;
  /** True once a state was registered or the channel was concluded. */
  registered: boolean;
  phase: ChannelPhase;
  /** The registered version (0n when none). */
  version: bigint;
  /** End of the current window, unix seconds (0n when none). */
  timeout: bigint;
  challengeDuration: bigint;
  /** Hash of the registered state (zero when none). */
  stateHash: Hex;
  hasApp: boolean;
}

/** Reads `disputes(channelID)`; the record is registered iff its timeout is non-zero. */
export async function channelStatus(adjudicator: Adjudicator, channelID: Hex): Promise<ChannelStatus> {
  requireBytes32(channelID, "channelID");
  let d: Awaited<ReturnType<Adjudicator["disputes"]>>;
  try {
    d = await adjudicator.disputes(channelID);
  } catch (e) {
    throw toEvmError("Adjudicator.disputes", e);
  }
  const registered = d.timeout !== 0n;
  return {
    channelID: channelID.toLowerCase() as Hex,
    registered,
    phase: registered ? (PHASES[Number(d.phase)] ?? "dispute") : "none",
    version: d.version,
    timeout: d.timeout,
    challengeDuration: d.challengeDuration,
    stateHash: d.stateHash.toLowerCase() as Hex,
    hasApp: d.hasApp,
  };
}
