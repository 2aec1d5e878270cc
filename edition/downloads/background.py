"""A build run beside this one, in its own process and temporary folder, waited for only when needed.

The offline edition's build reads the same sources as the website's and does not need the website
built: started when the website's build starts, it runs on the other core instead of after it.
Its output goes to files, not pipes, so a talkative build never blocks on a full pipe while no one
reads it. ``close`` stops it (a failed website build) and removes its folder.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path


class BackgroundBuild:
    """One command writing into ``site`` below a temporary folder of its own."""

    def __init__(self, command: Callable[[Path], Sequence[str]], *, env: Mapping[str, str], prefix: str) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix=prefix)
        self.folder = Path(self._folder.name)
        self.site = self.folder / "site"
        self._log = self.folder / "output.log"
        with self._log.open("wb") as log:  # the child keeps its own copy of the handle
            self._process = subprocess.Popen(
                list(command(self.site)), env=dict(env), stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )

    # Why: the build's exit status and everything it printed, once it has finished.
    def wait(self) -> tuple[int, str]:
        code = self._process.wait()
        return code, self._log.read_text(encoding="utf-8", errors="replace")

    # Why: a build nobody will wait for must not run on, nor leave its folder behind.
    def close(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._folder.cleanup()
