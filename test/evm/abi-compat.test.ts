/**
 * ABI compatibility with perun-eth-contracts v1.0.0.
 *
 * The expected ABI below is written out by hand from upstream v1.0.0 (as bound by go-perun's
 * Ethereum backend): every function, event, constructor and getter, with the struct tuples in
 * full. The test requires our compiled artifacts to expose exactly these functions and events
 * (same selectors, input tuple layouts, output types and names, mutability) and constructors.
 * Custom errors are ours and not compared.
 */
import { expect } from "chai";
import { artifacts } from "hardhat";
import { Interface } from "ethers";
import type { ConstructorFragment, EventFragment, FunctionFragment, ParamType } from "ethers";

const PARTICIPANT = "tuple(address ethAddress, bytes ccAddress)";
const PARAMS =
  `tuple(uint256 challengeDuration, uint256 nonce, ${PARTICIPANT}[] participants, ` +
  `address app, bool ledgerChannel, bool virtualChannel)`;
const ASSET = "tuple(uint256 chainID, address ethHolder, bytes ccHolder)";
const SUB_ALLOC = "tuple(bytes32 ID, uint256[] balances, uint16[] indexMap)";
const ALLOCATION = `tuple(${ASSET}[] assets, uint256[] backends, uint256[][] balances, ${SUB_ALLOC}[] locked)`;
const STATE = `tuple(bytes32 channelID, uint64 version, ${ALLOCATION} outcome, bytes appData, bool isFinal)`;
const SIGNED_STATE = `tuple(${PARAMS} params, ${STATE} state, bytes[] sigs)`;
const WITHDRAWAL_AUTH = `tuple(bytes32 channelID, ${PARTICIPANT} participant, address receiver, uint256 amount)`;

const ADJUDICATOR_V1 = [
  "event ChannelUpdate(bytes32 indexed channelID, uint64 version, uint8 phase, uint64 timeout)",
  `function channelID(${PARAMS} params) pure returns (bytes32)`,
  `function conclude(${PARAMS} params, ${STATE} state, ${STATE}[] subStates)`,
  `function concludeFinal(${PARAMS} params, ${STATE} state, bytes[] sigs)`,
  "function disputes(bytes32) view returns (uint64 timeout, uint64 challengeDuration, uint64 version, " +
    "uint8 phase, bytes32 stateHash, bool hasApp)",
  `function hashState(${STATE} state) pure returns (bytes32)`,
  `function progress(${PARAMS} params, ${STATE} stateOld, ${STATE} state, uint256 actorIdx, bytes sig)`,
  `function register(${SIGNED_STATE} channel, ${SIGNED_STATE}[] subChannels)`,
];

const ASSET_HOLDER_V1 = [
  "event Deposited(bytes32 indexed fundingID, uint256 amount)",
  "event OutcomeSet(bytes32 indexed channelID)",
  "event Withdrawn(bytes32 indexed fundingID, uint256 amount, address receiver)",
  "function adjudicator() view returns (address)",
  "function deposit(bytes32 fundingID, uint256 amount) payable",
  "function holdings(bytes32) view returns (uint256)",
  `function setOutcome(bytes32 channelID, ${PARTICIPANT}[] parts, uint256[] newBals)`,
  "function settled(bytes32) view returns (bool)",
  `function withdraw(${WITHDRAWAL_AUTH} authorization, bytes signature)`,
];

const EXPECTED: Record<string, string[]> = {
  Adjudicator: ADJUDICATOR_V1,
  // Abstract: solc emits no constructor into an abstract contract's ABI (it cannot be deployed).
  AssetHolder: ASSET_HOLDER_V1,
  AssetHolderETH: ["constructor(address _adjudicator)", ...ASSET_HOLDER_V1],
  AssetHolderERC20: [
    "constructor(address _adjudicator, address _token)",
    ...ASSET_HOLDER_V1,
    "function token() view returns (address)",
  ],
  App: [`function validTransition(${PARAMS} params, ${STATE} from, ${STATE} to, uint256 actorIdx) pure`],
  TrivialApp: [`function validTransition(${PARAMS} params, ${STATE} from, ${STATE} to, uint256 actorIdx) pure`],
};

/**
 * Additive functions (issue 6), not in v1.0.0: they add selectors and change none. go-perun never
 * calls them; the library and the typed client use them.
 */
const AUTH_TUPLE =
  "tuple(bytes32 channelID, tuple(address ethAddress, bytes ccAddress) participant, address receiver, uint256 amount)";
