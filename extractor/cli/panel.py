"""`govreport panel` (not implemented yet)."""
