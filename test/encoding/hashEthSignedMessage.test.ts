import { expect } from "chai";
import { getBytes, hashMessage, keccak256 as ethersKeccak } from "ethers";
import { BACKEND_CKB, BACKEND_ETH, BACKEND_ICP, hashEthSignedMessage, keccak256 } from "../../src";

describe("encoding: keccak256, eth_sign digest and backend IDs", () => {
  it("keccak256 matches ethers for empty, short and long input, bytes or hex", () => {
    for (const data of [new Uint8Array(0), new Uint8Array([1, 2, 3]), new Uint8Array(1000).fill(7)]) {
      expect(keccak256(data)).to.equal(ethersKeccak(data));
      expect(keccak256(`0x${Buffer.from(data).toString("hex")}`)).to.equal(ethersKeccak(data));
    }
  });

  it("digest = keccak256('\\x19Ethereum Signed Message:\\n32' ‖ keccak256(data)), as ethers hashMessage of the hash", () => {
    for (const data of ["0x", "0x00", "0xdeadbeef"] as const) {
      expect(hashEthSignedMessage(data)).to.equal(hashMessage(getBytes(ethersKeccak(data))));
    }
  });

  it("backend IDs: ETH 1, CKB 3, ICP the ASCII tag 'ICP', all distinct", () => {
    expect(BACKEND_ETH).to.equal(1n);
    expect(BACKEND_CKB).to.equal(3n);
    expect(BACKEND_ICP).to.equal(BigInt(`0x${Buffer.from("ICP").toString("hex")}`));
    expect(new Set([BACKEND_ETH, BACKEND_CKB, BACKEND_ICP]).size).to.equal(3);
  });
});
