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

	alloc := channel.NewAllocation(2, aliceLedger.State().Allocation.Backends, pr.alice.ethAsset, pr.alice.tokAsset)
	alloc.SetAssetBalances(pr.alice.ethAsset, []channel.Bal{milliEth(10), milliEth(10)})
	alloc.SetAssetBalances(pr.alice.tokAsset, []channel.Bal{tokens(100), tokens(100)})
	prop, err := client.NewSubChannelProposal(aliceLedger.ID(), window, alloc)
	if err != nil {
		t.Fatalf("sub-channel proposal: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	aliceSub, err := pr.alice.client.ProposeChannel(ctx, prop)
	if err != nil {
		t.Fatalf("Alice opening the sub-channel: %v", err)
	}
	bobSub := pr.bob.awaitAccepted()
	pr.bob.watch(bobSub)
	if aliceSub.Parent() == nil || aliceSub.Parent().ID() != aliceLedger.ID() || !aliceSub.IsSubChannel() {
		t.Fatalf("the new channel is not a sub-channel of the ledger channel")
	}
	step(t, "open", "sub-channel %x locked in the ledger channel (version %d): 10 mETH and 100 tokens from each",
		aliceSub.ID(), aliceLedger.State().Version)
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
