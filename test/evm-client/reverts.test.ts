/**
 * Revert decoding: every custom error declared by Adjudicator, AssetHolderETH and
 * AssetHolderERC20 (read from their ABIs, so a new error is covered without editing this
 * table) decodes to its name and arguments; Error/Panic too; foreign or malformed data does
 * not. Then real reverts of each contract through the client, and a mined failure.
 */
import { expect } from "chai";
import { Interface } from "ethers";
import type { ErrorFragment, ParamType } from "ethers";
import {
  ADJUDICATOR_ABI,
  ASSET_HOLDER_ERC20_ABI,
  ASSET_HOLDER_ETH_ABI,
  ContractRevertError,
  TransactionRevertedError,
  decodeRevertData,
  toEvmError,
} from "../../src/evm";
import type { PerunContractName } from "../../src/evm";
import { rejection } from "../scripts/support/rejection";
import { sendContractTx } from "../../src/evm/sendContractTx";
import type { Hex } from "../../src";
import { fundedEthChannel, loadClientWorld } from "./clientFixture";

const CHANNEL = `0x${"c1".repeat(32)}` as Hex;

/** A deterministic sample value of a Solidity type (only the types our errors use). */
function sample(type: ParamType, i: number): unknown {
  if (type.baseType.startsWith("uint")) return BigInt(7 + i);
  if (type.baseType.startsWith("int")) return BigInt(-7 - i);
  if (type.baseType === "address") return `0x${(i + 1).toString(16).padStart(40, "0")}`;
  if (type.baseType === "bool") return i % 2 === 0;
  if (type.baseType === "bytes32") return `0x${(i + 1).toString(16).padStart(64, "0")}`;
  if (type.baseType === "bytes") return "0xdeadbeef";
  if (type.baseType === "string") return `text ${i}`;
  throw new Error(`no sample for ${type.format()}`);
}

const CONTRACTS: [PerunContractName, Interface][] = [
  ["Adjudicator", new Interface(ADJUDICATOR_ABI)],
  ["AssetHolderETH", new Interface(ASSET_HOLDER_ETH_ABI)],
  ["AssetHolderERC20", new Interface(ASSET_HOLDER_ERC20_ABI)],
];

