"""`govreport evaluate` (not implemented yet)."""
