package goperun

import (
	"context"
	"encoding/hex"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"

	"github.com/perun-network/perun-eth-backend/bindings/assetholder"
	ethchannel "github.com/perun-network/perun-eth-backend/channel"
	ethwallet "github.com/perun-network/perun-eth-backend/wallet"

	"perun.network/go-perun/channel"
	"perun.network/go-perun/client"
	"perun.network/go-perun/wallet"
	"perun.network/go-perun/wire"
)

// pair is Alice and Bob, two go-perun clients on one in-process wire bus.
type pair struct {
	t     *testing.T
	e     *testEnv
	n     *node
	alice *party
	bob   *party
	first uint64 // first block of the scenario
}

func newPair(t *testing.T) *pair {
	t.Helper()
	e := loadEnv(t)
	n := dialNode(t, e)
	bus := wire.NewLocalBus()
	n.mineEvery(time.Second)
	return &pair{
		t:     t,
		e:     e,
		n:     n,
		alice: newParty(t, e, n, bus, "Alice", e.keys[0]),
		bob:   newParty(t, e, n, bus, "Bob", e.keys[1]),
		first: n.blockNumber() + 1,
	}
}

// step prints one scenario step; the harness shows these lines under the scenario's name.
func step(t *testing.T, name, format string, args ...any) {
	t.Helper()
	t.Logf("step %s: %s", name, fmt.Sprintf(format, args...))
}

// balances are [Alice, Bob] for one asset.
type balances [2]*big.Int

func (b balances) String() string { return fmt.Sprintf("Alice %v, Bob %v", b[0], b[1]) }

