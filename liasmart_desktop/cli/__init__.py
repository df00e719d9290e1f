"""The ``liasmart`` command line, built on the core only (its contract: README, "The command line")."""
