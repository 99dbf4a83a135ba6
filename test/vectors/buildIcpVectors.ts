import type { Hex } from "../../src/encoding/types";
import type { IcpWithdrawalAuth } from "../../src/encoding/icp/IcpWithdrawalAuth";
import { encodeIcpWithdrawalAuth } from "../../src/encoding/icp/encodeIcpWithdrawalAuth";
import { decodeIcpWithdrawalAuth } from "../../src/encoding/icp/decodeIcpWithdrawalAuth";
import { signIcpWithdrawalAuth } from "../../src/encoding/icp/signIcpWithdrawalAuth";
import { addressFromPrivateKey } from "../../src/encoding/addressFromPrivateKey";
import { bytesToHex } from "../../src/encoding/internal/hex";

/**
 * Vectors of the ICP withdrawal authorisation (src/encoding/icp): ABI encoding and the
 * participant's signature, for any other implementation (a Rust or Motoko canister, a Go
 * client) to check itself against. Part of `npm run gen:vectors`.
 */
const KEY_A = `0x${"11".repeat(32)}` as Hex;
const KEY_B = `0x${"22".repeat(32)}` as Hex;
/** ryjl3-tyaaa-aaaaa-aaaba-cai (the ICP ledger) and bkyz2-fmaaa-aaaaa-qaaaq-cai. */
const ICP_LEDGER = "0x00000000000000020101" as Hex;
const CANISTER = "0x00000000000000010101" as Hex;
const SELF_AUTH = `0x${"ab".repeat(28)}02` as Hex;

export function icpWithdrawalAuthCases(): Array<{ name: string; key: Hex; auth: IcpWithdrawalAuth }> {
  return [
    {
      name: "default-subaccount",
      key: KEY_A,
      auth: {
        channelID: "0x5822dd7a3950d0506be16ff3b52c52fd9965d47fe05f042f3cfdb502bdf70b9f",
        participant: { ethAddress: addressFromPrivateKey(KEY_A), ccAddress: `0x${"00".repeat(32)}` },
        receiverOwner: SELF_AUTH,
        receiverSubaccount: `0x${"00".repeat(32)}`,
        ledger: ICP_LEDGER,
        adjudicator: CANISTER,
        amount: 100n,
        nonce: 0n,
      },
    },
    {
      name: "subaccount-max-values",
      key: KEY_B,
      auth: {
        channelID: `0x${"7e".repeat(32)}`,
        participant: { ethAddress: addressFromPrivateKey(KEY_B), ccAddress: "0x" },
        receiverOwner: "0x04",
        receiverSubaccount: `0x${"01".repeat(31)}ff`,
        ledger: `0x${"ee".repeat(29)}`,
        adjudicator: "0x",
        amount: (1n << 256n) - 1n,
        nonce: (1n << 64n) - 1n,
      },
    },
  ];
}

export function buildIcpVectors(): Record<string, unknown> {
  const vectors = icpWithdrawalAuthCases().map(({ name, key, auth }) => {
    const encoding = encodeIcpWithdrawalAuth(auth);
    decodeIcpWithdrawalAuth(encoding);
    return {
      name,
      auth: JSON.parse(JSON.stringify(auth, (_k, v) => (typeof v === "bigint" ? v.toString() : v))),
      encoding: bytesToHex(encoding),
      signer: addressFromPrivateKey(key),
      signature: signIcpWithdrawalAuth(auth, key),
    };
  });
  return {
    "icp-withdrawal-auths.json": {
      description:
        "abi.encode(IcpWithdrawalAuth { bytes32 channelID; Participant participant; bytes receiverOwner; bytes32 receiverSubaccount; bytes ledger; bytes adjudicator; uint256 amount; uint64 nonce }) and the participant's signature",
      generator: "npm run gen:vectors (test/vectors/buildIcpVectors.ts); do not edit by hand",
      conventions:
        'integers are decimal strings; bytes lowercase 0x-hex; principals as raw bytes; signatures are 65-byte r||s||v over keccak256("\\x19Ethereum Signed Message:\\n32" || keccak256(encoding))',
      vectors,
    },
  };
}
