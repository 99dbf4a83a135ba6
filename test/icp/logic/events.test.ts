import { expect } from "chai";
import { emit, MAX_EVENT_PAGE, readEvents } from "../../../canisters/adjudicator/src/logic/events";
import { CANISTER } from "../support/channels";
import { LogicWorld } from "../support/logicHarness";

describe("ICP logic: event log (events query)", () => {
  function worldWith(n: number): LogicWorld {
    const w = new LogicWorld();
    for (let i = 0; i < n; i++) {
      w.now += 1n;
      emit(w.ctx(CANISTER), { OutcomeSet: { channelID: new Uint8Array(32).fill(i & 0xff) } });
    }
    return w;
  }

  it("indexes events densely from 0 with the message's time", () => {
    const w = worldWith(3);
    const { events, next } = readEvents(w.ctx(CANISTER), 0n, 10);
    expect(events.map((e) => e.index)).to.deep.equal([0n, 1n, 2n]);
    expect(events[2].time - events[0].time).to.equal(2n);
    expect(next).to.equal(3n);
  });

  it("pages: at most `limit`, capped at 100, and `next` continues where the page ended", () => {
    const w = worldWith(250);
    const first = readEvents(w.ctx(CANISTER), 0n, 1000);
    expect(first.events).to.have.length(MAX_EVENT_PAGE);
    expect(first.next).to.equal(100n);
    const second = readEvents(w.ctx(CANISTER), first.next, 70);
    expect(second.events[0].index).to.equal(100n);
    expect(second.next).to.equal(170n);
    const rest = readEvents(w.ctx(CANISTER), 170n, 100);
    expect(rest.events).to.have.length(80);
    expect(rest.next).to.equal(250n);
  });

  it("answers an empty page at and beyond the end, and for limit 0, without moving `next`", () => {
    const w = worldWith(5);
    expect(readEvents(w.ctx(CANISTER), 5n, 10)).to.deep.equal({ events: [], next: 5n });
    expect(readEvents(w.ctx(CANISTER), 9n, 10)).to.deep.equal({ events: [], next: 9n });
    expect(readEvents(w.ctx(CANISTER), 2n, 0)).to.deep.equal({ events: [], next: 2n });
  });
});
