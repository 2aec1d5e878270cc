"""The edition's two annexes: Law since 2005 (later instruments and a decision for every paragraph)
and Practice around the world (country notes from the reports), with the source line under quotations;
their data and checks (``later_law``, ``practice``) and what their pages show (``*_views``, ``views``).
"""
