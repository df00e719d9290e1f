"""The ``liasmart`` command line: the contract in shared/cli.md, built on the core only."""
