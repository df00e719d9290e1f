"""Sending campaigns: the durable journal, the state machine, pacing, and the engine that drives them."""
