import type { Params, State } from "../encoding/types";
import type { AssetChains } from "./types";

/**
 * The EVM adjudicator's column of the policy (contracts/), beyond the shared structure
 * (validateStateShape, whose rules mirror the Adjudicator's refusals at register and
 * concludeFinal) and the sub-channel tree bounds (checkSubChannels, `limits.ts`).
 *
 * Nothing EVM-specific beyond those today; the EVM issue (15) adds its rules here.
 */
export function evmRules(_params: Params, _state: State, _assets: AssetChains): void {}
