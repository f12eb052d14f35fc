"""Stage 2, actuals: CSV files (and the plans they belong to) in, :class:`policycheck.model.Actuals` out.

The encoding is chosen first (BOM, UTF-8, GB18030), the header row is mapped
through its aliases (long or wide form), each row is resolved to a series
(plan, target, unit), its cells parsed (numbers, yes/no, years, data
statuses) and stored column by column; duplicates are settled by data status.
Problems become findings (PC400-PC409) at ``FILE:LINE:COL``.  The CSV template
for statisticians to fill in is written from the same column names.
"""
