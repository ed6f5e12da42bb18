// ---
// id: neighbourhood
// name: The neighbourhood of an entity
// category: paths
// description: Every entity one hop from a given entity, in either direction, with the relationship and its confidence.
// parameters:
//   - {name: id, type: string, description: "the entity's id"}
// columns: [relationship, direction, kind, id, name, confidence, sources]
// ---
MATCH (n {id: $id})-[r]->(x)
RETURN r.kind AS relationship, 'out' AS direction, x.kind AS kind, x.id AS id, x.name AS name,
       r.confidence AS confidence, r.sources AS sources
UNION ALL
MATCH (n {id: $id})<-[r]-(x)
RETURN r.kind AS relationship, 'in' AS direction, x.kind AS kind, x.id AS id, x.name AS name,
       r.confidence AS confidence, r.sources AS sources