// open has Alice propose a ledger channel with ETH and the ERC-20, Bob accept, and both fund it
// through go-perun's funder; it returns Alice's and Bob's channel.
func (pr *pair) open(duration uint64, eth, tok balances) (*client.Channel, *client.Channel) {
	t := pr.t
	t.Helper()
	alloc := channel.NewAllocation(2, []wallet.BackendID{ethwallet.BackendID, ethwallet.BackendID}, pr.alice.ethAsset, pr.alice.tokAsset)
	alloc.SetAssetBalances(pr.alice.ethAsset, []channel.Bal{eth[0], eth[1]})
	alloc.SetAssetBalances(pr.alice.tokAsset, []channel.Bal{tok[0], tok[1]})
	prop, err := client.NewLedgerChannelProposal(
		duration,
		pr.alice.participant(),
		alloc,
		[]map[wallet.BackendID]wire.Address{pr.alice.wireAddr, pr.bob.wireAddr},
	)
	if err != nil {
		t.Fatalf("proposal: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	aliceCh, err := pr.alice.client.ProposeChannel(ctx, prop)
	if err != nil {
		t.Fatalf("Alice opening the channel: %v", err)
	}
	bobCh := pr.bob.awaitAccepted()
	step(t, "open", "ledger channel %x, %d s window, ETH holder %v, ERC-20 holder %v (token %v)",
		aliceCh.ID(), duration, pr.e.ethHolder(), pr.e.erc20Holder(), pr.e.token())

	// go-perun's funder has deposited both shares of both assets: the holdings say so.
	for i, p := range []*party{pr.alice, pr.bob} {
		fid := pr.fundingID(aliceCh, p)
		if got := pr.n.holdings(pr.e.ethHolder(), fid, nil); got.Cmp(eth[i]) != 0 {
			t.Fatalf("%s's ETH holdings after funding: %v, want %v", p.name, got, eth[i])
		}
		if got := pr.n.holdings(pr.e.erc20Holder(), fid, nil); got.Cmp(tok[i]) != 0 {
			t.Fatalf("%s's token holdings after funding: %v, want %v", p.name, got, tok[i])
		}
	}
	step(t, "fund", "go-perun's funder deposited ETH (%v) and tokens (%v); holdings match", eth, tok)
	return aliceCh, bobCh
}

// openSub has Alice propose a sub-channel of `parent` (Alice's side of it) funded from the
// parent's balances, and Bob accept it; it returns Alice's and Bob's sub-channel.
func (pr *pair) openSub(parent *client.Channel, window uint64, eth, tok balances) (*client.Channel, *client.Channel) {
	t := pr.t
	t.Helper()
	alloc := channel.NewAllocation(2, parent.State().Allocation.Backends, pr.alice.ethAsset, pr.alice.tokAsset)
	alloc.SetAssetBalances(pr.alice.ethAsset, []channel.Bal{eth[0], eth[1]})
	alloc.SetAssetBalances(pr.alice.tokAsset, []channel.Bal{tok[0], tok[1]})
	prop, err := client.NewSubChannelProposal(parent.ID(), window, alloc)
	if err != nil {
		t.Fatalf("sub-channel proposal: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	aliceSub, err := pr.alice.client.ProposeChannel(ctx, prop)
	if err != nil {
		t.Fatalf("Alice opening a sub-channel: %v", err)
	}
	bobSub := pr.bob.awaitAccepted()
	if aliceSub.Parent() == nil || aliceSub.Parent().ID() != parent.ID() || !aliceSub.IsSubChannel() {
		t.Fatalf("the new channel is not a sub-channel of %x", parent.ID())
	}
	step(t, "open", "sub-channel %x (%d s window) locked in %x (now version %d): ETH %v, tokens %v",
		aliceSub.ID(), window, parent.ID(), parent.State().Version, eth, tok)
	return aliceSub, bobSub
}

// fundingID is go-perun's funding ID of a party in a channel.
func (pr *pair) fundingID(ch *client.Channel, p *party) [32]byte {
	return ethchannel.FundingID(ch.ID(), ethwallet.AsWalletAddr(p.address))
}

// transfer has `from` send ETH and tokens to its peer in one off-chain update.
func (pr *pair) transfer(ch *client.Channel, eth, tok *big.Int) {
	t := pr.t
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	me := ch.Idx()
	err := ch.Update(ctx, func(s *channel.State) {
		s.Allocation.TransferBalance(me, 1-me, pr.alice.ethAsset, eth)
		s.Allocation.TransferBalance(me, 1-me, pr.alice.tokAsset, tok)
	})
	if err != nil {
		t.Fatalf("update: %v", err)
	}
	s := ch.State()
	step(t, "update", "version %d: participant %d sent %v wei and %v tokens; ETH %v; tokens %v",
		s.Version, me, eth, tok, pr.bals(s, pr.alice.ethAsset), pr.bals(s, pr.alice.tokAsset))
}

func (pr *pair) bals(s *channel.State, a channel.Asset) balances {
	return balances{s.Allocation.Balance(0, a), s.Allocation.Balance(1, a)}
}

// checkPaidOut checks that each party's receiver got exactly its share of the final state and
// that nothing of the channel is left in either holder.
func (pr *pair) checkPaidOut(ch *client.Channel, eth, tok balances) {
	t := pr.t
	t.Helper()
	for i, p := range []*party{pr.alice, pr.bob} {
		if got := pr.n.ethBalance(p.receiver); got.Cmp(eth[i]) != 0 {
			t.Errorf("%s's receiver holds %v wei, want exactly %v", p.name, got, eth[i])
		}
		if got := pr.n.tokenBalance(pr.e.token(), p.receiver); got.Cmp(tok[i]) != 0 {
			t.Errorf("%s's receiver holds %v tokens, want exactly %v", p.name, got, tok[i])
		}
		fid := pr.fundingID(ch, p)
		for _, h := range []common.Address{pr.e.ethHolder(), pr.e.erc20Holder()} {
			if left := pr.n.holdings(h, fid, nil); left.Sign() != 0 {
				t.Errorf("%s still has %v at holder %v", p.name, left, h)
			}
		}
	}
	step(t, "withdraw", "receivers hold exactly ETH (%v) and tokens (%v); holdings empty", eth, tok)
}

// withdrawal is one `withdraw` go-perun sent, read back from the chain.
type withdrawal struct {
	Holder    common.Address
	Auth      assetholder.AssetHolderWithdrawalAuth
	Signature []byte
	Before    *big.Int // holdings of the funding ID in the block before
}

// reviewTransactions reads back every transaction of the scenario, prints its gas, and checks
// what ANSWERS.md (a) says: each `withdraw` go-perun sent takes the funding ID's whole holdings,
// once per holder and participant, to the party's receiver.
func (pr *pair) reviewTransactions(ch *client.Channel) []withdrawal {
	t := pr.t
	t.Helper()
	last := pr.n.blockNumber()
	names := map[common.Address]string{
		pr.alice.address: "Alice", pr.bob.address: "Bob",
	}
	var ws []withdrawal
	seen := map[string]bool{}
	for _, tx := range pr.n.transactions(pr.first, last) {
		who := names[tx.From]
		if who == "" {
			continue // e.g. the test's own evm_mine blocks carry no transactions; others are not go-perun's
		}
		status := "ok"
		if tx.Status != 1 {
			status = "REVERTED"
		}
		t.Logf("gas %s %s %d %s (block %d)", who, tx.Method, tx.GasUsed, status, tx.Block)
		if tx.Method != "withdraw" || tx.Status != 1 {
			continue
		}
		auth := *abi.ConvertType(tx.Args[0], new(assetholder.AssetHolderWithdrawalAuth)).(*assetholder.AssetHolderWithdrawalAuth)
		sig := tx.Args[1].([]byte)
		fid := ethchannel.FundingID(auth.ChannelID, ethwallet.AsWalletAddr(auth.Participant.EthAddress))
		before := pr.n.holdings(tx.To, fid, new(big.Int).SetUint64(tx.Block-1))
		if auth.Amount.Cmp(before) != 0 {
			t.Errorf("%s's withdraw at %v took %v of %v held: not the full balance", who, tx.To, auth.Amount, before)
		}
		key := fmt.Sprintf("%v/%x", tx.To, fid)
		if seen[key] {
			t.Errorf("%s withdrew twice from %v", who, tx.To)
		}
		seen[key] = true
		want := pr.alice.receiver
		if who == "Bob" {
			want = pr.bob.receiver
		}
		if auth.Receiver != want || auth.ChannelID != ch.ID() || auth.Participant.EthAddress != tx.From {
			t.Errorf("%s's withdrawal authorisation names receiver %v, channel %x, participant %v",
				who, auth.Receiver, auth.ChannelID, auth.Participant.EthAddress)
		}
		ws = append(ws, withdrawal{Holder: tx.To, Auth: auth, Signature: sig, Before: before})
	}
	t.Logf("blocks %d-%d", pr.first, last)
	return ws
}

// exportedState is one state go-perun signed, with go-perun's own channel ID, state hash and
// encodings, for the TypeScript check (decimal strings for every integer: JSON numbers lose
// precision above 2^53).
type exportedState struct {
	Label          string       `json:"label"`
	Params         exportParams `json:"params"`
	State          exportState  `json:"state"`
	ChannelID      string       `json:"goChannelID"`
	StateHash      string       `json:"goStateHash"`
	ParamsEncoding string       `json:"goParamsEncoding"`
	StateEncoding  string       `json:"goStateEncoding"`
	Sigs           []string     `json:"sigs"`
}

type exportParticipant struct {
	EthAddress string `json:"ethAddress"`
	CcAddress  string `json:"ccAddress"`
}

type exportParams struct {
	ChallengeDuration string              `json:"challengeDuration"`
	Nonce             string              `json:"nonce"`
	Participants      []exportParticipant `json:"participants"`
	App               string              `json:"app"`
	LedgerChannel     bool                `json:"ledgerChannel"`
	VirtualChannel    bool                `json:"virtualChannel"`
}

type exportAsset struct {
	ChainID   string `json:"chainID"`
	EthHolder string `json:"ethHolder"`
	CcHolder  string `json:"ccHolder"`
}

type exportSubAlloc struct {
	ID       string   `json:"ID"`
	Balances []string `json:"balances"`
	IndexMap []string `json:"indexMap"`
}

type exportState struct {
	ChannelID string `json:"channelID"`
	Version   string `json:"version"`
	Outcome   struct {
		Assets   []exportAsset    `json:"assets"`
		Backends []string         `json:"backends"`
		Balances [][]string       `json:"balances"`
		Locked   []exportSubAlloc `json:"locked"`
	} `json:"outcome"`
	AppData string `json:"appData"`
	IsFinal bool   `json:"isFinal"`
}

// exportWithdrawal is one withdrawal authorisation go-perun signed and sent.
type exportWithdrawal struct {
	Holder string `json:"holder"`
	Auth   struct {
		ChannelID   string            `json:"channelID"`
		Participant exportParticipant `json:"participant"`
		Receiver    string            `json:"receiver"`
		Amount      string            `json:"amount"`
	} `json:"auth"`
	Signature string `json:"signature"`
	Before    string `json:"holdingsBefore"`
}

// export is what one scenario hands to the TypeScript check.
type export struct {
	Scenario    string             `json:"scenario"`
	States      []exportedState    `json:"states"`
	Withdrawals []exportWithdrawal `json:"withdrawals"`
}

func hex0x(b []byte) string { return "0x" + hex.EncodeToString(b) }

// signedState captures the channel's current state and signatures, exactly as go-perun holds them.
func signedState(t *testing.T, label string, ch *client.Channel) exportedState {
	t.Helper()
	req := client.NewTestChannel(ch).AdjudicatorReq()
	p := ethchannel.ToEthParams(req.Params)
	s := ethchannel.ToEthState(req.Tx.State)
	pEnc, err := ethchannel.EncodeParams(&p)
	if err != nil {
		t.Fatal(err)
	}
	sEnc, err := ethchannel.EncodeState(&s)
	if err != nil {
		t.Fatal(err)
	}
	id, err := ethchannel.CalcID(req.Params)
	if err != nil {
		t.Fatal(err)
	}
	hash := ethchannel.HashState(req.Tx.State)
	out := exportedState{
		Label:          label,
		ChannelID:      hex0x(id[:]),
		StateHash:      hex0x(hash[:]),
		ParamsEncoding: hex0x(pEnc),
		StateEncoding:  hex0x(sEnc),
	}
	out.Params = exportParams{
		ChallengeDuration: p.ChallengeDuration.String(),
		Nonce:             p.Nonce.String(),
		App:               p.App.Hex(),
		LedgerChannel:     p.LedgerChannel,
		VirtualChannel:    p.VirtualChannel,
	}
	for _, part := range p.Participants {
		out.Params.Participants = append(out.Params.Participants, exportParticipant{part.EthAddress.Hex(), hex0x(part.CcAddress)})
	}
	out.State.ChannelID = hex0x(s.ChannelID[:])
	out.State.Version = fmt.Sprint(s.Version)
	out.State.AppData = hex0x(s.AppData)
	out.State.IsFinal = s.IsFinal
	for _, a := range s.Outcome.Assets {
		out.State.Outcome.Assets = append(out.State.Outcome.Assets, exportAsset{a.ChainID.String(), a.EthHolder.Hex(), hex0x(a.CcHolder)})
	}
	for _, b := range s.Outcome.Backends {
		out.State.Outcome.Backends = append(out.State.Outcome.Backends, b.String())
	}
	for _, row := range s.Outcome.Balances {
		var r []string
		for _, v := range row {
			r = append(r, v.String())
		}
		out.State.Outcome.Balances = append(out.State.Outcome.Balances, r)
	}
	out.State.Outcome.Locked = []exportSubAlloc{}
	for _, l := range s.Outcome.Locked {
		e := exportSubAlloc{ID: hex0x(l.ID[:])}
		for _, v := range l.Balances {
			e.Balances = append(e.Balances, v.String())
		}
		for _, v := range l.IndexMap {
			e.IndexMap = append(e.IndexMap, fmt.Sprint(v))
		}
		out.State.Outcome.Locked = append(out.State.Outcome.Locked, e)
	}
	for _, sig := range req.Tx.Sigs {
		out.Sigs = append(out.Sigs, hex0x(sig))
	}
	return out
}

func exportWithdrawals(ws []withdrawal) []exportWithdrawal {
	out := []exportWithdrawal{}
	for _, w := range ws {
		var e exportWithdrawal
		e.Holder = w.Holder.Hex()
		e.Auth.ChannelID = hex0x(w.Auth.ChannelID[:])
		e.Auth.Participant = exportParticipant{w.Auth.Participant.EthAddress.Hex(), hex0x(w.Auth.Participant.CcAddress)}
		e.Auth.Receiver = w.Auth.Receiver.Hex()
		e.Auth.Amount = w.Auth.Amount.String()
		e.Signature = hex0x(w.Signature)
		e.Before = w.Before.String()
		out = append(out, e)
	}
	return out
}
