"""Tests of the message text engine (liasmart_desktop.core.text)."""
