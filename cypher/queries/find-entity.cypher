// ---
// id: find-entity
// name: Find an entity by name
// category: search
// description: Entities whose id or name contains a text (case-insensitive), with their kind, one page at a time; catalog entries no report names only with --reference.
// parameters:
//   - {name: text, type: string, description: "a part of a name or id"}
//   - {name: limit, type: int, default: 200, description: "at most this many rows: one page"}
//   - {name: skip, type: int, default: 0, description: "rows to pass over first: the next page starts at skip=limit"}
// columns: [kind, id, name]
// ---
MATCH (n)
WHERE (toLower(n.id) CONTAINS toLower($text) OR toLower(n.name) CONTAINS toLower($text))
  AND (NOT n.reference OR $reference)
RETURN n.kind AS kind, n.id AS id, n.name AS name
ORDER BY kind, id
SKIP $skip LIMIT $limit
