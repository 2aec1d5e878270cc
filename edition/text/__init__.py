"""The 2005 text as the edition reads it: its paragraph numbers and ids, its Markdown syntax, the
cross-references and quotations it holds, and the checks that keep ids, languages and published
addresses in step.
"""
