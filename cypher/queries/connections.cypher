// ---
// id: connections
// name: How two entities connect
// category: paths
// description: The entities that sit between two entities (paths of two hops, in either direction), with the relationship types on each side.
// parameters:
//   - {name: from, type: entity, description: "one entity: its id, name or an alias"}
//   - {name: to, type: entity, description: "the other entity"}
//   - {name: limit, type: int, default: 200, description: "at most this many rows: one page"}
//   - {name: skip, type: int, default: 0, description: "rows to pass over first: the next page starts at skip=limit"}
// columns: [via_kind, via, via_name, first, second]
// ---
// Every label named (test_querylib checks the list against the schema): a node found by
// its id alone, with no label, is a scan of every node on Neo4j; with them, a key lookup a label.
// Paged: a much-reported actor and a sector meet in a thousand reports of a large store.
MATCH (a:Report|Campaign|Actor|Country|Language|Sector|Organization|Technique|Tactic|Mitigation|Platform {id: $from})-[r1]-(m)-[r2]-(b:Report|Campaign|Actor|Country|Language|Sector|Organization|Technique|Tactic|Mitigation|Platform {id: $to})
WITH a, r1, m, r2, b, $catalogs AS catalogs
WHERE m.id <> a.id AND m.id <> b.id
  AND ($reference OR (NOT m.reference
       AND any(s IN r1.sources WHERE NOT s IN catalogs)
       AND any(s IN r2.sources WHERE NOT s IN catalogs)))
RETURN DISTINCT m.kind AS via_kind, m.id AS via, m.name AS via_name, r1.kind AS first, r2.kind AS second
ORDER BY via_kind, via, first, second SKIP $skip LIMIT $limit
