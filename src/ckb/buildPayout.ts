import type { Cell, Script } from "@ckb-lumos/base";
import { utils } from "@ckb-lumos/base";
import { bytes } from "@ckb-lumos/codec";
import type { Hex, State } from "../index";
import { decodeState } from "../index";
import { encodeState } from "../index";
import { CkbBuildError } from "./errors";
import { payoutOutputs } from "./payouts";
import { actionWitness, assemble, type Skeleton } from "./skeleton";
import type { ChannelCell, CkbDeployment, FeePayer } from "./types";

interface PayoutArgs {
  deployment: CkbDeployment;
  channel: ChannelCell;
  /** Every funds cell of the channel (cells locked by the channel cell's lock). */
  fundsCells: Cell[];
  /** Each participant's payout lock; its hash must be the participant's ccAddress. */
  payoutLocks: Script[];
  feePayer: FeePayer;
}

function fundsInputs(channel: ChannelCell, fundsCells: Cell[]) {
  const lock = channel.cell.cellOutput.lock;
  for (const c of fundsCells) {
    if (c.cellOutput.lock.args !== lock.args || c.cellOutput.lock.codeHash !== lock.codeHash) {
      throw new CkbBuildError("a funds cell is not locked by this channel's lock");
    }
  }
  return fundsCells.map((cell) => ({ cell }));
}

/**
 * Abort: refunds everybody who funded while the channel is not fully funded. Only a
 * participant may abort: one of `feePayer.cells` must be under a participant's own lock.
 */
export function buildAbort(a: PayoutArgs): Skeleton {
  if (a.channel.status.funded.every((f) => f))
    throw new CkbBuildError("the channel is fully funded: abort is refused on-chain");
  const cc = new Set(a.channel.status.params.participants.map((p) => p.ccAddress.toLowerCase()));
  if (!a.feePayer.cells.some((c) => cc.has(utils.computeScriptHash(c.cellOutput.lock))))
    throw new CkbBuildError("only a participant may abort: a fee payer cell must be under a participant's own lock");
  const outputs = payoutOutputs(a.channel, a.channel.status.state, a.payoutLocks, a.fundsCells, true);
  const witness = actionWitness({ type: "Abort", value: { reserved: "0x" } });
  return assemble(
    a.deployment,
    [{ cell: a.channel.cell, witness }, ...fundsInputs(a.channel, a.fundsCells)],
    outputs,
    a.feePayer,
  );
}

function signedBody(state: State, signatures: Hex[]) {
  return { state: encodeState(state), sigs: signatures.map((s) => bytes.hexify(s)) };
}

/** Close: pays out a final state signed by every participant (signatures from signState). */
export function buildClose(a: PayoutArgs & { state: State; signatures: Hex[] }): Skeleton {
  if (!a.state.isFinal) throw new CkbBuildError("close needs a final state");
  const outputs = payoutOutputs(a.channel, a.state, a.payoutLocks, a.fundsCells, false);
  const witness = actionWitness({ type: "Close", value: signedBody(a.state, a.signatures) });
  return assemble(
    a.deployment,
    [{ cell: a.channel.cell, witness }, ...fundsInputs(a.channel, a.fundsCells)],
    outputs,
    a.feePayer,
  );
}

/** `since` for the channel input of a force-close: relative timestamp of challengeDuration seconds. */
export function forceCloseSince(challengeDuration: bigint): string {
  return "0x" + ((0xc0n << 56n) | challengeDuration).toString(16);
}

/**
 * ForceClose: after the challenge window pays out the registered state. The channel input
 * carries a relative-timestamp `since` of challengeDuration, so the node refuses the
 * transaction until the dispute cell is that old.
 */
export function buildForceClose(a: PayoutArgs): Skeleton {
  const st = a.channel.status;
  if (!st.disputed) throw new CkbBuildError("force-close needs a registered dispute");
  const state = decodeState(st.stateBytes as Hex);
  const outputs = payoutOutputs(a.channel, state, a.payoutLocks, a.fundsCells, false);
  const witness = actionWitness({ type: "ForceClose", value: { reserved: "0x" } });
  const since = forceCloseSince(st.params.challengeDuration);
  return assemble(
    a.deployment,
    [{ cell: a.channel.cell, witness, since }, ...fundsInputs(a.channel, a.fundsCells)],
    outputs,
    a.feePayer,
  );
}
