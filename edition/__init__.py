"""The edition's logic, free of any site generator: registry, paragraph numbers, cross-references.

MkDocs hooks in ``hooks/`` call these functions; another generator could call them the same way.
"""
