// ---
// id: neighbourhood
// name: The neighbourhood of an entity
// category: paths
// description: Every entity one hop from a given entity, in either direction, with the relationship and its confidence; catalog facts only with --reference.
// parameters:
//   - {name: id, type: entity, description: "the entity: its id, name or an alias"}
// columns: [relationship, direction, kind, id, name, confidence, sources]
// ---
MATCH (n {id: $id})-[r]->(x)
WITH n, r, x, $catalogs AS catalogs
WHERE $reference OR (NOT x.reference AND any(s IN r.sources WHERE NOT s IN catalogs))
RETURN r.kind AS relationship, 'out' AS direction, x.kind AS kind, x.id AS id, x.name AS name,
       r.confidence AS confidence, r.sources AS sources
UNION ALL
MATCH (n {id: $id})<-[r]-(x)
WITH n, r, x, $catalogs AS catalogs
WHERE $reference OR (NOT x.reference AND any(s IN r.sources WHERE NOT s IN catalogs))
RETURN r.kind AS relationship, 'in' AS direction, x.kind AS kind, x.id AS id, x.name AS name,
       r.confidence AS confidence, r.sources AS sources
