"""Stage 1, plans: a YAML file in, a :class:`policycheck.model.Plan` and findings out.

The YAML reader keeps every node's line and column (PC100-PC102), the schema
check reports each violation at its node (PC200), the plan is built into
frozen model objects, the meaning rules check what the schema cannot
(PC300-PC310), and each quote is looked up in the plan's source text
(PC311, PC312).  Nothing here raises for bad input except :func:`load_plan`,
the library entry point, which raises :class:`policycheck.errors.PlanError`.
"""
