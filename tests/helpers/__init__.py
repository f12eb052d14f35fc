"""What several test modules share: paths, hand-made inputs, demo reports, the oracle.

Importable as ``tests.helpers.<module>`` under both ``pytest`` and
``python -m pytest`` (setup.cfg puts the repository root on pytest's path).
"""
