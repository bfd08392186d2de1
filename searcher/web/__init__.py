"""``search serve``: the search as web pages and a JSON API, over :class:`searcher.Archive`.

>>> from searcher.web import create_app                      # doctest: +SKIP
>>> app = create_app(ServeConfig(index="index"))              # an ASGI application
"""

from searcher.web.app import ServeConfig, create_app

__all__ = ["ServeConfig", "create_app"]
