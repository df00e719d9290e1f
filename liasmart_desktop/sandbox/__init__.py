"""A LiaSmart-compatible HTTP server on 127.0.0.1 for practice, tests and benchmarks."""
