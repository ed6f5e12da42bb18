// ---
// id: find-entity
// name: Find an entity by name
// category: search
// description: Entities whose id, name or alias contains a text (case-insensitive), with their kind.
// parameters:
//   - {name: text, type: string, description: "a part of a name, id or alias"}
// columns: [kind, id, name]
// ---
MATCH (n)
WHERE toLower(n.id) CONTAINS toLower($text) OR toLower(n.name) CONTAINS toLower($text)
RETURN n.kind AS kind, n.id AS id, n.name AS name
ORDER BY kind, id
