// ---
// id: actors-by-country
// name: Actors by attribution country
// category: actors
// description: Every actor with the country it is linked to, the confidence of the link and the reports behind it.
// parameters:
//   - {name: country, type: country, default: "", description: "a country: ISO code, name or demonym (KP, North Korea); empty for all"}
// columns: [country, country_name, actor, actor_id, confidence, sources]
// ---
MATCH (a:Actor)-[r:LINKED_TO]->(c:Country)
WHERE $country = '' OR c.id = $country
RETURN c.id AS country, c.name AS country_name, a.name AS actor, a.id AS actor_id,
       r.confidence AS confidence, r.sources AS sources
ORDER BY country, actor
