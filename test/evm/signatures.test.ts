/**
 * The signature acceptance policy of DESIGN.md §2, on-chain, on every entry point that checks
 * signatures: register (all participants), concludeFinal (all participants), progress (the
 * actor) and withdraw (the participant). Each mutated signature must be refused with its own
 * custom error and exact arguments; the unmodified signature must pass (control case).
 */
import { expect } from "chai";
import { ethers } from "hardhat";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import type { BaseContract, ContractTransactionResponse } from "ethers";
import { addressFromPrivateKey, recoverStateSigner, signState, signWithdrawalAuth } from "../../src";
import type { Address, Hex, State } from "../../src";
import {
  CURVE_ORDER,
  MAX_S,
  addressOf,
  compactSig,
  fundingIdOf,
  highSSig,
  joinSig,
  loadMocks,
  makeChannel,
  signAll,
  splitSig,
  testPrivateKey,
} from "./fixtures";
import type { MockDeployment, TestChannel } from "./fixtures";

const word = (x: bigint): Hex => ethers.toBeHex(x, 32) as Hex;
/** x = 5 is not the x-coordinate of a secp256k1 point (5^3 + 7 is a non-residue mod p): ecrecover returns 0. */
const R_NOT_ON_CURVE = 5n;
const OUTSIDER_KEY = testPrivateKey(99);
const OUTSIDER = ethers.getAddress(addressFromPrivateKey(OUTSIDER_KEY));

/** One policy case: how to damage a valid signature, and the exact error it must cause. */
interface PolicyCase {
  name: string;
  mutate: (sig: Hex) => Hex;
  error: string;
  args: (sig: Hex, expected: Address) => unknown[];
}

const POLICY_CASES: PolicyCase[] = [
  { name: "64-byte compact (EIP-2098)", mutate: compactSig, error: "SignatureInvalidLength", args: () => [64n] },
  { name: "empty", mutate: () => "0x", error: "SignatureInvalidLength", args: () => [0n] },
  {
    name: "65 bytes + 1",
    mutate: (s) => ethers.concat([s, "0x00"]) as Hex,
    error: "SignatureInvalidLength",
    args: () => [66n],
  },
  {
    name: "64 bytes (v cut off)",
    mutate: (s) => ethers.dataSlice(s, 0, 64) as Hex,
    error: "SignatureInvalidLength",
    args: () => [64n],
  },
  {
    name: "two signatures glued",
    mutate: (s) => ethers.concat([s, s]) as Hex,
    error: "SignatureInvalidLength",
    args: () => [130n],
  },
  ...[0, 1, 26, 29, 255].map((v): PolicyCase => ({
    name: `v = ${v}`,
    mutate: (s) => {
      const p = splitSig(s);
      return joinSig(p.r, p.s, v);
    },
    error: "SignatureInvalidV",
    args: () => [BigInt(v)],
  })),
  {
    name: "high s (malleable twin, n - s with v flipped)",
    mutate: highSSig,
    error: "SignatureInvalidS",
    args: (s) => [word(CURVE_ORDER - splitSig(s).s)],
  },
  {
    name: "s = n/2 + 1",
    mutate: (s) => joinSig(splitSig(s).r, MAX_S + 1n, splitSig(s).v),
    error: "SignatureInvalidS",
    args: () => [word(MAX_S + 1n)],
  },
  {
    name: "s = 0",
    mutate: (s) => joinSig(splitSig(s).r, 0n, splitSig(s).v),
    error: "SignatureInvalidS",
    args: () => [word(0n)],
  },
  {
    name: "r = 0",
    mutate: (s) => joinSig(0n, splitSig(s).s, splitSig(s).v),
    error: "SignatureInvalidR",
    args: () => [word(0n)],
  },
  {
    name: "r = n",
    mutate: (s) => joinSig(CURVE_ORDER, splitSig(s).s, splitSig(s).v),
    error: "SignatureInvalidR",
    args: () => [word(CURVE_ORDER)],
  },
  {
    name: "r = 2^256 - 1",
    mutate: (s) => joinSig(2n ** 256n - 1n, splitSig(s).s, splitSig(s).v),
    error: "SignatureInvalidR",
    args: () => [word(2n ** 256n - 1n)],
  },
  {
    name: "r not on the curve (ecrecover yields 0)",
    mutate: (s) => joinSig(R_NOT_ON_CURVE, splitSig(s).s, splitSig(s).v),
    error: "SignatureZeroSigner",
    args: () => [],
  },
];

