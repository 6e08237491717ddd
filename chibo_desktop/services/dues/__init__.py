"""Party dues: rates, the ledger, payments, the basis import, documents and reminders."""
