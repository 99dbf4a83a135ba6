/**
 * Arbitraries for the EVM cross-check that the encoding engineer's generic ones do not give:
 * outcomes shaped like real cross-chain channels (this chain's holders next to CKB and ICP
 * assets) and parameters whose participants have known keys, so the library can sign states
 * that the deployed adjudicator must then accept.
 */
import fc from "fast-check";
import { BACKEND_CKB, BACKEND_ETH, BACKEND_ICP, addressFromPrivateKey, channelId } from "../../../src";
import type { Address, Asset, Hex, Params, State } from "../../../src";
import {
  bytes32Arb,
  bytesArb,
  paramsArb,
  stateArb,
  uint256Arb,
  uint64Arb,
  addressArb,
} from "../../encoding/support/arbitraries";
import { testPrivateKey } from "../fixtures";

/** Largest challenge duration the adjudicator accepts (DisputeRecord.MAX_CHALLENGE_DURATION). */
export const MAX_CHALLENGE_DURATION = (1n << 32n) - 1n;

/** A pool of ten signers with deterministic keys (the fixtures' key derivation). */
export const KEY_POOL: readonly { privateKey: Hex; address: Address }[] = Array.from({ length: 10 }, (_, i) => {
  const privateKey = testPrivateKey(100 + i);
  return { privateKey, address: addressFromPrivateKey(privateKey) };
});

/**
 * Assets as the three chains write them (DESIGN.md §2): this chain's EVM holders with
 * `block.chainid`, CKB (CKBytes with empty ccHolder or a UDT's 32-byte script hash) and ICP
 * (a ledger principal of up to 29 bytes).
 */
export function realAssetArb(
  chainId: bigint,
  holders: readonly Address[],
): fc.Arbitrary<{ asset: Asset; backend: bigint }> {
  const zero: Address = "0x0000000000000000000000000000000000000000";
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...holders), fc.constantFrom<Hex>("0x", `0x${"00".repeat(32)}`))
      .map(([ethHolder, ccHolder]) => ({ asset: { chainID: chainId, ethHolder, ccHolder }, backend: BACKEND_ETH })),
    fc
      .oneof(fc.constant<Hex>("0x"), bytes32Arb)
      .map((ccHolder) => ({ asset: { chainID: BACKEND_CKB, ethHolder: zero, ccHolder }, backend: BACKEND_CKB })),
    fc
      .uint8Array({ minLength: 1, maxLength: 29 })
      .map((b) => `0x${Buffer.from(b).toString("hex")}` as Hex)
      .map((ccHolder) => ({ asset: { chainID: BACKEND_ICP, ethHolder: zero, ccHolder }, backend: BACKEND_ICP })),
  );
}

/**
 * States shaped like real multi-chain channels: 1..10 participants, 1..4 assets across the
 * backends, well-formed balance rows, 0..3 sub-allocations with index maps into the parent,
 * odd-length appData.
 */
export function realStateArb(chainId: bigint, holders: readonly Address[]): fc.Arbitrary<State> {
  return fc
    .tuple(
      fc.integer({ min: 1, max: 10 }),
      // A holder of this chain at most once (the adjudicator refuses a repeat, issue 15).
      fc.uniqueArray(realAssetArb(chainId, holders), {
        minLength: 1,
        maxLength: 4,
        selector: (a) => (a.asset.chainID === chainId ? a.asset.ethHolder.toLowerCase() : a),
      }),
    )
    .chain(([parties, assets]) =>
      fc.record({
        channelID: bytes32Arb,
        version: uint64Arb,
        outcome: fc.record({
          assets: fc.constant(assets.map((a) => a.asset)),
          backends: fc.constant(assets.map((a) => a.backend)),
          balances: fc.array(fc.array(uint256Arb, { minLength: parties, maxLength: parties }), {
            minLength: assets.length,
            maxLength: assets.length,
          }),
          locked: fc.array(
            fc.record({
              ID: bytes32Arb,
              balances: fc.array(uint256Arb, { minLength: assets.length, maxLength: assets.length }),
              indexMap: fc.uniqueArray(fc.bigInt({ min: 0n, max: BigInt(parties - 1) }), {
                minLength: 1,
                maxLength: parties,
              }),
            }),
            { maxLength: 3 },
          ),
        }),
        appData: bytesArb,
        isFinal: fc.boolean(),
      }),
    );
}

/** Any state: the generic (often malformed-looking) ones and the realistic ones, half each. */
export function anyStateArb(chainId: bigint, holders: readonly Address[]): fc.Arbitrary<State> {
  return fc.oneof(stateArb, realStateArb(chainId, holders));
}

/** Any params: the generic ones (1..10 participants, odd bytes, every spelling of addresses). */
export const anyParamsArb: fc.Arbitrary<Params> = paramsArb;

/** A ledger channel whose participants are drawn (with repetition) from KEY_POOL, with their pool indices. */
export const signableParamsArb: fc.Arbitrary<{ params: Params; signers: number[] }> = fc
  .record({
    signers: fc.array(fc.integer({ min: 0, max: KEY_POOL.length - 1 }), { minLength: 1, maxLength: 10 }),
    ccAddresses: fc.array(bytesArb, { minLength: 10, maxLength: 10 }),
    challengeDuration: fc.oneof(
      { weight: 4, arbitrary: fc.bigInt({ min: 0n, max: MAX_CHALLENGE_DURATION }) },
      { weight: 1, arbitrary: uint256Arb },
    ),
    nonce: uint256Arb,
    app: fc.oneof(fc.constant<Address>("0x0000000000000000000000000000000000000000"), addressArb),
    virtualChannel: fc.boolean(),
  })
  .map(({ signers, ccAddresses, challengeDuration, nonce, app, virtualChannel }) => ({
    signers,
    params: {
      challengeDuration,
      nonce,
      participants: signers.map((k, i) => ({ ethAddress: KEY_POOL[k].address, ccAddress: ccAddresses[i] })),
      app,
      ledgerChannel: true,
      virtualChannel,
    },
  }));

/**
 * A state of `params`' channel without sub-channels (a single `register` cannot carry their
 * states), otherwise arbitrary: any outcome shape, version, appData and final flag.
 */
export function signableStateArb(params: Params, chainId: bigint, holders: readonly Address[]): fc.Arbitrary<State> {
  const id = channelId(params);
  return anyStateArb(chainId, holders).map((s) => ({ ...s, channelID: id, outcome: { ...s.outcome, locked: [] } }));
}

/**
 * `state` reshaped to pass `validateStateShape` for `n` participants: one row per asset, one
 * entry per participant (missing entries 0, extra ones dropped), no sub-channels. For tests
 * whose subject is not the shape (e.g. the signature policy), since `register` refuses
 * malformed states after checking the signatures (issue 6).
 */
export function wellFormed(state: State, n: number): State {
  const rows = state.outcome.assets.map((_, a) =>
    Array.from({ length: n }, (_, p) => state.outcome.balances[a]?.[p] ?? 0n),
  );
  return { ...state, outcome: { ...state.outcome, balances: rows, locked: [] } };
}
