package goperun

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"math/big"
	mrand "math/rand"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	ethchannel "github.com/perun-network/perun-eth-backend/channel"
	ethwallet "github.com/perun-network/perun-eth-backend/wallet"
	swallet "github.com/perun-network/perun-eth-backend/wallet/simple"
	ethwire "github.com/perun-network/perun-eth-backend/wire"

	"perun.network/go-perun/channel"
	"perun.network/go-perun/client"
	"perun.network/go-perun/wallet"
	"perun.network/go-perun/watcher/local"
	"perun.network/go-perun/wire"
)

// Gas limits: go-perun's own defaults (perun-eth-backend channel/test/setup.go,
// channel/funder_test.go, channel/test/adjudicator.go), so the test also shows that our
// contracts fit what go-perun users configure.
const (
	ethDepositGas   = 50_000
	erc20DepositGas = 100_000
	adjudicatorGas  = 1_000_000
	// txFinalityDepth 1: Hardhat mines one block per transaction and never reorganises.
	txFinalityDepth = 1
	// opTimeout bounds each go-perun operation (open, update, settle).
	opTimeout = 90 * time.Second
)

// party is one go-perun client with its own node connection, funder, adjudicator and watcher.
type party struct {
	t        *testing.T
	name     string
	key      *ecdsa.PrivateKey
	address  common.Address // on-chain account and channel participant
	receiver common.Address // fresh address that receives the withdrawals (balance starts at 0)
	wireAddr map[wallet.BackendID]wire.Address
	adj      *ethchannel.Adjudicator
	client   *client.Client
	ethAsset *ethchannel.Asset
	tokAsset *ethchannel.Asset

	accepted chan *client.Channel          // channels this party accepted
	events   chan channel.AdjudicatorEvent // events its watcher reported
}

// newParty sets up a go-perun client exactly as a go-perun application would, on our contracts.
func newParty(t *testing.T, e *testEnv, n *node, bus wire.Bus, name string, key *ecdsa.PrivateKey) *party {
	t.Helper()
	p := &party{
		t:        t,
		name:     name,
		key:      key,
		address:  crypto.PubkeyToAddress(key.PublicKey),
		receiver: freshAddress(t),
		accepted: make(chan *client.Channel, 4),
		events:   make(chan channel.AdjudicatorEvent, 16),
	}
	ctx, cancel := n.ctx()
	defer cancel()
	eth, err := ethclient.DialContext(ctx, e.rpcURL)
	if err != nil {
		t.Fatalf("%s: dialling the node: %v", name, err)
	}
	t.Cleanup(eth.Close)

	w := swallet.NewWallet(key)
	signer := types.LatestSignerForChainID(n.id)
	chainID := ethchannel.MakeChainID(n.id)
	cb := ethchannel.NewContractBackend(eth, chainID, swallet.NewTransactor(w, signer), txFinalityDepth)
	acc := accounts.Account{Address: p.address}

	p.ethAsset = ethchannel.NewAsset(n.id, e.ethHolder())
	p.tokAsset = ethchannel.NewAsset(n.id, e.erc20Holder())
	funder := ethchannel.NewFunder(cb)
	if !funder.RegisterAsset(*p.ethAsset, ethchannel.NewETHDepositor(ethDepositGas), acc) {
		t.Fatalf("%s: registering the ETH asset", name)
	}
	if !funder.RegisterAsset(*p.tokAsset, ethchannel.NewERC20Depositor(e.token(), erc20DepositGas), acc) {
		t.Fatalf("%s: registering the ERC-20 asset", name)
	}
	p.adj = ethchannel.NewAdjudicator(cb, e.adjudicator(), p.receiver, acc, adjudicatorGas)
	watcher, err := local.NewWatcher(p.adj)
	if err != nil {
		t.Fatalf("%s: watcher: %v", name, err)
	}
	p.wireAddr = map[wallet.BackendID]wire.Address{
		ethwallet.BackendID: ethwire.NewRandomAddress(mrand.New(mrand.NewSource(time.Now().UnixNano()))),
	}
	p.client, err = client.New(p.wireAddr, bus, funder, p.adj, map[wallet.BackendID]wallet.Wallet{ethwallet.BackendID: w}, watcher)
	if err != nil {
		t.Fatalf("%s: client: %v", name, err)
	}
	t.Cleanup(func() { _ = p.client.Close() })
	go p.client.Handle(p, p)
	return p
}

// participant is the party's channel identity (go-perun's address map).
func (p *party) participant() map[wallet.BackendID]wallet.Address {
	return map[wallet.BackendID]wallet.Address{ethwallet.BackendID: ethwallet.AsWalletAddr(p.address)}
}

// HandleProposal accepts every two-party ledger channel and sub-channel proposal.
func (p *party) HandleProposal(prop client.ChannelProposal, r *client.ProposalResponder) {
	var acc client.ChannelProposalAccept
	switch prop := prop.(type) {
	case *client.LedgerChannelProposalMsg:
		acc = prop.Accept(p.participant(), client.WithRandomNonce())
	case *client.SubChannelProposalMsg:
		acc = prop.Accept(client.WithRandomNonce())
	default:
		_ = r.Reject(context.Background(), "only ledger and sub-channels")
		return
	}
	// Accept outside the handler: go-perun holds the parent channel's lock while a sub-channel
	// proposal is being handled (client/proposal.go prepareChannelOpening), and funding the
	// sub-channel needs an update of that parent. go-perun's own test roles do the same
	// (client/test/role.go acceptNextPropHandler).
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
		defer cancel()
		ch, err := r.Accept(ctx, acc)
		if err != nil {
			p.t.Errorf("%s: accepting the channel: %v", p.name, err)
			return
		}
		p.accepted <- ch
	}()
}

// HandleUpdate accepts every update (the scenarios check the outcome themselves).
func (p *party) HandleUpdate(_ *channel.State, _ client.ChannelUpdate, r *client.UpdateResponder) {
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	if err := r.Accept(ctx); err != nil {
		p.t.Errorf("%s: accepting an update: %v", p.name, err)
	}
}

// HandleAdjudicatorEvent records what the party's watcher saw.
func (p *party) HandleAdjudicatorEvent(e channel.AdjudicatorEvent) {
	select {
	case p.events <- e:
	default:
	}
}

// watch starts go-perun's watcher for a channel (it refutes stale registrations) and gives it
// time to start: go-perun's Channel.Watch (client/adjudicate.go) registers the channel with the
// watcher, releases the channel's lock, and only then takes it again to install the watcher's
// states publisher; an update that grabs the lock in between is published to the no-op
// publisher and the watcher never learns it (it then refutes with a stale state, or not at all).
func (p *party) watch(ch *client.Channel) {
	go func() {
		if err := ch.Watch(p); err != nil {
			p.t.Logf("%s: watcher returned: %v", p.name, err)
		}
	}()
	time.Sleep(time.Second)
}

// awaitAccepted returns the next channel this party accepted.
func (p *party) awaitAccepted() *client.Channel {
	p.t.Helper()
	select {
	case ch := <-p.accepted:
		return ch
	case <-time.After(opTimeout):
		p.t.Fatalf("%s accepted no channel within %v", p.name, opTimeout)
		return nil
	}
}

// freshAddress is a random address nobody controls: its balances are exactly what it received.
func freshAddress(t *testing.T) common.Address {
	t.Helper()
	var a common.Address
	if _, err := rand.Read(a[:]); err != nil {
		t.Fatal(err)
	}
	return a
}

// eth is n × 10^15 wei (milli-ether), tokens n × 10^18 base units.
func milliEth(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e15)) }
func tokens(n int64) *big.Int   { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }
