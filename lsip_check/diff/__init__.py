"""Two versions of a plan: inputs, items matched by id with renames, content changes
with levels, findings and waivers across the versions, and the reports (docs/diff.md).

Nothing here is imported by ``lsip-check check``.
"""
