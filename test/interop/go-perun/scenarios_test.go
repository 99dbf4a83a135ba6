package goperun

import (
	"context"
	"sync"
	"testing"
	"time"

	"perun.network/go-perun/channel"
	"perun.network/go-perun/client"
)

// Phases of our dispute record (DESIGN §3).
const (
	phaseDispute   = 0
	phaseConcluded = 2
)

// settleBoth runs go-perun's Settle (conclude if needed, then withdraw) for both parties at once;
// the secondary one waits for the other's conclude transaction, as go-perun intends.
func settleBoth(t *testing.T, a, b *client.Channel, bSecondary bool) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, job := range []struct {
		ch        *client.Channel
		secondary bool
	}{{a, false}, {b, bSecondary}} {
		wg.Add(1)
		go func(i int, ch *client.Channel, secondary bool) {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
			defer cancel()
			errs[i] = ch.Settle(ctx, secondary)
		}(i, job.ch, job.secondary)
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("%s's Settle: %v", []string{"Alice", "Bob"}[i], err)
		}
	}
}

// TestCooperative: open a ledger channel with ETH and an ERC-20, funded through go-perun's
// funder into our asset holders; off-chain updates; cooperative close (concludeFinal);
// withdraw; every balance exact.
func TestCooperative(t *testing.T) {
	pr := newPair(t)
	aliceCh, bobCh := pr.open(60, balances{milliEth(50), milliEth(30)}, balances{tokens(700), tokens(300)})
	states := []exportedState{signedState(t, "cooperative v0 (opened)", aliceCh)}

	pr.transfer(aliceCh, milliEth(10), tokens(100))
	pr.transfer(bobCh, milliEth(5), tokens(0))
	pr.transfer(aliceCh, milliEth(0), tokens(50))
	states = append(states, signedState(t, "cooperative v3", bobCh))

	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	if err := aliceCh.Update(ctx, func(s *channel.State) { s.IsFinal = true }); err != nil {
		t.Fatalf("final update: %v", err)
	}
	final := aliceCh.State()
	states = append(states, signedState(t, "cooperative v4 (final)", aliceCh))
	step(t, "cooperative", "version %d is final; Alice settles, Bob settles as secondary", final.Version)

	settleBoth(t, aliceCh, bobCh, true)
	rec := pr.n.dispute(pr.e.adjudicator(), aliceCh.ID())
	if rec.Phase != phaseConcluded || rec.Version != final.Version {
		t.Fatalf("dispute record after settling: phase %d version %d, want concluded at %d", rec.Phase, rec.Version, final.Version)
	}
	step(t, "cooperative", "concluded on-chain at version %d (concludeFinal)", rec.Version)
	pr.checkPaidOut(aliceCh, balances{milliEth(45), milliEth(35)}, balances{tokens(550), tokens(450)})

	ws := pr.reviewTransactions(aliceCh)
	if len(ws) != 4 {
		t.Errorf("go-perun sent %d withdrawals, want 4 (2 parties × 2 holders)", len(ws))
	}
	pr.e.writeJSON(t, "cooperative", export{Scenario: "cooperative", States: states, Withdrawals: exportWithdrawals(ws)})
}

