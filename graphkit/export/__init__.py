"""The graph for other tools: STIX 2.1 bundles (:mod:`graphkit.export.stix`), ATT&CK
Navigator layers, GraphML and node-link JSON (:mod:`graphkit.export.formats`)."""

from graphkit.export.formats import navigator_layer, to_graphml, to_node_link_json
from graphkit.export.stix import to_stix

__all__ = ["navigator_layer", "to_graphml", "to_node_link_json", "to_stix"]
