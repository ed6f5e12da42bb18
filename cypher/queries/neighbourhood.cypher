// ---
// id: neighbourhood
// name: The neighbourhood of an entity
// category: paths
// description: Every entity one hop from a given entity, in either direction, with the relationship and its confidence; catalog facts only with --reference.
// parameters:
//   - {name: id, type: entity, description: "the entity: its id, name or an alias"}
// columns: [relationship, direction, kind, id, name, confidence, sources]
// ---
// Every label named (test_querylib checks the list against the schema): a node found by
// its id alone, with no label, is a scan of every node on Neo4j; with them, a key lookup a label.
MATCH (n:Report|Campaign|Actor|Country|Language|Sector|Organization|Technique|Tactic|Mitigation|Platform {id: $id})-[r]->(x)
WITH n, r, x, $catalogs AS catalogs
WHERE $reference OR (NOT x.reference AND any(s IN r.sources WHERE NOT s IN catalogs))
RETURN r.kind AS relationship, 'out' AS direction, x.kind AS kind, x.id AS id, x.name AS name,
       r.confidence AS confidence, r.sources AS sources
UNION ALL
MATCH (n:Report|Campaign|Actor|Country|Language|Sector|Organization|Technique|Tactic|Mitigation|Platform {id: $id})<-[r]-(x)
WITH n, r, x, $catalogs AS catalogs
WHERE $reference OR (NOT x.reference AND any(s IN r.sources WHERE NOT s IN catalogs))
RETURN r.kind AS relationship, 'in' AS direction, x.kind AS kind, x.id AS id, x.name AS name,
       r.confidence AS confidence, r.sources AS sources
