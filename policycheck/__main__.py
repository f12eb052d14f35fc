"""``python -m policycheck``: the same as the ``policycheck`` command."""
from policycheck.cli.commands import main

if __name__ == "__main__":
    main()
