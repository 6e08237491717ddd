"""The one API the GUI and the CLI call: use cases ``fn(db, ...) -> result``.

Writes return a ``Changes`` saying what they touched, so each screen refreshes only when
affected. Long operations are generators yielding ``Progress`` and honour a cancel flag.
"""
