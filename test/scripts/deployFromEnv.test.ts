/**
 * deployFromEnv: the deploy script's whole flow (environment → RPC check → deployer → deploy →
 * record file) on the in-process network, and each refusal. Networks without unlocked accounts
 * and broken RPCs are simulated by overriding parts of the Hardhat runtime environment.
 */
import { expect } from "chai";
import hre from "hardhat";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { HardhatRuntimeEnvironment } from "hardhat/types";
import { deployFromEnv } from "../../scripts/lib/evm/deployFromEnv";
import {
  DeployerKeyInvalidError,
  DeployerKeyMissingError,
  DeploymentRecordExistsError,
  DeploymentsDirUnwritableError,
  ExistingRecordPolicyInvalidError,
  RpcUnreachableError,
  RpcUrlMissingError,
  ScriptError,
  TokenAddressInvalidError,
} from "../../scripts/lib/scriptErrors";
import { addressFromPrivateKey, toChecksumAddress } from "../../src";
import { useTempDirs } from "./support/tempDir";
import type { Hex } from "../../src";
import { rejection } from "./support/rejection";

/** `hre` with some parts replaced. */
function withOverrides(overrides: Partial<HardhatRuntimeEnvironment>): HardhatRuntimeEnvironment {
  return { ...hre, ...overrides } as HardhatRuntimeEnvironment;
}

