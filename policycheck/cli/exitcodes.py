"""The exit codes of every command (README.md#exit-codes)."""

#: Fine: no failing result, no error-level finding.
EXIT_OK = 0
#: Failing results (``--fail-on``) or error-level findings (``validate``).
EXIT_FAIL = 1
#: A usage error or an input that cannot be used.
EXIT_USAGE = 2
