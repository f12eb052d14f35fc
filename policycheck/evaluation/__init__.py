"""Stage 3, evaluation: plans and actuals in, a :class:`policycheck.model.Report` out.

Pure: no file I/O, no printing, no click.  The engine walks every target of
every plan (and every unit of a scoped target), hands each one to the module
of its kind family, wraps the outcome in a :class:`policycheck.model.Result`
and builds the per-unit view and the summary.  The schedule arithmetic, the
reason sentences and ``explain`` (one target year by year) live here too.
"""
