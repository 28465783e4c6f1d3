"""The one error contract of the library: every failure a user can cause is an `InputError`.

It names the file (or parameter) and the problem in one line; the CLI prints it as `kg: <path>: <problem>`
and exits non-zero. Library code raises it; only the command boundary turns it into text.
"""
from __future__ import annotations


class InputError(Exception):
    """A problem with one input file or parameter, reported to the user as one line."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
