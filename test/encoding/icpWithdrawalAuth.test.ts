import { expect } from "chai";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AbiCoder, getBytes, hashMessage, keccak256, recoverAddress } from "ethers";
import { encodeIcpWithdrawalAuth } from "../../src/encoding/icp/encodeIcpWithdrawalAuth";
import { decodeIcpWithdrawalAuth } from "../../src/encoding/icp/decodeIcpWithdrawalAuth";
import { signIcpWithdrawalAuth } from "../../src/encoding/icp/signIcpWithdrawalAuth";
import { recoverIcpWithdrawalAuthSigner } from "../../src/encoding/icp/recoverIcpWithdrawalAuthSigner";
import type { IcpWithdrawalAuth } from "../../src/encoding/icp/IcpWithdrawalAuth";
import { PrincipalLengthError } from "../../src/errors/icpEncodingErrors";
import { IntegerOutOfRangeError, InvalidByteLengthError } from "../../src/errors/encodingErrors";
import { DecodeOffsetError, DecodeTrailingBytesError, DecodeIntegerRangeError } from "../../src/errors/decodingErrors";
import { encodeWithdrawalAuth } from "../../src/encoding/encodeWithdrawalAuth";
import { decodeWithdrawalAuth } from "../../src/encoding/decodeWithdrawalAuth";
import { bytesToHex } from "../../src/encoding/internal/hex";
import { icpWithdrawalAuthCases } from "../vectors/buildIcpVectors";
import { expectExactError } from "./support/expectError";

const TYPE =
  "tuple(bytes32 channelID, tuple(address ethAddress, bytes ccAddress) participant, bytes receiverOwner, bytes32 receiverSubaccount, bytes ledger, bytes adjudicator, uint256 amount, uint64 nonce)";
const ethersEncode = (a: IcpWithdrawalAuth) => AbiCoder.defaultAbiCoder().encode([TYPE], [a]);
const base = (): IcpWithdrawalAuth => structuredClone(icpWithdrawalAuthCases()[0].auth);

