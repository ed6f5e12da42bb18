// ---
// id: sectors-by-country
// name: Sectors targeted by a country's actors
// category: targets
// description: The sectors targeted by actors linked to a country, with the actors and the best confidence.
// parameters:
//   - {name: country, type: country, default: CN, description: "the attribution country: ISO code, name or demonym"}
// columns: [sector, actors, actor_names, max_confidence]
// ---
MATCH (c:Country {id: $country})<-[:LINKED_TO]-(a:Actor)-[r:TARGETS]->(s:Sector)
RETURN s.id AS sector, count(DISTINCT a) AS actors, collect(DISTINCT a.name) AS actor_names,
       max(r.confidence) AS max_confidence
ORDER BY actors DESC, sector
