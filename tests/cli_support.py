"""Running the command line in-process, as the CLI tests do.

Imported as ``cli_support`` (tests/conftest.py puts this folder on the path).
"""

from __future__ import annotations

import pytest

from searcher.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``search ARGS`` in-process; returns (status, stdout, stderr)."""
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err
