"""lsip-check: checks Local Skills Improvement Plans against the statutory guidance."""

__version__ = "0.1.0"
