// ---
// id: relationship-evidence
// name: The evidence behind a relationship
// category: provenance
// description: Every relationship from one entity to another, with its sources, evidence, confidence and dates.
// parameters:
//   - {name: source, type: entity, description: "the start node: id, name or alias (apt28, Fancy Bear, ...)"}
//   - {name: target, type: entity, description: "the end node (semiconductors, T1566, Russia, ...)"}
// columns: [source_kind, relationship, target_kind, confidence, sources, evidence, first_seen, last_seen]
// ---
// Every label named (test_querylib checks the list against the schema): a node found by
// its id alone, with no label, is a scan of every node on Neo4j; with them, a key lookup a label.
MATCH (a:Report|Campaign|Actor|Country|Language|Sector|Organization|Technique|Tactic|Mitigation|Platform {id: $source})-[r]->(b:Report|Campaign|Actor|Country|Language|Sector|Organization|Technique|Tactic|Mitigation|Platform {id: $target})
WITH a, r, b, $catalogs AS catalogs
WHERE $reference OR any(s IN r.sources WHERE NOT s IN catalogs)
RETURN a.kind AS source_kind, r.kind AS relationship, b.kind AS target_kind,
       r.confidence AS confidence, r.sources AS sources, r.evidence AS evidence,
       r.first_seen AS first_seen, r.last_seen AS last_seen
ORDER BY source_kind, relationship, target_kind
