package goperun

import (
	"crypto/ecdsa"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// The environment the TypeScript harness (test/interop/goPerunHarness.ts) sets.
const (
	envRPC        = "GOPERUN_RPC_URL"    // ws:// URL of the hardhat node
	envDeployment = "GOPERUN_DEPLOYMENT" // deployment record written by scripts/deploy-evm.ts
	envKeys       = "GOPERUN_KEYS"       // comma-separated private keys of Alice and Bob (funded, holding the token)
	envOut        = "GOPERUN_OUT"        // folder for the JSON the TypeScript check reads
	envArtifacts  = "GOPERUN_ARTIFACTS"  // Hardhat's artifacts/contracts folder (our ABIs)
)

// deploymentRecord is the part of scripts/deploy-evm.ts's record the tests read.
type deploymentRecord struct {
	ChainID   int64 `json:"chainId"`
	Contracts struct {
		Adjudicator struct {
			Address common.Address `json:"address"`
		} `json:"Adjudicator"`
		AssetHolderETH struct {
			Address common.Address `json:"address"`
		} `json:"AssetHolderETH"`
		AssetHolderERC20 []struct {
			Address common.Address `json:"address"`
			Token   common.Address `json:"token"`
		} `json:"AssetHolderERC20"`
	} `json:"contracts"`
}

// testEnv is everything a scenario needs from outside Go.
type testEnv struct {
	rpcURL     string
	deployment deploymentRecord
	keys       []*ecdsa.PrivateKey
	outDir     string
	artifacts  string
}

// adjudicator, ethHolder, erc20Holder and token are the deployed addresses.
func (e *testEnv) adjudicator() common.Address { return e.deployment.Contracts.Adjudicator.Address }
func (e *testEnv) ethHolder() common.Address   { return e.deployment.Contracts.AssetHolderETH.Address }
func (e *testEnv) erc20Holder() common.Address {
	return e.deployment.Contracts.AssetHolderERC20[0].Address
}
func (e *testEnv) token() common.Address { return e.deployment.Contracts.AssetHolderERC20[0].Token }

// loadEnv reads the GOPERUN_* variables; it skips the test (saying why) when the harness did
// not set them, and fails it when they are set but wrong.
func loadEnv(t *testing.T) *testEnv {
	t.Helper()
	url := os.Getenv(envRPC)
	if url == "" {
		t.Skipf("%s is not set: run through `npm run test:go-perun` (it starts a hardhat node and deploys)", envRPC)
	}
	e := &testEnv{rpcURL: url, outDir: os.Getenv(envOut), artifacts: os.Getenv(envArtifacts)}
	raw, err := os.ReadFile(os.Getenv(envDeployment))
	if err != nil {
		t.Fatalf("reading the deployment record (%s): %v", envDeployment, err)
	}
	if err := json.Unmarshal(raw, &e.deployment); err != nil {
		t.Fatalf("parsing the deployment record: %v", err)
	}
	if len(e.deployment.Contracts.AssetHolderERC20) != 1 {
		t.Fatalf("the deployment must have exactly one AssetHolderERC20, has %d", len(e.deployment.Contracts.AssetHolderERC20))
	}
	for _, hex := range strings.Split(os.Getenv(envKeys), ",") {
		key, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(hex), "0x"))
		if err != nil {
			t.Fatalf("%s: %v", envKeys, err)
		}
		e.keys = append(e.keys, key)
	}
	if len(e.keys) != 2 {
		t.Fatalf("%s must hold 2 keys (Alice, Bob), has %d", envKeys, len(e.keys))
	}
	if e.outDir == "" || e.artifacts == "" {
		t.Fatalf("%s and %s must be set", envOut, envArtifacts)
	}
	return e
}

// writeJSON writes v as <outDir>/<name>.json for the TypeScript side.
func (e *testEnv) writeJSON(t *testing.T, name string, v any) {
	t.Helper()
	raw, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatalf("encoding %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(e.outDir, name+".json"), raw, 0o644); err != nil {
		t.Fatalf("writing %s: %v", name, err)
	}
}
