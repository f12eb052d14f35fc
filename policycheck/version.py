"""The version of policycheck, in a module of its own so any stage can read it
without importing the package's public API (and through it every stage)."""

__version__ = "0.1.0"
