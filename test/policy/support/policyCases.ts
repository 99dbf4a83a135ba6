import type { Params, PolicyChain, PolicyScope, State, SubChannelInfo } from "../../../src";
import {
  BACKEND_ICP,
  CKB_LIMITS,
  channelId,
  CKB_MAX_CKBYTES_TOTAL,
  CKB_MAX_UDT_TOTAL,
  EVM_LIMITS,
  EVM_MAX_ASSET_TOTAL,
  ICP_LIMITS,
  MAX_CHALLENGE_DURATION,
} from "../../../src";
import {
  MAX_UINT256,
  ZERO_ADDRESS,
  chainTree,
  leaves,
  participantAddress,
  policyChannel,
  tagged,
  withParams,
  withState,
  type ChannelSpec,
  type PolicyChannel,
} from "./policyChannels";

/** What the policy must answer for a case. */
export type PolicyExpectation =
  | { readonly ok: true; readonly chains: readonly PolicyChain[] }
  | { readonly ok: false; readonly chain: PolicyScope; readonly rule: string };

/** One row of the signing-policy tables (and one committed vector). */
export interface PolicyCase {
  /** Unique, kebab-case. */
  readonly name: string;
  /** The table it belongs to (one `describe` per group). */
  readonly group: string;
  /** Why the answer is what it is, in one line. */
  readonly why: string;
  readonly params: Params;
  readonly state: State;
  readonly previous?: State;
  readonly subStates?: readonly SubChannelInfo[];
  readonly expect: PolicyExpectation;
}

/** An app contract address (the policy never calls it: only its being non-zero matters). */
const APP = `0x${"5a".repeat(20)}` as `0x${string}`;
const accept = (...chains: PolicyChain[]): PolicyExpectation => ({ ok: true, chains });
const refuse = (chain: PolicyScope, rule: string): PolicyExpectation => ({ ok: false, chain, rule });

function row(
  group: string,
  name: string,
  why: string,
  channel: PolicyChannel & { previous?: State },
  expect: PolicyExpectation,
): PolicyCase {
  return { name, group, why, ...channel, expect };
}
const ch = (spec: ChannelSpec): PolicyChannel => policyChannel(spec);
const repeat = <T>(x: T, k: number): T[] => Array.from({ length: k }, () => x);
const chainsOf = (cs: readonly PolicyChain[]): PolicyChain[] =>
  (["evm", "icp", "ckb"] as const).filter((c) => cs.includes(c));

