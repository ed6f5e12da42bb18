// ---
// id: top-techniques
// name: Top techniques
// category: techniques
// description: The techniques used by the most actors, with the number of campaigns and reports that state them.
// parameters:
//   - {name: limit, type: int, default: 20, description: "how many rows"}
// columns: [technique, name, framework, actors, campaigns]
// ---
// Counted a technique at a time (no DISTINCT over every USES edge); only actors and campaigns
// use techniques (the schema), so the campaigns are the users that are not actors, and the
// users are the technique's degree, which Neo4j keeps.
MATCH (t:Technique)
WITH t, COUNT { MATCH (:Actor)-[:USES]->(t) } AS actors, COUNT { MATCH ()-[:USES]->(t) } AS users
WHERE users > 0
RETURN t.id AS technique, t.name AS name, t.framework AS framework, actors, users - actors AS campaigns
ORDER BY actors DESC, campaigns DESC, technique
LIMIT $limit
