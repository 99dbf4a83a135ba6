import type { Address, BoundWithdrawalAuth, Hex, Params, State } from "../../src";
import {
  BACKEND_ETH,
  BOUND_WITHDRAWAL_DOMAIN,
  MAX_CHALLENGE_DURATION,
  PerunError,
  addressFromPrivateKey,
  channelId,
  encodeBoundWithdrawalAuth,
  keccak256,
  signBoundWithdrawalAuth,
  validateStateShape,
} from "../../src";

/**
 * Issue-6 vectors, built from the library alone (deterministic keys and values):
 * - `bound-withdrawal-auths.json`: the replay-proof withdrawal authorisation
 *   (`AssetHolder.withdrawBound`): encoding and signature;
 * - `state-shapes.json`: states (with the sub-channel parameters a client must pass) that every
 *   implementation must accept or refuse before signing, with the library's error class name
 *   and the EVM adjudicator's verdict for the same input (its custom error, or `evmAccept` for
 *   the one client-only rule: a sub-channel window longer than the parent's).
 */
const KEY_A = `0x${"11".repeat(32)}` as Hex;
const KEY_B = `0x${"22".repeat(32)}` as Hex;
const ZERO32 = `0x${"00".repeat(32)}` as Hex;
const ZERO_ADDRESS = `0x${"00".repeat(20)}` as Address;
const A = addressFromPrivateKey(KEY_A);
const B = addressFromPrivateKey(KEY_B);
const C = `0x${"0c".repeat(20)}` as Address;

function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}
function hex(bytes: Uint8Array): Hex {
  let s = "0x";
  for (const b of bytes) s += b.toString(16).padStart(2, "0");
  return s as Hex;
}

function boundCases(): { auth: BoundWithdrawalAuth; key: Hex }[] {
  const channelID = keccak256(Uint8Array.from([1, 2, 3]));
  return [
    {
      key: KEY_A,
      auth: {
        auth: {
          channelID,
          participant: { ethAddress: A, ccAddress: ZERO32 },
          receiver: `0x${"cd".repeat(20)}`,
          amount: 40n,
        },
        holder: `0x${"ab".repeat(20)}`,
        chainID: 1n,
        nonce: 0n,
      },
    },
    {
      key: KEY_B,
      auth: {
        auth: { channelID, participant: { ethAddress: B, ccAddress: "0x" }, receiver: B, amount: (1n << 256n) - 1n },
        holder: `0x${"ef".repeat(20)}`,
        chainID: 31337n,
        nonce: 7n,
      },
    },
  ];
}

const CONTRACT_ERROR: Record<string, string> = {
  ShapeChannelIdError: "AdjudicatorChannelIDMismatch",
  ShapeNoParticipantsError: "AdjudicatorNoParticipants",
  ShapeDuplicateParticipantError: "AdjudicatorDuplicateParticipant",
  ShapeChallengeDurationError: "DisputeChallengeDurationOutOfRange",
  ShapeBalanceRowsError: "AllocationBalancesCountMismatch",
  ShapeRowLengthError: "AllocationParticipantCountMismatch",
  ShapeLockedBalancesError: "AllocationLockedBalancesCountMismatch",
  ShapeVirtualChannelError: "AdjudicatorInvalidVirtualChannel",
  ShapeIndexMapRangeError: "AdjudicatorIndexMapOutOfRange",
  ShapeIndexMapDuplicateError: "AdjudicatorIndexMapDuplicate",
  ShapeIndexMapLengthError: "AdjudicatorIndexMapLengthMismatch",
  ShapeSubChannelIdError: "AdjudicatorSubChannelIDMismatch",
  ShapeSubChannelLedgerError: "AdjudicatorSubChannelIsLedger",
  // A client rule only: the adjudicator accepts the lock and bounds the parent's wait.
  ShapeSubChannelDurationError: "",
  ShapeSubChannelParticipantError: "AdjudicatorSubChannelParticipantMismatch",
};

