// ---
// id: report-additions
// name: What a report added
// category: provenance
// description: The facts that only this report states (no other report supports them), as source, relationship, target.
// parameters:
//   - {name: report, type: report, description: "a report: its id or title"}
// columns: [source_kind, source, relationship, target_kind, target, confidence]
// ---
// A report's facts start at what it describes or mentions (its campaigns, its actors):
// starting there, not at every edge of the graph, keeps the query fast as the graph grows.
// `sole_source` (kept on every edge: its one source, '' when several) answers "only this
// report" without reading the `sources` lists, long on an actor's edges.
MATCH (rep:Report {id: $report})-[:DESCRIBES|MENTIONS]->(x)
MATCH (x)-[r]->(y)
WHERE r.sole_source = $report AND r.kind <> 'MENTIONS' AND r.kind <> 'DESCRIBES'
RETURN x.kind AS source_kind, x.name AS source, r.kind AS relationship,
       y.kind AS target_kind, y.name AS target, r.confidence AS confidence
ORDER BY source_kind, source, relationship, target_kind, target