/** The whole table. Bounds are stepped on and one past, for each chain alone and in mixes. */
export function policyCases(): PolicyCase[] {
  const cases: PolicyCase[] = [];
  const add = (c: PolicyCase) => cases.push(c);

  // ---- participants: the lowest row among the chains holding assets -------------------------
  const participantMixes: [string, PolicyChain[], PolicyChain, number][] = [
    ["evm", ["evm"], "evm", EVM_LIMITS.maxParticipants],
    ["icp", ["icp"], "icp", ICP_LIMITS.maxParticipants],
    ["ckb", ["ckb"], "ckb", CKB_LIMITS.maxParticipants],
    ["evm-icp", ["evm", "icp"], "icp", ICP_LIMITS.maxParticipants],
    ["evm-ckb", ["evm", "ckb"], "ckb", CKB_LIMITS.maxParticipants],
    ["evm-icp-ckb", ["evm", "icp", "ckb"], "ckb", CKB_LIMITS.maxParticipants],
  ];
  for (const [label, assets, binding, max] of participantMixes) {
    add(
      row(
        "participants",
        `participants-${label}-at-bound`,
        `${max} = ${binding}'s bound`,
        ch({ assets, participants: max }),
        accept(...chainsOf(assets)),
      ),
    );
    add(
      row(
        "participants",
        `participants-${label}-past-bound`,
        `${max + 1} > ${binding}'s bound`,
        ch({ assets, participants: max + 1 }),
        refuse(binding, "max-participants"),
      ),
    );
  }
  add(
    row(
      "participants",
      "participants-evm-one",
      "the EVM settles a one-participant channel",
      ch({ participants: 1 }),
      accept("evm"),
    ),
  );
  add(
    row(
      "participants",
      "participants-ckb-two",
      "CKB opens channels of two or more",
      ch({ assets: ["ckb"], participants: 2 }),
      accept("ckb"),
    ),
  );
  add(
    row(
      "participants",
      "participants-ckb-one",
      "CKB opens no channel of one participant",
      ch({ assets: ["ckb"], participants: 1 }),
      refuse("ckb", "min-participants"),
    ),
  );
  add(
    row(
      "participants",
      "participants-none",
      "no participant: any state would count as signed",
      withParams(ch({}), (p) => (p.participants = [])),
      refuse("all", "ShapeNoParticipants"),
    ),
  );

  // ---- assets -----------------------------------------------------------------------------
  const assetMixes: [string, (k: number) => PolicyChain[], PolicyChain, number][] = [
    ["evm", (k) => repeat("evm", k), "evm", EVM_LIMITS.maxAssets],
    ["icp", (k) => repeat("icp", k), "icp", ICP_LIMITS.maxAssets],
    ["ckb", (k) => repeat("ckb", k), "ckb", CKB_LIMITS.maxAssets],
    ["evm-ckb", (k) => [...repeat<PolicyChain>("evm", k - 1), "ckb"], "ckb", CKB_LIMITS.maxAssets],
    // EVM and ICP both allow 16 assets: on a tie the refusal names the first chain (evm, icp, ckb).
    ["evm-icp", (k) => [...repeat<PolicyChain>("evm", k - 1), "icp"], "evm", ICP_LIMITS.maxAssets],
  ];
  for (const [label, make, binding, max] of assetMixes) {
    add(
      row(
        "assets",
        `assets-${label}-at-bound`,
        `${max} assets = ${binding}'s bound`,
        ch({ assets: make(max) }),
        accept(...chainsOf(make(max))),
      ),
    );
    add(
      row(
        "assets",
        `assets-${label}-past-bound`,
        `${max + 1} assets > ${binding}'s bound`,
        ch({ assets: make(max + 1) }),
        refuse(binding, "max-assets"),
      ),
    );
  }
  add(
    row(
      "assets",
      "assets-none",
      "an outcome without assets holds nothing anywhere: EVM row",
      ch({ assets: [] }),
      accept(),
    ),
  );
  const icpTwice = withState(ch({ assets: ["icp", "icp"] }), (s) => (s.outcome.assets[1] = { ...s.outcome.assets[0] }));
  add(
    row(
      "assets",
      "repeated-icp-ledger",
      "issue 14 finding 3: one ledger twice freezes every ICP deposit",
      icpTwice,
      refuse("icp", "repeated-asset"),
    ),
  );
  const evmTwice = withState(
    ch({ assets: ["evm", "evm"] }),
    (s) =>
      (s.outcome.assets[1] = {
        ...s.outcome.assets[0],
        ethHolder: s.outcome.assets[0].ethHolder.toUpperCase().replace("0X", "0x") as `0x${string}`,
      }),
  );
  add(
    row(
      "assets",
      "repeated-evm-holder",
      "one holder twice (any spelling) would be paid twice or revert",
      evmTwice,
      refuse("evm", "repeated-asset"),
    ),
  );
  const ckbBytesTwice = withState(
    ch({ assets: ["ckb", "ckb"] }),
    (s) => (s.outcome.assets[1] = { ...s.outcome.assets[0] }),
  );
  add(
    row(
      "assets",
      "repeated-ckbytes",
      "CKBytes at most once (CKB: BAD_OUTCOME)",
      ckbBytesTwice,
      refuse("ckb", "repeated-asset"),
    ),
  );
  const udtTwice = withState(
    ch({ assets: ["ckb", "ckb", "ckb"] }),
    (s) => (s.outcome.assets[2] = { ...s.outcome.assets[1] }),
  );
  add(row("assets", "repeated-ckb-udt", "one UDT twice (CKB: BAD_OUTCOME)", udtTwice, refuse("ckb", "repeated-asset")));
  add(
    row(
      "assets",
      "same-holder-other-chain-id",
      "one holder address on two EVM chains is two assets",
      withState(ch({ assets: ["evm", "evm"] }), (s) => (s.outcome.assets[1] = { ...s.outcome.assets[0], chainID: 1n })),
      accept("evm"),
    ),
  );
  add(
    row(
      "assets",
      "icp-principal-29-bytes",
      "the longest principal",
      withState(ch({ assets: ["icp"] }), (s) => (s.outcome.assets[0].ccHolder = tagged(0x1c, 1, 29))),
      accept("icp"),
    ),
  );
  add(
    row(
      "assets",
      "icp-principal-30-bytes",
      "no principal is 30 bytes: no deposit can exist",
      withState(ch({ assets: ["icp"] }), (s) => (s.outcome.assets[0].ccHolder = tagged(0x1c, 1, 30))),
      refuse("icp", "asset-form"),
    ),
  );
  add(
    row(
      "assets",
      "icp-principal-empty",
      "no ledger has the empty principal",
      withState(ch({ assets: ["icp"] }), (s) => (s.outcome.assets[0].ccHolder = "0x")),
      refuse("icp", "asset-form"),
    ),
  );
  add(
    row(
      "assets",
      "icp-eth-holder-set",
      "an ICP asset has no Ethereum holder",
      withState(ch({ assets: ["icp"] }), (s) => (s.outcome.assets[0].ethHolder = participantAddress(9))),
      refuse("icp", "asset-form"),
    ),
  );
  add(
    row(
      "assets",
      "icp-wrong-chain-id",
      "an ICP asset's chainID is the ICP backend ID",
      withState(ch({ assets: ["icp"] }), (s) => (s.outcome.assets[0].chainID = BACKEND_ICP + 1n)),
      refuse("icp", "asset-form"),
    ),
  );
  add(
    row(
      "assets",
      "ckb-udt-31-bytes",
      "a UDT is named by its 32-byte type hash",
      withState(ch({ assets: ["ckb", "ckb"] }), (s) => (s.outcome.assets[1].ccHolder = tagged(0x0d, 1, 31))),
      refuse("ckb", "asset-form"),
    ),
  );
  add(
    row(
      "assets",
      "evm-holder-zero",
      "an EVM asset needs a holder contract",
      withState(ch({}), (s) => (s.outcome.assets[0].ethHolder = ZERO_ADDRESS)),
      refuse("evm", "asset-form"),
    ),
  );
  add(
    row(
      "assets",
      "evm-cc-holder-32-zero",
      "32 zero bytes is the EVM's other empty ccHolder",
      withState(ch({}), (s) => (s.outcome.assets[0].ccHolder = `0x${"00".repeat(32)}`)),
      accept("evm"),
    ),
  );
  add(
    row(
      "assets",
      "evm-cc-holder-set",
      "an EVM asset carries no cross-chain holder",
      withState(ch({}), (s) => (s.outcome.assets[0].ccHolder = tagged(1, 1, 32))),
      refuse("evm", "asset-form"),
    ),
  );
  add(
    row(
      "assets",
      "unknown-backend",
      "no chain here pays backend 2",
      withState(ch({}), (s) => (s.outcome.backends[0] = 2n)),
      refuse("all", "unknown-backend"),
    ),
  );
  add(
    row(
      "assets",
      "backends-count",
      "one backend per asset",
      withState(ch({ assets: ["evm", "evm"] }), (s) => s.outcome.backends.pop()),
      refuse("all", "backends-count"),
    ),
  );

  // ---- amounts ------------------------------------------------------------------------------
  const total = (c: PolicyChannel, asset: number, first: bigint, second: bigint) =>
    withState(c, (s) => (s.outcome.balances[asset] = [first, second]));
  add(
    row(
      "amounts",
      "evm-total-at-uint256",
      "2^256 − 1 is the largest checked sum",
      total(ch({}), 0, EVM_MAX_ASSET_TOTAL - 1n, 1n),
      accept("evm"),
    ),
  );
  add(
    row(
      "amounts",
      "evm-total-past-uint256",
      "the holder's checked sum reverts",
      total(ch({}), 0, EVM_MAX_ASSET_TOTAL, 1n),
      refuse("evm", "asset-total"),
    ),
  );
  add(
    row(
      "amounts",
      "ckbytes-total-at-u64",
      "2^64 − 1 shannons",
      total(ch({ assets: ["ckb"] }), 0, CKB_MAX_CKBYTES_TOTAL - 1n, 1n),
      accept("ckb"),
    ),
  );
  add(
    row(
      "amounts",
      "ckbytes-total-past-u64",
      "capacities are u64",
      total(ch({ assets: ["ckb"] }), 0, CKB_MAX_CKBYTES_TOTAL, 1n),
      refuse("ckb", "asset-total"),
    ),
  );
  add(
    row(
      "amounts",
      "udt-total-at-u128",
      "2^128 − 1 UDT units",
      total(ch({ assets: ["ckb", "ckb"] }), 1, CKB_MAX_UDT_TOTAL - 1n, 1n),
      accept("ckb"),
    ),
  );
  add(
    row(
      "amounts",
      "udt-total-past-u128",
      "UDT amounts are u128",
      total(ch({ assets: ["ckb", "ckb"] }), 1, CKB_MAX_UDT_TOTAL, 1n),
      refuse("ckb", "asset-total"),
    ),
  );
  add(
    row(
      "amounts",
      "icp-total-uint256",
      "ICRC amounts are unbounded nats: only uint256 bounds them",
      total(ch({ assets: ["icp"] }), 0, MAX_UINT256, 0n),
      accept("icp"),
    ),
  );

  // ---- windows ------------------------------------------------------------------------------
  for (const assets of [["evm"], ["icp"], ["ckb"], ["evm", "icp", "ckb"]] as PolicyChain[][]) {
    const label = assets.join("-");
    add(
      row(
        "windows",
        `window-${label}-zero`,
        "every chain enforces a window of 0 s",
        ch({ assets, challengeDuration: 0n }),
        accept(...assets),
      ),
    );
    add(
      row(
        "windows",
        `window-${label}-at-bound`,
        "2^32 − 1 s: every chain stores it",
        ch({ assets, challengeDuration: MAX_CHALLENGE_DURATION }),
        accept(...assets),
      ),
    );
    add(
      row(
        "windows",
        `window-${label}-past-bound`,
        "2^32 s: the EVM and ICP refuse it at dispute",
        ch({ assets, challengeDuration: MAX_CHALLENGE_DURATION + 1n }),
        refuse("all", "ShapeChallengeDuration"),
      ),
    );
  }

  // ---- features per chain -------------------------------------------------------------------
  const nonEvm: [string, PolicyChain[], PolicyChain][] = [
    ["icp", ["icp"], "icp"],
    ["ckb", ["ckb"], "ckb"],
    ["evm-icp", ["evm", "icp"], "icp"],
    ["evm-ckb", ["evm", "ckb"], "ckb"],
  ];
  add(row("features", "app-evm", "the EVM runs progress", ch({ app: APP }), accept("evm")));
  add(
    row(
      "features",
      "virtual-evm",
      "the EVM settles virtual channels through their parents",
      ch({ ledgerChannel: false, virtualChannel: true }),
      accept("evm"),
    ),
  );
  add(
    row(
      "features",
      "sub-channel-evm",
      "the EVM settles sub-channels through their parents",
      ch({ ledgerChannel: false }),
      accept("evm"),
    ),
  );
  add(
    row(
      "features",
      "locks-evm",
      "the EVM settles a lock against its sub-channel",
      ch({ tree: leaves(1) }),
      accept("evm"),
    ),
  );
  for (const [label, assets, chain] of nonEvm) {
    add(
      row(
        "features",
        `app-${label}`,
        `issue 14 finding 2: ${chain} freezes an app channel's deposits`,
        ch({ assets, app: APP }),
        refuse(chain, "app"),
      ),
    );
    add(
      row(
        "features",
        `virtual-${label}`,
        `${chain} refuses the virtual flag`,
        ch({ assets, ledgerChannel: false, virtualChannel: true }),
        refuse(chain, "virtual-channel"),
      ),
    );
    add(
      row(
        "features",
        `sub-channel-${label}`,
        `${chain} adjudicates ledger channels only`,
        ch({ assets, ledgerChannel: false }),
        refuse(chain, "not-ledger-channel"),
      ),
    );
    const locks = ch({ assets, tree: leaves(1) });
    // The lock holds no asset of the non-EVM chain: that chain still refuses the whole state.
    const evmOnlyLock = withState(locks, (s) => {
      s.outcome.assets.forEach((_, a) => {
        if (s.outcome.backends[a] !== 1n) s.outcome.locked[0].balances[a] = 0n;
      });
    });
    add(
      row(
        "features",
        `locks-${label}`,
        `issue 14 finding 1: ${chain} refuses any lock, even an ETH-only one`,
        { ...evmOnlyLock, subStates: undefined },
        refuse(chain, "locked"),
      ),
    );
  }

  // ---- CKB's own column -----------------------------------------------------------------------
  add(
    row(
      "ckb",
      "ckb-cc-address-20-bytes",
      "payouts go to a 32-byte lock hash",
      withParams(ch({ assets: ["ckb"] }), (p) => (p.participants[1].ccAddress = tagged(0xcc, 2, 20))),
      refuse("ckb", "cc-address"),
    ),
  );
  add(
    row(
      "ckb",
      "ckb-cc-address-empty",
      "payouts go to a 32-byte lock hash",
      withParams(ch({ assets: ["ckb"] }), (p) => (p.participants[0].ccAddress = "0x")),
      refuse("ckb", "cc-address"),
    ),
  );
  add(
    row(
      "ckb",
      "ckb-cc-address-repeated",
      "two participants would share outputs",
      withParams(ch({ assets: ["ckb"] }), (p) => (p.participants[1].ccAddress = p.participants[0].ccAddress)),
      refuse("ckb", "repeated-cc-address"),
    ),
  );
  add(
    row(
      "ckb",
      "evm-cc-address-repeated",
      "the EVM pays by Ethereum address only",
      withParams(ch({}), (p) => (p.participants[1].ccAddress = p.participants[0].ccAddress)),
      accept("evm"),
    ),
  );
  add(
    row(
      "ckb",
      "ckb-final-initial",
      "CKB opens with a state that is not final",
      ch({ assets: ["ckb"], isFinal: true }),
      refuse("ckb", "final-initial-state"),
    ),
  );
  add(
    row(
      "ckb",
      "evm-final-initial",
      "the EVM and ICP conclude a final version 0 at once",
      ch({ assets: ["evm", "icp"], isFinal: true }),
      accept("evm", "icp"),
    ),
  );
  const ckbOpen = ch({ assets: ["ckb"] });
  add(
    row(
      "ckb",
      "ckb-final-update",
      "a final update closes a CKB channel",
      { ...withState(ckbOpen, (s) => ((s.version = 1n), (s.isFinal = true))), previous: ckbOpen.state },
      accept("ckb"),
    ),
  );

  // ---- transitions ----------------------------------------------------------------------------
  const base = ch({ assets: ["evm", "icp", "ckb"] });
  const next = (edit: (s: State) => void) => ({
    ...withState(base, (s) => ((s.version = 1n), edit(s))),
    previous: base.state,
  });
  add(
    row(
      "transitions",
      "update-moves-balances",
      "the totals stay, the version rises",
      next((s) => s.outcome.balances.forEach((r) => ((r[0] = 150n), (r[1] = 50n)))),
      accept("evm", "icp", "ckb"),
    ),
  );
  add(
    row(
      "transitions",
      "initial-version-1",
      "CKB stores version 0 at open",
      withState(base, (s) => (s.version = 1n)),
      refuse("all", "initial-version"),
    ),
  );
  add(
    row(
      "transitions",
      "update-same-version",
      "a refutation needs a higher version",
      next((s) => (s.version = 0n)),
      refuse("all", "version-not-increasing"),
    ),
  );
  add(
    row(
      "transitions",
      "update-after-final",
      "nothing follows a final state",
      { ...next(() => {}), previous: { ...base.state, isFinal: true } },
      refuse("all", "after-final"),
    ),
  );
  add(
    row(
      "transitions",
      "update-other-channel",
      "the previous state is another channel's",
      { ...next(() => {}), previous: { ...base.state, channelID: tagged(1, 1, 32) } },
      refuse("all", "previous-channel"),
    ),
  );
  add(
    row(
      "transitions",
      "update-changes-assets",
      "CKB froze the asset list at open",
      next((s) => (s.outcome.assets[0] = { ...s.outcome.assets[0], ethHolder: participantAddress(7) })),
      refuse("all", "assets-changed"),
    ),
  );
  add(
    row(
      "transitions",
      "update-creates-money",
      "no chain may pay more than was deposited",
      next((s) => (s.outcome.balances[1][0] += 1n)),
      refuse("all", "total-changed"),
    ),
  );
  add(
    row(
      "transitions",
      "update-loses-money",
      "nothing deposited may vanish",
      next((s) => (s.outcome.balances[2][1] -= 1n)),
      refuse("all", "total-changed"),
    ),
  );

  // ---- sub-channel trees (EVM only) -------------------------------------------------------------
  const tree = (name: string, why: string, spec: ChannelSpec, expect: PolicyExpectation) =>
    add(row("sub-channels", name, why, ch(spec), expect));
  tree("locked-at-bound", `${EVM_LIMITS.maxLocked} locks`, { tree: leaves(EVM_LIMITS.maxLocked) }, accept("evm"));
  tree(
    "locked-past-bound",
    `${EVM_LIMITS.maxLocked + 1} locks`,
    { tree: leaves(EVM_LIMITS.maxLocked + 1) },
    refuse("evm", "max-locked"),
  );
  tree(
    "tree-depth-at-bound",
    `depth ${EVM_LIMITS.maxTreeDepth}`,
    { tree: chainTree(EVM_LIMITS.maxTreeDepth) },
    accept("evm"),
  );
  tree(
    "tree-depth-past-bound",
    `depth ${EVM_LIMITS.maxTreeDepth + 1}`,
    { tree: chainTree(EVM_LIMITS.maxTreeDepth + 1) },
    refuse("evm", "max-tree-depth"),
  );
  const wide = (extra: number): ChannelSpec => ({
    tree: Array.from({ length: 16 }, (_, i) => leaves(i === 0 ? 3 + extra : 3)),
  });
  tree("tree-size-at-bound", `${EVM_LIMITS.maxTreeSize} sub-channels (16 × (1 + 3))`, wide(0), accept("evm"));
  tree("tree-size-past-bound", `${EVM_LIMITS.maxTreeSize + 1} sub-channels`, wide(1), refuse("evm", "max-tree-size"));
  const one = ch({ tree: leaves(1) });
  add(
    row(
      "sub-channels",
      "sub-states-missing",
      "the signer must hold each locked sub-channel's state",
      { ...one, subStates: undefined },
      refuse("all", "sub-channels-unknown"),
    ),
  );
  const sub0 = one.subStates![0];
  const withSub = (edit: (s: State) => void): PolicyChannel => ({
    ...one,
    subStates: [{ ...sub0, state: withState({ ...sub0 }, edit).state }],
  });
  add(
    row(
      "sub-channels",
      "sub-state-total-above-lock",
      "the sub-channel would pay more than its lock",
      withSub((s) => (s.outcome.balances[0][1] = 1n)),
      refuse("all", "sub-state-total"),
    ),
  );
  add(
    row(
      "sub-channels",
      "sub-state-other-assets",
      "a sub-state lists its parent's assets",
      withSub((s) => (s.outcome.assets[0] = { ...s.outcome.assets[0], chainID: 5n })),
      refuse("all", "sub-state-assets"),
    ),
  );
  add(
    row(
      "sub-channels",
      "sub-state-other-channel",
      "the sub-state is the locked channel's",
      withSub((s) => (s.channelID = tagged(2, 2, 32))),
      refuse("all", "sub-state-channel"),
    ),
  );
  const twice = ch({ tree: leaves(2) });
  const dup = withState(twice, (s) => (s.outcome.locked[1] = structuredClone(s.outcome.locked[0])));
  add(
    row(
      "sub-channels",
      "sub-channel-twice",
      "one sub-channel locked twice would be paid twice",
      { ...dup, subStates: [twice.subStates![0], twice.subStates![0]] },
      refuse("all", "repeated-sub-channel"),
    ),
  );
  const longParams = { ...sub0.params, challengeDuration: 61n };
  const longID = channelId(longParams);
  const longer = {
    ...withState(one, (s) => (s.outcome.locked[0].ID = longID)),
    subStates: [{ params: longParams, state: { ...sub0.state, channelID: longID } }],
  };
  add(
    row(
      "sub-channels",
      "sub-channel-longer-window",
      "a longer sub-window forfeits the sub-outcome",
      longer,
      refuse("all", "ShapeSubChannelDuration"),
    ),
  );
  add(
    row(
      "sub-channels",
      "app-sub-channel-tree",
      "an EVM app channel may lock sub-channels",
      ch({ app: APP, tree: leaves(2) }),
      accept("evm"),
    ),
  );

  return cases;
}
