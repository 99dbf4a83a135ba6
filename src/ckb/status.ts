import { bytes } from "@ckb-lumos/codec";
import { ChannelStatus } from "./generated/perun";
import { decodeParams } from "../index";
import { decodeState } from "../index";
import { encodeParams } from "../index";
import { encodeState } from "../index";
import type { Hex, Params, State } from "../index";
import { CkbChannelCellError } from "./errors";
import type { ChannelStatusView } from "./types";

/** Cell data of a channel cell (molecule ChannelStatus). */
export function encodeChannelStatus(s: {
  params: Params;
  state: State;
  funded: boolean[];
  extras: bigint[];
  disputed: boolean;
}): string {
  return bytes.hexify(
    ChannelStatus.pack({
      params: encodeParams(s.params),
      state: encodeState(s.state),
      funded: bytes.hexify(s.funded.map((f) => (f ? 1 : 0))),
      extras: s.extras,
      disputed: s.disputed ? "0x01" : "0x00",
    }),
  );
}

/** Decodes a channel cell's data into its status (what the type script will judge). */
export function readChannelStatus(data: string): ChannelStatusView {
  let raw;
  try {
    raw = ChannelStatus.unpack(data);
  } catch (cause) {
    throw new CkbChannelCellError("channel cell data is not a ChannelStatus", { data }, cause);
  }
  const params = decodeParams(raw.params as Hex);
  const state = decodeState(raw.state as Hex);
  const funded = Array.from(bytes.bytify(raw.funded), (f) => f === 1);
  const extras = raw.extras.map((x: { toString(): string }) => BigInt(x.toString()));
  const disputed = raw.disputed === "0x01";
  const phase = disputed ? "disputed" : funded.every((f) => f) ? "open" : "funding";
  return { params, paramsBytes: raw.params, state, stateBytes: raw.state, funded, extras, disputed, phase };
}
