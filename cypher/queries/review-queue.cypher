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
// confidence in three digits, then the ids, the type and the labels; no two edges share one.
// The library sends `below` as the bound of the queue for that threshold (a
// `review_threshold`: `1` and the threshold in three digits): one range of the key.
// The page is cut on the key alone, with each fact's source; the rest of each row is read
// for the page only, from its source's edges (LadybugDB reads an edge's other properties as
// it scans it: cut with them, every edge in the range is read whole). First the edge's own
// properties, its key matched as a range of one (`>= k AND <= k`: LadybugDB plans an
// equality with `k` in an OPTIONAL MATCH as a join with every edge of the store, and this as
// a walk from each row's source); then its target, apart (walked with the edge's properties
// in one step, a page of the whole queue outgrew LadybugDB's page cache at 10k reports).
MATCH (x)-[r:DESCRIBES|ATTRIBUTED_TO|LINKED_TO|USES_LANGUAGE|TARGETS|USES|ABUSES|SUBTECHNIQUE_OF|MAPS_TO|IN_TACTIC|MITIGATES]->()
WHERE r.review_key < $below
WITH x, r.review_key AS k ORDER BY k SKIP $skip LIMIT $limit
OPTIONAL MATCH (x)-[r:DESCRIBES|ATTRIBUTED_TO|LINKED_TO|USES_LANGUAGE|TARGETS|USES|ABUSES|SUBTECHNIQUE_OF|MAPS_TO|IN_TACTIC|MITIGATES]->()
WHERE r.review_key >= k AND r.review_key <= k
WITH x, k, r.kind AS relationship, r.confidence AS confidence, r.extracted AS extracted,
     r.evidence AS evidence
MATCH (x)-[e:DESCRIBES|ATTRIBUTED_TO|LINKED_TO|USES_LANGUAGE|TARGETS|USES|ABUSES|SUBTECHNIQUE_OF|MAPS_TO|IN_TACTIC|MITIGATES]->(y)
WHERE e.review_key = k
RETURN x.kind AS source_kind, x.name AS source, relationship, y.kind AS target_kind,
       y.name AS target, confidence, extracted, evidence
ORDER BY k
// --- for neo4j
// Neo4j keeps a range index on `review_key` for each type and reads it in order: the first
// `skip + limit` keys of each type, then the best of those, so a page costs what it holds,
// not the length of the range (one pattern over the eleven types reads the whole range
// first). LadybugDB has neither `CALL {}` nor ordered indexes.
CALL () {
  MATCH ()-[r:DESCRIBES]->() WHERE r.review_key < $below
  RETURN r ORDER BY r.review_key LIMIT $skip + $limit
  UNION ALL
  MATCH ()-[r:ATTRIBUTED_TO]->() WHERE r.review_key < $below
  RETURN r ORDER BY r.review_key LIMIT $skip + $limit
  UNION ALL
  MATCH ()-[r:LINKED_TO]->() WHERE r.review_key < $below
  RETURN r ORDER BY r.review_key LIMIT $skip + $limit
  UNION ALL
  MATCH ()-[r:USES_LANGUAGE]->() WHERE r.review_key < $below
  RETURN r ORDER BY r.review_key LIMIT $skip + $limit
  UNION ALL
  MATCH ()-[r:TARGETS]->() WHERE r.review_key < $below
  RETURN r ORDER BY r.review_key LIMIT $skip + $limit
  UNION ALL
  MATCH ()-[r:USES]->() WHERE r.review_key < $below
  RETURN r ORDER BY r.review_key LIMIT $skip + $limit
  UNION ALL
  MATCH ()-[r:ABUSES]->() WHERE r.review_key < $below
  RETURN r ORDER BY r.review_key LIMIT $skip + $limit
  UNION ALL
  MATCH ()-[r:SUBTECHNIQUE_OF]->() WHERE r.review_key < $below
  RETURN r ORDER BY r.review_key LIMIT $skip + $limit
  UNION ALL
  MATCH ()-[r:MAPS_TO]->() WHERE r.review_key < $below
  RETURN r ORDER BY r.review_key LIMIT $skip + $limit
  UNION ALL
  MATCH ()-[r:IN_TACTIC]->() WHERE r.review_key < $below
  RETURN r ORDER BY r.review_key LIMIT $skip + $limit
  UNION ALL
  MATCH ()-[r:MITIGATES]->() WHERE r.review_key < $below
  RETURN r ORDER BY r.review_key LIMIT $skip + $limit
}
WITH r ORDER BY r.review_key SKIP $skip LIMIT $limit
MATCH (x)-[r]->(y)
RETURN x.kind AS source_kind, x.name AS source, r.kind AS relationship, y.kind AS target_kind,
       y.name AS target, r.confidence AS confidence, r.extracted AS extracted, r.evidence AS evidence
ORDER BY r.review_key
