import type { Cell, CellDep, HashType, Script } from "@ckb-lumos/base";
import type { Params, State } from "../index";

/** Where a deployed script lives: its code hash/hash type and the cell dep that carries it. */
export interface DeployedScript {
  codeHash: string;
  hashType: HashType;
  cellDep: CellDep;
}

/**
 * The three script cells a channel needs: the ckb-js-vm binary, the channel type script's
 * JavaScript bundle (run by ckb-js-vm; referenced by data hash), and the channel-lock binary.
 */
export interface CkbDeployment {
  jsVm: DeployedScript;
  channelType: DeployedScript;
  channelLock: DeployedScript;
}

/** Cells a submitter spends to pay the fee (and any capacity top-up), with its change lock. */
export interface FeePayer {
  cells: Cell[];
  changeLock: Script;
  /** Transaction fee in shannons (default 100_000). */
  fee?: bigint;
}

/** A decoded channel cell status (see readChannelStatus). */
export interface ChannelStatusView {
  params: Params;
  paramsBytes: string;
  state: State;
  stateBytes: string;
  funded: boolean[];
  extras: bigint[];
  disputed: boolean;
  phase: "funding" | "open" | "disputed";
}

/** A live channel cell and what it holds. */
export interface ChannelCell {
  cell: Cell;
  status: ChannelStatusView;
}
