/**
 * What the parts of `npm start` share: progress output, the cost of every on-chain step in its
 * chain's own unit (EVM gas, ICP instructions, CKB cycles), and what each participant was paid.
 */

/** The three chains of the demo, in the order of the channel's assets. */
export type DemoChain = "EVM" | "ICP" | "CKB";

/** One on-chain action and what it cost. */
export interface DemoStep {
  /** Part of the story the step belongs to, e.g. "setup", "channel 1: open and fund". */
  phase: string;
  /** What was done, e.g. "deposit ETH". */
  action: string;
  /** Who sent it ("deployer", "Alice", "Bob"). */
  actor: string;
  /** Cost in the chain's unit. */
  cost: bigint;
}

/** What one participant received from one channel in one asset on one chain. */
export interface DemoPayout {
  channel: string;
  chain: DemoChain;
  participant: string;
  asset: string;
  /** Decimals of `asset`, for output. */
  decimals: number;
  /** Smallest units. */
  amount: bigint;
}

/** The steps one chain ran, for its cost table. */
export interface ChainCosts {
  chain: DemoChain;
  /** Where it ran, e.g. "Hardhat network "hardhat", chain ID 31337". */
  environment: string;
  /** Cost unit of every step, e.g. "gas". */
  unit: string;
  steps: DemoStep[];
}

/** Progress output. The story describes what happens; the caller decides where it goes. */
export interface DemoLog {
  /** A title. */
  heading(text: string): void;
  /** A part of the story (set-up, a channel). */
  section(text: string): void;
  /** Something that happened. */
  step(text: string): void;
  /** Supporting detail of the previous step (IDs, hashes). */
  detail(text: string): void;
  /** A check that passed. */
  check(text: string): void;
}