// TestDispute: Bob registers a stale state; Alice's go-perun watcher refutes with the latest;
// after the window (Hardhat time advanced) the channel concludes; both withdraw.
func TestDispute(t *testing.T) {
	const window = 600
	pr := newPair(t)
	aliceCh, bobCh := pr.open(window, balances{milliEth(50), milliEth(50)}, balances{tokens(500), tokens(500)})
	pr.alice.watch(aliceCh)
	states := []exportedState{signedState(t, "dispute v0 (opened)", aliceCh)}

	pr.transfer(aliceCh, milliEth(10), tokens(100))
	stale := client.NewTestChannel(bobCh).AdjudicatorReq() // version 1: Bob holds 60 mETH, 600 tokens
	states = append(states, signedState(t, "dispute v1 (Bob's stale state)", bobCh))
	pr.transfer(bobCh, milliEth(30), tokens(300))
	latest := aliceCh.State().Version
	states = append(states, signedState(t, "dispute v2 (latest)", aliceCh))

	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	if err := pr.bob.adj.Register(ctx, stale, nil); err != nil {
		t.Fatalf("Bob registering version %d: %v", stale.Tx.Version, err)
	}
	// Alice's watcher may refute within the same second: read what happened from the events.
	pr.n.waitFor("Alice's watcher to refute", opTimeout, func() bool {
		return pr.n.dispute(pr.e.adjudicator(), aliceCh.ID()).Version == latest
	})
	ups := pr.n.channelUpdates(pr.e.adjudicator(), aliceCh.ID(), pr.first)
	if len(ups) != 2 {
		t.Fatalf("ChannelUpdate events after the dispute: %+v, want Bob's registration and Alice's refutation", ups)
	}
	reg, ref := ups[0], ups[1]
	if reg.Sender != pr.bob.address || reg.Version != stale.Tx.Version || reg.Phase != phaseDispute {
		t.Fatalf("first registration: %+v, want Bob's stale version %d", reg, stale.Tx.Version)
	}
	step(t, "dispute", "Bob registered stale version %d (block %d); window ends at %d", reg.Version, reg.Block, reg.Timeout)
	if ref.Sender != pr.alice.address || ref.Version != latest || ref.Phase != phaseDispute {
		t.Fatalf("refutation: %+v, want Alice's version %d", ref, latest)
	}
	if ref.Timeout != reg.Timeout {
		t.Errorf("the refutation moved the window end from %d to %d", reg.Timeout, ref.Timeout)
	}
	step(t, "dispute", "Alice's watcher refuted with version %d (block %d); window still ends at %d", ref.Version, ref.Block, ref.Timeout)
	refuted := pr.n.dispute(pr.e.adjudicator(), aliceCh.ID())
	select {
	case e := <-pr.alice.events:
		if _, ok := e.(*channel.RegisteredEvent); !ok {
			t.Errorf("Alice's watcher first reported %T, want a RegisteredEvent", e)
		}
	case <-time.After(opTimeout):
		t.Errorf("Alice's watcher reported no event")
	}

	pr.n.advanceTime(window + 1)
	if now := pr.n.blockTime(); now <= refuted.Timeout {
		t.Fatalf("chain time %d is not past the window end %d", now, refuted.Timeout)
	}
	step(t, "dispute", "chain time advanced past the window (evm_increaseTime %d + evm_mine)", window+1)

	// Alice concludes and withdraws; Bob, who went silent, comes back and withdraws.
	settleBoth(t, aliceCh, bobCh, false)
	rec := pr.n.dispute(pr.e.adjudicator(), aliceCh.ID())
	if rec.Phase != phaseConcluded || rec.Version != latest {
		t.Fatalf("dispute record after settling: phase %d version %d, want concluded at %d", rec.Phase, rec.Version, latest)
	}
	step(t, "dispute", "concluded on-chain at version %d (conclude after the window)", rec.Version)
	pr.checkPaidOut(aliceCh, balances{milliEth(70), milliEth(30)}, balances{tokens(700), tokens(300)})

	ws := pr.reviewTransactions(aliceCh)
	if len(ws) != 4 {
		t.Errorf("go-perun sent %d withdrawals, want 4 (2 parties × 2 holders)", len(ws))
	}
	pr.e.writeJSON(t, "dispute", export{Scenario: "dispute", States: states, Withdrawals: exportWithdrawals(ws)})
}

