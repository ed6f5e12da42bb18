"""Loaders: one module per input format, each turning a file into validated findings."""
