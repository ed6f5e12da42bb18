// ---
// id: similar-actors
// name: Actors similar to an actor
// category: actors
// description: Actors ranked by how many techniques, targets and languages they share with a given actor (by id, name or alias).
// parameters:
//   - {name: actor, type: actor, description: "the actor's id, name or one of its aliases"}
//   - {name: limit, type: int, default: 10, description: "how many rows"}
// columns: [actor, similar, shared, techniques, targets, languages]
// ---
// The types in the pattern, not tested on each edge's kind: the other types' edges are not read.
MATCH (a:Actor)-[r1:USES|TARGETS|USES_LANGUAGE]->(x)<-[r2:USES|TARGETS|USES_LANGUAGE]-(b:Actor)
WHERE a.id = $actor
  AND b.id <> a.id
  AND r2.kind = r1.kind
WITH a, b,
     collect(DISTINCT CASE WHEN x.kind = 'Technique' THEN x.id END) AS techniques,
     collect(DISTINCT CASE WHEN r1.kind = 'TARGETS' THEN x.id END) AS targets,
     collect(DISTINCT CASE WHEN x.kind = 'Language' THEN x.id END) AS languages,
     count(DISTINCT x) AS shared
RETURN a.name AS actor, b.name AS similar, shared, techniques, targets, languages
ORDER BY shared DESC, similar
LIMIT $limit
