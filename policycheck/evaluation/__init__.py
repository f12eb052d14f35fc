"""Stage 3, evaluation: plans and actuals in, a :class:`policycheck.model.Report` out.

Pure: no file I/O, no printing, no click.  The engine (``engine.py``) walks
every target of every plan (and every unit of a scoped target), hands each one
to the rules of its kind's family (``kind_<family>.py``, chosen through the
table of kinds in :mod:`policycheck.kinds`), wraps the typed
:class:`~policycheck.evaluation.outcome.Outcome` in a
:class:`policycheck.model.Result` and builds the per-unit view and the summary.
The options (``options.py``), the schedule arithmetic (``schedule.py``), the
reason sentences (``reasons.py``) and ``explain`` (one target year by year)
live here too.
"""
