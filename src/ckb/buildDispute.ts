import type { Cell } from "@ckb-lumos/base";
import { bytes } from "@ckb-lumos/codec";
import { encodeState } from "../index";
import type { Hex, State } from "../index";
import { CkbBuildError } from "./errors";
import { actionWitness, assemble, type Skeleton } from "./skeleton";
import { encodeChannelStatus } from "./status";
import type { ChannelCell, CkbDeployment, FeePayer } from "./types";

/**
 * Dispute: registers (or, if already disputed, refutes with) a state signed by every
 * participant (signatures from the library's signState, in params order). The re-created
 * channel cell starts the challenge window.
 */
export function buildDispute(args: {
  deployment: CkbDeployment;
  channel: ChannelCell;
  state: State;
  signatures: Hex[];
  feePayer: FeePayer;
}): Skeleton {
  const { deployment: d, channel, state, signatures, feePayer } = args;
  const st = channel.status;
  if (!st.funded.every((f) => f)) throw new CkbBuildError("dispute needs a fully funded channel");
  if (st.disputed ? state.version <= st.state.version : state.version < st.state.version) {
    throw new CkbBuildError("state version is not newer than the channel's", {
      have: st.state.version,
      got: state.version,
    });
  }
  const next: Cell = {
    cellOutput: { ...channel.cell.cellOutput },
    data: encodeChannelStatus({ params: st.params, state, funded: st.funded, extras: st.extras, disputed: true }),
  };
  const witness = actionWitness({
    type: "Dispute",
    value: { state: encodeState(state), sigs: signatures.map((s) => bytes.hexify(s)) },
  });
  return assemble(d, [{ cell: channel.cell, witness }], [next], feePayer);
}
