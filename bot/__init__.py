"""briefbot: briefings of each party's stated positions, from news articles."""

__version__ = "0.1.0"
