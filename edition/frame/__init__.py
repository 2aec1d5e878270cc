"""The frame around every page: the edition's facts, dates and sizes in the reader's language, the
home page's orientation, a translation's note, the 404 page, search and sitemaps.
"""
