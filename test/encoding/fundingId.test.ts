import { expect } from "chai";
import { AddressChecksumError, InvalidByteLengthError, InvalidHexError, fundingId } from "../../src";
import { expectExactError } from "./support/expectError";
import { ADDRESS_A, ADDRESS_A_CHECKSUMMED, ADDRESS_B, KNOWN_CHANNEL_ID } from "./support/fixtures";
import { ethersFundingId } from "./support/oracle";

describe("encoding: fundingId", () => {
  it("= keccak256(abi.encode(bytes32 channelID, address participant)), as ethers computes it", () => {
    expect(fundingId(KNOWN_CHANNEL_ID, ADDRESS_A)).to.equal(ethersFundingId(KNOWN_CHANNEL_ID, ADDRESS_A));
    expect(fundingId(KNOWN_CHANNEL_ID, ADDRESS_B)).to.equal(ethersFundingId(KNOWN_CHANNEL_ID, ADDRESS_B));
    expect(fundingId(KNOWN_CHANNEL_ID, ADDRESS_A)).to.match(/^0x[0-9a-f]{64}$/);
  });

  it("is independent of the address spelling", () => {
    expect(fundingId(KNOWN_CHANNEL_ID, ADDRESS_A_CHECKSUMMED)).to.equal(fundingId(KNOWN_CHANNEL_ID, ADDRESS_A));
  });

  it("rejects a short channel ID, a long address, bad hex and a bad checksum", () => {
    expectExactError(() => fundingId("0x1234", ADDRESS_A), InvalidByteLengthError);
    expectExactError(() => fundingId(KNOWN_CHANNEL_ID, `${ADDRESS_A}00`), InvalidByteLengthError);
    expectExactError(() => fundingId(KNOWN_CHANNEL_ID, `0x${"x".repeat(40)}`), InvalidHexError);
    expectExactError(
      () => fundingId(KNOWN_CHANNEL_ID, ADDRESS_A_CHECKSUMMED.replace("E7e7e", "e7e7e") as `0x${string}`),
      AddressChecksumError,
    );
  });
});