// TestSubChannelDispute: go-perun's own sub-channel dispute (go-perun client/test
// subchannel_dispute.go, DisputeSusie/DisputeTim) on our contracts: Alice registers the ledger
// channel with a stale state of its sub-channel; Bob's watcher refutes the sub-channel with its
// latest state (the whole tree again: ledger state equal, sub-channel newer); Alice's conclude
// with the stale sub-state fails; after the window both settle the tree and withdraw.
func TestSubChannelDispute(t *testing.T) {
	const window = 600
	pr := newPair(t)
	aliceLedger, bobLedger := pr.open(window, balances{milliEth(50), milliEth(30)}, balances{tokens(700), tokens(300)})
	pr.bob.watch(bobLedger)

	aliceSub, bobSub := pr.openSub(aliceLedger, window, balances{milliEth(10), milliEth(10)}, balances{tokens(100), tokens(100)})
	pr.bob.watch(bobSub)
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	stale := client.NewTestChannel(aliceSub).AdjudicatorReq() // version 0: Bob holds 10 mETH, 100 tokens here

	pr.transfer(aliceLedger, milliEth(5), tokens(50))
	pr.transfer(bobSub, milliEth(4), tokens(40))
	states := []exportedState{
		signedState(t, "sub-channel dispute: ledger (locks the sub-channel)", aliceLedger),
		signedState(t, "sub-channel dispute: sub-channel latest", aliceSub),
	}
	latestSub := aliceSub.State().Version

	ledgerReq := client.NewTestChannel(aliceLedger).AdjudicatorReq()
	staleSub := channel.SignedState{Params: stale.Params, State: stale.Tx.State, Sigs: stale.Tx.Sigs}
	if err := pr.alice.adj.Register(ctx, ledgerReq, []channel.SignedState{staleSub}); err != nil {
		t.Fatalf("Alice registering the tree with the stale sub-channel state: %v", err)
	}
	deadline := time.Now().Add(opTimeout)
	for pr.n.dispute(pr.e.adjudicator(), aliceSub.ID()).Version != latestSub {
		if time.Now().After(deadline) {
			pr.reviewTransactions(aliceLedger)
			t.Fatalf("Bob's watcher did not refute the sub-channel: ledger %+v, sub-channel %+v",
				pr.n.channelUpdates(pr.e.adjudicator(), aliceLedger.ID(), pr.first),
				pr.n.channelUpdates(pr.e.adjudicator(), aliceSub.ID(), pr.first))
		}
		time.Sleep(100 * time.Millisecond)
	}
	subUps := pr.n.channelUpdates(pr.e.adjudicator(), aliceSub.ID(), pr.first)
	if len(subUps) != 2 || subUps[0].Sender != pr.alice.address || subUps[0].Version != stale.Tx.Version ||
		subUps[1].Sender != pr.bob.address || subUps[1].Version != latestSub {
		t.Fatalf("sub-channel updates: %+v, want Alice's version %d then Bob's %d", subUps, stale.Tx.Version, latestSub)
	}
	ledgerUps := pr.n.channelUpdates(pr.e.adjudicator(), aliceLedger.ID(), pr.first)
	if len(ledgerUps) != 1 || ledgerUps[0].Version != ledgerReq.Tx.Version {
		t.Fatalf("ledger updates: %+v, want only Alice's registration of version %d (Bob's equal state is skipped)", ledgerUps, ledgerReq.Tx.Version)
	}
	step(t, "dispute", "Alice registered ledger version %d with the sub-channel's stale version %d; Bob's watcher refuted the sub-channel with version %d",
		ledgerReq.Tx.Version, stale.Tx.Version, latestSub)

	pr.n.advanceTime(window + 1)
	step(t, "dispute", "chain time advanced past the windows (evm_increaseTime %d + evm_mine)", window+1)

	// Concluding with the stale sub-state must fail: it is not the registered one.
	staleMap := channel.MakeStateMap()
	staleMap.Add(stale.Tx.State)
	short, cancelShort := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancelShort()
	if err := pr.alice.adj.Withdraw(short, ledgerReq, staleMap); err == nil {
		t.Fatalf("Alice concluded and withdrew with the refuted sub-channel state")
	}
	if rec := pr.n.dispute(pr.e.adjudicator(), aliceLedger.ID()); rec.Phase == phaseConcluded {
		t.Fatalf("the ledger channel concluded with the refuted sub-channel state")
	}
	step(t, "dispute", "Alice's conclude with the refuted sub-channel state failed; nothing concluded")

	settleBoth(t, aliceLedger, bobLedger, false)
	for _, id := range []channel.ID{aliceLedger.ID(), aliceSub.ID()} {
		if rec := pr.n.dispute(pr.e.adjudicator(), id); rec.Phase != phaseConcluded {
			t.Fatalf("channel %x not concluded after settling: %+v", id, rec)
		}
	}
	step(t, "dispute", "ledger channel and sub-channel concluded on-chain (conclude with the sub-state tree)")
	// Ledger: Alice 35 mETH / 550 tokens, Bob 25 / 250; sub-channel: Alice 14 / 140, Bob 6 / 60.
	pr.checkPaidOut(aliceLedger, balances{milliEth(49), milliEth(31)}, balances{tokens(690), tokens(310)})

	ws := pr.reviewTransactions(aliceLedger)
	if len(ws) != 4 {
		t.Errorf("go-perun sent %d withdrawals, want 4 (2 parties × 2 holders)", len(ws))
	}
	pr.e.writeJSON(t, "subchannel", export{Scenario: "subchannel", States: states, Withdrawals: exportWithdrawals(ws)})
}