const HOLDER_ADDITIONS = [
  `function withdrawBound(${AUTH_TUPLE} authorization, uint256 nonce, bytes signature)`,
  "function withdrawalNonce(bytes32 fundingID) view returns (uint256)",
  "function BOUND_WITHDRAWAL_DOMAIN() view returns (bytes32)",
];
const ADDITIVE: Record<string, string[]> = {
  Adjudicator: [`function concludeMalformed(${PARAMS} params)`],
  AssetHolder: HOLDER_ADDITIONS,
  AssetHolderETH: HOLDER_ADDITIONS,
  AssetHolderERC20: HOLDER_ADDITIONS,
};

/** A parameter's full type (tuple components with their names), without its own name. */
function typeWithComponentNames(p: ParamType): string {
  const full = p.format("full");
  return p.name ? full.slice(0, full.length - p.name.length - 1) : full;
}

function describeFunction(f: FunctionFragment): string {
  const inputs = f.inputs.map(typeWithComponentNames).join(", ");
  const outputs = f.outputs.map((o) => o.format("full")).join(", ");
  return `${f.name}(${inputs}) ${f.stateMutability} -> (${outputs})`;
}

function describeEvent(e: EventFragment): string {
  return `${e.name}(${e.inputs.map((i) => i.format("full")).join(", ")})`;
}

function describeConstructor(c: ConstructorFragment | null): string {
  return c ? `constructor(${c.inputs.map((i) => i.format("full")).join(", ")}) payable=${c.payable}` : "none";
}

function functions(iface: Interface): Map<string, FunctionFragment> {
  const out = new Map<string, FunctionFragment>();
  iface.forEachFunction((f) => out.set(f.selector, f));
  return out;
}

function events(iface: Interface): Map<string, EventFragment> {
  const out = new Map<string, EventFragment>();
  iface.forEachEvent((e) => out.set(e.topicHash, e));
  return out;
}

describe("ABI compatibility with perun-eth-contracts v1.0.0", () => {
  for (const [name, abi] of Object.entries(EXPECTED)) {
    describe(name, () => {
      const expected = new Interface(abi);
      let actual: Interface;

      before(async () => {
        actual = new Interface((await artifacts.readArtifact(name)).abi);
      });

      it("has exactly the upstream function selectors plus the documented additive ones", () => {
        const additive = new Interface(ADDITIVE[name] ?? []);
        const want = [...functions(expected).keys(), ...functions(additive).keys()];
        expect([...functions(actual).keys()].sort()).to.deep.equal(want.sort());
        for (const [selector, f] of functions(additive)) {
          expect(describeFunction(functions(actual).get(selector)!)).to.equal(describeFunction(f));
        }
      });

      it("has the upstream input tuples, outputs (types and names) and mutability for every function", () => {
        const ours = functions(actual);
        for (const [selector, f] of functions(expected)) {
          const mine = ours.get(selector);
          expect(mine, `missing ${f.format("sighash")}`).to.not.equal(undefined);
          expect(describeFunction(mine!)).to.equal(describeFunction(f));
          // Named inputs keep their upstream names (typed bindings use them); the getters'
          // inputs are unnamed upstream, so any name is compatible there.
          f.inputs.forEach((input, i) => {
            if (input.name !== "") expect(mine!.inputs[i].name, `${f.name} input ${i}`).to.equal(input.name);
          });
        }
      });

      it("has exactly the upstream events (topics, indexed flags, names)", () => {
        const ours = events(actual);
        const theirs = events(expected);
        expect([...ours.keys()].sort()).to.deep.equal([...theirs.keys()].sort());
        for (const [topic, e] of theirs) {
          expect(describeEvent(ours.get(topic)!)).to.equal(describeEvent(e));
        }
      });

      it("has the upstream constructor", () => {
        expect(describeConstructor(actual.deploy ?? null)).to.equal(describeConstructor(expected.deploy ?? null));
      });
    });
  }

  it("keeps the upstream selectors byte for byte (spot check against known values)", async () => {
    const adj = new Interface((await artifacts.readArtifact("Adjudicator")).abi);
    const holder = new Interface((await artifacts.readArtifact("AssetHolderETH")).abi);
    // Selectors read from upstream v1.0.0's deployed bytecode dispatch tables.
    expect(adj.getFunction("disputes")!.selector).to.equal("0x11be1997");
    expect(holder.getFunction("deposit")!.selector).to.equal("0x1de26e16");
    expect(holder.getFunction("setOutcome")!.selector).to.equal("0x295482ce");
    expect(holder.getFunction("withdraw")!.selector).to.equal("0xfca0f778");
  });
});
