"""Sample archive pages: renderers for the archive's two page layouts and the builder of raw_html/.

``samples.render`` turns one document (a dict shaped like a scraped record) into a full HTML
page in the current-site or old-site layout; ``python -m samples.build`` writes the shipped
sample pages, specified in ``samples/pages/``, and their manifest (see samples/README.md).
"""