describe("encoding: ICP withdrawal authorisation (src/encoding/icp)", () => {
  it("is abi.encode of the documented tuple (ethers agrees) and decodes back exactly", () => {
    for (const { auth } of icpWithdrawalAuthCases()) {
      const enc = encodeIcpWithdrawalAuth(auth);
      expect(bytesToHex(enc)).to.equal(ethersEncode(auth));
      expect(decodeIcpWithdrawalAuth(enc)).to.deep.equal(auth);
    }
  });

  it("signs like a state (eth_sign over keccak) and recovers the participant", () => {
    for (const { auth, key } of icpWithdrawalAuthCases()) {
      const sig = signIcpWithdrawalAuth(auth, key);
      expect(recoverIcpWithdrawalAuthSigner(auth, sig)).to.equal(auth.participant.ethAddress.toLowerCase());
      expect(
        recoverAddress(hashMessage(getBytes(keccak256(encodeIcpWithdrawalAuth(auth)))), sig).toLowerCase(),
      ).to.equal(auth.participant.ethAddress.toLowerCase());
    }
  });

  const bindings: Array<[string, (a: IcpWithdrawalAuth) => void]> = [
    [
      "channel",
      (a) => {
        a.channelID = `0x${"01".repeat(32)}`;
      },
    ],
    [
      "participant",
      (a) => {
        a.participant.ccAddress = "0x01";
      },
    ],
    [
      "receiver owner",
      (a) => {
        a.receiverOwner = "0x05";
      },
    ],
    [
      "receiver subaccount",
      (a) => {
        a.receiverSubaccount = `0x${"00".repeat(31)}01`;
      },
    ],
    [
      "amount",
      (a) => {
        a.amount += 1n;
      },
    ],
    [
      "ledger (no replay on another ledger)",
      (a) => {
        a.ledger = "0x00000000000000070101";
      },
    ],
    [
      "canister (no replay at another adjudicator)",
      (a) => {
        a.adjudicator = "0x00000000000000090101";
      },
    ],
    [
      "nonce (no replay at the same canister)",
      (a) => {
        a.nonce += 1n;
      },
    ],
  ];
  for (const [name, change] of bindings) {
    it(`binds the ${name}: the signature recovers someone else after a change`, () => {
      const { auth, key } = icpWithdrawalAuthCases()[0];
      const sig = signIcpWithdrawalAuth(auth, key);
      const changed = base();
      change(changed);
      expect(recoverIcpWithdrawalAuthSigner(changed, sig)).to.not.equal(auth.participant.ethAddress.toLowerCase());
    });
  }

  it("cannot be confused with the EVM WithdrawalAuth or a state: its bytes do not decode as one", () => {
    const enc = encodeIcpWithdrawalAuth(base());
    expect(() => decodeWithdrawalAuth(enc)).to.throw();
    const evm = encodeWithdrawalAuth({
      channelID: base().channelID,
      participant: base().participant,
      receiver: `0x${"12".repeat(20)}`,
      amount: 1n,
    });
    expect(() => decodeIcpWithdrawalAuth(evm)).to.throw();
  });

  const encodeRejects: Array<[string, (a: IcpWithdrawalAuth) => void, new (...args: never[]) => Error]> = [
    [
      "a receiver principal of 30 bytes",
      (a) => {
        a.receiverOwner = `0x${"01".repeat(30)}`;
      },
      PrincipalLengthError,
    ],
    [
      "a ledger principal of 30 bytes",
      (a) => {
        a.ledger = `0x${"01".repeat(30)}`;
      },
      PrincipalLengthError,
    ],
    [
      "an adjudicator principal of 30 bytes",
      (a) => {
        a.adjudicator = `0x${"01".repeat(30)}`;
      },
      PrincipalLengthError,
    ],
    [
      "a subaccount of 31 bytes",
      (a) => {
        a.receiverSubaccount = `0x${"00".repeat(31)}`;
      },
      InvalidByteLengthError,
    ],
    [
      "a nonce above uint64",
      (a) => {
        a.nonce = 1n << 64n;
      },
      IntegerOutOfRangeError,
    ],
    [
      "a negative amount",
      (a) => {
        a.amount = -1n;
      },
      IntegerOutOfRangeError,
    ],
  ];
  for (const [name, change, errorClass] of encodeRejects) {
    it(`refuses to encode ${name} (${errorClass.name})`, () => {
      const a = base();
      change(a);
      expectExactError(() => encodeIcpWithdrawalAuth(a), errorClass as never);
    });
  }

  it("decodes strictly: trailing bytes, a moved offset, a nonce word above uint64, a 30-byte principal", () => {
    const enc = encodeIcpWithdrawalAuth(base());
    expectExactError(() => decodeIcpWithdrawalAuth(Uint8Array.from([...enc, 0])), DecodeTrailingBytesError);
    const moved = enc.slice();
    moved[32 + 64 + 31] += 32; // receiverOwner offset
    expectExactError(() => decodeIcpWithdrawalAuth(moved), DecodeOffsetError);
    const bigNonce = enc.slice();
    bigNonce[32 + 224 + 23] = 1;
    expectExactError(() => decodeIcpWithdrawalAuth(bigNonce), DecodeIntegerRangeError);
    const long = base();
    long.ledger = `0x${"01".repeat(29)}`;
    const longEnc = encodeIcpWithdrawalAuth(long);
    // Patch the ledger's length word from 29 to 30 (its padding byte becomes data).
    const hexStr = bytesToHex(longEnc);
    const lenWord = "0".repeat(62) + "1d";
    const at = hexStr.indexOf(lenWord + "01".repeat(29));
    expect(at).to.be.greaterThan(0);
    const patched = getBytes(hexStr.slice(0, at) + "0".repeat(62) + "1e" + hexStr.slice(at + 64));
    expectExactError(() => decodeIcpWithdrawalAuth(patched), PrincipalLengthError);
  });

  it("the committed vectors (test/vectors/icp-withdrawal-auths.json) agree with ethers", () => {
    const file = JSON.parse(readFileSync(join(__dirname, "..", "vectors", "icp-withdrawal-auths.json"), "utf8"));
    expect(file.vectors.length).to.be.at.least(2);
    for (const v of file.vectors) {
      const auth = { ...v.auth, amount: BigInt(v.auth.amount), nonce: BigInt(v.auth.nonce) };
      expect(ethersEncode(auth)).to.equal(v.encoding);
      expect(recoverAddress(hashMessage(getBytes(keccak256(v.encoding))), v.signature).toLowerCase()).to.equal(
        v.signer,
      );
    }
  });
});
