"""graphkit: a knowledge graph of threat actors and what public threat reports say they do."""

__all__ = ["__version__"]

__version__ = "0.1.0"
