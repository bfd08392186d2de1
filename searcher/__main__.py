"""``python -m searcher`` runs the ``search`` command line."""

from searcher.cli import main

main()
