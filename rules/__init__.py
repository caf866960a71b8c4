"""annolint's YAML rule packs and lexicons, installed as ``annolint.rulepacks``.

This folder holds data only; the file exists so that the packs can be found with
``importlib.resources`` both from a source checkout and from an installed wheel.
"""
