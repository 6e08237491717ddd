"""Importing a member list from a spreadsheet, in stages named for what they do:

1. ``setup.inspect_file``: find the sheet, the header and what each column holds;
2. ``plan.plan_import``: read the file once, turn rows into records (interop), check each
   record by the domain's rules and match it against the register (``checking``);
3. ``commit.commit_import``: write that plan in one transaction (``writing``), after
   making sure neither the file nor the register changed since it was made;
4. ``undo.undo_last_import``: take the register back to before the last import.

Rows are matched to the register by party card number, otherwise by name and date of
birth. Empty cells never erase what the register knows; members missing from the file are
left alone. Every rejected row comes back with the spreadsheet's row number and a reason.
"""

from .checking import Rejection
from .commit import commit_import, import_members, run_import, save_error_report
from .plan import ImportPlan, ImportReport, PreviewRow, plan_import
from .setup import ColumnChoice, FileSetup, field_choices, inspect_file, supported_suffixes
from .undo import UndoneImport, last_import, undo_last_import

__all__ = [
    "ColumnChoice",
    "FileSetup",
    "ImportPlan",
    "ImportReport",
    "PreviewRow",
    "Rejection",
    "UndoneImport",
    "commit_import",
    "field_choices",
    "import_members",
    "inspect_file",
    "last_import",
    "plan_import",
    "run_import",
    "save_error_report",
    "supported_suffixes",
    "undo_last_import",
]
