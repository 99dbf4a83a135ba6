/**
 * The contract between the demo runner (`scripts/demo.ts`) and the per-chain demo modules.
 * Every chain tells the same story with its own contracts and reports each on-chain step with
 * its cost in the chain's own unit (EVM gas now; ICP instructions or cycles and CKB cycles when
 * those chains join), so the runner can print one table per chain without knowing the chain.
 */
import type { DemoPerson } from "./people";

/** One on-chain action and what it cost. */
export interface DemoStep {
  /** Part of the story the step belongs to, e.g. "setup", "channel 1 (cooperative close)". */
  phase: string;
  /** What was done, e.g. "deposit ETH". */
  action: string;
  /** Who sent it ("deployer", "Alice", "Bob"). */
  actor: string;
  /** Cost in the chain's `unit`. */
  cost: bigint;
}

/** What one participant received from one channel in one asset. */
export interface DemoPayout {
  channel: string;
  participant: string;
  asset: string;
  amount: bigint;
}

/** What a chain module returns when its whole story succeeded. */
export interface ChainReport {
  /** Short chain name, e.g. "EVM". */
  chain: string;
  /** Where it ran, e.g. "Hardhat in-process network, chain ID 31337". */
  environment: string;
  /** Cost unit of every step, e.g. "gas". */
  unit: string;
  steps: DemoStep[];
  /** Number of checks that passed (every one that failed would have thrown). */
  checks: number;
  payouts: DemoPayout[];
}

/** Progress output. Modules describe what happens; the runner decides where it goes. */
export interface DemoLog {
  /** A chain's title. */
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

/** What the runner hands to every chain module. */
export interface DemoContext {
  log: DemoLog;
  /** The channel participants, the same identities (secp256k1 keys) on every chain. */
  people: { alice: DemoPerson; bob: DemoPerson };
}

/** A chain's part of the demo. */
export interface ChainDemo {
  /** Short chain name, e.g. "EVM". */
  chain: string;
  /** Cost unit of its steps. */
  unit: string;
  /** Runs the whole story; throws on any failure. */
  run(ctx: DemoContext): Promise<ChainReport>;
}
