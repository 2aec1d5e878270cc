"""Contributors' comments: one Markdown file each, read strictly, validated once, rendered inert,
shown in panels and on the Comments page, exported for the editors, and who may set which field.
"""
