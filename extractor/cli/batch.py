"""`govreport batch` (not implemented yet)."""
