"""Pure Python core: dataclasses, rules applied to data, calculations. No I/O, no Qt, no SQL."""