/** An entry point under test: a fresh context whose valid signature can be replaced. */
interface Target {
  name: string;
  /** Prepares the chain; returns the valid signature, its expected signer and a sender. */
  setup(d: MockDeployment): Promise<{
    sig: Hex;
    expected: Address;
    send: (sig: Hex) => Promise<ContractTransactionResponse>;
    contract: BaseContract;
    /** A signature by someone else over the same message. */
    outsiderSig: Hex;
  }>;
}

function registerTarget(position: number): Target {
  return {
    name: `register (signature of participant ${position})`,
    async setup(d) {
      const ch = await makeChannel(d);
      const state = ch.state([10n, 20n], { version: 1n });
      const sigs = signAll(state, d.parts);
      return {
        sig: sigs[position],
        expected: d.parts[position].address,
        contract: d.adjudicator,
        outsiderSig: signState(state, OUTSIDER_KEY),
        send: (sig) => {
          const s = [...sigs];
          s[position] = sig;
          return d.adjudicator.register({ params: ch.params, state, sigs: s }, []);
        },
      };
    },
  };
}

const concludeFinalTarget: Target = {
  name: "concludeFinal (signature of participant 1)",
  async setup(d) {
    const ch = await makeChannel(d);
    const state = ch.state([0n, 0n], { version: 1n, isFinal: true });
    const sigs = signAll(state, d.parts);
    return {
      sig: sigs[1],
      expected: d.parts[1].address,
      contract: d.adjudicator,
      outsiderSig: signState(state, OUTSIDER_KEY),
      send: (sig) => d.adjudicator.concludeFinal(ch.params, state, [sigs[0], sig]),
    };
  },
};

async function registeredCounterChannel(d: MockDeployment): Promise<{ ch: TestChannel; old: State; next: State }> {
  const ch = await makeChannel(d, { app: await addressOf(d.counterApp) });
  const counter = (n: bigint) => ethers.AbiCoder.defaultAbiCoder().encode(["uint256"], [n]) as Hex;
  const old = ch.state([10n, 20n], { version: 1n, appData: counter(0n) });
  await d.adjudicator.register({ params: ch.params, state: old, sigs: signAll(old, d.parts) }, []);
  await time.increase(Number(ch.params.challengeDuration));
  const next = ch.state([11n, 19n], { version: 2n, appData: counter(1n) });
  return { ch, old, next };
}

const progressTarget: Target = {
  name: "progress (the actor's signature)",
  async setup(d) {
    const { ch, old, next } = await registeredCounterChannel(d);
    return {
      sig: signState(next, d.parts[0].privateKey),
      expected: d.parts[0].address,
      contract: d.adjudicator,
      outsiderSig: signState(next, OUTSIDER_KEY),
      send: (sig) => d.adjudicator.progress(ch.params, old, next, 0n, sig),
    };
  },
};

const withdrawTarget: Target = {
  name: "withdraw (the participant's authorisation)",
  async setup(d) {
    const ch = await makeChannel(d);
    const a = d.parts[0];
    await d.ethHolder.connect(a.wallet).deposit(fundingIdOf(ch.params, a), 100n, { value: 100n });
    const state = ch.state([100n, 0n], { isFinal: true });
    await d.adjudicator.concludeFinal(ch.params, state, signAll(state, d.parts));
    const auth = { channelID: ch.id, participant: a.participant, receiver: a.address, amount: 100n };
    return {
      sig: signWithdrawalAuth(auth, a.privateKey),
      expected: a.address,
      contract: d.ethHolder,
      outsiderSig: signWithdrawalAuth(auth, OUTSIDER_KEY),
      send: (sig) => d.ethHolder.withdraw(auth, sig),
    };
  },
};

