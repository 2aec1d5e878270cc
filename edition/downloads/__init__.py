"""What readers download: the PDFs (document, colophon, renderer and what it may read), the offline
ZIPs, the edition as data, their names and sizes on the pages, and the cache and background builds that
make them.
"""
