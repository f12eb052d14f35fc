"""``python -m policycheck``: the same as the ``policycheck`` command."""
from policycheck.cli import run

if __name__ == "__main__":
    run()
