"""The one place the version of disclosure-core is written (hatch reads it; ``__version__`` reads the
installed metadata)."""

__version__ = "0.1.0"
