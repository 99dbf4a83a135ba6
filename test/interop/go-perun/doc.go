// Package goperun drives real go-perun clients (go-perun with its Ethereum backend
// perun-eth-backend, as published Go modules, pinned in go.mod) against this repository's
// contracts, deployed by scripts/deploy-evm.ts on a local `hardhat node`.
//
// The tests are its _test.go files. They need the node and the deployment, which
// `npm run test:go-perun` (test/interop/runGoPerun.ts) and the mocha test
// test/interop/goPerun.test.ts provide through the GOPERUN_* environment variables (see
// env_test.go); without them every test skips and says so.
package goperun
