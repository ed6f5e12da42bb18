// ---
// id: top-techniques
// name: Top techniques
// category: techniques
// description: The techniques used by the most actors, with the number of campaigns and reports that state them.
// parameters:
//   - {name: limit, type: int, default: 20, description: "how many rows"}
// columns: [technique, name, framework, actors, campaigns]
// ---
MATCH (x)-[:USES]->(t:Technique)
WITH t, count(DISTINCT CASE WHEN x.kind = 'Actor' THEN x.id END) AS actors,
     count(DISTINCT CASE WHEN x.kind = 'Campaign' THEN x.id END) AS campaigns
RETURN t.id AS technique, t.name AS name, t.framework AS framework, actors, campaigns
ORDER BY actors DESC, campaigns DESC, technique
LIMIT $limit
