// ---
// id: review-queue
// name: Facts to review
// category: provenance
// description: Facts resting on one source below a confidence threshold, or only on machine extraction; what an analyst should check first. Machine-extracted facts come first, then the one-source ones; within each by confidence, then the ids of source and target and the relationship (the stored review_key, so that a page is one range of it).
// parameters:
//   - {name: below, type: review_threshold, default: 50, description: "confidence threshold"}
//   - {name: limit, type: int, default: 200, description: "at most this many rows: one page"}
//   - {name: skip, type: int, default: 0, description: "rows to pass over first: the next page starts at skip=limit"}
// columns: [source_kind, source, relationship, target_kind, target, confidence, extracted, evidence]
// ---
// Every type but MENTIONS named in the pattern (MENTIONS is never reviewed). `review_key` is
// kept on every fact that can be in the queue (one source that is not a catalog, or only
// machine extraction; graphkit.merge.review_key): `0` when extracted, else `1`, then the
// confidence in three digits, then the ids, the type and the labels. The library sends
// `below` as the bound of the queue for that threshold (a `review_threshold`: `1` and the
// threshold in three digits): one range of the key, of the index Neo4j keeps on it for each
// type. The endpoints and evidence are read for the page alone.
MATCH (x)-[r:DESCRIBES|ATTRIBUTED_TO|LINKED_TO|USES_LANGUAGE|TARGETS|USES|ABUSES|SUBTECHNIQUE_OF|MAPS_TO|IN_TACTIC|MITIGATES]->(y)
WHERE r.review_key < $below
WITH x, r, y, r.review_key AS k ORDER BY k SKIP $skip LIMIT $limit
RETURN x.kind AS source_kind, x.name AS source, r.kind AS relationship, y.kind AS target_kind,
       y.name AS target, r.confidence AS confidence, r.extracted AS extracted, r.evidence AS evidence
ORDER BY k
