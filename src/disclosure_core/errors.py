"""The one error tree of disclosure-core.

::

    DisclosureError            anything the library raises on purpose
    ├── LoadError              input that cannot be read: bad JSON, wrong types, broken files
    ├── LayoutError            a layout file that is malformed or inconsistent
    ├── RuleSetError           a rule file that is malformed, or lints badly
    ├── RenderError            a report that cannot be rendered to the asked format
    ├── PluginError            a plugin that fails to load or register (strict mode)
    └── UsageError             a request that cannot be honoured (unknown format, refusing to overwrite an input)

Every message is one line that names the file and the place in it, e.g.
``daixian.json: $.tables.requests.new.total: expected an integer, got "7件"``.
"""

from __future__ import annotations


class DisclosureError(Exception):
    """Base of every error disclosure-core raises on purpose."""


class LoadError(DisclosureError):
    """An input could not be read into a report."""


class LayoutError(DisclosureError):
    """A layout description is malformed or inconsistent."""


class RuleSetError(DisclosureError):
    """A rule file is malformed or fails linting."""


class RenderError(DisclosureError):
    """A report could not be rendered."""


class PluginError(DisclosureError):
    """A plugin failed to load or register."""


class UsageError(DisclosureError):
    """A request the library cannot honour (unknown format or renderer, overwriting an input)."""
