// ---
// id: sector-languages-techniques
// name: Languages and techniques against one sector
// category: chains
// description: Which languages operators use when they go after a sector, and with which techniques, counted by actor.
// parameters:
//   - {name: sector, type: sector, default: semiconductors, description: "a sector: id, name or synonym"}
// columns: [language, technique, technique_name, actors, actor_names]
// ---
MATCH (a:Actor)-[:TARGETS]->(s:Sector {id: $sector}),
      (a)-[:USES_LANGUAGE]->(l:Language),
      (a)-[:USES]->(t:Technique)
RETURN l.name AS language, t.id AS technique, t.name AS technique_name,
       count(DISTINCT a) AS actors, collect(DISTINCT a.name) AS actor_names
ORDER BY language, actors DESC, technique
