/**
 * assertRpcReachable: every way an RPC can be unusable becomes one RpcUnreachableError naming
 * the network and URL. Fake EIP-1193 providers stand in for broken nodes; the real
 * "connection refused" case is covered end to end in deploy-evm.cli.test.ts.
 */
import { expect } from "chai";
import hre from "hardhat";
import type { EIP1193Provider } from "hardhat/types";
import { assertRpcReachable } from "../../scripts/lib/evm/assertRpcReachable";
import { RpcUnreachableError } from "../../scripts/lib/scriptErrors";
import { rejection } from "./support/rejection";

function provider(request: () => Promise<unknown>): EIP1193Provider {
  return { request } as unknown as EIP1193Provider;
}

describe("scripts: assertRpcReachable", () => {
  it("returns the chain ID of a live node", async () => {
    expect(await assertRpcReachable(hre.network.provider, "hardhat", "in-process")).to.equal(31337n);
  });

  const cases: [string, EIP1193Provider, RegExp][] = [
    [
      "a refused connection",
      provider(() => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:1"))),
      /ECONNREFUSED/,
    ],
    ["a non-hex answer", provider(() => Promise.resolve("31337")), /eth_chainId returned "31337"/],
    ["a silent node", provider(() => new Promise(() => undefined)), /no answer within 50 ms/],
  ];
  for (const [name, p, message] of cases) {
    it(`rejects ${name}`, async () => {
      const e = await rejection(assertRpcReachable(p, "evm", "http://node.example:8545", 50));
      expect(e).to.be.instanceOf(RpcUnreachableError);
      expect(e.message).to.match(/^cannot reach the RPC of network "evm" at http:\/\/node\.example:8545: /);
      expect(e.message).to.match(message);
      expect(e.message).to.include("check EVM_RPC_URL");
    });
  }
});