function shapeCases(): { name: string; params: Params; state: State; subChannels: Params[] }[] {
  const params = (parts: Address[], o: Partial<Params> = {}): Params => ({
    challengeDuration: 60n,
    nonce: 1n,
    participants: parts.map((ethAddress) => ({ ethAddress, ccAddress: ZERO32 })),
    app: ZERO_ADDRESS,
    ledgerChannel: true,
    virtualChannel: false,
    ...o,
  });
  const asset = { chainID: 1n, ethHolder: `0x${"ab".repeat(20)}` as Address, ccHolder: ZERO32 };
  const state = (p: Params, balances: bigint[][], locked: State["outcome"]["locked"] = []): State => ({
    channelID: channelId(p),
    version: 1n,
    outcome: { assets: [asset], backends: [BACKEND_ETH], balances, locked },
    appData: "0x",
    isFinal: false,
  });
  const P = params([A, B]);
  const S = params([A, B], { nonce: 2n, ledgerChannel: false });
  const V = params([B, C], { nonce: 3n, ledgerChannel: false, virtualChannel: true });
  const long = params([A, B], { nonce: 4n, ledgerChannel: false, challengeDuration: MAX_CHALLENGE_DURATION });
  const lock = (sub: Params, total: bigint, map: bigint[]) => ({
    ID: channelId(sub),
    balances: [total],
    indexMap: map,
  });
  const dup = params([A, B, A]);
  return [
    { name: "valid: two parties", params: P, state: state(P, [[100n, 200n]]), subChannels: [] },
    {
      name: "valid: bound sub-channel and virtual channel",
      params: P,
      state: state(P, [[1n, 2n]], [lock(S, 5n, [0n, 1n]), lock(V, 7n, [1n, 0n])]),
      subChannels: [S, V],
    },
    { name: "short balance row (froze the parent upstream)", params: P, state: state(P, [[300n]]), subChannels: [] },
    { name: "balance row too long", params: P, state: state(P, [[1n, 2n, 3n]]), subChannels: [] },
    { name: "no balance row", params: P, state: state(P, []), subChannels: [] },
    { name: "duplicate participant [A, B, A]", params: dup, state: state(dup, [[1n, 1n, 1n]]), subChannels: [] },
    { name: "no participant", params: params([]), state: state(params([]), [[]]), subChannels: [] },
    {
      name: "challenge duration 2^32",
      params: params([A, B], { challengeDuration: 1n << 32n }),
      state: state(params([A, B], { challengeDuration: 1n << 32n }), [[1n, 1n]]),
      subChannels: [],
    },
    {
      name: "sub-channel with a century window",
      params: P,
      state: state(P, [[1n, 2n]], [lock(long, 5n, [0n, 1n])]),
      subChannels: [long],
    },
    {
      name: "partial index map of a virtual channel",
      params: P,
      state: state(P, [[1n, 2n]], [lock(V, 7n, [1n])]),
      subChannels: [V],
    },
    {
      name: "index map naming a parent participant twice",
      params: P,
      state: state(P, [[1n, 2n]], [lock(V, 7n, [1n, 1n])]),
      subChannels: [V],
    },
    {
      name: "index map out of range",
      params: P,
      state: state(P, [[1n, 2n]], [lock(V, 7n, [1n, 2n])]),
      subChannels: [V],
    },
    {
      name: "non-virtual sub-channel not bound to its parent",
      params: P,
      state: state(P, [[1n, 2n]], [lock(S, 5n, [1n, 0n])]),
      subChannels: [S],
    },
  ];
}

export function buildSecurityVectors(header: (description: string) => Record<string, string>): Record<string, unknown> {
  const bound = boundCases().map(({ auth, key }) => ({
    ...(toJson({ bound: auth, encoding: hex(encodeBoundWithdrawalAuth(auth)) }) as object),
    domain: BOUND_WITHDRAWAL_DOMAIN,
    signer: addressFromPrivateKey(key),
    signature: signBoundWithdrawalAuth(auth, key),
  }));
  const shapes = shapeCases().map(({ name, params, state, subChannels }) => {
    let error: string | null = null;
    try {
      validateStateShape(params, state, { subChannels });
    } catch (e) {
      if (!(e instanceof PerunError)) throw e;
      error = e.name;
    }
    return {
      ...(toJson({ name, params, state, subChannels }) as object),
      accept: error === null,
      error,
      evmAccept: error === null || CONTRACT_ERROR[error] === "",
      evmError: error === null || CONTRACT_ERROR[error] === "" ? null : CONTRACT_ERROR[error],
    };
  });
  return {
    "bound-withdrawal-auths.json": {
      ...header(
        "replay-proof withdrawal authorisation (AssetHolder.withdrawBound): abi.encode(bytes32 domain, address holder, uint256 chainID, uint256 nonce, WithdrawalAuth) and the participant's signature",
      ),
      vectors: bound,
    },
    "state-shapes.json": {
      ...header(
        "pre-signing check validateStateShape(params, state, { subChannels }): accept, or the library's error class and the EVM adjudicator's custom error for the same input",
      ),
      vectors: shapes,
    },
  };
}
