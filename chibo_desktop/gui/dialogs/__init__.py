"""Dialogs: each opens over a page for one task (a member's record, a status change, the
minutes, an import, a restore) and does its database work through the page's worker."""
