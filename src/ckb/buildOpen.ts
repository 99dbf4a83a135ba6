import type { Cell } from "@ckb-lumos/base";
import { channelId } from "../index";
import type { Params, State } from "../index";
import { checkCkbParticipants } from "./checkCkbParticipants";
import { checkDeployment } from "./checkDeployment";
import { CkbBuildError } from "./errors";
import { channelLockScript, channelNonce, channelTypeScript } from "./scripts";
import { assemble, minimalCell, type Skeleton } from "./skeleton";
import { encodeChannelStatus } from "./status";
import type { CkbDeployment, FeePayer } from "./types";

/**
 * Open: creates the channel cell. `params.nonce` must be channelNonce(feePayer.cells[0]'s
 * out-point): that cell is spent as the first input, which makes the channel ID unique.
 * The channel cell's capacity (occupied + `headroom` for later, larger states) is paid by
 * the opener and refunded to participant 0 at the end, so the opener should be participant 0.
 */
export function buildOpen(args: {
  deployment: CkbDeployment;
  params: Params;
  initialState: State;
  feePayer: FeePayer;
  headroom?: bigint;
}): { skeleton: Skeleton; channelId: string; typeScript: ReturnType<typeof channelTypeScript>; channelCell: Cell } {
  const { deployment: d, params, initialState, feePayer } = args;
  checkDeployment(d);
  checkCkbParticipants(params);
  const first = feePayer.cells[0];
  if (first?.outPoint === undefined)
    throw new CkbBuildError("the fee payer's first cell (with an out-point) binds the channel identity");
  if (params.nonce !== channelNonce(first.outPoint)) {
    throw new CkbBuildError("params.nonce must be channelNonce(first fee-payer cell's out-point)", {
      expected: channelNonce(first.outPoint),
      actual: params.nonce,
    });
  }
  const id = channelId(params);
  if (initialState.channelID.toLowerCase() !== id)
    throw new CkbBuildError("the initial state belongs to another channel", { id });
  const type = channelTypeScript(d, id);
  const lock = channelLockScript(d, type);
  const n = params.participants.length;
  const data = encodeChannelStatus({
    params,
    state: initialState,
    funded: new Array(n).fill(false),
    extras: new Array(n).fill(0n),
    disputed: false,
  });
  // Room for a later state up to 1 kB larger (appData, …): the capacity is fixed at open.
  const channelCell = minimalCell(lock, type, data, args.headroom ?? 1024n * 100_000_000n);
  const skeleton = assemble(d, [], [channelCell], feePayer);
  return { skeleton, channelId: id, typeScript: type, channelCell };
}