// settleInBackground starts go-perun's Settle of a non-final ledger channel (it registers the
// whole tree, waits for the window, concludes and withdraws) and returns its result channel.
func settleInBackground(ch *client.Channel, timeout time.Duration) <-chan error {
	done := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		done <- ch.Settle(ctx, false)
	}()
	return done
}

// registered waits until the channel has a dispute record and returns it.
func (pr *pair) registered(id channel.ID) disputeRecord {
	pr.t.Helper()
	var rec disputeRecord
	pr.n.waitFor("the registration", opTimeout, func() bool {
		rec = pr.n.dispute(pr.e.adjudicator(), id)
		return rec.Timeout != 0
	})
	return rec
}

// TestNestedSubChannels: a tree of depth 2 as go-perun's own sub-channel tests build it
// (ledger → sub-channel → sub-sub-channel), disputed by go-perun itself: Alice's Settle of the
// non-final ledger channel registers the whole tree in one `register`, waits for the window and
// concludes the tree with its states in depth-first order; both withdraw.
func TestNestedSubChannels(t *testing.T) {
	const window = 600
	pr := newPair(t)
	aliceLedger, bobLedger := pr.open(window, balances{milliEth(50), milliEth(30)}, balances{tokens(700), tokens(300)})
	aliceSub, bobSub := pr.openSub(aliceLedger, window, balances{milliEth(20), milliEth(10)}, balances{tokens(200), tokens(100)})
	aliceSubSub, bobSubSub := pr.openSub(aliceSub, window, balances{milliEth(5), milliEth(5)}, balances{tokens(50), tokens(50)})

	pr.transfer(bobSubSub, milliEth(2), tokens(20))
	pr.transfer(aliceSub, milliEth(3), tokens(30))
	pr.transfer(aliceLedger, milliEth(1), tokens(10))
	_ = bobSub
	states := []exportedState{
		signedState(t, "nested: ledger", aliceLedger),
		signedState(t, "nested: sub-channel", aliceSub),
		signedState(t, "nested: sub-sub-channel", aliceSubSub),
	}

	settled := settleInBackground(aliceLedger, opTimeout)
	rec := pr.registered(aliceLedger.ID())
	for _, id := range []channel.ID{aliceSub.ID(), aliceSubSub.ID()} {
		if sub := pr.n.dispute(pr.e.adjudicator(), id); sub.Timeout != rec.Timeout || sub.Phase != phaseDispute {
			t.Fatalf("sub-channel %x after go-perun's register: %+v, want registered with the ledger channel", id, sub)
		}
	}
	step(t, "dispute", "Alice's Settle registered the tree (ledger version %d, depth 2) in one transaction; window ends at %d", rec.Version, rec.Timeout)
	pr.n.advanceTime(window + 1)
	step(t, "dispute", "chain time advanced past the window (evm_increaseTime %d + evm_mine)", window+1)
	if err := <-settled; err != nil {
		t.Fatalf("Alice's Settle: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	if err := bobLedger.Settle(ctx, false); err != nil {
		t.Fatalf("Bob's Settle: %v", err)
	}
	for _, id := range []channel.ID{aliceLedger.ID(), aliceSub.ID(), aliceSubSub.ID()} {
		if r := pr.n.dispute(pr.e.adjudicator(), id); r.Phase != phaseConcluded {
			t.Fatalf("channel %x not concluded: %+v", id, r)
		}
	}
	step(t, "dispute", "the three channels concluded on-chain (conclude with 2 sub-states, depth-first)")
	// Ledger: Alice 29 mETH / 490 tokens, Bob 21 / 210; sub-channel 12 / 120 and 8 / 80;
	// sub-sub-channel 7 / 70 and 3 / 30.
	pr.checkPaidOut(aliceLedger, balances{milliEth(48), milliEth(32)}, balances{tokens(680), tokens(320)})

	ws := pr.reviewTransactions(aliceLedger)
	if len(ws) != 4 {
		t.Errorf("go-perun sent %d withdrawals, want 4 (2 parties × 2 holders)", len(ws))
	}
	pr.e.writeJSON(t, "nested", export{Scenario: "nested", States: states, Withdrawals: exportWithdrawals(ws)})
}

// TestSubChannelLongerWindow documents a known incompatibility (README): go-perun lets a
// sub-channel have a longer window than its parent and, when it settles the parent after the
// parent's window, waits for a Concluded event of every sub-channel. Our adjudicator does not
// hold a parent longer than the parent's own window after the sub-channel's registration: it
// concludes the parent, pays the still-open sub-channel's lock as equal shares and leaves the
// sub-channel's window open (README, Security model). So the funds are paid out to the parent
// (Alice's receiver gets the ledger balance plus half the lock), but go-perun's Withdraw never
// sees the sub-channel concluded and gives up. The test fails if either side changes.
func TestSubChannelLongerWindow(t *testing.T) {
	const window, subWindow = 600, 1200
	pr := newPair(t)
	aliceLedger, _ := pr.open(window, balances{milliEth(50), milliEth(30)}, balances{tokens(700), tokens(300)})
	aliceSub, bobSub := pr.openSub(aliceLedger, subWindow, balances{milliEth(10), milliEth(10)}, balances{tokens(100), tokens(100)})
	pr.transfer(bobSub, milliEth(8), tokens(80)) // sub-channel: Alice 18 / 180, Bob 2 / 20

	settled := settleInBackground(aliceLedger, 20*time.Second)
	rec := pr.registered(aliceLedger.ID())
	step(t, "dispute", "Alice's Settle registered the ledger channel (%d s window) and the sub-channel (%d s window)", window, subWindow)
	pr.n.advanceTime(window + 1)
	step(t, "dispute", "chain time advanced past the ledger window only")
	err := <-settled
	if err == nil {
		t.Fatalf("go-perun's Settle succeeded: did the adjudicator or go-perun change? Update the README")
	}
	parent := pr.n.dispute(pr.e.adjudicator(), aliceLedger.ID())
	sub := pr.n.dispute(pr.e.adjudicator(), aliceSub.ID())
	if parent.Phase != phaseConcluded || sub.Phase != phaseDispute || sub.Timeout <= rec.Timeout {
		t.Fatalf("after Alice's conclude: ledger %+v, sub-channel %+v; want the ledger concluded and the sub-channel still open", parent, sub)
	}
	step(t, "conclude", "ledger channel concluded, sub-channel still in its window (ends %d)", sub.Timeout)
	// Equal shares of the lock (10 mETH / 100 tokens each) instead of the sub-channel's 18 / 2.
	fid := pr.fundingID(aliceLedger, pr.alice)
	ethHeld := pr.n.holdings(pr.e.ethHolder(), fid, nil)
	tokHeld := pr.n.holdings(pr.e.erc20Holder(), fid, nil)
	for _, w := range pr.reviewTransactions(aliceLedger) {
		if w.Auth.Participant.EthAddress == pr.alice.address {
			t.Errorf("go-perun withdrew although the sub-channel is open")
		}
	}
	if ethHeld.Cmp(milliEth(50)) != 0 || tokHeld.Cmp(tokens(700)) != 0 {
		t.Fatalf("Alice's holdings after the conclude: %v wei, %v tokens; want 40 + 10 mETH, 600 + 100 tokens", ethHeld, tokHeld)
	}
	step(t, "withdraw", "go-perun gave up (%v); Alice's 50 mETH / 700 tokens stay withdrawable at the holders, but by equal shares, not her 18 mETH / 180 tokens in the sub-channel", err)
}
