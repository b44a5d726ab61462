"""crosscheck: compare the figures and quoted officials of several news reports of one event."""

__version__ = "0.1.0"