describe("signature policy on-chain", function () {
  const targets = [registerTarget(0), registerTarget(1), concludeFinalTarget, progressTarget, withdrawTarget];
  for (const target of targets) {
    describe(target.name, function () {
      let d: MockDeployment;
      let ctx: Awaited<ReturnType<Target["setup"]>>;

      beforeEach(async function () {
        d = await loadMocks();
        ctx = await target.setup(d);
      });

      it("accepts the valid 65-byte low-s signature (control)", async function () {
        await expect(ctx.send(ctx.sig)).not.to.be.reverted;
      });

      for (const c of POLICY_CASES) {
        it(`rejects ${c.name}: ${c.error}`, async function () {
          await expect(ctx.send(c.mutate(ctx.sig)))
            .to.be.revertedWithCustomError(ctx.contract, c.error)
            .withArgs(...c.args(ctx.sig, ctx.expected));
        });
      }

      it("rejects a valid signature by someone else: SignatureSignerMismatch(expected, signer)", async function () {
        await expect(ctx.send(ctx.outsiderSig))
          .to.be.revertedWithCustomError(ctx.contract, "SignatureSignerMismatch")
          .withArgs(ctx.expected, OUTSIDER);
      });
    });
  }

  describe("register: crafted signature offsets in calldata (the signature list is not hashed)", function () {
    let d: MockDeployment;
    let data: Uint8Array;
    let secondHead: number;

    beforeEach(async function () {
      d = await loadMocks();
      const ch = await makeChannel(d);
      const state = ch.state([10n, 20n], { version: 1n });
      data = ethers.getBytes(
        d.adjudicator.interface.encodeFunctionData("register", [
          { params: ch.params, state, sigs: signAll(state, d.parts) },
          [],
        ]),
      );
      const word = (pos: number) => Number(BigInt(ethers.hexlify(data.slice(pos, pos + 32))));
      const channelStart = 4 + word(4);
      const sigsStart = channelStart + word(channelStart + 0x40);
      expect(word(sigsStart)).to.equal(2);
      secondHead = sigsStart + 0x40;
    });

    async function sendWithSecondOffset(offset: bigint) {
      data.set(ethers.getBytes(ethers.toBeHex(offset, 32)), secondHead);
      return d.parts[0].wallet.sendTransaction({ to: await addressOf(d.adjudicator), data: ethers.hexlify(data) });
    }

    it("control: the untouched calldata registers", async function () {
      await expect(sendWithSecondOffset(BigInt(ethers.hexlify(data.slice(secondHead, secondHead + 32))))).to.emit(
        d.adjudicator,
        "ChannelUpdate",
      );
    });

    it("the second offset pointing at the first signature: SignatureSignerMismatch(B, A)", async function () {
      const first = BigInt(ethers.hexlify(data.slice(secondHead - 32, secondHead)));
      await expect(sendWithSecondOffset(first))
        .to.be.revertedWithCustomError(d.adjudicator, "SignatureSignerMismatch")
        .withArgs(d.parts[1].address, d.parts[0].address);
    });

    it("an offset past the end of the calldata reads zeros: SignatureInvalidLength(0)", async function () {
      await expect(sendWithSecondOffset(0xffffffn))
        .to.be.revertedWithCustomError(d.adjudicator, "SignatureInvalidLength")
        .withArgs(0n);
    });

    it("an offset wrapping around to the list's length word: SignatureInvalidLength(2)", async function () {
      await expect(sendWithSecondOffset(2n ** 256n - 32n))
        .to.be.revertedWithCustomError(d.adjudicator, "SignatureInvalidLength")
        .withArgs(2n);
    });
  });

  describe("register: count and order of signatures", function () {
    let d: MockDeployment;
    let ch: TestChannel;
    let state: State;
    let sigA: Hex;
    let sigB: Hex;

    beforeEach(async function () {
      d = await loadMocks();
      ch = await makeChannel(d);
      state = ch.state([10n, 20n], { version: 1n });
      [sigA, sigB] = signAll(state, d.parts);
    });

    const reg = (sigs: Hex[]) => d.adjudicator.register({ params: ch.params, state, sigs }, []);

    it("no signatures: SignatureCountMismatch(2, 0)", async function () {
      await expect(reg([])).to.be.revertedWithCustomError(d.adjudicator, "SignatureCountMismatch").withArgs(2n, 0n);
    });
    it("too few: SignatureCountMismatch(2, 1)", async function () {
      await expect(reg([sigA]))
        .to.be.revertedWithCustomError(d.adjudicator, "SignatureCountMismatch")
        .withArgs(2n, 1n);
    });
    it("too many: SignatureCountMismatch(2, 3)", async function () {
      await expect(reg([sigA, sigB, sigB]))
        .to.be.revertedWithCustomError(d.adjudicator, "SignatureCountMismatch")
        .withArgs(2n, 3n);
    });
    it("out of participant order: SignatureSignerMismatch(A, B)", async function () {
      await expect(reg([sigB, sigA]))
        .to.be.revertedWithCustomError(d.adjudicator, "SignatureSignerMismatch")
        .withArgs(d.parts[0].address, d.parts[1].address);
    });
    it("one participant signing twice: SignatureSignerMismatch(B, A)", async function () {
      await expect(reg([sigA, sigA]))
        .to.be.revertedWithCustomError(d.adjudicator, "SignatureSignerMismatch")
        .withArgs(d.parts[1].address, d.parts[0].address);
    });
    it("signatures over another state: SignatureSignerMismatch(A, whoever recovers)", async function () {
      const other = { ...state, version: 2n };
      const wrong = signAll(other, d.parts);
      await expect(reg(wrong))
        .to.be.revertedWithCustomError(d.adjudicator, "SignatureSignerMismatch")
        .withArgs(d.parts[0].address, ethers.getAddress(recoverStateSigner(state, wrong[0])));
    });
  });
});
