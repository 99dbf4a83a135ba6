/**
 * readDeployEnv: the deploy script's environment is validated before anything touches a
 * network. Accept/reject tables for ERC20_TOKENS and DEPLOYER_PRIVATE_KEY.
 */
import { expect } from "chai";
import { parseDeployerKey, parseTokenList, readDeployEnv } from "../../scripts/lib/evm/readDeployEnv";
import {
  DeployerKeyInvalidError,
  ExistingRecordPolicyInvalidError,
  ScriptError,
  TokenAddressInvalidError,
} from "../../scripts/lib/scriptErrors";
import { PerunError } from "../../src";

const TOKEN_A = "0x5FbDB2315678afecb367f032d93F642f64180aa3"; // valid EIP-55
const TOKEN_B = "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512"; // lowercase
const KEY = `0x${"11".repeat(32)}`;
const CURVE_ORDER = "0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

describe("scripts: readDeployEnv", () => {
  it("defaults: no tokens, no key, deployments/, refuse an existing record", () => {
    expect(readDeployEnv({})).to.deep.equal({
      tokens: [],
      deployerKey: undefined,
      deploymentsDir: "deployments",
      existingRecord: "refuse",
    });
  });

  it("DEPLOY_EXISTING_RECORD: refuse, keep, blank; anything else is refused", () => {
    expect(readDeployEnv({ DEPLOY_EXISTING_RECORD: "keep" }).existingRecord).to.equal("keep");
    expect(readDeployEnv({ DEPLOY_EXISTING_RECORD: " refuse " }).existingRecord).to.equal("refuse");
    expect(readDeployEnv({ DEPLOY_EXISTING_RECORD: "" }).existingRecord).to.equal("refuse");
    expect(() => readDeployEnv({ DEPLOY_EXISTING_RECORD: "overwrite" })).to.throw(
      ExistingRecordPolicyInvalidError,
      'DEPLOY_EXISTING_RECORD must be "refuse" (default) or "keep", got "overwrite"',
    );
  });

  it("reads all variables", () => {
    const env = readDeployEnv({
      ERC20_TOKENS: ` ${TOKEN_A} , ${TOKEN_B}`,
      DEPLOYER_PRIVATE_KEY: KEY.toUpperCase().replace("0X", "0x"),
      DEPLOYMENTS_DIR: "/tmp/out",
    });
    expect(env.tokens).to.deep.equal([TOKEN_A.toLowerCase(), TOKEN_B]);
    expect(env.deployerKey).to.equal(KEY);
    expect(env.deploymentsDir).to.equal("/tmp/out");
  });

  describe("ERC20_TOKENS rejects", () => {
    const cases: [string, string, RegExp][] = [
      ["a non-hex digit", "0x5FbDB2315678afecb367f032d93F642f64180aaZ", /invalid hex/],
      ["19 bytes", "0x5fbdb2315678afecb367f032d93f642f64180a", /expected 20 bytes/],
      ["a bad checksum", "0x5FBDB2315678afecb367f032d93F642f64180aa3", /checksum/],
      ["no 0x prefix", "5fbdb2315678afecb367f032d93f642f64180aa3", /invalid hex/],
      ["the zero address", "0x0000000000000000000000000000000000000000", /zero address/],
      ["a duplicate", `${TOKEN_A},${TOKEN_A.toLowerCase()}`, /listed twice/],
      ["an empty entry", `${TOKEN_A},`, /empty entry/],
    ];
    for (const [name, value, message] of cases) {
      it(name, () => {
        let error: unknown;
        try {
          parseTokenList(value);
        } catch (e) {
          error = e;
        }
        expect(error).to.be.instanceOf(TokenAddressInvalidError);
        expect(error).to.be.instanceOf(ScriptError).and.instanceOf(PerunError);
        expect((error as Error).message).to.match(message);
        expect((error as ScriptError).refusedBeforeSending).to.equal(true);
      });
    }
  });

  describe("DEPLOYER_PRIVATE_KEY", () => {
    it("unset or blank means: use the node's account", () => {
      expect(parseDeployerKey(undefined)).to.equal(undefined);
      expect(parseDeployerKey("  ")).to.equal(undefined);
    });

    const cases: [string, string, RegExp][] = [
      ["no 0x prefix", "11".repeat(32), /missing 0x prefix/],
      ["too short", "0x1234", /4 hex digits instead of 64/],
      ["too long", `0x${"11".repeat(33)}`, /66 hex digits instead of 64/],
      ["not hex", `0x${"zz".repeat(32)}`, /not hexadecimal/],
      ["zero", `0x${"00".repeat(32)}`, /not a valid secp256k1 scalar/],
      ["the curve order", CURVE_ORDER, /not a valid secp256k1 scalar/],
    ];
    for (const [name, value, message] of cases) {
      it(`rejects ${name} without echoing the key`, () => {
        let error: unknown;
        try {
          parseDeployerKey(value);
        } catch (e) {
          error = e;
        }
        expect(error).to.be.instanceOf(DeployerKeyInvalidError);
        expect((error as Error).message).to.match(message);
        expect((error as Error).message).to.not.include(value.slice(2, 20));
        expect(JSON.stringify((error as ScriptError).details)).to.not.include(value.slice(2, 20));
      });
    }
  });
});
