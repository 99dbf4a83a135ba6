/**
 * probeErc20: a token must have code and answer balanceOf and totalSupply with one word each;
 * decimals and symbol are optional. Real contracts on the in-process network, plus a fake
 * provider for answers no test contract gives (empty or oversized return data).
 */
import { expect } from "chai";
import hre from "hardhat";
import type { Provider } from "ethers";
import { probeErc20 } from "../../scripts/lib/evm/probeErc20";
import { TokenNotContractError, TokenNotErc20Error } from "../../scripts/lib/scriptErrors";
import type { Address } from "../../src";
import { rejection } from "./support/rejection";

async function deployed(name: string, args: unknown[] = []): Promise<Address> {
  const c = await hre.ethers.deployContract(name, args);
  return (await c.getAddress()).toLowerCase() as Address;
}

/** A provider whose token has code and answers every call with `answer`. */
function fakeProvider(answer: string): Provider {
  return { getCode: async () => "0x6000", call: async () => answer } as unknown as Provider;
}

describe("scripts: probeErc20", () => {
  const CHAIN = 31337n;

  it("accepts an ERC-20 and reads its symbol and decimals", async () => {
    const [owner] = await hre.ethers.getSigners();
    const token = await deployed("TestToken", ["Probe Token", "PRB", [owner.address], 1n]);
    expect(await probeErc20(hre.ethers.provider, token, CHAIN)).to.deep.equal({
      address: token,
      symbol: "PRB",
      decimals: 18,
    });
  });

  it("accepts a token without symbol and decimals (optional in EIP-20) if it has totalSupply", async () => {
    const word = `0x${"00".repeat(31)}07`;
    const info = await probeErc20(
      {
        getCode: async () => "0x6000",
        call: async ({ data }: { data: string }) => {
          // balanceOf and totalSupply answer; decimals (0x313ce567) and symbol (0x95d89b41) revert.
          if (data.startsWith("0x313ce567") || data.startsWith("0x95d89b41")) throw new Error("revert");
          return word;
        },
      } as unknown as Provider,
      "0x00000000000000000000000000000000000000aa",
      CHAIN,
    );
    expect(info).to.deep.equal({ address: "0x00000000000000000000000000000000000000aa" });
  });

  it("rejects an address without code", async () => {
    const e = await rejection(probeErc20(hre.ethers.provider, "0x000000000000000000000000000000000000beef", CHAIN));
    expect(e).to.be.instanceOf(TokenNotContractError);
    expect(e.message).to.equal(
      "token 0x000000000000000000000000000000000000bEEF has no contract code on chain 31337 (wrong address or wrong network?)",
    );
  });

  it("rejects a contract without balanceOf (the Adjudicator)", async () => {
    const e = await rejection(probeErc20(hre.ethers.provider, await deployed("Adjudicator"), CHAIN));
    expect(e).to.be.instanceOf(TokenNotErc20Error);
    expect(e.message).to.match(/is not an ERC-20: balanceOf\(address\) reverted/);
  });

  it("rejects a contract with balanceOf but no totalSupply", async () => {
    const e = await rejection(probeErc20(hre.ethers.provider, await deployed("RawReturnToken"), CHAIN));
    expect(e).to.be.instanceOf(TokenNotErc20Error);
    expect(e.message).to.match(/totalSupply\(\) reverted/);
  });

  for (const [name, answer, bytes] of [
    ["empty return data (a fallback that returns nothing)", "0x", 0],
    ["two words", `0x${"00".repeat(64)}`, 64],
  ] as const) {
    it(`rejects ${name}`, async () => {
      const e = await rejection(probeErc20(fakeProvider(answer), "0x00000000000000000000000000000000000000aa", CHAIN));
      expect(e).to.be.instanceOf(TokenNotErc20Error);
      expect(e.message).to.include(`balanceOf(address) returned ${bytes} bytes instead of 32`);
    });
  }
});
