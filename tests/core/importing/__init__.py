"""Tests of the recipient importer (files generated in each test, never stored blobs)."""