describe("scripts: deployFromEnv", () => {
  const tempDir = useTempDirs("perun-deploy-");

  it("deploys with the network's first account and writes <dir>/<network>-<chainId>.json", async () => {
    const [owner] = await hre.ethers.getSigners();
    const token = await hre.ethers.deployContract("TestToken", ["Env Token", "ENV", [owner.address], 1n]);
    const dir = tempDir();
    const lines: string[] = [];
    const result = await deployFromEnv(hre, { ERC20_TOKENS: await token.getAddress(), DEPLOYMENTS_DIR: dir }, (l) =>
      lines.push(l),
    );
    expect(result.deployerSource).to.equal("node account #0");
    expect(result.recordPath).to.equal(join(dir, "hardhat-31337.json"));
    const written = JSON.parse(readFileSync(result.recordPath, "utf8"));
    expect(written).to.deep.equal(result.deployment.record);
    expect(written.deployer).to.equal(owner.address);
    expect(written.contracts.AssetHolderERC20).to.have.length(1);
    expect(written.contracts.AssetHolderERC20[0].token).to.equal(await token.getAddress());
    expect(lines[0]).to.equal("checking RPC of network hardhat (in-process Hardhat network)");
    expect(lines[lines.length - 1]).to.equal(`wrote ${result.recordPath}`);
  });

  it("deploys with DEPLOYER_PRIVATE_KEY when given", async () => {
    const key = `0x${"5a".repeat(32)}` as Hex;
    const address = addressFromPrivateKey(key);
    await hre.network.provider.send("hardhat_setBalance", [address, "0x56bc75e2d63100000"]); // 100 ETH
    const result = await deployFromEnv(hre, { DEPLOYER_PRIVATE_KEY: key, DEPLOYMENTS_DIR: tempDir() }, () => undefined);
    expect(result.deployerSource).to.equal("DEPLOYER_PRIVATE_KEY");
    expect(result.deployment.record.deployer).to.equal(toChecksumAddress(address));
  });

  describe("refusals (nothing written)", () => {
    const broken = (request: () => Promise<unknown>) =>
      withOverrides({
        network: {
          ...hre.network,
          name: "evm",
          config: { ...hre.network.config, url: "http://127.0.0.1:1" } as never,
          provider: { ...hre.network.provider, request } as never,
        },
      });
    const cases: [
      string,
      () => HardhatRuntimeEnvironment,
      Record<string, string>,
      new (...a: never[]) => Error,
      RegExp,
    ][] = [
      [
        "no unlocked account and no DEPLOYER_PRIVATE_KEY",
        () => withOverrides({ ethers: { ...hre.ethers, getSigners: async () => [] } }),
        {},
        DeployerKeyMissingError,
        /^no deployer: network "hardhat" has no unlocked accounts; set DEPLOYER_PRIVATE_KEY=/,
      ],
      [
        "a node that does not implement eth_accounts",
        () =>
          withOverrides({
            ethers: { ...hre.ethers, getSigners: () => Promise.reject(new Error("method not found")) },
          }),
        {},
        DeployerKeyMissingError,
        /no unlocked accounts/,
      ],
      [
        "a malformed DEPLOYER_PRIVATE_KEY",
        () => hre,
        { DEPLOYER_PRIVATE_KEY: "0xnot-a-key" },
        DeployerKeyInvalidError,
        /^DEPLOYER_PRIVATE_KEY is malformed/,
      ],
      [
        "a malformed token address",
        () => hre,
        { ERC20_TOKENS: "0x1234" },
        TokenAddressInvalidError,
        /ERC20_TOKENS entry "0x1234" is not a valid token address/,
      ],
      [
        "a network without URL",
        () =>
          withOverrides({
            network: { ...hre.network, name: "evm", config: { ...hre.network.config, url: "" } as never },
          }),
        {},
        RpcUrlMissingError,
        /^network "evm" has no RPC URL; set EVM_RPC_URL=/,
      ],
      [
        "an unreachable RPC",
        () => broken(() => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:1"))),
        {},
        RpcUnreachableError,
        /^cannot reach the RPC of network "evm" at http:\/\/127\.0\.0\.1:1: connect ECONNREFUSED/,
      ],
    ];
    for (const [name, env, vars, errorClass, message] of cases) {
      it(name, async () => {
        const dir = tempDir();
        const e = await rejection(deployFromEnv(env(), { ...vars, DEPLOYMENTS_DIR: dir }, () => undefined));
        expect(e).to.be.instanceOf(errorClass);
        expect(e).to.be.instanceOf(ScriptError);
        expect(e.message).to.match(message);
        expect((e as ScriptError).refusedBeforeSending).to.equal(true);
        expect(readdirSync(dir)).to.deep.equal([]);
        expect(existsSync(join(dir, "evm.json"))).to.equal(false);
      });
    }
  });

  describe("the record: checked before the first transaction", () => {
    /** Runs deployFromEnv and returns its rejection, checking that no transaction was sent. */
    async function refusedWithoutSending(vars: Record<string, string>): Promise<Error> {
      const [owner] = await hre.ethers.getSigners();
      const nonce = await hre.ethers.provider.getTransactionCount(owner.address);
      const block = await hre.ethers.provider.getBlockNumber();
      const e = await rejection(deployFromEnv(hre, vars, () => undefined));
      expect(e).to.be.instanceOf(ScriptError);
      expect((e as ScriptError).refusedBeforeSending).to.equal(true);
      expect(await hre.ethers.provider.getTransactionCount(owner.address)).to.equal(nonce);
      expect(await hre.ethers.provider.getBlockNumber()).to.equal(block);
      return e;
    }

    it("refuses a DEPLOYMENTS_DIR below a file (ENOTDIR)", async () => {
      const file = join(tempDir(), "a-file");
      writeFileSync(file, "x");
      const e = await refusedWithoutSending({ DEPLOYMENTS_DIR: join(file, "deployments") });
      expect(e).to.be.instanceOf(DeploymentsDirUnwritableError);
      expect(e.message).to.equal(
        `cannot write the deployment record into "${join(file, "deployments")}": ENOTDIR; set DEPLOYMENTS_DIR to a writable folder`,
      );
    });

    it("refuses a DEPLOYMENTS_DIR that is a file", async () => {
      const file = join(tempDir(), "deployments");
      writeFileSync(file, "x");
      const e = await refusedWithoutSending({ DEPLOYMENTS_DIR: file });
      expect(e).to.be.instanceOf(DeploymentsDirUnwritableError);
      expect(e.message).to.match(/: (EEXIST|not a directory);/);
      expect(readFileSync(file, "utf8")).to.equal("x");
    });

    it("refuses a DEPLOYMENTS_DIR where no file can be created (read-only file system)", async function () {
      // /proc exists on Linux and refuses new files even to root.
      if (!existsSync("/proc/self")) this.skip();
      const e = await refusedWithoutSending({ DEPLOYMENTS_DIR: "/proc/self" });
      expect(e).to.be.instanceOf(DeploymentsDirUnwritableError);
      expect(e.message).to.match(/^cannot write the deployment record into "\/proc\/self": E[A-Z]+;/);
    });

    it("refuses to overwrite an existing record of the same network and chain", async () => {
      const dir = tempDir();
      writeFileSync(join(dir, "hardhat-31337.json"), "old record");
      const e = await refusedWithoutSending({ DEPLOYMENTS_DIR: dir });
      expect(e).to.be.instanceOf(DeploymentRecordExistsError);
      expect(e.message).to.match(/hardhat-31337\.json exists; move it away/);
      expect(readFileSync(join(dir, "hardhat-31337.json"), "utf8")).to.equal("old record");
      expect(readdirSync(dir)).to.deep.equal(["hardhat-31337.json"]);
    });

    it("refuses an unknown DEPLOY_EXISTING_RECORD", async () => {
      const e = await refusedWithoutSending({ DEPLOYMENTS_DIR: tempDir(), DEPLOY_EXISTING_RECORD: "overwrite" });
      expect(e).to.be.instanceOf(ExistingRecordPolicyInvalidError);
    });

    it("a record of another chain ID or network is no obstacle", async () => {
      const dir = tempDir();
      writeFileSync(join(dir, "hardhat-1.json"), "mainnet?");
      writeFileSync(join(dir, "hardhat.json"), "old unversioned name");
      const result = await deployFromEnv(hre, { DEPLOYMENTS_DIR: dir }, () => undefined);
      expect(result.recordPath).to.equal(join(dir, "hardhat-31337.json"));
      expect(readdirSync(dir).sort()).to.deep.equal(["hardhat-1.json", "hardhat-31337.json", "hardhat.json"]);
    });

    it("DEPLOY_EXISTING_RECORD=keep keeps the old record beside the new one", async () => {
      const dir = tempDir();
      writeFileSync(join(dir, "hardhat-31337.json"), "old record");
      const lines: string[] = [];
      const result = await deployFromEnv(hre, { DEPLOYMENTS_DIR: dir, DEPLOY_EXISTING_RECORD: "keep" }, (l) =>
        lines.push(l),
      );
      const files = readdirSync(dir).sort();
      expect(files).to.have.length(2);
      const kept = files.find((f) => f !== "hardhat-31337.json")!;
      expect(kept).to.match(/^hardhat-31337\.replaced-\d{4}-\d\d-\d\dT[\d-]+Z\.json$/);
      expect(readFileSync(join(dir, kept), "utf8")).to.equal("old record");
      expect(JSON.parse(readFileSync(result.recordPath, "utf8"))).to.deep.equal(result.deployment.record);
      expect(lines).to.include(`an existing ${join(dir, "hardhat-31337.json")} will be kept as ${join(dir, kept)}`);
    });
  });
});
