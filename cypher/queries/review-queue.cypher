// ---
// id: review-queue
// name: Facts to review
// category: provenance
// description: Facts resting on one source below a confidence threshold, or only on machine extraction; what an analyst should check first.
// parameters:
//   - {name: below, type: int, default: 50, description: "confidence threshold"}
//   - {name: limit, type: int, default: 200, description: "at most this many rows: one page"}
//   - {name: skip, type: int, default: 0, description: "rows to pass over first: the next page starts at skip=limit"}
// columns: [source_kind, source, relationship, target_kind, target, confidence, extracted, evidence]
// ---
// Every type but MENTIONS named in the pattern (MENTIONS is the largest and never reviewed).
// "One source, below the threshold, or extracted; and a report, not only a catalog, states it"
// read from scalars: `sole_source` (kept on every edge: its one source, '' when several)
// instead of the `sources` list, whose mere reading cost more than the rest of the scan. An
// extracted fact always has a report among its sources (only the extractor marks facts so).
MATCH (x)-[r:DESCRIBES|ATTRIBUTED_TO|LINKED_TO|USES_LANGUAGE|TARGETS|USES|ABUSES|SUBTECHNIQUE_OF|MAPS_TO|IN_TACTIC|MITIGATES]->(y)
WHERE (r.confidence < $below OR r.extracted = true) AND (r.extracted = true OR r.sole_source <> '')
WITH x, r, y, $catalogs AS catalogs
WHERE NOT r.sole_source IN catalogs
WITH x, r, y ORDER BY r.confidence, x.kind, x.name, r.kind, y.name SKIP $skip LIMIT $limit
RETURN x.kind AS source_kind, x.name AS source, r.kind AS relationship, y.kind AS target_kind,
       y.name AS target, r.confidence AS confidence, r.extracted AS extracted, r.evidence AS evidence
ORDER BY confidence, source_kind, source, relationship, target
