// ---
// id: connections
// name: How two entities connect
// category: paths
// description: The entities that sit between two entities (paths of two hops, in either direction), with the relationship types on each side.
// parameters:
//   - {name: from, type: string, description: "the id of one entity"}
//   - {name: to, type: string, description: "the id of the other"}
// columns: [via_kind, via, via_name, first, second]
// ---
MATCH (a {id: $from})-[r1]-(m)-[r2]-(b {id: $to})
WHERE m.id <> a.id AND m.id <> b.id
RETURN DISTINCT m.kind AS via_kind, m.id AS via, m.name AS via_name, r1.kind AS first, r2.kind AS second
ORDER BY via_kind, via, first, second
