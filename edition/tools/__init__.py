"""The drafters' tools: the self-assessment checklist, citations in four formats and the languages
side by side.
"""
