// ---
// id: country-to-country
// name: Who targets whom, by country
// category: targets
// description: Attribution country against targeted country, counted by actors.
// columns: [from_country, to_country, actors, actor_names]
// ---
MATCH (src:Country)<-[:LINKED_TO]-(a:Actor)-[:TARGETS]->(dst:Country)
RETURN src.id AS from_country, dst.id AS to_country, count(DISTINCT a) AS actors,
       collect(DISTINCT a.name) AS actor_names
ORDER BY actors DESC, from_country, to_country