describe("EVM client: revert decoding", () => {
  for (const [contract, iface] of CONTRACTS) {
    const errors: ErrorFragment[] = [];
    iface.forEachError((e) => errors.push(e));
    describe(`every custom error of ${contract} (${errors.length})`, () => {
      it("is declared at all", () => expect(errors.length).to.be.greaterThan(5));
      for (const fragment of errors) {
        it(fragment.format("sighash"), () => {
          const values = fragment.inputs.map((t, i) => sample(t, i));
          const data = iface.encodeErrorResult(fragment, values);
          const decoded = decodeRevertData(data);
          expect(decoded, "decoded").to.not.equal(undefined);
          expect(decoded!.name).to.equal(fragment.name);
          expect(decoded!.signature).to.equal(fragment.format("sighash"));
          expect(decoded!.declaredBy).to.include(contract);
          expect(decoded!.argList.map((v) => (typeof v === "string" ? v.toLowerCase() : v))).to.deep.equal(
            values.map((v) => (typeof v === "string" ? v.toLowerCase() : v)),
          );
          fragment.inputs.forEach((input, i) => {
            expect((decoded!.args as Record<string, unknown>)[input.name], input.name).to.equal(decoded!.argList[i]);
          });
          const typed = toEvmError("test", { code: "CALL_EXCEPTION", data });
          expect(typed).to.be.instanceOf(ContractRevertError);
          expect((typed as ContractRevertError).revertName).to.equal(fragment.name);
        });
      }
    });
  }

  it("Error(string) and Panic(uint256) decode with named arguments", () => {
    const builtin = new Interface(["error Error(string)", "error Panic(uint256)"]);
    const err = decodeRevertData(builtin.encodeErrorResult("Error", ["boom"]));
    expect(err).to.deep.include({ name: "Error", args: { message: "boom" }, declaredBy: [] });
    const panic = decodeRevertData(builtin.encodeErrorResult("Panic", [0x11n]));
    expect(panic).to.deep.include({ name: "Panic", args: { code: 0x11n } });
  });

  const foreign: [string, string][] = [
    ["empty data", "0x"],
    ["a selector no contract declares", "0x12345678"],
    [
      "a known selector with truncated arguments",
      "0x" + new Interface(ADJUDICATOR_ABI).getError("DisputeNotRegistered")!.selector.slice(2) + "00",
    ],
    ["not hex", "0xzz345678"],
  ];
  for (const [name, data] of foreign) {
    it(`${name}: not decoded (UnknownRevertError from toEvmError)`, () => {
      expect(decodeRevertData(data)).to.equal(undefined);
    });
  }

  it("a transport failure is an EvmRpcError, not a revert", () => {
    const e = toEvmError(
      "eth_call",
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }),
    );
    expect(e.name).to.equal("EvmRpcError");
    expect(e.message).to.equal("eth_call failed: connect ECONNREFUSED 127.0.0.1:1");
  });

  describe("real reverts through the client, one per contract", () => {
    it("Adjudicator: concludeFinal of a concluded channel", async () => {
      const w = await loadClientWorld();
      const { signed } = await fundedEthChannel(w);
      const final = signed(1n, [15n, 15n], true);
      await w.clients[0].concludeFinal(final);
      const e = await rejection(w.clients[0].concludeFinal(final));
      expect(e).to.be.instanceOf(ContractRevertError);
      expect((e as ContractRevertError).declaredBy).to.deep.equal(["Adjudicator"]);
      expect((e as ContractRevertError).action).to.equal("Adjudicator.concludeFinal");
      expect(e.message).to.match(/^Adjudicator\.concludeFinal reverted: \w+\(/);
    });

    it("AssetHolderETH: withdraw before the channel is settled", async () => {
      const w = await loadClientWorld();
      const { params, id } = await fundedEthChannel(w);
      const e = await rejection(
        w.clients[0].withdraw({
          holder: w.ethHolderAddress,
          channelID: id,
          participant: params.participants[0],
          signer: w.parts[0].privateKey,
          amount: 1n,
        }),
      );
      expect(e).to.be.instanceOf(ContractRevertError);
      const r = e as ContractRevertError;
      expect(r.revertName).to.equal("AssetHolderNotSettled");
      if (r.is("AssetHolderNotSettled")) expect(r.args.channelID).to.equal(id);
    });

    it("AssetHolderERC20: a deposit the token refuses (no allowance)", async () => {
      const w = await loadClientWorld();
      await (await w.token.connect(w.parts[0].wallet).approve(w.erc20HolderAddress, 0n)).wait();
      const e = await rejection(
        w.clients[0].deposit({ holder: w.erc20HolderAddress, fundingID: CHANNEL, amount: 5n, allowance: "none" }),
      );
      expect(e).to.be.instanceOf(ContractRevertError);
      const r = e as ContractRevertError;
      expect(r.declaredBy).to.deep.equal(["AssetHolderERC20"]);
      expect(r.action).to.equal("AssetHolderERC20.deposit");
      if (!r.is("TokenTransferFailed")) throw new Error(`unexpected ${r.revertName}`);
      expect(r.args.amount).to.equal(5n);
      expect(r.args.token.toLowerCase()).to.equal(w.tokenAddress.toLowerCase());
    });
  });

  describe("a transaction mined with status 0 (e.g. sent with a fixed gas limit, no estimate)", () => {
    // Hardhat's node refuses failing transactions at submission, so the mined case is played
    // with a response whose receipt has status 0, as a real node would report it.
    const data = new Interface(ADJUDICATOR_ABI).encodeErrorResult("DisputeNotRegistered", [CHANNEL]);
    const receipt = { status: 0, hash: `0x${"ee".repeat(32)}`, blockNumber: 7 };
    const response = (callResult: () => Promise<string>, calls: unknown[]) =>
      ({
        hash: receipt.hash,
        to: "0x" + "01".repeat(20),
        from: "0x" + "02".repeat(20),
        data: "0x",
        value: 0n,
        nonce: 0,
        provider: {
          call: (tx: unknown) => {
            calls.push(tx);
            return callResult();
          },
          getTransactionCount: async () => 1,
        },
        wait: () =>
          Promise.reject(
            Object.assign(new Error("transaction execution reverted"), { code: "CALL_EXCEPTION", receipt }),
          ),
      }) as never;

    it("TransactionRevertedError carrying the reason replayed on the block before", async () => {
      const calls: unknown[] = [];
      const e = await rejection(
        sendContractTx("Adjudicator.conclude", async () =>
          response(
            () => Promise.reject(Object.assign(new Error("execution reverted"), { code: "CALL_EXCEPTION", data })),
            calls,
          ),
        ),
      );
      expect(e).to.be.instanceOf(TransactionRevertedError);
      const mined = e as TransactionRevertedError;
      expect(mined.txHash).to.equal(receipt.hash);
      expect(mined.revert).to.be.instanceOf(ContractRevertError);
      expect((mined.revert as ContractRevertError).revertName).to.equal("DisputeNotRegistered");
      expect(calls).to.have.length(1);
      expect((calls[0] as { blockTag: number }).blockTag).to.equal(6);
      expect(mined.message).to.match(
        /was mined but reverted \(replayed: Adjudicator\.conclude reverted: DisputeNotRegistered\(/,
      );
    });

    it("without a reason when the replay succeeds", async () => {
      const e = await rejection(sendContractTx("Adjudicator.conclude", async () => response(async () => "0x", [])));
      expect(e).to.be.instanceOf(TransactionRevertedError);
      expect((e as TransactionRevertedError).revert).to.equal(undefined);
    });
  });
});
