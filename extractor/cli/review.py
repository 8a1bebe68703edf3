"""`govreport review` (not implemented yet)."""
