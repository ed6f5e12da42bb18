"""Pictures of the graph: self-contained interactive HTML pages (:mod:`graphkit.viz.page`)
and the force-directed layout that places large graphs (:mod:`graphkit.viz.force`)."""

from graphkit.viz.page import LAYOUT_THRESHOLD, STYLES, Style, render_html, write_html

__all__ = ["LAYOUT_THRESHOLD", "STYLES", "Style", "render_html", "write_html"]
