import fc from "fast-check";
import type {
  Address,
  Allocation,
  Asset,
  Hex,
  Params,
  Participant,
  State,
  SubAlloc,
  WithdrawalAuth,
} from "../../../src";
import { BACKEND_CKB, BACKEND_ETH, BACKEND_ICP, toChecksumAddress } from "../../../src";
import { propParams, propSeed } from "../../support/propertyRuns";

/**
 * fast-check arbitraries for the section-2 structs, biased towards the edge cases the
 * issue names: 0 and 2^256-1, empty and long arrays, odd-length bytes, 1..10 participants,
 * several assets of all backends, sub-allocations with index maps.
 */

export const MAX_UINT256 = (1n << 256n) - 1n;

/** Runs per property: PROP_RUNS from the environment (auditors raise it), default 500. */
export const PROP_RUNS = envInt("PROP_RUNS", 500);
/** Fixed seed so failures reproduce; override with PROP_SEED (see test/support/propertyRuns.ts). */
export const PROP_SEED = propSeed();

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  return n;
}

/** fast-check parameters: `runs`, PROP_SEED, and PROP_PATH when replaying a failure. */
export function propOptions(runs = PROP_RUNS): fc.Parameters<unknown> {
  return propParams(runs);
}

const hexOf = (b: Uint8Array): Hex => `0x${Buffer.from(b).toString("hex")}` as Hex;

export const bytesArb: fc.Arbitrary<Hex> = fc
  .oneof(
    { weight: 1, arbitrary: fc.constant(new Uint8Array(0)) },
    { weight: 4, arbitrary: fc.uint8Array({ maxLength: 70 }) },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: 100, maxLength: 300 }) },
  )
  .map(hexOf);

export const bytes32Arb: fc.Arbitrary<Hex> = fc.uint8Array({ minLength: 32, maxLength: 32 }).map(hexOf);

/** Addresses in every accepted spelling: lowercase, uppercase, EIP-55. */
export const addressArb: fc.Arbitrary<Address> = fc
  .tuple(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.integer({ min: 0, max: 3 }))
  .map(([b, spelling]) => {
    const lower = hexOf(b);
    if (spelling === 1) return `0x${lower.slice(2).toUpperCase()}` as Address;
    if (spelling === 2) return toChecksumAddress(lower);
    return lower;
  });

export const uint256Arb: fc.Arbitrary<bigint> = fc.oneof(
  fc.constantFrom(0n, 1n, MAX_UINT256, MAX_UINT256 - 1n, 1n << 255n, (1n << 64n) - 1n, 1n << 64n, 1n << 32n),
  fc.bigInt({ min: 0n, max: 1n << 64n }),
  fc.bigInt({ min: 0n, max: MAX_UINT256 }),
);
export const uint64Arb: fc.Arbitrary<bigint> = fc.oneof(
  fc.constantFrom(0n, (1n << 64n) - 1n),
  fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
);
export const uint16Arb: fc.Arbitrary<bigint> = fc.oneof(
  fc.constantFrom(0n, 65535n),
  fc.bigInt({ min: 0n, max: 65535n }),
);

export const participantArb: fc.Arbitrary<Participant> = fc.record({ ethAddress: addressArb, ccAddress: bytesArb });

export const paramsArb: fc.Arbitrary<Params> = fc.record({
  challengeDuration: uint256Arb,
  nonce: uint256Arb,
  participants: fc.array(participantArb, { minLength: 1, maxLength: 10 }),
  app: addressArb,
  ledgerChannel: fc.boolean(),
  virtualChannel: fc.boolean(),
});

const backendArb = fc.oneof(fc.constantFrom(BACKEND_ETH, BACKEND_CKB, BACKEND_ICP), uint256Arb);

export const assetArb: fc.Arbitrary<Asset> = fc.record({
  chainID: uint256Arb,
  ethHolder: addressArb,
  ccHolder: bytesArb,
});

export const subAllocArb: fc.Arbitrary<SubAlloc> = fc.record({
  ID: bytes32Arb,
  balances: fc.array(uint256Arb, { maxLength: 6 }),
  indexMap: fc.array(uint16Arb, { maxLength: 10 }),
});

/** Allocations shaped like real ones (balances[asset][participant]) and occasionally not. */
export const allocationArb: fc.Arbitrary<Allocation> = fc
  .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 10 }))
  .chain(([assets, parties]) =>
    fc.record({
      assets: fc.array(assetArb, { minLength: assets, maxLength: assets }),
      backends: fc.oneof(
        { weight: 4, arbitrary: fc.array(backendArb, { minLength: assets, maxLength: assets }) },
        { weight: 1, arbitrary: fc.array(backendArb, { maxLength: 40 }) },
      ),
      balances: fc.array(fc.array(uint256Arb, { minLength: parties, maxLength: parties }), {
        minLength: assets,
        maxLength: assets,
      }),
      locked: fc.array(subAllocArb, { maxLength: 3 }),
    }),
  );

export const stateArb: fc.Arbitrary<State> = fc.record({
  channelID: bytes32Arb,
  version: uint64Arb,
  outcome: allocationArb,
  appData: bytesArb,
  isFinal: fc.boolean(),
});

/**
 * Smaller states and params for the corruption property, which decodes once per byte of the
 * encoding: every structural element still occurs (all arrays possibly empty or non-empty,
 * odd-length bytes, sub-allocations), but blobs and arrays stay short so 500 runs stay fast.
 */
const shortBytesArb: fc.Arbitrary<Hex> = fc.uint8Array({ maxLength: 40 }).map(hexOf);
export const compactStateArb: fc.Arbitrary<State> = fc.record({
  channelID: bytes32Arb,
  version: uint64Arb,
  outcome: fc.record({
    assets: fc.array(fc.record({ chainID: uint256Arb, ethHolder: addressArb, ccHolder: shortBytesArb }), {
      maxLength: 3,
    }),
    backends: fc.array(backendArb, { maxLength: 3 }),
    balances: fc.array(fc.array(uint256Arb, { maxLength: 4 }), { maxLength: 3 }),
    locked: fc.array(
      fc.record({
        ID: bytes32Arb,
        balances: fc.array(uint256Arb, { maxLength: 3 }),
        indexMap: fc.array(uint16Arb, { maxLength: 4 }),
      }),
      { maxLength: 2 },
    ),
  }),
  appData: shortBytesArb,
  isFinal: fc.boolean(),
});
export const compactParamsArb: fc.Arbitrary<Params> = fc.record({
  challengeDuration: uint256Arb,
  nonce: uint256Arb,
  participants: fc.array(fc.record({ ethAddress: addressArb, ccAddress: shortBytesArb }), { maxLength: 5 }),
  app: addressArb,
  ledgerChannel: fc.boolean(),
  virtualChannel: fc.boolean(),
});

export const withdrawalAuthArb: fc.Arbitrary<WithdrawalAuth> = fc.record({
  channelID: bytes32Arb,
  participant: participantArb,
  receiver: addressArb,
  amount: uint256Arb,
});

/** Lowercases every address and hex field, the form the decoders return. */
export function normalized<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_k, v) =>
      typeof v === "bigint" ? `bigint:${v}` : typeof v === "string" ? v.toLowerCase() : v,
    ),
    (_k, v) => (typeof v === "string" && v.startsWith("bigint:") ? BigInt(v.slice(7)) : v),
  ) as T;
}
