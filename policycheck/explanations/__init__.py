"""Explanations: why a target is behind (原因), what will be done (措施), who answers for it (责任人).

A year-end 通报 gives, for every lagging target, its cause and next steps from
the responsible unit.  They come in an explanations file (CSV or YAML, keyed by
plan, target, unit and year), given with ``--notes FILE`` or recognised among
the ``-a`` files by its columns (docs/reports.md#explanations):

- :mod:`~policycheck.explanations.columns`: the column names and their aliases;
- :mod:`~policycheck.explanations.read`: a file to rows (a header and numbered rows,
  so any table reader can feed it) and findings;
- :mod:`~policycheck.explanations.resolve`: rows to explanations keyed by
  (plan, target, unit, year), checked against the plans;
- :mod:`~policycheck.explanations.attach`: explanations onto a report, and the
  findings of ``--require-explanations`` (pure, no I/O);
- :mod:`~policycheck.explanations.template`: ``template --notes``, the file to fill in.
"""
