/**
 * AssetHolder.holdings: the amount held per funding ID (or channel ID), without the internal
 * settled flag, through deposit, settlement and withdrawal.
 */
import { expect } from "chai";
import { depositFor, freshAddress, fundingIdOf, loadMocks, makeChannel, signAll, signedWithdrawal } from "./fixtures";

describe("AssetHolder.holdings", function () {
  it("is 0 for an unknown ID", async function () {
    const d = await loadMocks();
    expect(await d.ethHolder.holdings(`0x${"42".repeat(32)}`)).to.equal(0n);
    expect(await d.erc20Holder.holdings(`0x${"42".repeat(32)}`)).to.equal(0n);
  });

  it("follows deposits, the outcome and withdrawals exactly (flag never visible)", async function () {
    const d = await loadMocks();
    const ch = await makeChannel(d);
    const [a, b] = d.parts;
    const fidA = fundingIdOf(ch.params, a);
    const fidB = fundingIdOf(ch.params, b);
    await depositFor(d.ethHolder, ch.params, a, 40n);
    expect(await d.ethHolder.holdings(fidA)).to.equal(40n);
    await depositFor(d.ethHolder, ch.params, b, 60n);
    expect(await d.ethHolder.holdings(fidB)).to.equal(60n);
    const fin = ch.state([99n, 1n], { isFinal: true });
    await d.adjudicator.concludeFinal(ch.params, fin, signAll(fin, d.parts));
    expect(await d.ethHolder.holdings(fidA)).to.equal(99n);
    expect(await d.ethHolder.holdings(fidB)).to.equal(1n);
    const w = signedWithdrawal(ch.id, a, 99n, freshAddress("holdings"));
    await d.ethHolder.withdraw(w.auth, w.sig);
    expect(await d.ethHolder.holdings(fidA)).to.equal(0n);
    expect(await d.ethHolder.holdings(fidB)).to.equal(1n);
  });

  it("holders are independent: an ERC-20 deposit does not show at the ETH holder", async function () {
    const d = await loadMocks();
    const ch = await makeChannel(d);
    await depositFor(d.erc20Holder, ch.params, d.parts[0], 5n);
    expect(await d.erc20Holder.holdings(fundingIdOf(ch.params, d.parts[0]))).to.equal(5n);
    expect(await d.ethHolder.holdings(fundingIdOf(ch.params, d.parts[0]))).to.equal(0n);
  });
});
