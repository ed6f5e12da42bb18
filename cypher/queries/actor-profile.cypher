// ---
// id: actor-profile
// name: Everything known about one actor
// category: actors
// description: Every fact stated about an actor (found by id, name or alias), with its confidence, sources and evidence.
// parameters:
//   - {name: actor, type: actor, description: "the actor's id, name or one of its aliases (APT28, Fancy Bear)"}
// columns: [actor, relationship, kind, id, name, confidence, sources, evidence]
// ---
MATCH (a:Actor)-[r]->(x)
WHERE a.id = $actor
RETURN a.name AS actor, r.kind AS relationship, x.kind AS kind, x.id AS id, x.name AS name,
       r.confidence AS confidence, r.sources AS sources, r.evidence AS evidence
ORDER BY relationship, confidence DESC, id
