"""Contributors' comments: one Markdown file each, read strictly, validated once (``store.py``; as a build
keeps them, ``checked.py``), rendered inert, shown in panels and on the Comments and Disposition pages
(``views.py``, ``pages.py``), exported for the editors, and who may set which field.
"""
